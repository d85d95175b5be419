// The agenda (models/agenda.h): the models negotiate only the issues on the
// table; an issue off it stays at its status quo. Checked against the forecast
// of the scenario with the off-agenda issue deleted (an independent route), on
// the shipped Six-Party scenario without its missiles issue.
#include "concert/models/agenda.h"

#include <gtest/gtest.h>

#include "concert/io/read.h"
#include "concert/io/write.h"
#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

constexpr std::size_t kMissiles = 2;

Scenario Six() { return ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml"); }

// The scenario without issue k (the same actors and stances otherwise).
Scenario Without(const Scenario& s, std::size_t k) {
  Scenario out = s;
  out.issues.erase(out.issues.begin() + static_cast<std::ptrdiff_t>(k));
  out.resize_stances();
  for (std::size_t i = 0, j = 0; i < s.num_issues(); ++i) {
    if (i == k) continue;
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      if (const Stance* st = s.stance(a, i)) out.set_stance(a, j, *st);
    }
    ++j;
  }
  return out;
}

TEST(Agenda, OffAgendaIssuesStayAtTheStatusQuoAndTheRestIsTheSmallerNegotiation) {
  Scenario six = Six();
  SetAgenda(&six, {"nuclear", "refugees", "unification"});
  EXPECT_TRUE(HasAgenda(six));
  const Scenario smaller = Without(Six(), kMissiles);
  for (const char* spec : {"compromise", "median", "nash", "bdm", "exchange", "smp"}) {
    const auto model = CreateModel(spec).model;
    const Forecast on = model->Run(six, RunContext{});
    const Forecast alone = model->Run(smaller, RunContext{});
    ASSERT_EQ(on.issues.size(), 4u) << spec;
    EXPECT_EQ(on.issues[kMissiles].outcome, six.issues[kMissiles].status_quo->value) << spec;
    EXPECT_NE(on.issues[kMissiles].note.find("off the agenda"), std::string::npos) << spec;
    for (std::size_t i = 0, j = 0; i < 4; ++i) {
      EXPECT_EQ(on.issues[i].issue, i) << spec;
      if (i == kMissiles) continue;
      EXPECT_EQ(on.issues[i].outcome, alone.issues[j].outcome) << spec << " " << i;
      EXPECT_EQ(on.issues[i].rounds.size(), alone.issues[j].rounds.size()) << spec;
      ++j;
    }
    // The flat path of the off-agenda issue has as many rounds as the others.
    EXPECT_EQ(on.issues[kMissiles].rounds.size(), on.issues[0].rounds.size()) << spec;
    for (const Trade& t : on.trades) {
      for (std::size_t issue : {t.i.supply, t.i.demand, t.j.supply, t.j.demand}) {
        EXPECT_NE(issue, kMissiles) << spec;
      }
    }
    for (const Challenge& c : on.challenges) {
      ASSERT_EQ(c.initiator_position.size(), 4u);
      EXPECT_EQ(c.initiator_position[kMissiles], six.issues[kMissiles].status_quo->value);
    }
  }
  // Trades happen, and the exchange model's outcome moves once missiles are off the table.
  const auto exchange = CreateModel("exchange").model;
  EXPECT_FALSE(exchange->Run(six, RunContext{}).trades.empty());
  EXPECT_NE(exchange->Run(six, RunContext{}).issues[0].outcome,
            exchange->Run(Six(), RunContext{}).issues[0].outcome);
}

TEST(Agenda, ReadWriteAndErrors) {
  const std::string text =
      "actors: [{id: A, capability: 1}, {id: B, capability: 1}]\n"
      "issues: [{id: x, status_quo: 10}, {id: y}]\n"
      "agenda: [y]\n"
      "positions: [{actor: A, issue: x, position: 0, salience: 50},\n"
      "            {actor: B, issue: x, position: 100, salience: 50},\n"
      "            {actor: A, issue: y, position: 20, salience: 50},\n"
      "            {actor: B, issue: y, position: 60, salience: 50}]\n";
  const Scenario s = ReadScenario("t.yaml", text);
  EXPECT_FALSE(s.issues[0].on_agenda);
  EXPECT_TRUE(s.issues[1].on_agenda);
  const std::string yaml = ScenarioToYaml(s);
  EXPECT_NE(yaml.find("agenda: [y]"), std::string::npos) << yaml;
  const Scenario again = ReadScenario("again.yaml", yaml);
  EXPECT_FALSE(again.issues[0].on_agenda);
  const Forecast f = CreateModel("compromise").model->Run(s, RunContext{});
  EXPECT_EQ(*f.issues[0].outcome, 10);
  EXPECT_EQ(*f.issues[1].outcome, 40);  // (20 + 60) / 2

  auto error = [&](const std::string& from, const std::string& to) {
    std::string bad = text;
    bad.replace(bad.find(from), from.size(), to);
    try {
      ReadScenario("t.yaml", bad);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  std::string e = error("agenda: [y]", "agenda: [z]");
  EXPECT_NE(e.find("t.yaml:3"), std::string::npos) << e;
  EXPECT_NE(e.find("agenda[0]"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown issue 'z'"), std::string::npos) << e;
  e = error("agenda: [y]", "agenda: [y, y]");
  EXPECT_NE(e.find("listed twice"), std::string::npos) << e;
  e = error("agenda: [y]", "agenda: [x]");
  EXPECT_NE(e.find("issue 'y' is off the agenda and has no status_quo"), std::string::npos) << e;
  e = error("agenda: [y]", "agenda: []");
  EXPECT_NE(e.find("at least one issue"), std::string::npos) << e;

  Scenario copy = s;
  try {
    SetAgenda(&copy, {"nope"}, "--agenda");
    ADD_FAILURE() << "no error";
  } catch (const InputError& err) {
    EXPECT_NE(std::string(err.what()).find("--agenda"), std::string::npos) << err.what();
  }
  SetAgenda(&copy, {});
  EXPECT_FALSE(HasAgenda(copy));
}

}  // namespace
}  // namespace concert::testing
