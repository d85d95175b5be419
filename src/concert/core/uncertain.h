// concert/core/uncertain.h — drawing an uncertain number (core/scenario.h's
// Number) from a seeded stream, the same way everywhere.
//
// A range is drawn uniformly; a standard deviation from a normal truncated at
// [low, high] by rejection (after 1000 rejections, a value far outside its
// bounds relative to sd, the central value). The normal comes from Box-Muller
// on the stream's uniforms, so draws are the same on every platform
// (std::normal_distribution is implementation-defined).
#pragma once

#include "concert/core/random.h"
#include "concert/core/scenario.h"

namespace concert {

double StandardNormal(Stream& stream);
double DrawNumber(const Number& number, double low, double high, Stream& stream);
// The number at quantile u in (0, 1) of its distribution: a range's uniform,
// or the normal truncated at [low, high] (the distribution DrawNumber samples).
// A number without uncertainty is its value.
double NumberAtQuantile(const Number& number, double low, double high, double u);
// The standard normal's distribution function and its inverse (Acklam's
// approximation refined by one Halley step: relative error below 1e-15).
double NormalCdf(double x);
double NormalQuantile(double p);
inline bool IsUncertain(const Number& number) {
  return number.uncertainty.kind != Uncertainty::Kind::kNone;
}

}  // namespace concert
