// concert/models/exchange/decimal28.h — decimal floating point with Python's default
// decimal context: 28 significant digits, ROUND_HALF_EVEN.
//
// Some reference implementations compute in Python's decimal.Decimal, and some
// of their decisions hinge on whether a difference is exactly zero in that
// arithmetic. Decimal28 reproduces it: every operation computes the exact
// result and rounds it to 28 significant digits, half to even; values built
// from strings or doubles are exact (as Decimal('0.95') and Decimal(0.4) are).
// Comparisons are exact. It is slow next to double: use it where a model
// offers a reference-exact mode, not on hot paths by default.
#pragma once

#include <gmpxx.h>

#include <string>
#include <string_view>

namespace concert {

class Decimal28 {
 public:
  Decimal28() = default;
  explicit Decimal28(long value) : coefficient_(value) {}

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

  bool is_zero() const { return coefficient_ == 0; }

 private:
  Decimal28(mpz_class coefficient, long exponent)
      : coefficient_(std::move(coefficient)), exponent_(exponent) {}
  // Rounds an exact value to 28 significant digits, half to even.
  static Decimal28 Round(mpz_class coefficient, long exponent);

  mpz_class coefficient_;  // value = coefficient * 10^exponent
  long exponent_ = 0;
};

}  // namespace concert
