// concert/output/svg.h — a small SVG chart module for the HTML report.
//
// Charts are plain SVG strings sized in CSS pixels with a viewBox, so they
// scale to the page (print, phone width). Text is escaped; tick values are
// "nice" numbers (1, 2 or 5 times a power of ten; Heckbert 1990); labels along
// a line are spread so they do not overlap. Colours: the Okabe & Ito (2008)
// colour-blind-safe palette.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concert::svg {

std::string Escape(std::string_view text);  // & < > " ' as XML entities
const char* Colour(std::size_t k);          // palette entry k (cycles through 8)

// About `target` nice tick values covering [low, high] (inclusive ends may fall outside).
std::vector<double> NiceTicks(double low, double high, int target = 5);
std::string TickLabel(double value);  // shortest form, no trailing zeros

// Positions for labels wanted at `at` (any order), each `size` long along the
// axis, kept within [low, high] and at least `size` apart: the result keeps
// the order of `at` sorted, moving labels the least it can. Returns positions
// in the input order.
std::vector<double> SpreadLabels(const std::vector<double>& at, double size, double low,
                                 double high);

// Approximate width in pixels of `text` at font size 12 (for layout).
double TextWidth(std::string_view text);

struct StripPoint {
  std::string label;
  double value = 0;
};
struct StripMarker {
  std::string label;  // e.g. a model name
  double value = 0;
};
// A horizontal scale [low, high] with the actors' positions as dots (labelled
// below, spread apart), model forecasts as coloured triangles above and the
// status quo as a dashed line.
std::string StripPlot(double low, double high, const std::vector<StripPoint>& actors,
                      const std::vector<StripMarker>& forecasts, std::optional<double> status_quo);

struct Series {
  std::string label;
  std::vector<double> values;  // one per round
};
// Lines over rounds 0..n-1 on the scale [low, high], each labelled at its end;
// the x axis reads "<x_label> <x_first> to <x_first + n - 1>".
// markers: (index on the x axis, label) drawn as dashed vertical lines.
struct Marker {
  double at = 0;
  std::string label;
};
std::string LineChart(double low, double high, const std::vector<Series>& series,
                      const std::string& x_label = "round", int x_first = 0,
                      const std::vector<Marker>& markers = {});

// Histogram of values on [low, high] with the 5-95 % band shaded.
std::string Histogram(double low, double high, const std::vector<double>& values, double q05,
                      double q95);

// Horizontal bars from 0 (a tornado chart), value in [-1, 1].
// A table of shares in [0, 1] as shaded cells (white 0 to dark blue 1), each
// with its value; values[row][column].
std::string Heatmap(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                    const std::vector<std::vector<double>>& values, const std::string& corner);

std::string Tornado(const std::vector<std::pair<std::string, double>>& bars);

struct Edge {
  std::size_t a = 0, b = 0;  // node indices
  double weight = 0;         // line thickness grows with it
};
// Nodes on a circle, edges between them with thickness by weight (who traded
// with whom).
std::string Network(const std::vector<std::string>& nodes, const std::vector<Edge>& edges);

// Points (x, y) on [low, high] squared, with the diagonal y = x.
std::string Scatter(double low, double high, const std::vector<std::pair<double, double>>& points,
                    const std::string& x_label, const std::string& y_label);

}  // namespace concert::svg
