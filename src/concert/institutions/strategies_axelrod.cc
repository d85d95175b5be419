// Entries of Axelrod's first tournament (Axelrod 1980, J. Conflict Resolution
// 24(1): 3-25) that are not classics: TIT FOR TAT, FRIEDMAN (grim) and RANDOM
// live in strategies_classic.cc. The original programs are lost for most
// entries; those classes implement the description in Axelrod (1980), and a
// comment marks every place where that description leaves a choice open.
// NYDEGGER, GRAASKAMP and DOWNING follow the round-one Fortran that survives
// in Axelrod's TourExec code (read for the rules; none is copied).
// docs/institutions.md tabulates the choices and sources.
#include <cmath>
#include <cstdint>
#include <memory>

#include "concert/institutions/strategy.h"

namespace concert {
namespace {

bool Defected(Move m) { return m == Move::kDefect; }

// True when the opponent's `defections` in `n` moves look like a fair coin:
// Pearson's chi-squared with 1 degree of freedom below its 5 % critical value
// 3.841 (reconstruction: Axelrod names the test but not its inputs).
bool LooksRandom(double defections, double n) {
  if (n == 0) return false;
  const double cooperations = n - defections;
  const double chi2 = (cooperations - defections) * (cooperations - defections) / n;
  return chi2 < 3.841458820694124;
}

bool InLastTwo(const MatchView& v) { return v.turns > 0 && v.turn >= v.turns - 2; }

// TIDEMAN AND CHIERUZZI: tit for tat whose punishment grows by one defection
// with each new run of the opponent's defections; a "fresh start" (two
// cooperations, then play as at the start) when the opponent is 10+ points
// behind, did not just defect, 20+ moves have passed since the last fresh
// start, 10+ moves remain, and its defections since the last fresh start are
// 3+ standard deviations from a fair coin's; defects on the last two moves.
// Reconstruction: scores are counted from the start of the match, defections
// from the last fresh start.
class TidemanChieruzzi : public Strategy {
 public:
  void Reset() override { *this = TidemanChieruzzi(); }
  Move Next(const MatchView& v, Stream&) override {
    if (v.turn == 0) return Move::kCooperate;
    const Move mine = v.mine.back(), theirs = v.theirs.back();
    my_score_ += v.payoffs.Score(mine, theirs);
    their_score_ += v.payoffs.Score(theirs, mine);
    ++seen_;
    defections_ += Defected(theirs);
    const bool run_starts = Defected(theirs) && (v.turn == 1 || !Defected(v.theirs[v.turn - 2]));
    if (InLastTwo(v)) return Move::kDefect;
    if (second_cooperation_) {
      second_cooperation_ = false;
      return Move::kCooperate;
    }
    const double sd = std::sqrt(static_cast<double>(seen_)) / 2;
    if ((last_fresh_start_ < 0 || v.turn - last_fresh_start_ >= 20) &&
        my_score_ - their_score_ >= 10 && !Defected(theirs) &&
        (v.turns == 0 || v.turns - v.turn >= 10) && std::abs(defections_ - seen_ / 2.0) >= 3 * sd) {
      runs_ = punish_left_ = 0;
      seen_ = 0;
      defections_ = 0;
      last_fresh_start_ = v.turn;
      second_cooperation_ = true;
      return Move::kCooperate;
    }
    if (run_starts) {
      ++runs_;
      punish_left_ = runs_ - 1;  // the first run gets tit for tat's single defection
      return Move::kDefect;
    }
    if (Defected(theirs)) return Move::kDefect;  // the run goes on: tit for tat
    if (punish_left_ > 0) {
      --punish_left_;
      return Move::kDefect;
    }
    return Move::kCooperate;
  }

 private:
  double my_score_ = 0, their_score_ = 0;
  int seen_ = 0, defections_ = 0, runs_ = 0, punish_left_ = 0, last_fresh_start_ = -1;
  bool second_cooperation_ = false;
};

// NYDEGGER, as in the round-one program itself: Axelrod retyped NYDEGR from
// the first tournament's code in 1993 (TourExec, src/strategies/k57r.f, "SAME
// AS ROUND ONE NYDEGR"). Tit for tat on moves 1-3, except that it defects on
// move 3 after (C,D),(D,C); from move 4, A = 16 a(t-3) + 4 a(t-2) + a(t-1)
// (the oldest outcome weighs 16, Axelrod's "chronological order"), and it
// cooperates iff A is 0, 27, 28, 32, 40-44, 46-48, 56, 57, 59, 60, 62 or 63.
// In the program an outcome counts 2 for its OWN defection and 1 for the
// other's, the reverse of Axelrod's prose (1980, appendix); the program's own
// move-3 test (A = 6 for (C,D),(D,C)) only works with its coding. Axelrod's
// published list of 19 defecting values is a subset of the program's 46.
class Nydegger : public Strategy {
 public:
  Move Next(const MatchView& v, Stream&) override {
    if (v.turn == 0) return Move::kCooperate;
    if (v.turn == 2 && Defected(v.theirs[0]) && Defected(v.mine[1]) && !Defected(v.mine[0]) &&
        !Defected(v.theirs[1])) {
      return Move::kDefect;
    }
    if (v.turn < 3) return v.theirs.back();
    int a = 0;
    for (int back = 3, weight = 16; back >= 1; --back, weight /= 4) {
      const int t = v.turn - back;
      a += weight * (2 * Defected(v.mine[t]) + Defected(v.theirs[t]));
    }
    constexpr std::uint64_t kCooperateOn = (1ull << 0) | (1ull << 27) | (1ull << 28) |
                                           (1ull << 32) | (0x1Full << 40) | (0x7ull << 46) |
                                           (0x3ull << 56) | (0x3ull << 59) | (0x3ull << 62);
    return CooperateIf((kCooperateOn >> a) & 1u);
  }
};

// GROFMAN: cooperates when both did the same last move, else with p = 2/7.
class Grofman : public Strategy {
 public:
  Move Next(const MatchView& v, Stream& stream) override {
    if (v.turn == 0 || v.mine.back() == v.theirs.back()) return Move::kCooperate;
    return CooperateIf(Chance(stream, 2.0 / 7.0));
  }
};

// SHUBIK: cooperates until the other defects while it cooperates, then
// defects k times, k = 1, 2, 3, ... for each such departure (Shubik 1970).
// Defections seen while it retaliates do not lengthen the retaliation.
class Shubik : public Strategy {
 public:
  void Reset() override { length_ = left_ = 0; }
  Move Next(const MatchView& v, Stream&) override {
    if (v.turn == 0) return Move::kCooperate;
    if (left_ > 0) {
      --left_;
      return Move::kDefect;
    }
    if (Defected(v.theirs.back()) && !Defected(v.mine.back())) {
      left_ = ++length_ - 1;
      return Move::kDefect;
    }
    return Move::kCooperate;
  }

 private:
  int length_ = 0, left_ = 0;
};

// STEIN AND RAPOPORT: cooperates on the first four moves, then tit for tat;
// every 15 moves it tests whether the other looks random and, if so, defects
// until the next test; defects on the last two moves. Reconstruction: the test
// is on the other's cooperation count (Axelrod mentions transition
// probabilities and a check for alternation, whose details are lost).
class SteinRapoport : public Strategy {
 public:
  void Reset() override { random_ = false, seen_ = 0, defections_ = 0; }
  Move Next(const MatchView& v, Stream&) override {
    for (; seen_ < v.theirs.size(); ++seen_) defections_ += Defected(v.theirs[seen_]);
    if (v.turn < 4) return Move::kCooperate;
    if (InLastTwo(v)) return Move::kDefect;
    if (v.turn % 15 == 0) random_ = LooksRandom(defections_, static_cast<double>(seen_));
    return random_ ? Move::kDefect : v.theirs.back();
  }

 private:
  bool random_ = false;
  std::size_t seen_ = 0;
  double defections_ = 0;
};

// DAVIS: cooperates on the first ten moves, then defects for ever if the other
// has defected at any point.
class Davis : public Strategy {
 public:
  void Reset() override { seen_ = 0, grudge_ = false; }
  Move Next(const MatchView& v, Stream&) override {
    // Only the moves not looked at yet: O(1) a move, not O(turn).
    for (; seen_ < v.theirs.size(); ++seen_) grudge_ = grudge_ || Defected(v.theirs[seen_]);
    if (v.turn < 10) return Move::kCooperate;
    return grudge_ ? Move::kDefect : Move::kCooperate;
  }

 private:
  std::size_t seen_ = 0;
  bool grudge_ = false;
};

// GRAASKAMP, as in the round-one program GRASR (TourExec,
// src/strategies/grasr.f, called by k78r.f "SAME AS ROUND ONE GRAASKAMP").
// Axelrod (1980) summarises it as: tit for tat for 50 moves, defect on move
// 51, 5 more moves of tit for tat, then checks for RANDOM (defect for ever),
// for TIT FOR TAT, ANALOGY or its twin (tit for tat), and otherwise "randomly
// defects every 5 to 15 moves". The program's checks, made once on move 57:
//  - RANDOM: the other has scored at most 135 points in moves 1-56 (45 R; a
//    tit for tat partner has 165) -> defect for ever;
//  - outcomes of moves 52-54 (mine, other's) = (C,D),(D,C),(C,D) [tit for
//    tat's echo of the probe] or (D,D),(D,D),(D,D) [the twin's] -> cooperate on
//    move 57, then tit for tat;
//  - outcomes of moves 52-55 = (C,C),(C,D),(D,C),(C,C) [presumably ANALOGY] ->
//    cooperate on moves 57-118, then tit for tat;
//  - otherwise cooperate on move 57, then tit for tat with a defection after
//    every n moves, n = floor(5 + 10 u) in 5..14 drawn afresh after each one.
class Graaskamp : public Strategy {
 public:
  void Reset() override {
    mode_ = Mode::kUndecided;
    countdown_ = 0;
  }
  Move Next(const MatchView& v, Stream& stream) override {
    if (v.turn == 0) return Move::kCooperate;
    if (v.turn == 50) return Move::kDefect;  // move 51
    if (v.turn < 56) return v.theirs.back();
    if (v.turn == 56) {  // move 57
      double their_score = 0;
      for (int t = 0; t < 56; ++t) their_score += v.payoffs.Score(v.theirs[t], v.mine[t]);
      // Outcome of move 52 + k (k = 0..3): 0 (C,C), 1 (C,D), 2 (D,C), 3 (D,D), as (mine, theirs).
      auto outcome = [&](int k) {
        return 2 * Defected(v.mine[51 + k]) + Defected(v.theirs[51 + k]);
      };
      if (their_score <= 45 * v.payoffs.reward) {
        mode_ = Mode::kDefect;
        return Move::kDefect;
      }
      if ((outcome(0) == 1 && outcome(1) == 2 && outcome(2) == 1) ||
          (outcome(0) == 3 && outcome(1) == 3 && outcome(2) == 3)) {
        mode_ = Mode::kTitForTat;
      } else if (outcome(0) == 0 && outcome(1) == 1 && outcome(2) == 2 && outcome(3) == 0) {
        mode_ = Mode::kAnalogy;
      } else {
        mode_ = Mode::kProbe;
        countdown_ = Draw(stream);
      }
      return Move::kCooperate;
    }
    switch (mode_) {
      case Mode::kDefect:
        return Move::kDefect;
      case Mode::kAnalogy:
        if (v.turn < 118) return Move::kCooperate;  // through move 118
        return v.theirs.back();
      case Mode::kProbe:
        if (countdown_ <= 0) {
          countdown_ = Draw(stream);
          return Move::kDefect;
        }
        --countdown_;
        return v.theirs.back();
      default:
        return v.theirs.back();
    }
  }

 private:
  enum class Mode { kUndecided, kDefect, kTitForTat, kAnalogy, kProbe };
  static int Draw(Stream& stream) { return 5 + static_cast<int>(10 * stream.Uniform()); }
  Mode mode_ = Mode::kUndecided;
  int countdown_ = 0;
};

// DOWNING (Downing 1975): estimates g = P(other cooperates | I cooperated
// on the move before) and b = P(... | I defected), and compares the long-run
// values of always cooperating, gR + (1-g)S, always defecting, bT + (1-b)P,
// and alternating, [bR + (1-b)S + gT + (1-g)P] / 2: it cooperates if
// cooperating is worth at least as much as both others, else alternates if
// alternating is worth at least as much as defecting, else defects. The
// decision rule and the estimates are those of the program REVISED DOWNING
// (TourExec, src/strategies/K59R.f, "SAME AS ROUND ONE REV.DOWNING"), which
// Axelrod (1980) describes as DOWNING with optimistic instead of pessimistic
// initial estimates: the estimates are plain frequencies (the other's reply on
// move t+1 to my move t; its first move is no reply), each held at its initial
// value until its first observation. DOWNING's initial values are both 0.5
// (Axelrod 1980), so it defects on moves 1 and 2.
class Downing : public Strategy {
 public:
  void Reset() override { after_c_ = coop_after_c_ = after_d_ = coop_after_d_ = 0; }
  Move Next(const MatchView& v, Stream&) override {
    if (v.turn >= 2) {
      const bool i_cooperated = !Defected(v.mine[v.turn - 2]);
      (i_cooperated ? after_c_ : after_d_) += 1;
      (i_cooperated ? coop_after_c_ : coop_after_d_) += !Defected(v.theirs.back());
    }
    const double g = after_c_ > 0 ? coop_after_c_ / after_c_ : 0.5;
    const double b = after_d_ > 0 ? coop_after_d_ / after_d_ : 0.5;
    const Payoffs& p = v.payoffs;
    const double defect = b * p.temptation + (1 - b) * p.punishment;
    const double cooperate = g * p.reward + (1 - g) * p.sucker - defect;
    const double alternate =
        (b * p.reward + (1 - b) * p.sucker + g * p.temptation + (1 - g) * p.punishment) / 2 -
        defect;
    // The program compares these differences with >= in single precision; a
    // tolerance keeps exact ties (g = 1/3, ...) ties in double precision.
    constexpr double kTie = 1e-9;
    if (cooperate >= -kTie && cooperate >= alternate - kTie) return Move::kCooperate;
    if (alternate >= -kTie) {  // the program starts as if it had cooperated before move 1
      return v.turn > 0 && Defected(v.mine.back()) ? Move::kCooperate : Move::kDefect;
    }
    return Move::kDefect;
  }

 private:
  double after_c_ = 0, coop_after_c_ = 0, after_d_ = 0, coop_after_d_ = 0;
};

// FELD: defects after a defection; after a cooperation cooperates with a
// probability that falls from 1 to 0.5 by the 200th move. Reconstruction:
// linearly, p = max(0.5, 1 - 0.5 t / 200) for move t (0-based).
class Feld : public Strategy {
 public:
  Move Next(const MatchView& v, Stream& stream) override {
    if (v.turn == 0) return Move::kCooperate;
    if (Defected(v.theirs.back())) return Move::kDefect;
    return CooperateIf(Chance(stream, std::max(0.5, 1.0 - 0.5 * v.turn / 200.0)));
  }
};

// JOSS: tit for tat, but cooperates only 90 % of the time after a cooperation.
class Joss : public Strategy {
 public:
  Move Next(const MatchView& v, Stream& stream) override {
    if (v.turn == 0) return Move::kCooperate;
    if (Defected(v.theirs.back())) return Move::kDefect;
    return CooperateIf(Chance(stream, 0.9));
  }
};

// TULLOCK: cooperates on the first eleven moves, then with probability equal
// to the other's cooperation rate over the last ten moves minus 0.1.
class Tullock : public Strategy {
 public:
  Move Next(const MatchView& v, Stream& stream) override {
    if (v.turn < 11) return Move::kCooperate;
    int cooperations = 0;
    for (int t = v.turn - 10; t < v.turn; ++t) cooperations += !Defected(v.theirs[t]);
    return CooperateIf(Chance(stream, cooperations / 10.0 - 0.1));
  }
};

// (Name withheld): cooperates with probability P, 0.3 at first and revised
// every ten moves. Axelrod gives the revision rules only in outline and says
// they kept P between 0.3 and 0.7; reconstruction: P is redrawn uniformly from
// [0.3, 0.7] every ten moves.
class Anonymous : public Strategy {
 public:
  void Reset() override { p_ = 0.3; }
  Move Next(const MatchView& v, Stream& stream) override {
    if (v.turn > 0 && v.turn % 10 == 0) p_ = 0.3 + 0.4 * stream.Uniform();
    return CooperateIf(Chance(stream, p_));
  }

 private:
  double p_ = 0.3;
};

}  // namespace

std::unique_ptr<Strategy> MakeAxelrodStrategy(const std::string& name) {
  if (name == "tideman-chieruzzi") return std::make_unique<TidemanChieruzzi>();
  if (name == "nydegger") return std::make_unique<Nydegger>();
  if (name == "grofman") return std::make_unique<Grofman>();
  if (name == "shubik") return std::make_unique<Shubik>();
  if (name == "stein-rapoport") return std::make_unique<SteinRapoport>();
  if (name == "davis") return std::make_unique<Davis>();
  if (name == "graaskamp") return std::make_unique<Graaskamp>();
  if (name == "downing") return std::make_unique<Downing>();
  if (name == "feld") return std::make_unique<Feld>();
  if (name == "joss") return std::make_unique<Joss>();
  if (name == "tullock") return std::make_unique<Tullock>();
  if (name == "anonymous") return std::make_unique<Anonymous>();
  return nullptr;
}

}  // namespace concert
