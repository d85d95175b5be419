// concert/models/smp/turns.h — the turns of the spatial model of politics
// (see smp.h for the model and its citations). Positions and saliences are on
// [0, 1] as in KTAB; the adapter in smp.cc converts from and to a Scenario.
//
// One turn from state t (positions x, ideals = positions):
//   1. risk attitudes R from a PCE among all positions (risk-neutral
//      utilities, capability as weight);
//   2. every actor i picks the target j that maximises its expected gain from
//      challenging j, seen by itself, with third parties joining coalitions;
//      above 1e-5 it proposes a bargain interpolated between x_i and x_j;
//   3. every actor k weighs the status quo and the bargains it is part of by a
//      PCE among all actors and adopts the best (or a random one by its
//      probability, stochastic mode); the result is state t + 1;
//   4. stop when the change is below `stop_ratio` of the first turn's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "concert/models/smp/scalar_math.h"

namespace concert::smp {

enum class RiskAdjust { kNone, kOneThird, kHalf, kTwoThirds, kFull };  // KTAB BigRAdjust
enum class Commitment { kNone, kSemi, kFull };                         // ThirdPartyCommit
enum class Interpolation { kS1P1, kS2P2, kS2PMax };                    // InterVecBrgn
enum class BargainModel { kInitiator, kBoth, kPowerWeighted };         // SMPBargnModel

struct Config {
  VictoryModel victory = VictoryModel::kLinear;
  PceModel pce = PceModel::kConditional;
  bool stochastic = false;
  VotingRule voting = VotingRule::kProportional;
  RiskAdjust risk_adjust = RiskAdjust::kOneThird;
  RiskRange risk_range = RiskRange::kMid;
  Commitment commitment = Commitment::kSemi;
  Interpolation interpolation = Interpolation::kS2P2;
  BargainModel bargain = BargainModel::kInitiator;
  int max_turns = 100;
  int min_turns = 2;
  double stop_ratio = 0.02;  // stop when change / (first change + 1e-4) < this
  std::uint64_t seed = 0;    // stochastic mode
  unsigned threads = 0;      // 0: one per core; the results do not depend on it
};

struct Input {
  Matrix position;  // actors x dimensions, in [0, 1]
  Matrix salience;  // actors x dimensions, in [0, 1]; each row sums to at most 1
  std::vector<double> capability;
};

// A challenge made in a turn and the bargain it proposed.
struct ChallengeMade {
  std::size_t initiator = 0, receiver = 0;
  double probability = 0;  // the initiator's estimate that it prevails
  double gain = 0;         // its expected gain in utility over the status quo
  std::vector<double> initiator_position, receiver_position;  // the bargain, [0, 1]
  bool initiator_adopted = false, receiver_adopted = false;
};

struct Turn {
  int turn = 0;              // 0 = input
  Matrix position;           // at this turn
  std::vector<double> risk;  // R per actor, estimated at this turn
  // Distinct positions (first actor holding each, in actor order), the actors
  // holding them and the probability that each prevails.
  std::vector<std::vector<std::size_t>> distinct;
  std::vector<double> distinct_probability;
  std::vector<ChallengeMade> challenges;  // made from this turn's positions (not the last)
  double change = 0;                      // sum over actors of |x(t) - x(t-1)|
};

struct Result {
  std::vector<Turn> turns;
  std::string stop_reason;
  bool cancelled = false;
};

// Runs until the stopping rule; `progress` gets the turn number, `cancel`
// returning true stops after the current turn.
Result Run(const Input& input, const Config& config,
           const std::function<void(int)>& progress = nullptr,
           const std::function<bool()>& cancel = nullptr);

}  // namespace concert::smp
