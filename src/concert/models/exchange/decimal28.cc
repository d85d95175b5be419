#include "concert/models/exchange/decimal28.h"

#include <gmp.h>
#include <gmpxx.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace concert {

struct Decimal28::Big {
  mpz_class coefficient;  // signed; |coefficient| >= 2^128
  long digits = 0;        // of the coefficient
};

namespace {

__extension__ typedef unsigned __int128 U128;

constexpr long kPrecision = 28;
constexpr int kMaxPower = 38;  // 10^38 < 2^128 < 10^39

constexpr std::array<U128, kMaxPower + 1> kPowers = [] {
  std::array<U128, kMaxPower + 1> p{};
  p[0] = 1;
  for (int k = 1; k <= kMaxPower; ++k) p[k] = p[k - 1] * 10;
  return p;
}();

// The largest magnitude that 10^k scales within 128 bits.
constexpr std::array<U128, kMaxPower + 1> kScalable = [] {
  std::array<U128, kMaxPower + 1> m{};
  for (int k = 0; k <= kMaxPower; ++k) m[k] = ~static_cast<U128>(0) / kPowers[k];
  return m;
}();

// Number of decimal digits of x (1 for 0).
int Digits(U128 x) {
  if (x == 0) return 1;
  const unsigned long long high = static_cast<unsigned long long>(x >> 64);
  const int bits = high != 0 ? 128 - __builtin_clzll(high)
                             : 64 - __builtin_clzll(static_cast<unsigned long long>(x));
  int digits = ((bits * 1233) >> 12) + 1;  // floor(bits * log10(2)) + 1, or one more
  if (digits > kMaxPower + 1) digits = kMaxPower + 1;
  if (x < kPowers[digits - 1]) --digits;
  return digits;
}

// Up to 8 64-bit limbs, least significant first (GMP's mpn layout).
struct Limbs {
  std::array<mp_limb_t, 8> limb{};
  mp_size_t size = 0;  // without leading zero limbs
  void Trim() {
    while (size > 0 && limb[static_cast<std::size_t>(size - 1)] == 0) --size;
  }
};
static_assert(sizeof(mp_limb_t) == 8, "64-bit GMP limbs");

Limbs ToLimbs(U128 x) {
  Limbs l;
  l.limb[0] = static_cast<mp_limb_t>(x);
  l.limb[1] = static_cast<mp_limb_t>(x >> 64);
  l.size = 2;
  l.Trim();
  return l;
}

bool FitsU128(const Limbs& l) { return l.size <= 2; }
U128 ToU128(const Limbs& l) {
  return (static_cast<U128>(l.size > 1 ? l.limb[1] : 0) << 64) | (l.size > 0 ? l.limb[0] : 0);
}

// 10^k as limbs, k in [0, 80].
const Limbs& PowerLimbs(int k) {
  static const std::vector<Limbs> table = [] {
    std::vector<Limbs> t(81);
    t[0].limb[0] = 1;
    t[0].size = 1;
    for (std::size_t i = 1; i < t.size(); ++i) {
      t[i] = t[i - 1];
      const mp_limb_t carry = mpn_mul_1(t[i].limb.data(), t[i - 1].limb.data(), t[i - 1].size, 10);
      if (carry != 0) t[i].limb[static_cast<std::size_t>(t[i].size++)] = carry;
    }
    return t;
  }();
  return table[static_cast<std::size_t>(k)];
}

// n / d with its remainder, d < 2^64: one or two 128-by-64-bit hardware
// divisions on x86-64 instead of a general 128-bit division.
U128 DivideSmall(U128 n, std::uint64_t d, std::uint64_t& remainder) {
  std::uint64_t low = static_cast<std::uint64_t>(n);
  const std::uint64_t high = static_cast<std::uint64_t>(n >> 64);
  if (high == 0) {
    remainder = low % d;
    return low / d;
  }
  const std::uint64_t q_high = high / d;
  std::uint64_t r = high % d;  // < d: the quotient of (r, low) / d fits in 64 bits
#if defined(__x86_64__)
  __asm__("divq %[d]" : "+a"(low), "+d"(r) : [d] "rm"(d) : "cc");
  remainder = r;
  return (static_cast<U128>(q_high) << 64) | low;
#else
  const U128 rest = (static_cast<U128>(r) << 64) | low;
  remainder = static_cast<std::uint64_t>(rest % d);
  return (static_cast<U128>(q_high) << 64) | static_cast<std::uint64_t>(rest / d);
#endif
}

// l /= d in place, d < 2^64; returns the remainder.
std::uint64_t DivideInPlace(Limbs& l, std::uint64_t d) {
  std::uint64_t r = 0;
  for (mp_size_t k = l.size; k-- > 0;) {
    const std::size_t i = static_cast<std::size_t>(k);
    const U128 n = (static_cast<U128>(r) << 64) | l.limb[i];
    std::uint64_t digit_r = 0;
    l.limb[i] = static_cast<mp_limb_t>(DivideSmall(n, d, digit_r));  // r < d: fits 64 bits
    r = digit_r;
  }
  l.Trim();
  return r;
}

// The product of two 128-bit magnitudes in four limbs, without a call.
Limbs MultiplySmall(U128 a, U128 b) {
  const std::uint64_t a0 = static_cast<std::uint64_t>(a), a1 = static_cast<std::uint64_t>(a >> 64);
  const std::uint64_t b0 = static_cast<std::uint64_t>(b), b1 = static_cast<std::uint64_t>(b >> 64);
  const U128 p00 = static_cast<U128>(a0) * b0, p01 = static_cast<U128>(a0) * b1;
  const U128 p10 = static_cast<U128>(a1) * b0, p11 = static_cast<U128>(a1) * b1;
  const U128 mid = (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
  const U128 top = (mid >> 64) + (p01 >> 64) + (p10 >> 64) + static_cast<std::uint64_t>(p11);
  Limbs out;
  out.limb[0] = static_cast<mp_limb_t>(p00);
  out.limb[1] = static_cast<mp_limb_t>(mid);
  out.limb[2] = static_cast<mp_limb_t>(top);
  out.limb[3] = static_cast<mp_limb_t>((top >> 64) + (p11 >> 64));
  out.size = 4;
  out.Trim();
  return out;
}

Limbs Multiply(const Limbs& a, const Limbs& b) {
  Limbs out;
  if (a.size == 0 || b.size == 0) return out;
  const bool a_first = a.size >= b.size;  // mpn_mul wants the longer operand first
  const Limbs& u = a_first ? a : b;
  const Limbs& v = a_first ? b : a;
  mpn_mul(out.limb.data(), u.limb.data(), u.size, v.limb.data(), v.size);
  out.size = u.size + v.size;
  out.Trim();
  return out;
}

// Decimal digits of a nonzero limb number of at most 4 limbs.
int Digits(const Limbs& l) {
  const std::size_t top = static_cast<std::size_t>(l.size - 1);
  const int bits = 64 * static_cast<int>(top) + 64 - __builtin_clzll(l.limb[top]);
  int digits = ((bits * 1233) >> 12) + 1;  // exact or one more (as for U128)
  const Limbs& p = PowerLimbs(digits - 1);
  bool below = p.size > l.size;
  if (p.size == l.size) {
    std::size_t k = top;
    while (k > 0 && l.limb[k] == p.limb[k]) --k;
    below = l.limb[k] < p.limb[k];
  }
  if (below) --digits;
  return digits;
}

// (quotient, remainder) of n / d, d nonzero, n.size >= d.size.
void Divide(const Limbs& n, const Limbs& d, Limbs& q, Limbs& r) {
  q = Limbs();
  r = Limbs();
  if (n.size < d.size) {
    r = n;
    return;
  }
  mpn_tdiv_qr(q.limb.data(), r.limb.data(), 0, n.limb.data(), n.size, d.limb.data(), d.size);
  q.size = n.size - d.size + 1;
  r.size = d.size;
  q.Trim();
  r.Trim();
}

// The exact value of a Decimal28 as a signed GMP coefficient and exponent.
struct Exact {
  mpz_class coefficient;
  long exponent = 0;
};

mpz_class ToMpz(U128 x) {
  mpz_class z;
  const mp_limb_t limbs[2] = {static_cast<mp_limb_t>(x), static_cast<mp_limb_t>(x >> 64)};
  mpz_import(z.get_mpz_t(), 2, -1, sizeof(mp_limb_t), 0, 0, limbs);
  return z;
}

const mpz_class& PowerOfTen(unsigned long n) {
  thread_local std::vector<mpz_class> cache = {1};
  while (cache.size() <= n) cache.push_back(cache.back() * 10);
  return cache[n];
}

long DigitsMpz(const mpz_class& z) {
  if (z == 0) return 1;
  long n = static_cast<long>(mpz_sizeinbase(z.get_mpz_t(), 10));  // n or n + 1
  mpz_class magnitude = abs(z);
  if (magnitude < PowerOfTen(static_cast<unsigned long>(n - 1))) --n;
  return n;
}

void Align(const Exact& a, const Exact& b, mpz_class& x, mpz_class& y, long& e) {
  e = std::min(a.exponent, b.exponent);
  x = a.coefficient * PowerOfTen(static_cast<unsigned long>(a.exponent - e));
  y = b.coefficient * PowerOfTen(static_cast<unsigned long>(b.exponent - e));
}

}  // namespace

// The operations, with access to the representation.
struct Decimal28::Impl {
  static Decimal28 Small(U128 magnitude, long exponent, bool negative) {
    Decimal28 d;
    d.low_ = static_cast<unsigned long long>(magnitude);
    d.high_ = static_cast<unsigned long long>(magnitude >> 64);
    d.negative_ = negative && magnitude != 0;
    d.exponent_ = exponent;
    return d;
  }
  static U128 Magnitude(const Decimal28& d) { return (static_cast<U128>(d.high_) << 64) | d.low_; }

  static Exact ToExact(const Decimal28& d) {
    if (d.big_) return {d.big_->coefficient, d.exponent_};
    mpz_class c = ToMpz(Magnitude(d));
    if (d.negative_) c = -c;
    return {std::move(c), d.exponent_};
  }

  static Decimal28 FromExact(mpz_class coefficient, long exponent) {
    if (mpz_sizeinbase(coefficient.get_mpz_t(), 2) <= 128) {
      const bool negative = coefficient < 0;
      mp_limb_t limbs[2] = {0, 0};
      std::size_t count = 0;
      mpz_export(limbs, &count, -1, sizeof(mp_limb_t), 0, 0, coefficient.get_mpz_t());
      return Small((static_cast<U128>(limbs[1]) << 64) | limbs[0], exponent, negative);
    }
    Decimal28 d;
    d.exponent_ = exponent;
    const long digits = DigitsMpz(coefficient);
    d.big_ = std::make_shared<const Big>(Big{std::move(coefficient), digits});
    return d;
  }

  // Rounds a magnitude to 28 significant digits, half to even.
  static Decimal28 Round(U128 magnitude, long exponent, bool negative) {
    const int digits = Digits(magnitude);
    if (digits <= kPrecision) return Small(magnitude, exponent, negative);
    const int drop = digits - static_cast<int>(kPrecision);  // at most 11
    const std::uint64_t p = static_cast<std::uint64_t>(kPowers[static_cast<std::size_t>(drop)]);
    std::uint64_t remainder = 0;
    U128 quotient = DivideSmall(magnitude, p, remainder);
    const U128 twice = static_cast<U128>(remainder) * 2;
    if (twice > p || (twice == p && (quotient & 1) != 0)) ++quotient;
    return Carry(quotient, exponent + drop, negative);
  }
  // A product of two 128-bit magnitudes: divided by 10^(drop - 1) noting
  // whether anything nonzero went, then the last digit dropped decides.
  static Decimal28 Round(Limbs magnitude, long exponent, bool negative) {
    if (FitsU128(magnitude)) return Round(ToU128(magnitude), exponent, negative);
    const int drop = Digits(magnitude) - static_cast<int>(kPrecision);
    bool sticky = false;
    for (int left = drop - 1; left > 0;) {
      const int step = std::min(left, 19);
      sticky =
          DivideInPlace(magnitude,
                        static_cast<std::uint64_t>(kPowers[static_cast<std::size_t>(step)])) != 0 ||
          sticky;
      left -= step;
    }
    std::uint64_t digit = 0;
    U128 quotient = DivideSmall(ToU128(magnitude), 10, digit);  // 29 digits before
    if (digit > 5 || (digit == 5 && (sticky || (quotient & 1) != 0))) ++quotient;
    return Carry(quotient, exponent + drop, negative);
  }
  // 9.99...9 rounded up to 10.00...0 has 29 digits: one less.
  static Decimal28 Carry(U128 quotient, long exponent, bool negative) {
    if (quotient == kPowers[kPrecision]) {
      quotient /= 10;
      exponent += 1;
    }
    return Small(quotient, exponent, negative);
  }

  // The GMP path, for operands too long for 128 bits.
  static Decimal28 RoundExact(mpz_class coefficient, long exponent) {
    const long digits = DigitsMpz(coefficient);
    if (digits <= kPrecision) return FromExact(std::move(coefficient), exponent);
    const unsigned long drop = static_cast<unsigned long>(digits - kPrecision);
    const bool negative = coefficient < 0;
    mpz_class magnitude = abs(coefficient);
    mpz_class quotient, remainder;
    mpz_tdiv_qr(quotient.get_mpz_t(), remainder.get_mpz_t(), magnitude.get_mpz_t(),
                PowerOfTen(drop).get_mpz_t());
    const int half = cmp(remainder * 2, PowerOfTen(drop));
    if (half > 0 || (half == 0 && mpz_odd_p(quotient.get_mpz_t()))) quotient += 1;
    exponent += static_cast<long>(drop);
    if (quotient == PowerOfTen(kPrecision)) {
      quotient /= 10;
      exponent += 1;
    }
    return FromExact(negative ? mpz_class(-quotient) : quotient, exponent);
  }
  static Decimal28 AddExact(const Exact& a, const Exact& b) {
    mpz_class x, y;
    long e;
    Align(a, b, x, y, e);
    return RoundExact(x + y, e);
  }
  static Decimal28 DivideExact(const Exact& a, const Exact& b) {
    const long shift =
        std::max(0L, kPrecision + 2 + DigitsMpz(b.coefficient) - DigitsMpz(a.coefficient));
    mpz_class dividend = abs(a.coefficient) * PowerOfTen(static_cast<unsigned long>(shift));
    mpz_class divisor = abs(b.coefficient);
    mpz_class quotient, remainder;
    mpz_tdiv_qr(quotient.get_mpz_t(), remainder.get_mpz_t(), dividend.get_mpz_t(),
                divisor.get_mpz_t());
    long exponent = a.exponent - b.exponent - shift;
    if (remainder != 0) {
      quotient = quotient * 10 + 1;
      exponent -= 1;
    }
    if ((a.coefficient < 0) != (b.coefficient < 0)) quotient = -quotient;
    return RoundExact(std::move(quotient), exponent);
  }

  // a and b at the smaller exponent, if both fit in 128 bits.
  static bool AlignSmall(const Decimal28& a, const Decimal28& b, U128& x, U128& y, long& e) {
    e = std::min(a.exponent_, b.exponent_);
    const long da = a.exponent_ - e, db = b.exponent_ - e;
    return Scale(Magnitude(a), da, x) && Scale(Magnitude(b), db, y);
  }
  // m * 10^k if it fits in 128 bits.
  static bool Scale(U128 m, long k, U128& out) {
    if (k == 0) {
      out = m;
      return true;
    }
    if (k > kMaxPower || m > kScalable[static_cast<std::size_t>(k)]) return false;
    out = m * kPowers[static_cast<std::size_t>(k)];
    return true;
  }

  static Decimal28 Add(const Decimal28& a, const Decimal28& b, bool negate_b) {
    if (!a.big_ && !b.big_) {
      U128 x, y, sum;
      long e;
      const bool negative_b = negate_b ? !b.negative_ : b.negative_;
      if (AlignSmall(a, b, x, y, e)) {
        if (a.negative_ == negative_b) {
          if (!__builtin_add_overflow(x, y, &sum)) return Round(sum, e, a.negative_);
        } else if (x >= y) {
          return Round(x - y, e, a.negative_);
        } else {
          return Round(y - x, e, negative_b);
        }
      }
    }
    Exact y = ToExact(b);
    if (negate_b) y.coefficient = -y.coefficient;
    return AddExact(ToExact(a), y);
  }

  static Decimal28 Multiply(const Decimal28& a, const Decimal28& b) {
    if (!a.big_ && !b.big_) {
      const bool negative = a.negative_ != b.negative_;
      return Round(MultiplySmall(Magnitude(a), Magnitude(b)), a.exponent_ + b.exponent_, negative);
    }
    const Exact x = ToExact(a), y = ToExact(b);
    return RoundExact(x.coefficient * y.coefficient, x.exponent + y.exponent);
  }

  static Decimal28 Divide(const Decimal28& a, const Decimal28& b) {
    if (b.is_zero()) throw std::domain_error("decimal division by zero");
    if (a.is_zero()) return Decimal28();
    if (a.big_ || b.big_) return DivideExact(ToExact(a), ToExact(b));
    // Scale the dividend so the quotient has at least 30 digits, then append a
    // sticky digit for an inexact remainder: rounding to 28 digits is then exact.
    const U128 ma = Magnitude(a), mb = Magnitude(b);
    const long shift = std::max(0L, kPrecision + 2 + Digits(mb) - Digits(ma));
    const Limbs dividend =
        shift <= kMaxPower ? MultiplySmall(ma, kPowers[static_cast<std::size_t>(shift)])
                           : concert::Multiply(ToLimbs(ma), PowerLimbs(static_cast<int>(shift)));
    Limbs q, r;
    if (static_cast<std::uint64_t>(mb >> 64) == 0) {  // a one-limb divisor: no GMP call
      q = dividend;
      const std::uint64_t rest = DivideInPlace(q, static_cast<std::uint64_t>(mb));
      r.limb[0] = rest;
      r.size = rest != 0 ? 1 : 0;
    } else {
      concert::Divide(dividend, ToLimbs(mb), q, r);
    }
    if (!FitsU128(q)) return DivideExact(ToExact(a), ToExact(b));
    U128 quotient = ToU128(q);
    long exponent = a.exponent_ - b.exponent_ - shift;
    if (r.size != 0) {
      quotient = quotient * 10 + 1;  // at most 31 digits before: no overflow
      exponent -= 1;
    }
    return Round(quotient, exponent, a.negative_ != b.negative_);
  }

  static int Sign(const Decimal28& d) {
    if (d.big_) return sgn(d.big_->coefficient);
    return d.is_zero() ? 0 : (d.negative_ ? -1 : 1);
  }

  static int Compare(const Decimal28& a, const Decimal28& b) {
    const int sa = Sign(a), sb = Sign(b);
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    // The adjusted exponents (of the leading digits) decide unless they are equal.
    const long aa = a.exponent_ + (a.big_ ? a.big_->digits : Digits(Magnitude(a)));
    const long ab = b.exponent_ + (b.big_ ? b.big_->digits : Digits(Magnitude(b)));
    if (aa != ab) return (aa < ab) == (sa > 0) ? -1 : 1;
    if (!a.big_ && !b.big_) {
      const long e = std::min(a.exponent_, b.exponent_);
      const long da = a.exponent_ - e, db = b.exponent_ - e;
      U128 x = 0, y = 0;
      // Only one of the two is scaled; if it overflows, it is the larger magnitude.
      const bool x_over = !Scale(Magnitude(a), da, x);
      const bool y_over = !Scale(Magnitude(b), db, y);
      int c = 0;
      if (x_over != y_over) {
        c = x_over ? 1 : -1;
      } else if (!x_over) {
        c = x < y ? -1 : (x > y ? 1 : 0);
      } else {
        c = 2;  // both overflowed: cannot happen (one is not scaled), take the GMP path
      }
      if (c != 2) return sa > 0 ? c : -c;
    }
    const Exact ea = ToExact(a), eb = ToExact(b);
    mpz_class x, y;
    long e;
    Align(ea, eb, x, y, e);
    const int c = cmp(x, y);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
};

Decimal28::Decimal28(long value) {
  const unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value)
                                                 : static_cast<unsigned long long>(value);
  low_ = magnitude;
  negative_ = value < 0;
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
  return Impl::FromExact(std::move(coefficient), exponent);
}

Decimal28 Decimal28::FromDouble(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("not a finite number");
  if (value == 0) return Decimal28();
  int binary_exponent = 0;
  const double mantissa = std::frexp(std::abs(value), &binary_exponent);  // [0.5, 1)
  mpz_class m;
  mpz_set_d(m.get_mpz_t(), std::ldexp(mantissa, 53));  // exact 53-bit integer
  const long e2 = binary_exponent - 53;
  mpz_class coefficient;
  long exponent = 0;
  if (e2 >= 0) {
    coefficient = m << static_cast<unsigned long>(e2);
  } else {
    // m / 2^k = m * 5^k / 10^k
    mpz_class five;
    mpz_ui_pow_ui(five.get_mpz_t(), 5, static_cast<unsigned long>(-e2));
    coefficient = m * five;
    exponent = e2;
  }
  if (value < 0) coefficient = -coefficient;
  return Impl::FromExact(std::move(coefficient), exponent);
}

double Decimal28::ToDouble() const { return std::strtod(ToString().c_str(), nullptr); }

std::string Decimal28::ToString() const {
  return Impl::ToExact(*this).coefficient.get_str() + "e" + std::to_string(exponent_);
}

Decimal28 operator+(const Decimal28& a, const Decimal28& b) {
  return Decimal28::Impl::Add(a, b, false);
}

Decimal28 operator-(const Decimal28& a, const Decimal28& b) {
  return Decimal28::Impl::Add(a, b, true);
}

Decimal28 operator*(const Decimal28& a, const Decimal28& b) {
  return Decimal28::Impl::Multiply(a, b);
}

Decimal28 operator/(const Decimal28& a, const Decimal28& b) {
  return Decimal28::Impl::Divide(a, b);
}

Decimal28 Decimal28::operator-() const {
  if (big_) return Impl::FromExact(-big_->coefficient, exponent_);
  Decimal28 d = *this;
  d.negative_ = !negative_ && !is_zero();
  return d;
}

Decimal28 Abs(const Decimal28& a) {
  if (a.big_) return Decimal28::Impl::FromExact(abs(a.big_->coefficient), a.exponent_);
  Decimal28 d = a;
  d.negative_ = false;
  return d;
}

int Compare(const Decimal28& a, const Decimal28& b) { return Decimal28::Impl::Compare(a, b); }

}  // namespace concert
