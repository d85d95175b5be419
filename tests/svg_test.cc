// The SVG chart module and the HTML report.
#include "concert/output/svg.h"

#include <gtest/gtest.h>

#include "concert/analysis/monte_carlo.h"
#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "concert/output/report.h"
#include "test_util.h"

namespace concert::testing {
namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(Svg, EscapesMarkup) {
  EXPECT_EQ(svg::Escape("A<B & \"C\" 'D'>"), "A&lt;B &amp; &quot;C&quot; &#39;D&#39;&gt;");
}

TEST(Svg, NiceTicks) {
  // Heckbert: range rounded up to a nice 1/2/5 x 10^k, step = nice(range / 4) rounded.
  // [0, 100]: range 100, step nice(25) = 20.  [4, 10]: range 6 -> 10, step nice(2.5) = 2.
  // [0.5, 7]: range 6.5 -> 10, step 2, from floor(0.5 / 2) x 2 = 0.
  EXPECT_EQ(svg::NiceTicks(0, 100), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(svg::NiceTicks(4, 10), (std::vector<double>{4, 6, 8, 10}));
  EXPECT_EQ(svg::NiceTicks(0.5, 7), (std::vector<double>{0, 2, 4, 6, 8}));
  EXPECT_EQ(svg::TickLabel(0.25), "0.25");
  EXPECT_EQ(svg::TickLabel(40), "40");
}

TEST(Svg, LabelsDoNotOverlap) {
  const std::vector<double> at = {50, 51, 52, 200, 10};
  const std::vector<double> spread = svg::SpreadLabels(at, 20, 0, 300);
  std::vector<double> sorted = spread;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t k = 1; k < sorted.size(); ++k) EXPECT_GE(sorted[k] - sorted[k - 1], 20 - 1e-9);
  for (double x : spread) {
    EXPECT_GE(x, 0);
    EXPECT_LE(x, 300);
  }
  EXPECT_NEAR(spread[3], 200, 1e-9);  // alone: stays where it is
  EXPECT_LT(spread[0], spread[1]);    // order kept
  // Crowded at the edge: pushed inside the bounds.
  const std::vector<double> edge = svg::SpreadLabels({0, 0, 0}, 10, 0, 100);
  EXPECT_NEAR(*std::min_element(edge.begin(), edge.end()), 0, 1e-9);
}

TEST(Svg, ChartsAreWellFormedAndEscaped) {
  const std::string strip =
      svg::StripPlot(0, 100, {{"A<&\"B", 10}, {"C", 12}}, {{"compromise", 40}}, 30.0);
  EXPECT_EQ(Count(strip, "<svg"), 1u);
  EXPECT_EQ(Count(strip, "</svg>"), 1u);
  EXPECT_NE(strip.find("A&lt;&amp;&quot;B"), std::string::npos);
  EXPECT_EQ(strip.find("A<&"), std::string::npos);
  EXPECT_NE(strip.find("status quo"), std::string::npos);
  const std::string lines = svg::LineChart(0, 100, {{"x", {1, 2, 3}}, {"y", {5, 5, 5}}});
  EXPECT_EQ(Count(lines, "<polyline"), 2u);
  const std::string hist = svg::Histogram(0, 10, {1, 2, 2, 3, 9}, 1.2, 8.4);
  EXPECT_GE(Count(hist, "<rect"), 4u);
  const std::string tornado = svg::Tornado({{"a", 0.5}, {"b", -0.2}});
  EXPECT_EQ(Count(tornado, "<rect"), 2u);
}

TEST(Svg, NetworkAndScatter) {
  const std::string net = svg::Network({"A", "B<", "C"}, {{0, 1, 2.0}, {1, 2, 0.5}});
  EXPECT_EQ(Count(net, "<line"), 2u);
  EXPECT_EQ(Count(net, "<circle"), 3u);
  EXPECT_NE(net.find("B&lt;"), std::string::npos);
  EXPECT_NE(net.find("stroke-width=\"8.0\""), std::string::npos);  // the heaviest edge
  const std::string scatter = svg::Scatter(0, 100, {{10, 20}, {50, 50}}, "x", "y");
  EXPECT_EQ(Count(scatter, "<circle"), 2u);
}

TEST(Report, SixPartyIsSelfContained) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  std::vector<Forecast> forecasts;
  std::vector<MonteCarloResult> runs;
  for (const char* spec : {"compromise", "bdm", "exchange"}) {
    CreatedModel m = CreateModel(spec);
    Forecast f = m.model->Run(s, RunContext{});
    f.model = m.spec;
    forecasts.push_back(f);
    MonteCarloOptions options;
    options.draws = 200;
    options.sensitivity = true;
    runs.push_back(RunMonteCarlo(s, *m.model, options));
  }
  const std::string html = ReportHtml(s, forecasts, {&runs[0], &runs[1], &runs[2]});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(Count(html, "<svg"), Count(html, "</svg>"));
  EXPECT_GE(Count(html, "<svg"), 4u * 4u);  // per issue: strip, paths, histograms, tornados
  // Nothing to fetch: no scripts, links, images or URLs other than the SVG namespace.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(Count(html, "http"), Count(html, "http://www.w3.org/2000/svg"));
  EXPECT_NE(html.find("Most models put the outcome near"), std::string::npos);
  EXPECT_NE(html.find("exchanges (first 30"), std::string::npos);
  EXPECT_NE(html.find("who traded with whom"), std::string::npos);
}

}  // namespace
}  // namespace concert::testing
