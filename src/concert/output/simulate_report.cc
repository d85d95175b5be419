#include "concert/output/simulate_report.h"

#include <fmt/format.h>

#include "concert/output/architecture_output.h"
#include "concert/output/svg.h"

namespace concert {

const char* const kPageStyle =
    "body{font-family:sans-serif;max-width:820px;margin:auto;padding:1em;color:#222;"
    "line-height:1.4}table{border-collapse:collapse;margin:.5em 0;font-size:13px}"
    "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f4f4f4}"
    "td:first-child,th:first-child{text-align:left}h2{border-bottom:1px solid #ccc}"
    ".note{color:#555;font-size:13px}svg{display:block;margin:.5em 0}";

namespace {

using svg::Escape;

std::string Threshold(const std::optional<double>& v) {
  return v ? fmt::format("{:.3f}", *v) : std::string("none below 1");
}

std::string DesignHeader(const SimulationResult& r) {
  std::string out = "<tr><th></th>";
  for (const DesignSummary& d : r.designs) out += "<th>" + Escape(d.name) + "</th>";
  return out + "</tr>";
}

std::string Row(const std::string& label, const SimulationResult& r,
                double (*value)(const DesignSummary&, std::size_t), std::size_t party = 0) {
  std::string out = "<tr><td>" + Escape(label) + "</td>";
  for (const DesignSummary& d : r.designs) out += fmt::format("<td>{:.3f}</td>", value(d, party));
  return out + "</tr>";
}

std::string Architectures(const Scenario& s, const ArchitectureComparison& c) {
  std::string out =
      "<h2>Architectures: multilateral, hub-and-spokes, layered, exclusive</h2><pre>" +
      Escape(ArchitectureText(s, c)) + "</pre>";
  std::vector<svg::Series> talking, resolving;
  for (const Architecture& a : c.architectures) {
    talking.push_back({a.name, a.talking});
    resolving.push_back({a.name, a.resolving});
  }
  out += "<p>Conflict management: P(some deal of the architecture in force), by period.</p>";
  out += svg::LineChart(0, 1, talking, "period", 1);
  out +=
      "<p>Conflict resolution: P(some deal with every issue's deciding party at its table in "
      "force), by period.</p>";
  return out + svg::LineChart(0, 1, resolving, "period", 1);
}

}  // namespace

namespace {

// The page's content with headings starting at level `top` (1 on its own page).
std::string Content(const Scenario& s, const SimulationHeader& h, const SimulationResult& r,
                    const ArchitectureComparison* arch, int top) {
  const std::string h2 = fmt::format("h{}", top + 1);
  std::string out = fmt::format("<h{}>Will the agreement hold?</h{}><p><b>", top, top) +
                    Escape(h.institution) + "</b><br>" + Escape(s.name) + "</p>";
  out += fmt::format(
      "<p class=\"note\">concert simulate; input sha256 {}; {} draws{}; seed {}. The model and "
      "every assumption: docs/institutions.md.</p>",
      Escape(s.sha256), r.draws,
      h.fixed ? " (numbers at their values)" : " of the uncertain numbers", h.seed);
  out += "<" + h2 + ">The agreement and what it is worth</" + h2 + "><p>Agreement (" +
         Escape(r.agreement_source) + "):";
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out += fmt::format(" {} {:.1f}{}", Escape(s.issues[k].id), r.agreement[k],
                       k + 1 < s.num_issues() ? "," : ".");
  }
  out +=
      "</p><table><tr><th>party</th><th>benefit</th><th>cost</th><th>aid</th>"
      "<th>exit option</th><th>relative gains</th><th>discount</th><th>discount needed</th>"
      "</tr>";
  const DesignSummary& base = r.designs.at(0);
  for (std::size_t p = 0; p < base.terms.parties.size(); ++p) {
    const PartyTerms& t = base.terms.parties[p];
    out += fmt::format(
        "<tr><td>{}</td><td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td>"
        "<td>{:.2f}</td><td>{:.3f}</td><td>{}</td></tr>",
        Escape(t.id), t.benefit, t.cost, t.aid, t.exit_value, t.relative_gains, t.discount,
        Threshold(base.thresholds[p]));
  }
  out +=
      "</table><p class=\"note\">Per period, as coded, at the numbers' values. A party complies "
      "when its discount factor is at least the one needed (eq. 3 of docs/institutions.md; "
      "with cost shocks, only on average).</p>";

  out += "<" + h2 + ">The designs side by side</" + h2 + "><table>" + DesignHeader(r);
  out += Row("P(signed)", r, [](const DesignSummary& d, std::size_t) { return d.p_signed; });
  out +=
      Row("P(signed, never ended)", r, [](const DesignSummary& d, std::size_t) { return d.held; });
  out += Row("ends: never signed", r,
             [](const DesignSummary& d, std::size_t) { return d.never_signed; });
  out += Row("ends: false alarm", r,
             [](const DesignSummary& d, std::size_t) { return d.false_alarm; });
  out += Row("ends: violation seen", r,
             [](const DesignSummary& d, std::size_t) { return d.violation; });
  out +=
      Row("ends: a party leaves", r, [](const DesignSummary& d, std::size_t) { return d.exited; });
  out += Row("suspensions (mean)", r,
             [](const DesignSummary& d, std::size_t) { return d.suspensions; });
  out += Row("mean periods in force", r,
             [](const DesignSummary& d, std::size_t) { return d.mean_periods; });
  out += Row("enforcement cost (total)", r,
             [](const DesignSummary& d, std::size_t) { return d.enforcement_cost; });
  out += Row("aid paid (total)", r, [](const DesignSummary& d, std::size_t) { return d.aid_paid; });
  for (std::size_t p = 0; p < base.terms.parties.size(); ++p) {
    out += Row(
        "vetoes: " + base.terms.parties[p].id, r,
        [](const DesignSummary& d, std::size_t i) { return d.vetoes[i]; }, p);
  }
  for (std::size_t p = 0; p < base.terms.parties.size(); ++p) {
    out += Row(
        "ended by " + base.terms.parties[p].id, r,
        [](const DesignSummary& d, std::size_t i) { return d.ended_by[i]; }, p);
  }
  for (std::size_t p = 0; p < base.terms.parties.size(); ++p) {
    out += Row(
        "payoff per period, " + base.terms.parties[p].id, r,
        [](const DesignSummary& d, std::size_t i) { return d.payoff[i]; }, p);
  }
  out += "</table>";

  std::vector<svg::Marker> markers;
  for (const auto& e : r.events) markers.push_back({static_cast<double>(e.period - 1), e.label});
  std::vector<svg::Series> series, survival;
  for (const DesignSummary& d : r.designs) {
    series.push_back({d.name, d.compliance});
    survival.push_back({d.name, d.survival});
  }
  out += "<" + h2 + ">Survival once signed</" + h2 +
         "><p>P(the agreement is in force in the period | signed), over the draws in which every "
         "party whose consent is required signed. Dashed lines: the section's dated events.</p>";
  out += svg::LineChart(0, 1, survival, "period", 1, markers);
  out += "<" + h2 + ">Compliance over time</" + h2 +
         "><p>Share of the parties that comply in each period (0 before signing, while "
         "suspended and after the agreement ends), mean over all draws.</p>";
  out += svg::LineChart(0, 1, series, "period", 1, markers);
  if (r.sensitivity && r.sensitivity->src.empty()) {
    out += fmt::format(
        "<p class=\"note\">What drives how long it lasts: not estimated; the regression needs "
        "more draws than the {} uncertain inputs.</p>",
        r.inputs.size());
  } else if (r.sensitivity) {
    std::vector<std::pair<std::string, double>> bars;
    for (std::size_t k = 0; k < r.sensitivity->src.size() && k < 12; ++k) {
      bars.emplace_back(r.inputs[r.sensitivity->src[k].first], r.sensitivity->src[k].second);
    }
    out += fmt::format(
        "<{0}>What drives how long it lasts</{0}><p>Standardised regression coefficients of the "
        "periods the design as coded stays in force on each uncertain input (R<sup>2</sup> = "
        "{1:.3f}; a low R<sup>2</sup> means the response is far from linear and the ranking only "
        "indicative).</p>",
        h2, r.sensitivity->r_squared);
    out += svg::Tornado(bars);
  }
  if (arch != nullptr) out += Architectures(s, *arch);
  for (const DesignSummary& d : r.designs) {
    if (!d.description.empty()) {
      out += "<p class=\"note\"><b>" + Escape(d.name) + "</b>: " + Escape(d.description) + "</p>";
    }
  }
  return out;
}

}  // namespace

std::string SimulationHtml(const Scenario& s, const SimulationHeader& h, const SimulationResult& r,
                           const ArchitectureComparison* arch) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         Escape(h.institution) + "</title><style>" + std::string(kPageStyle) +
         "</style></head><body>" + Content(s, h, r, arch, 1) + "</body></html>\n";
}

std::string SimulationSection(const Scenario& s, const SimulationHeader& h,
                              const SimulationResult& r, const ArchitectureComparison* arch) {
  return Content(s, h, r, arch, 2);
}

}  // namespace concert
