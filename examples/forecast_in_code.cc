// A downstream program: builds a three-actor negotiation in code, forecasts it
// with two models through the run API and prints the outcomes.
// Links concert::concert only.
//
//   cmake -S examples/.. -B build && build/examples/concert_example_forecast
#include <cstdio>

#include "concert/analysis/forecast_run.h"
#include "concert/core/scenario.h"

int main() {
  concert::ScenarioDraft draft;
  draft.name = "three parties, one issue";
  draft.salience_unit = 100;  // saliences below are on 0-100
  for (const char* id : {"A", "B", "C"}) {
    draft.actors.push_back({{id, id, {id[0] == 'A' ? 3.0 : 1.0, {}}, ""}, {}});
  }
  concert::Issue issue;
  issue.id = "tariff";
  issue.status_quo = concert::Number{50, {}};
  draft.issues.push_back({issue, {}});
  const double positions[] = {20, 60, 80};
  for (int k = 0; k < 3; ++k) {
    draft.stances.push_back({std::string(1, static_cast<char>('A' + k)),
                             "tariff",
                             {{positions[k], {}}, {50, {}}, {}},
                             {}});
  }
  concert::ForecastRequest request;
  request.scenario = concert::BuildScenario(draft);
  request.models = {"compromise", "median"};
  const concert::ForecastResult result = concert::RunForecast(request);
  for (const concert::Forecast& f : result.forecasts) {
    // compromise: (3 x 20 + 60 + 80) / 5 = 40; median: 20 (A holds 3/5 of the weight).
    std::printf("%s: %.2f\n", f.model.c_str(), *f.issues[0].outcome);
  }
  return 0;
}
