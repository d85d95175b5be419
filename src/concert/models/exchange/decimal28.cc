#include "concert/models/exchange/decimal28.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace concert {
namespace {

constexpr long kPrecision = 28;

const mpz_class& PowerOfTen(unsigned long n) {
  static std::vector<mpz_class> cache = {1};
  while (cache.size() <= n) cache.push_back(cache.back() * 10);
  return cache[n];
}

// Number of decimal digits of |z| (1 for 0).
long Digits(const mpz_class& z) {
  if (z == 0) return 1;
  long n = static_cast<long>(mpz_sizeinbase(z.get_mpz_t(), 10));  // n or n + 1
  mpz_class magnitude = abs(z);
  if (magnitude < PowerOfTen(static_cast<unsigned long>(n - 1))) --n;
  return n;
}

// a and b with a common exponent, the smaller of the two.
void Align(const mpz_class& ca, long ea, const mpz_class& cb, long eb, mpz_class& a, mpz_class& b,
           long& e) {
  e = std::min(ea, eb);
  a = ca * PowerOfTen(static_cast<unsigned long>(ea - e));
  b = cb * PowerOfTen(static_cast<unsigned long>(eb - e));
}

}  // namespace

Decimal28 Decimal28::Round(mpz_class coefficient, long exponent) {
  const long digits = Digits(coefficient);
  if (digits <= kPrecision) return Decimal28(std::move(coefficient), exponent);
  const unsigned long drop = static_cast<unsigned long>(digits - kPrecision);
  const bool negative = coefficient < 0;
  mpz_class magnitude = abs(coefficient);
  mpz_class quotient, remainder;
  mpz_tdiv_qr(quotient.get_mpz_t(), remainder.get_mpz_t(), magnitude.get_mpz_t(),
              PowerOfTen(drop).get_mpz_t());
  const int half = cmp(remainder * 2, PowerOfTen(drop));
  if (half > 0 || (half == 0 && mpz_odd_p(quotient.get_mpz_t()))) quotient += 1;
  exponent += static_cast<long>(drop);
  if (quotient == PowerOfTen(kPrecision)) {  // 9.99...9 rounded up to 10.00...0
    quotient /= 10;
    exponent += 1;
  }
  return Decimal28(negative ? mpz_class(-quotient) : quotient, exponent);
}

Decimal28 Decimal28::FromString(std::string_view text) {
  std::string digits;
  long exponent = 0;
  std::size_t k = 0;
  bool negative = false;
  if (k < text.size() && (text[k] == '-' || text[k] == '+')) negative = text[k++] == '-';
  bool any = false, point = false;
  for (; k < text.size(); ++k) {
    const char c = text[k];
    if (c >= '0' && c <= '9') {
      digits += c;
      any = true;
      if (point) --exponent;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (k < text.size() && (text[k] == 'e' || text[k] == 'E')) {
    char* end = nullptr;
    const std::string rest(text.substr(k + 1));
    const long e = std::strtol(rest.c_str(), &end, 10);
    if (rest.empty() || *end != '\0') throw std::invalid_argument("bad decimal exponent");
    exponent += e;
    k = text.size();
  }
  if (!any || k != text.size()) throw std::invalid_argument("not a decimal number");
  mpz_class coefficient(digits, 10);
  if (negative) coefficient = -coefficient;
  return Decimal28(std::move(coefficient), exponent);
}

Decimal28 Decimal28::FromDouble(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("not a finite number");
  if (value == 0) return Decimal28();
  int binary_exponent = 0;
  const double mantissa = std::frexp(std::abs(value), &binary_exponent);  // [0.5, 1)
  mpz_class m;
  mpz_set_d(m.get_mpz_t(), std::ldexp(mantissa, 53));  // exact 53-bit integer
  long e2 = binary_exponent - 53;
  Decimal28 out;
  if (e2 >= 0) {
    out.coefficient_ = m << static_cast<unsigned long>(e2);
  } else {
    // m / 2^k = m * 5^k / 10^k
    mpz_class five;
    mpz_ui_pow_ui(five.get_mpz_t(), 5, static_cast<unsigned long>(-e2));
    out.coefficient_ = m * five;
    out.exponent_ = e2;
  }
  if (value < 0) out.coefficient_ = -out.coefficient_;
  return out;
}

double Decimal28::ToDouble() const { return std::strtod(ToString().c_str(), nullptr); }

std::string Decimal28::ToString() const {
  return coefficient_.get_str() + "e" + std::to_string(exponent_);
}

Decimal28 operator+(const Decimal28& a, const Decimal28& b) {
  mpz_class x, y;
  long e;
  Align(a.coefficient_, a.exponent_, b.coefficient_, b.exponent_, x, y, e);
  return Decimal28::Round(x + y, e);
}

Decimal28 operator-(const Decimal28& a, const Decimal28& b) { return a + (-b); }

Decimal28 operator*(const Decimal28& a, const Decimal28& b) {
  return Decimal28::Round(a.coefficient_ * b.coefficient_, a.exponent_ + b.exponent_);
}

Decimal28 operator/(const Decimal28& a, const Decimal28& b) {
  if (b.coefficient_ == 0) throw std::domain_error("decimal division by zero");
  if (a.coefficient_ == 0) return Decimal28();
  // Scale the dividend so the quotient has at least 30 digits, then append a
  // sticky digit for an inexact remainder: rounding to 28 digits is then exact.
  const long shift = std::max(0L, kPrecision + 2 + Digits(b.coefficient_) - Digits(a.coefficient_));
  mpz_class dividend = abs(a.coefficient_) * PowerOfTen(static_cast<unsigned long>(shift));
  mpz_class divisor = abs(b.coefficient_);
  mpz_class quotient, remainder;
  mpz_tdiv_qr(quotient.get_mpz_t(), remainder.get_mpz_t(), dividend.get_mpz_t(),
              divisor.get_mpz_t());
  long exponent = a.exponent_ - b.exponent_ - shift;
  if (remainder != 0) {
    quotient = quotient * 10 + 1;
    exponent -= 1;
  }
  if ((a.coefficient_ < 0) != (b.coefficient_ < 0)) quotient = -quotient;
  return Decimal28::Round(std::move(quotient), exponent);
}

Decimal28 Decimal28::operator-() const { return Decimal28(-coefficient_, exponent_); }

Decimal28 Abs(const Decimal28& a) { return Decimal28(abs(a.coefficient_), a.exponent_); }

int Compare(const Decimal28& a, const Decimal28& b) {
  const int sa = sgn(a.coefficient_), sb = sgn(b.coefficient_);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  mpz_class x, y;
  long e;
  Align(a.coefficient_, a.exponent_, b.coefficient_, b.exponent_, x, y, e);
  const int c = cmp(x, y);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace concert
