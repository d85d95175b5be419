#include "concert/output/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace concert::svg {
namespace {

constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                    "#56B4E9", "#D55E00", "#F0E442", "#000000"};

std::string Open(double width, double height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" "
      "style=\"max-width:{}px\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">",
      width, height, width);
}

// The nice ticks that fall inside [low, high].
std::vector<double> TicksWithin(double low, double high) {
  std::vector<double> out;
  for (double t : NiceTicks(low, high)) {
    if (t >= low - 1e-9 && t <= high + 1e-9) out.push_back(t);
  }
  return out;
}

// Maps [low, high] to [x0, x1].
struct Scale {
  double low, high, x0, x1;
  double operator()(double v) const {
    return high > low ? x0 + (v - low) / (high - low) * (x1 - x0) : (x0 + x1) / 2;
  }
};

std::string Axis(const Scale& s, double y) {
  std::string out =
      fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#444\"/>",
                  s.x0, y, s.x1, y);
  for (double t : TicksWithin(s.low, s.high)) {
    const double x = s(t);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
        "stroke=\"#444\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" "
        "text-anchor=\"middle\" fill=\"#444\">{4}</text>",
        x, y, y + 5, y + 18, TickLabel(t));
  }
  return out;
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* Colour(std::size_t k) { return kPalette[k % 8]; }

std::vector<double> NiceTicks(double low, double high, int target) {
  if (!(high > low) || target < 2) return {low};
  auto nice = [](double x, bool round) {
    const double exponent = std::floor(std::log10(x));
    const double fraction = x / std::pow(10, exponent);
    double f;
    if (round) {
      f = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    } else {
      f = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    }
    return f * std::pow(10, exponent);
  };
  const double range = nice(high - low, false);
  const double step = nice(range / (target - 1), true);
  std::vector<double> ticks;
  for (double t = std::floor(low / step) * step; t <= high + step * 0.5; t += step) {
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

std::string TickLabel(double value) { return fmt::format("{:g}", value); }

std::vector<double> SpreadLabels(const std::vector<double>& at, double size, double low,
                                 double high) {
  const std::size_t n = at.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return at[a] < at[b]; });
  // Clusters of overlapping labels are centred on their mean and spread evenly
  // (merging with neighbours until nothing overlaps), then kept inside the bounds.
  struct Cluster {
    double centre;
    std::size_t count;
  };
  std::vector<Cluster> clusters;
  for (std::size_t k : order) {
    clusters.push_back({at[k], 1});
    while (clusters.size() > 1) {
      Cluster& b = clusters.back();
      Cluster& a = clusters[clusters.size() - 2];
      const double a_end = a.centre + size * static_cast<double>(a.count) / 2;
      const double b_start = b.centre - size * static_cast<double>(b.count) / 2;
      if (b_start >= a_end) break;
      const double total = static_cast<double>(a.count + b.count);
      a.centre =
          (a.centre * static_cast<double>(a.count) + b.centre * static_cast<double>(b.count)) /
          total;
      a.count += b.count;
      clusters.pop_back();
    }
  }
  std::vector<double> sorted_positions;
  for (const Cluster& c : clusters) {
    const double start = c.centre - size * static_cast<double>(c.count) / 2 + size / 2;
    for (std::size_t k = 0; k < c.count; ++k)
      sorted_positions.push_back(start + size * static_cast<double>(k));
  }
  // Shift into bounds, keeping the spacing.
  if (!sorted_positions.empty()) {
    const double shift_low = low - sorted_positions.front();
    if (shift_low > 0) {
      for (double& p : sorted_positions) p += shift_low;
    }
    const double shift_high = sorted_positions.back() - high;
    if (shift_high > 0) {
      for (double& p : sorted_positions) p -= shift_high;
    }
  }
  std::vector<double> out(n);
  for (std::size_t k = 0; k < n; ++k) out[order[k]] = sorted_positions[k];
  return out;
}

double TextWidth(std::string_view text) { return 7.0 * static_cast<double>(text.size()); }

std::string StripPlot(double low, double high, const std::vector<StripPoint>& actors,
                      const std::vector<StripMarker>& forecasts, std::optional<double> status_quo) {
  const double width = 640, axis_y = 70;
  const Scale s{low, high, 40, width - 40};
  std::string out = Open(width, 150 + 16.0 * static_cast<double>(forecasts.size()));
  out += Axis(s, axis_y);
  if (status_quo) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"30\" x2=\"{0:.1f}\" y2=\"{1:.1f}\" "
        "stroke=\"#777\" stroke-dasharray=\"4 3\"/><text x=\"{0:.1f}\" y=\"24\" "
        "text-anchor=\"middle\" fill=\"#555\">status quo</text>",
        s(*status_quo), axis_y);
  }
  // Forecasts: triangles above the axis, one colour each.
  for (std::size_t k = 0; k < forecasts.size(); ++k) {
    const double x = s(forecasts[k].value);
    out += fmt::format(
        "<path d=\"M{0:.1f} {1:.1f} l-6 -10 h12 z\" fill=\"{2}\"><title>{3}: "
        "{4:.2f}</title></path>",
        x, axis_y - 3, Colour(k), Escape(forecasts[k].label), forecasts[k].value);
  }
  // Actors: dots on the axis, labels spread below.
  std::vector<double> at;
  double longest = 0;
  for (const StripPoint& p : actors) {
    at.push_back(s(p.value));
    longest = std::max(longest, TextWidth(p.label));
  }
  const std::vector<double> labels = SpreadLabels(at, std::max(longest + 4, 24.0), 10, width - 10);
  for (std::size_t k = 0; k < actors.size(); ++k) {
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"#333\"><title>{}: "
        "{:g}</title></circle>",
        at[k], axis_y, Escape(actors[k].label), actors[k].value);
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
        "stroke=\"#bbb\"/><text x=\"{:.1f}\" y=\"{:.1f}\" "
        "text-anchor=\"middle\">{}</text>",
        at[k], axis_y + 22, labels[k], axis_y + 32, labels[k], axis_y + 44,
        Escape(actors[k].label));
  }
  // Legend of the forecasts.
  for (std::size_t k = 0; k < forecasts.size(); ++k) {
    out += fmt::format(
        "<rect x=\"40\" y=\"{0:.1f}\" width=\"10\" height=\"10\" fill=\"{1}\"/>"
        "<text x=\"56\" y=\"{2:.1f}\">{3} {4:.2f}</text>",
        132 + 16.0 * static_cast<double>(k), Colour(k), 141 + 16.0 * static_cast<double>(k),
        Escape(forecasts[k].label), forecasts[k].value);
  }
  return out + "</svg>";
}

std::string LineChart(double low, double high, const std::vector<Series>& series,
                      const std::string& x_label, int x_first, const std::vector<Marker>& markers) {
  const double width = 640, height = 260, left = 40, right = 110, top = 15, bottom = 225;
  std::size_t rounds = 0;
  for (const Series& s : series) rounds = std::max(rounds, s.values.size());
  std::string out = Open(width, height);
  const Scale x{0, static_cast<double>(std::max<std::size_t>(rounds, 2) - 1), left, width - right};
  const Scale y{low, high, bottom, top};
  for (double t : TicksWithin(low, high)) {
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" "
        "stroke=\"#eee\"/><text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\" "
        "fill=\"#444\">{5}</text>",
        left, y(t), width - right, left - 4, y(t) + 4, TickLabel(t));
  }
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#444\">{} "
      "{} to {}</text>",
      (left + width - right) / 2, height - 8, Escape(x_label), x_first,
      x_first + (rounds > 0 ? static_cast<int>(rounds) - 1 : 0));
  for (std::size_t k = 0; k < markers.size(); ++k) {
    const double at = x(markers[k].at);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#999\" "
        "stroke-dasharray=\"4 3\"><title>{3}</title></line><text x=\"{4:.1f}\" y=\"{5}\" "
        "fill=\"#666\" font-size=\"11\">{3}</text>",
        at, top, bottom, Escape(markers[k].label), at + 3, top + 10 + 12 * static_cast<int>(k % 3));
  }
  std::vector<double> ends;
  for (std::size_t k = 0; k < series.size(); ++k) {
    std::string points;
    for (std::size_t r = 0; r < series[k].values.size(); ++r) {
      points += fmt::format("{:.1f},{:.1f} ", x(static_cast<double>(r)), y(series[k].values[r]));
    }
    out += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" "
        "stroke-width=\"2\"><title>{}</title></polyline>",
        points, Colour(k), Escape(series[k].label));
    ends.push_back(series[k].values.empty() ? y(low) : y(series[k].values.back()));
  }
  const std::vector<double> label_y = SpreadLabels(ends, 14, top, bottom);
  for (std::size_t k = 0; k < series.size(); ++k) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">{}</text>", width - right + 6,
                       label_y[k] + 4, Colour(k), Escape(series[k].label));
  }
  return out + "</svg>";
}

std::string Heatmap(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                    const std::vector<std::vector<double>>& values, const std::string& corner) {
  double left = TextWidth(corner) + 12;
  for (const std::string& r : rows) left = std::max(left, TextWidth(r) + 12);
  const double cell_w = 64, cell_h = 20, top = 22;
  const double width = left + cell_w * static_cast<double>(columns.size()) + 4;
  std::string out = Open(width, top + cell_h * static_cast<double>(rows.size()) + 4);
  out += fmt::format("<text x=\"4\" y=\"15\" fill=\"#444\">{}</text>", Escape(corner));
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"15\" text-anchor=\"middle\" fill=\"#444\">{}</text>",
                       left + cell_w * (static_cast<double>(c) + 0.5), Escape(columns[c]));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = top + cell_h * static_cast<double>(r);
    out +=
        fmt::format("<text x=\"4\" y=\"{:.1f}\" fill=\"#444\">{}</text>", y + 14, Escape(rows[r]));
    for (std::size_t c = 0; c < columns.size() && c < values[r].size(); ++c) {
      const double v = std::clamp(values[r][c], 0.0, 1.0);
      const int shade = static_cast<int>(std::lround(255 - 200 * v));
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" fill=\"rgb({},{},255)\" "
          "stroke=\"#fff\"/><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
          "fill=\"{}\">{:.3f}</text>",
          left + cell_w * static_cast<double>(c), y, cell_w, cell_h, shade, shade,
          left + cell_w * (static_cast<double>(c) + 0.5), y + 14, v > 0.6 ? "#fff" : "#222",
          values[r][c]);
    }
  }
  return out + "</svg>";
}

std::string Histogram(double low, double high, const std::vector<double>& values, double q05,
                      double q95) {
  const double width = 640, height = 170, axis_y = 130;
  const Scale s{low, high, 40, width - 40};
  constexpr int kBins = 40;
  std::vector<double> counts(kBins, 0);
  for (double v : values) {
    int b = static_cast<int>((v - low) / (high - low) * kBins);
    counts[std::clamp(b, 0, kBins - 1)] += 1;
  }
  const double most = std::max(1.0, *std::max_element(counts.begin(), counts.end()));
  std::string out = Open(width, height);
  out += fmt::format(
      "<rect x=\"{:.1f}\" y=\"10\" width=\"{:.1f}\" height=\"{}\" "
      "fill=\"#56B4E9\" fill-opacity=\"0.2\"><title>5-95 %: {:.2f} to "
      "{:.2f}</title></rect>",
      s(q05), std::max(1.0, s(q95) - s(q05)), axis_y - 10, q05, q95);
  const double bin = (s.x1 - s.x0) / kBins;
  for (int b = 0; b < kBins; ++b) {
    if (counts[b] == 0) continue;
    const double h = (axis_y - 15) * counts[b] / most;
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "fill=\"#0072B2\"/>",
        s.x0 + bin * b, axis_y - h, bin - 1, h);
  }
  return out + Axis(s, axis_y) + "</svg>";
}

std::string Tornado(const std::vector<std::pair<std::string, double>>& bars) {
  const double width = 640, row = 20, label = 230;
  const double height = 20 + row * static_cast<double>(bars.size());
  const Scale s{-1, 1, label + 10, width - 20};
  std::string out = Open(width, height);
  out += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"5\" x2=\"{0:.1f}\" y2=\"{1:.1f}\" "
      "stroke=\"#444\"/>",
      s(0), height - 5);
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const double v = std::clamp(bars[k].second, -1.0, 1.0);
    const double y = 10 + row * static_cast<double>(k);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", label,
                       y + 12, Escape(bars[k].first));
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"14\" "
        "fill=\"{}\"><title>{:+.3f}</title></rect>",
        std::min(s(0), s(v)), y, std::abs(s(v) - s(0)), v >= 0 ? "#0072B2" : "#D55E00",
        bars[k].second);
  }
  return out + "</svg>";
}

std::string Network(const std::vector<std::string>& nodes, const std::vector<Edge>& edges) {
  const double size = 360, centre = size / 2, radius = 120;
  const double pi = std::acos(-1.0);
  std::vector<std::pair<double, double>> at;
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const double angle =
        2 * pi * static_cast<double>(k) / static_cast<double>(nodes.size()) - pi / 2;
    at.emplace_back(centre + radius * std::cos(angle), centre + radius * std::sin(angle));
  }
  double most = 0;
  for (const Edge& e : edges) most = std::max(most, e.weight);
  std::string out = Open(size, size);
  for (const Edge& e : edges) {
    const double w = most > 0 ? 1 + 7 * e.weight / most : 1;
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
        "stroke=\"#0072B2\" stroke-opacity=\"0.6\" stroke-width=\"{:.1f}\">"
        "<title>{} - {}: {:.3g}</title></line>",
        at[e.a].first, at[e.a].second, at[e.b].first, at[e.b].second, w, Escape(nodes[e.a]),
        Escape(nodes[e.b]), e.weight);
  }
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const double dx = at[k].first - centre, dy = at[k].second - centre;
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"#333\"/><text "
        "x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
        at[k].first, at[k].second, centre + dx * 1.25, centre + dy * 1.25 + 4, Escape(nodes[k]));
  }
  return out + "</svg>";
}

std::string Scatter(double low, double high, const std::vector<std::pair<double, double>>& points,
                    const std::string& x_label, const std::string& y_label) {
  const double size = 360, margin = 40;
  const Scale x{low, high, margin, size - 10};
  const Scale y{low, high, size - margin, 10};
  std::string out = Open(size, size);
  out += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
      "stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>",
      x(low), y(low), x(high), y(high));
  for (double t : TicksWithin(low, high)) {
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#444\">{}"
        "</text><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" "
        "fill=\"#444\">{}</text>",
        x(t), size - margin + 16, TickLabel(t), margin - 4, y(t) + 4, TickLabel(t));
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                     (margin + size) / 2, size - 4, Escape(x_label));
  out += fmt::format(
      "<text x=\"12\" y=\"{:.1f}\" transform=\"rotate(-90 12 {:.1f})\" "
      "text-anchor=\"middle\">{}</text>",
      size / 2, size / 2, Escape(y_label));
  for (const auto& [px, py] : points) {
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"#0072B2\" "
        "fill-opacity=\"0.6\"/>",
        x(px), y(py));
  }
  return out + "</svg>";
}

}  // namespace concert::svg
