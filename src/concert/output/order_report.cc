#include "concert/output/order_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "concert/output/order_output.h"
#include "concert/output/simulate_report.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

using svg::Escape;

// Capability shares and the system's figures over the years.
std::string Charts(const OrderResult& r, const std::string& h2) {
  const OrderYearSummary& first = r.years.front();
  const OrderYearSummary& last = r.years.back();
  std::string out;
  std::vector<svg::Series> shares;
  for (std::size_t i = 0; i < r.actors.size(); ++i) {
    svg::Series s{r.actors[i], {}};
    for (const OrderYearSummary& y : r.years) s.values.push_back(y.actors[i].capability);
    shares.push_back(std::move(s));
  }
  double top = 0;
  for (const svg::Series& s : shares)
    top = std::max(top, *std::max_element(s.values.begin(), s.values.end()));
  out += fmt::format("<{0}>Capability shares, {1} to {2}</{0}>", h2, first.year, last.year);
  out += svg::LineChart(0, std::min(1.0, top * 1.1), shares, "year", first.year);
  out += fmt::format(
      "<p class=\"note\">Mean share of capability (economic weight x GDP share + the rest x "
      "military share); data to {}, projected after.</p>",
      r.base_year);
  std::vector<svg::Series> system = {{"order holds", {}}, {"challenge", {}}, {"CON", {}}};
  for (const OrderYearSummary& y : r.years) {
    system[0].values.push_back(y.holds);
    system[1].values.push_back(y.challenge);
    system[2].values.push_back(y.con);
  }
  out += fmt::format("<{0}>Does the order hold?</{0}>", h2);
  out += svg::LineChart(0, 1, system, "year", first.year);
  out +=
      "<p class=\"note\">Share of draws in which the order's supporters hold enough "
      "capability, share in which some actor challenges, and the Ray-Singer concentration "
      "of capability.</p>";
  return out;
}

// Table 2, the three paths and the stances in the last year.
std::string Tables(const OrderResult& r, const std::string& h2) {
  const OrderYearSummary& last = r.years.back();
  std::string out;
  out += fmt::format("<{0}>The paper's Table 2 in {1}</{0}>", h2, last.year);
  out += fmt::format(
      "<table><tr><th></th><th>US leadership persists</th><th>US leadership challenged</th></tr>"
      "<tr><td>order persists</td><td>{:.3f}</td><td>{:.3f}</td></tr>"
      "<tr><td>order disappears</td><td>{:.3f}</td><td>{:.3f}</td></tr></table>",
      r.table2[0][0], r.table2[0][1], r.table2[1][0], r.table2[1][1]);
  out +=
      "<p class=\"note\">The paper places Nye in (persists, persists); Burrows &amp; Harris "
      "and Friedberg in (disappears, persists); Ikenberry in (persists, challenged); Layne "
      "and Altman in (disappears, challenged).</p>";
  out += fmt::format("<{0}>Ikenberry's three paths</{0}><table>", h2);
  const std::pair<OrderPath, const char*> paths[] = {
      {OrderPath::kPostHegemonic, "post-hegemonic order run by institutions"},
      {OrderPath::kRenegotiated, "renegotiated US-led order"},
      {OrderPath::kBlocs, "breakdown into blocs"}};
  for (const auto& [p, label] : paths) {
    out += fmt::format("<tr><td>{}</td><td>{:.3f}</td></tr>", label, r.paths[static_cast<int>(p)]);
  }
  out += "</table>";
  out += fmt::format(
      "<{0}>Stances in {1}</{0}><table><tr><th>actor</th><th>capability</th>"
      "<th>voice</th><th>support</th><th>free ride</th><th>challenge</th></tr>",
      h2, last.year);
  for (std::size_t i = 0; i < r.actors.size(); ++i) {
    const OrderActorYear& a = last.actors[i];
    out += fmt::format(
        "<tr><td>{}</td><td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td>"
        "<td>{:.3f}</td></tr>",
        Escape(r.names[i]), a.capability, a.voice, a.stance[0], a.stance[1], a.stance[2]);
  }
  out += "</table>";
  return out;
}

// What drives the outcomes (with sensitivity).
std::string Drivers(const OrderResult& r, const std::string& h2) {
  std::string out;
  const std::pair<const char*, const std::optional<Sensitivity>*> outcomes[] = {
      {"the order persists", &r.persists_sensitivity},
      {"US leadership is challenged", &r.challenged_sensitivity}};
  for (const auto& [name, s] : outcomes) {
    if (!*s || (*s)->src.empty()) continue;
    std::vector<std::pair<std::string, double>> bars;
    for (std::size_t k = 0; k < std::min<std::size_t>(10, (*s)->src.size()); ++k) {
      bars.emplace_back(r.inputs[(*s)->src[k].first], (*s)->src[k].second);
    }
    out += fmt::format("<{0}>What drives whether {1}</{0}>", h2, name);
    out += svg::Tornado(bars);
    out += fmt::format(
        "<p class=\"note\">Standardised regression coefficients of the 0/1 "
        "outcome on the uncertain inputs (a linear probability model), R&sup2; "
        "{:.2f}.</p>",
        (*s)->r_squared);
  }
  return out;
}

std::string Content(const OrderResult& r, int level) {
  const std::string h = fmt::format("h{}", level), h2 = fmt::format("h{}", level + 1);
  const OrderYearSummary& first = r.years.front();
  const OrderYearSummary& last = r.years.back();
  std::string out = fmt::format("<{0}>The order: {1}</{0}>", h, Escape(r.name));
  out += fmt::format(
      "<p class=\"note\">Order model (docs/order.md): leader {}, data used to {}, years {} to {}, "
      "{}{}{}.</p>",
      Escape(r.leader), r.base_year, first.year, last.year,
      r.draws ? fmt::format("{} draws, seed {}", r.draws, r.seed) : "central values",
      r.preset.empty() ? "" : ", preset " + Escape(r.preset),
      r.relative_gains ? fmt::format(", every relative-gains weight {}", *r.relative_gains)
                       : std::string());
  out += Charts(r, h2) + Tables(r, h2) + Drivers(r, h2);
  return out;
}

}  // namespace

std::string OrderReportPage(const OrderResult& r) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Escape(r.name) +
         "</title><style>" + std::string(kPageStyle) + "</style></head><body>" + Content(r, 1) +
         "</body></html>\n";
}

std::string OrderSection(const OrderResult& r) { return Content(r, 2); }

}  // namespace concert
