#include "concert/institutions/institution.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "concert/core/error.h"
#include "concert/core/uncertain.h"
#include "concert/models/registry.h"

namespace concert {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// FNV-1a of a field name: the stream index offset of that field's draws.
std::uint64_t FieldHash(const std::string& field) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : field) h = (h ^ c) * 1099511628211ULL;
  return h;
}

class Resolver {
 public:
  Resolver(const std::optional<DrawIndex>& draw, UncertainValues* record)
      : draw_(draw), record_(record) {}

  // The number's value, or a draw from its uncertainty within [low, high];
  // uncertain numbers are recorded with their field.
  double Value(const Number& number, const std::string& field, double low, double high) const {
    const double v = Resolve(number, field, low, high);
    if (record_ != nullptr && number.uncertainty.kind != Uncertainty::Kind::kNone) {
      record_->emplace_back(field, v);
    }
    return v;
  }

 private:
  double Resolve(const Number& number, const std::string& field, double low, double high) const {
    const Uncertainty& u = number.uncertainty;
    if (!draw_ || u.kind == Uncertainty::Kind::kNone) return number.value;
    Stream stream(draw_->seed ^ FieldHash(field), draw_->draw);
    return DrawNumber(number, low, high, stream);
  }

  std::optional<DrawIndex> draw_;
  UncertainValues* record_;
};

// The first of design, base, fallback that is set.
template <typename T>
std::optional<T> Pick(const std::optional<T>& design, const std::optional<T>& base) {
  return design ? design : base;
}

const PartySpec* FindParty(const DesignSpec* design, const std::string& id) {
  if (design == nullptr) return nullptr;
  auto it = design->parties.find(id);
  return it == design->parties.end() ? nullptr : &it->second;
}

}  // namespace

Stakes DeriveStakes(const Scenario& s, const std::vector<double>& agreement) {
  Stakes stakes;
  stakes.benefit.assign(s.num_actors(), 0.0);
  stakes.cost.assign(s.num_actors(), 0.0);
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    const Issue& issue = s.issues[k];
    if (!issue.status_quo) {
      throw InputError({"", 0, fmt::format("issues[{}].status_quo", k)},
                       fmt::format("issue '{}' has no status quo; the compliance game needs the "
                                   "no-agreement point of every issue",
                                   issue.id));
    }
    const double range = issue.scale_max - issue.scale_min;
    for (std::size_t i = 0; i < s.num_actors(); ++i) {
      const Stance* st = s.stance(i, k);
      if (st == nullptr) continue;
      const double p = st->position.value;
      const double gain =
          (std::abs(p - issue.status_quo->value) - std::abs(p - agreement[k])) / range;
      (gain > 0 ? stakes.benefit[i] : stakes.cost[i]) += st->salience.value * std::abs(gain);
    }
  }
  return stakes;
}

std::vector<double> AgreementOutcomes(const Scenario& s, const InstitutionSpec& spec,
                                      const std::string& model, std::uint64_t seed) {
  std::vector<double> outcomes(s.num_issues());
  if (!spec.outcomes.empty()) {
    for (std::size_t k = 0; k < s.num_issues(); ++k) {
      auto it = spec.outcomes.find(s.issues[k].id);
      outcomes[k] = it != spec.outcomes.end() ? it->second
                    : s.issues[k].status_quo  ? s.issues[k].status_quo->value
                                              : s.issues[k].scale_min;
    }
    return outcomes;
  }
  RunContext context;
  context.seed = seed;
  context.control.threads = 1;  // simulations run their draws in parallel already
  const Forecast forecast = CreateModel(model).model->Run(s, context);
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    if (k >= forecast.issues.size() || !forecast.issues[k].outcome) {
      throw InputError({"", 0, "institution.agreement.model"},
                       fmt::format("model '{}' gives no outcome for issue '{}'; give the "
                                   "agreement's outcomes instead",
                                   model, s.issues[k].id));
    }
    outcomes[k] = *forecast.issues[k].outcome;
  }
  return outcomes;
}

GameTerms BuildTerms(const Scenario& s, const Stakes& stakes, const InstitutionSpec& spec,
                     const DesignSpec* design, const std::optional<DrawIndex>& draw,
                     UncertainValues* uncertain) {
  const Resolver r(draw, uncertain);
  const DesignSpec& base = spec.base;
  const DesignSpec empty;
  const DesignSpec& d = design ? *design : empty;
  auto number = [&](const std::optional<Number>& over, const std::optional<Number>& under,
                    double fallback, const std::string& field, double low, double high) {
    const std::optional<Number> n = Pick(over, under);
    return n ? r.Value(*n, field, low, high) : fallback;
  };
  GameTerms g;
  g.periods = spec.periods;
  g.monitoring = number(d.monitoring, base.monitoring, 0.9, "monitoring", 0, 1);
  g.false_alarm = number(d.false_alarm, base.false_alarm, 0.0, "false_alarm", 0, 1);
  g.forgiveness = number(d.forgiveness, base.forgiveness, 0.0, "forgiveness", 0, 1);
  g.cost_volatility = number(d.cost_volatility, base.cost_volatility, 0.5, "cost_volatility", 0, 1);
  g.sanction = number(d.sanction, base.sanction, 0.0, "sanction.size", 0, kInf);
  g.sanction_cost = number(d.sanction_cost, base.sanction_cost, 0.5, "sanction.cost", 0, kInf);
  g.aid_conditional = Pick(d.aid_conditional, base.aid_conditional).value_or(false);
  g.punishment = Pick(d.punishment, base.punishment).value_or(0);
  const std::string enforcer = Pick(d.enforcer, base.enforcer).value_or("none");
  g.enforcer = enforcer == "none" ? kNoEnforcer : enforcer == "collective" ? kCollective : -3;
  const std::map<std::string, Number>& aid = d.aid_set ? d.aid : base.aid;
  const std::optional<std::vector<std::string>> donors = Pick(d.donors, base.donors);
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    const std::string& id = s.actors[i].id;
    if (id == enforcer) g.enforcer = static_cast<int>(i);
    const PartySpec* over = FindParty(&d, id);
    const PartySpec* under = FindParty(&base, id);
    auto field = [&](std::optional<Number> PartySpec::*member, double fallback, const char* name,
                     double low, double high) {
      std::optional<Number> n = over ? over->*member : std::nullopt;
      if (!n && under) n = under->*member;
      if (!n) n = spec.defaults.*member;
      return n ? r.Value(*n, fmt::format("parties.{}.{}", id, name), low, high) : fallback;
    };
    PartyTerms p;
    p.id = id;
    p.capability = s.actors[i].capability.value;
    p.consent = !spec.consent ||
                std::find(spec.consent->begin(), spec.consent->end(), id) != spec.consent->end();
    p.benefit = field(&PartySpec::benefit, stakes.benefit[i], "benefit", 0, kInf);
    p.cost = field(&PartySpec::cost, stakes.cost[i], "cost", 0, kInf);
    p.discount = field(&PartySpec::discount, 0.9, "discount", 0, 0.999999);
    p.relative_gains = field(&PartySpec::relative_gains, 0.0, "relative_gains", 0, kInf);
    p.exit_value = field(&PartySpec::exit_value, 0.0, "exit_value", -kInf, kInf);
    p.exit_growth = field(&PartySpec::exit_growth, 0.0, "exit_growth", -kInf, kInf);
    if (auto it = aid.find(id); it != aid.end()) {
      p.aid = r.Value(it->second, "aid." + id, 0, kInf);
    }
    g.parties.push_back(p);
  }
  // A guarantor who is not a party to this agreement (e.g. a bilateral deal of a
  // hub-and-spokes design that it does not belong to) enforces nothing.
  if (g.enforcer == -3) g.enforcer = kNoEnforcer;
  std::vector<std::size_t> payers;
  for (std::size_t i = 0; i < g.parties.size(); ++i) {
    const std::string& id = g.parties[i].id;
    bool pays = donors ? std::find(donors->begin(), donors->end(), id) != donors->end()
                       : aid.find(id) == aid.end();
    if (pays) payers.push_back(i);
  }
  for (std::size_t i : payers) g.parties[i].aid_share = 1.0 / static_cast<double>(payers.size());
  return g;
}

void CheckInstitution(const InstitutionSpec& spec) {
  try {
    CreateModel(spec.agreement_model);
  } catch (const InputError& e) {
    ErrorLocation where = spec.agreement_model_where;
    if (where.field.empty()) where.field = "institution.agreement.model";
    throw InputError(where, e.message());
  }
}

ScenarioDocument ReadNegotiation(const std::string& path, std::string text, InputFormat format) {
  ScenarioDocument doc = ReadDocument(path, std::move(text), format);
  if (doc.order_only) {
    throw InputError({path, 0, ""},
                     "the file holds only an order section (no actors, issues, positions); "
                     "run the order model on it");
  }
  if (doc.institution.from_file) CheckInstitution(doc.institution);
  return doc;
}

}  // namespace concert
