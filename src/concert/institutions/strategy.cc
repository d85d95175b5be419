// The strategy library: names, one-line rules, Axelrod's table, spec parsing.
#include "concert/institutions/strategy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "concert/core/error.h"
#include "concert/models/model.h"

namespace concert {
namespace {

// name, rule, parameter text, stochastic, Axelrod (1980) Table 2 entry, rank, score.
std::vector<StrategyInfo> BuildLibrary() {
  return {
      {"tft",
       "Cooperates first, then repeats the other's last move (Rapoport).",
       {},
       false,
       "TIT FOR TAT",
       1,
       504.5},
      {"tideman-chieruzzi",
       "Tit for tat with punishments one longer for each new run of the other's defections; "
       "fresh starts; defects on the last two moves.",
       {},
       false,
       "TIDEMAN AND CHIERUZZI",
       2,
       500.4},
      {"nydegger",
       "Looks up the last three outcomes, A = 16a(t-3) + 4a(t-2) + a(t-1), in the round-one "
       "program's table.",
       {},
       false,
       "NYDEGGER",
       3,
       485.5},
      {"grofman",
       "Cooperates if both did the same last move, else with probability 2/7.",
       {},
       true,
       "GROFMAN",
       4,
       481.9},
      {"shubik",
       "Retaliates k = 1, 2, 3, ... moves for each departure from mutual cooperation.",
       {},
       false,
       "SHUBIK",
       5,
       480.7},
      {"stein-rapoport",
       "Cooperates 4 moves, then tit for tat; defects against a random-looking other (tested "
       "every 15 moves) and on the last two moves.",
       {},
       false,
       "STEIN AND RAPOPORT",
       6,
       477.8},
      {"grim",
       "Cooperates until the other's first defection, then defects for ever (Friedman).",
       {},
       false,
       "FRIEDMAN",
       7,
       473.4},
      {"davis", "Cooperates 10 moves, then grim.", {}, false, "DAVIS", 8, 471.8},
      {"graaskamp",
       "Tit for tat with a probe on move 51; on move 57 defects for ever if the other scored "
       "<= 135, plays tit for tat against tit for tat or a twin, else adds a defection every "
       "6-15 moves.",
       {},
       true,
       "GRAASKAMP",
       9,
       400.7},
      {"downing",
       "Estimates the other's reply probabilities (0.5 at first) and cooperates, alternates or "
       "defects, whichever is worth most in the long run.",
       {},
       false,
       "DOWNING",
       10,
       390.6},
      {"feld",
       "Tit for tat whose cooperation after a cooperation falls to 0.5 by move 200.",
       {},
       true,
       "FELD",
       11,
       327.6},
      {"joss",
       "Tit for tat that cooperates only 90% of the time after a cooperation.",
       {},
       true,
       "JOSS",
       12,
       304.4},
      {"tullock",
       "Cooperates 11 moves, then with the other's cooperation rate over the last ten minus 0.1.",
       {},
       true,
       "TULLOCK",
       13,
       300.5},
      {"anonymous",
       "Cooperates with probability 0.3, redrawn in [0.3, 0.7] every ten moves.",
       {},
       true,
       "(Name withheld)",
       14,
       282.2},
      {"random",
       "Cooperates with probability p each move.",
       {NumberParam("p", ParamInfo::Type::kReal, "0.5", 0, 1, "", "probability of cooperating")},
       true,
       "RANDOM",
       15,
       276.3},
      {"allc", "Always cooperates.", {}, false, "", 0, 0},
      {"alld", "Always defects.", {}, false, "", 0, 0},
      {"gtft",
       "Tit for tat that forgives a defection with probability p (Nowak & Sigmund 1992).",
       {NumberParam("p", ParamInfo::Type::kReal, "0.1", 0, 1, "",
                    "probability of cooperating after a defection")},
       true,
       "",
       0,
       0},
      {"wsls",
       "Win-stay lose-shift (Pavlov): repeats after R or T, switches after P or S.",
       {},
       false,
       "",
       0,
       0},
  };
}

InputError StrategyError(const std::string& field, const std::string& spec,
                         const std::string& message) {
  return InputError({"", 0, field}, fmt::format("strategy '{}': {}", spec, message));
}

std::string KnownNames() {
  std::vector<std::string> names;
  for (const auto& info : StrategyLibrary()) names.push_back(info.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

double Payoffs::Score(Move mine, Move theirs) const {
  if (mine == Move::kCooperate) return theirs == Move::kCooperate ? reward : sucker;
  return theirs == Move::kCooperate ? temptation : punishment;
}

const std::vector<StrategyInfo>& StrategyLibrary() {
  static const std::vector<StrategyInfo> library = BuildLibrary();
  return library;
}

CreatedStrategy CreateStrategy(const std::string& text, const std::string& field) {
  ModelSpec spec;
  try {
    spec = ParseModelSpec(text);
  } catch (const InputError& e) {
    // The spec parser says "model spec 'X': ..."; keep only what was expected.
    std::string message = e.message();
    if (const auto colon = message.find("': "); colon != std::string::npos) {
      message = message.substr(colon + 3);
    }
    throw StrategyError(field, text, message);
  }
  const StrategyInfo* info = nullptr;
  for (const auto& candidate : StrategyLibrary()) {
    if (candidate.name == spec.name) info = &candidate;
  }
  if (info == nullptr) {
    throw StrategyError(field, text,
                        fmt::format("unknown strategy '{}'; known strategies: {} (or the list "
                                    "axelrod-first or classics)",
                                    spec.name, KnownNames()));
  }
  // The one parameter some strategies take (p), declared with its default and
  // bounds in the library above.
  const bool takes_p = !info->params.empty();
  StrategyParams params{takes_p ? std::stod(info->params[0].default_value) : 0.0};
  for (const auto& [key, value] : spec.args) {
    if (!takes_p || key != "p") {
      throw StrategyError(field, text,
                          takes_p ? fmt::format("unknown parameter '{}'; expected p", key)
                                  : fmt::format("'{}' takes no parameters", info->name));
    }
    char* end = nullptr;
    params.p = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || !(params.p >= 0 && params.p <= 1)) {
      throw StrategyError(field, text,
                          fmt::format("expected p to be a number in [0, 1] but got '{}'", value));
    }
  }
  CreatedStrategy created;
  created.info = info;
  created.spec = takes_p ? fmt::format("{}(p={})", info->name, params.p) : info->name;
  created.strategy = MakeClassicStrategy(info->name, params);
  if (!created.strategy) created.strategy = MakeAxelrodStrategy(info->name);
  return created;
}

std::vector<std::string> ExpandStrategyList(const std::vector<std::string>& words) {
  std::vector<std::string> specs;
  // A list's members are added once even when lists overlap (both hold tft,
  // grim and random); a strategy the user names twice stays an error.
  auto from_list = [&](const std::string& name) {
    if (std::find(specs.begin(), specs.end(), name) == specs.end()) specs.push_back(name);
  };
  auto add = [&](const std::string& word) {
    if (word == "axelrod-first") {
      for (const auto& info : StrategyLibrary()) {
        if (info.axelrod_rank > 0) from_list(info.name);
      }
    } else if (word == "classics") {
      for (const char* name : {"allc", "alld", "random", "tft", "grim", "gtft", "wsls"}) {
        from_list(name);
      }
    } else if (!word.empty()) {
      specs.push_back(word);
    }
  };
  for (const std::string& text : words) {
    int depth = 0;
    std::string word;
    for (char c : text) {
      depth += (c == '(') - (c == ')');
      if (c == ',' && depth == 0) {
        add(word);
        word.clear();
      } else if (c != ' ') {
        word += c;
      }
    }
    add(word);
  }
  return specs;
}

}  // namespace concert
