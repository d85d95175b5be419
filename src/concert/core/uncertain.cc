#include "concert/core/uncertain.h"

#include <algorithm>
#include <cmath>

namespace concert {

double StandardNormal(Stream& stream) {
  double u = stream.Uniform();
  while (u <= 0.0) u = stream.Uniform();
  const double v = stream.Uniform();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

double DrawNumber(const Number& number, double low, double high, Stream& stream) {
  const Uncertainty& u = number.uncertainty;
  switch (u.kind) {
    case Uncertainty::Kind::kNone:
      return number.value;
    case Uncertainty::Kind::kRange:
      return u.low + (u.high - u.low) * stream.Uniform();
    case Uncertainty::Kind::kNormal: {
      if (u.sd == 0) return number.value;
      for (int attempt = 0; attempt < 1000; ++attempt) {
        const double x = number.value + u.sd * StandardNormal(stream);
        if (x >= low && x <= high) return x;
      }
      return number.value;
    }
  }
  return number.value;
}

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double NormalQuantile(double p) {
  if (!(p > 0)) return -INFINITY;
  if (!(p < 1)) return INFINITY;
  // Acklam (2003), rational approximations in three regions.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double low = 0.02425;
  double x;
  if (p < low) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One step of Halley's method on NormalCdf(x) - p.
  const double e = NormalCdf(x) - p;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

double NumberAtQuantile(const Number& number, double low, double high, double u) {
  const Uncertainty& un = number.uncertainty;
  switch (un.kind) {
    case Uncertainty::Kind::kNone:
      return number.value;
    case Uncertainty::Kind::kRange:
      return un.low + (un.high - un.low) * u;
    case Uncertainty::Kind::kNormal: {
      if (un.sd == 0) return number.value;
      const double pa = std::isfinite(low) ? NormalCdf((low - number.value) / un.sd) : 0.0;
      const double pb = std::isfinite(high) ? NormalCdf((high - number.value) / un.sd) : 1.0;
      const double x = number.value + un.sd * NormalQuantile(pa + u * (pb - pa));
      return std::min(high, std::max(low, x));  // rounding at the bounds only
    }
  }
  return number.value;
}

}  // namespace concert
