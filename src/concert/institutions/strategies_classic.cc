// The classic strategies of the repeated prisoner's dilemma: always cooperate,
// always defect, random, tit for tat (Rapoport; Axelrod 1984), grim trigger
// (Friedman 1971), generous tit for tat (Nowak & Sigmund 1992) and win-stay
// lose-shift (Nowak & Sigmund 1993). Each is a few lines; see strategy.h.
#include <memory>
#include <stdexcept>

#include "concert/institutions/strategy.h"

namespace concert {
namespace {

Move LastSeen(const MatchView& view) { return view.theirs.back(); }

class AlwaysCooperate : public Strategy {
 public:
  Move Next(const MatchView&, Stream&) override { return Move::kCooperate; }
};

class AlwaysDefect : public Strategy {
 public:
  Move Next(const MatchView&, Stream&) override { return Move::kDefect; }
};

// Cooperates with probability p each move, whatever happened.
class RandomMove : public Strategy {
 public:
  explicit RandomMove(double p) : p_(p) {}
  Move Next(const MatchView&, Stream& stream) override { return CooperateIf(Chance(stream, p_)); }

 private:
  double p_;
};

// Cooperates first, then repeats the opponent's previous move.
class TitForTat : public Strategy {
 public:
  Move Next(const MatchView& view, Stream&) override {
    return view.turn == 0 ? Move::kCooperate : LastSeen(view);
  }
};

// Cooperates until it sees the first defection, then defects for ever.
class Grim : public Strategy {
 public:
  void Reset() override { triggered_ = false; }
  Move Next(const MatchView& view, Stream&) override {
    if (view.turn > 0 && LastSeen(view) == Move::kDefect) triggered_ = true;
    return CooperateIf(!triggered_);
  }

 private:
  bool triggered_ = false;
};

// Tit for tat that answers a defection with cooperation with probability p.
class GenerousTitForTat : public Strategy {
 public:
  explicit GenerousTitForTat(double p) : p_(p) {}
  Move Next(const MatchView& view, Stream& stream) override {
    if (view.turn == 0 || LastSeen(view) == Move::kCooperate) return Move::kCooperate;
    return CooperateIf(Chance(stream, p_));
  }

 private:
  double p_;
};

// Pavlov: repeats its move after R or T (the opponent cooperated), switches
// after P or S (the opponent defected).
class WinStayLoseShift : public Strategy {
 public:
  Move Next(const MatchView& view, Stream&) override {
    if (view.turn == 0) return Move::kCooperate;
    const Move mine = view.mine.back();
    if (LastSeen(view) == Move::kCooperate) return mine;
    return mine == Move::kCooperate ? Move::kDefect : Move::kCooperate;
  }
};

}  // namespace

std::unique_ptr<Strategy> MakeClassicStrategy(const std::string& name,
                                              const StrategyParams& params) {
  if (name == "allc") return std::make_unique<AlwaysCooperate>();
  if (name == "alld") return std::make_unique<AlwaysDefect>();
  if (name == "random") return std::make_unique<RandomMove>(params.p);
  if (name == "tft") return std::make_unique<TitForTat>();
  if (name == "grim") return std::make_unique<Grim>();
  if (name == "gtft") return std::make_unique<GenerousTitForTat>(params.p);
  if (name == "wsls") return std::make_unique<WinStayLoseShift>();
  return nullptr;
}

}  // namespace concert
