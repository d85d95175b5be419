// concert/models/exchange/decimal28.h — decimal floating point with Python's default
// decimal context: 28 significant digits, ROUND_HALF_EVEN.
//
// Some reference implementations compute in Python's decimal.Decimal, and some
// of their decisions hinge on whether a difference is exactly zero in that
// arithmetic. Decimal28 reproduces it: every operation computes the exact
// result and rounds it to 28 significant digits, half to even; values built
// from strings or doubles are exact (as Decimal('0.95') and Decimal(0.4) are).
// Comparisons are exact.
//
// A value is coefficient x 10^exponent. Every result of arithmetic has at most
// 28 digits, so its coefficient lives in a 128-bit integer and the operations
// on such values compute in 128 and 256 bits without allocating; only a
// coefficient too long for 128 bits (the exact value of a double such as
// Decimal(1e-10), or a long string) is kept in GMP, and operations on it take
// the GMP path. Both paths give the same coefficient and exponent.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace concert {

class Decimal28 {
 public:
  Decimal28() = default;
  explicit Decimal28(long value);

  // Exact; throws std::invalid_argument on anything but [-]digits[.digits][e[+-]digits].
  static Decimal28 FromString(std::string_view text);
  // Exact binary value of the double, as Python's Decimal(float).
  static Decimal28 FromDouble(double value);

  double ToDouble() const;       // correctly rounded
  std::string ToString() const;  // plain scientific: coefficient "e" exponent

  friend Decimal28 operator+(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator-(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator*(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator/(const Decimal28& a, const Decimal28& b);  // b != 0
  Decimal28 operator-() const;
  friend Decimal28 Abs(const Decimal28& a);

  friend int Compare(const Decimal28& a, const Decimal28& b);
  friend bool operator<(const Decimal28& a, const Decimal28& b) { return Compare(a, b) < 0; }
  friend bool operator>(const Decimal28& a, const Decimal28& b) { return Compare(a, b) > 0; }
  friend bool operator<=(const Decimal28& a, const Decimal28& b) { return Compare(a, b) <= 0; }
  friend bool operator>=(const Decimal28& a, const Decimal28& b) { return Compare(a, b) >= 0; }
  friend bool operator==(const Decimal28& a, const Decimal28& b) { return Compare(a, b) == 0; }
  friend bool operator!=(const Decimal28& a, const Decimal28& b) { return Compare(a, b) != 0; }

  bool is_zero() const { return !big_ && low_ == 0 && high_ == 0; }

  struct Big;   // a coefficient of more than 128 bits (decimal28.cc)
  struct Impl;  // the operations (decimal28.cc)

 private:
  friend struct Impl;
  // The coefficient's magnitude, high_ * 2^64 + low_, and its sign; or big_.
  unsigned long long low_ = 0, high_ = 0;
  bool negative_ = false;
  long exponent_ = 0;
  std::shared_ptr<const Big> big_;
};

}  // namespace concert
