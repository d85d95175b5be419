#include "concert/core/uncertain.h"

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

}  // namespace concert
