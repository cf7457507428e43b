#include "common/money.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>

namespace finguard {
namespace {

struct CurrencyInfo {
  std::string_view code;
  int exponent;
};

// ISO 4217 minor-unit exponents (list maintained by SIX, "Table A.1"). Only currencies that
// FinGuard's institutions settle or report in; add rows as needed, keeping the order sorted.
// Note that ISO gives some currencies decimals that are rarely used in practice (HUF, IDR,
// TWD 2): the standard, not street practice, decides, so that files from banks round-trip.
constexpr std::array<CurrencyInfo, 52> kCurrencies = {{
    {"AED", 2}, {"AUD", 2}, {"BHD", 3}, {"BND", 2}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0},
    {"CNY", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2},
    {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KHR", 2},
    {"KRW", 0}, {"KWD", 3}, {"KZT", 2}, {"LAK", 2}, {"LKR", 2}, {"LYD", 3}, {"MMK", 2}, {"MNT", 2},
    {"MOP", 2}, {"MXN", 2}, {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2}, {"PKR", 2},
    {"PLN", 2}, {"QAR", 2}, {"RUB", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3},
    {"TRY", 2}, {"TWD", 2}, {"USD", 2}, {"VND", 0},
}};
static_assert(std::is_sorted(kCurrencies.begin(), kCurrencies.end(),
                             [](const CurrencyInfo& a, const CurrencyInfo& b) {
                               return a.code < b.code;
                             }),
              "kCurrencies must stay sorted for binary search");

StatusOr<CurrencyInfo> LookupCurrency(std::string_view code) {
  const bool well_formed = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
                             return c >= 'A' && c <= 'Z';
                           });
  if (!well_formed) {
    return InvalidArgument("invalid currency code \"" + std::string(code) +
                           "\": expected three upper-case letters (ISO 4217)");
  }
  auto it =
      std::lower_bound(kCurrencies.begin(), kCurrencies.end(), code,
                       [](const CurrencyInfo& info, std::string_view c) { return info.code < c; });
  if (it == kCurrencies.end() || it->code != code) {
    return InvalidArgument("unknown currency code \"" + std::string(code) + "\"");
  }
  return *it;
}

constexpr int64_t kPow10[] = {1,
                              10,
                              100,
                              1'000,
                              10'000,
                              100'000,
                              1'000'000,
                              10'000'000,
                              100'000'000,
                              1'000'000'000,
                              10'000'000'000,
                              100'000'000'000,
                              1'000'000'000'000,
                              10'000'000'000'000,
                              100'000'000'000'000,
                              1'000'000'000'000'000,
                              10'000'000'000'000'000,
                              100'000'000'000'000'000,
                              1'000'000'000'000'000'000};

// Magnitude of a possibly negative int64 without overflowing on INT64_MIN.
uint64_t Magnitude(int64_t v) {
  return v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

std::string GroupThousands(const std::string& digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  const size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first);
  for (size_t i = first; i < digits.size(); i += 3) {
    out += ',';
    out.append(digits, i, 3);
  }
  return out;
}

std::string Describe(std::string_view amount, std::string_view currency) {
  return "\"" + std::string(amount) + "\" " + std::string(currency);
}

Status Overflow(std::string_view what) {
  return InvalidArgument(std::string(what) + " overflows the int64 range of minor units");
}

// Divides n by d (> 0) rounding half to even. With banker's rounding, ties go up as often as
// down, so summing many converted amounts has no systematic bias.
__int128 DivideHalfEven(__int128 n, __int128 d) {
  __int128 q = n / d;  // truncates toward zero
  const __int128 r = n % d;
  const __int128 twice_abs_r = 2 * (r < 0 ? -r : r);
  if (twice_abs_r > d || (twice_abs_r == d && q % 2 != 0)) q += n < 0 ? -1 : 1;
  return q;
}

}  // namespace

StatusOr<int> CurrencyExponent(std::string_view currency) {
  ASSIGN_OR_RETURN(CurrencyInfo info, LookupCurrency(currency));
  return info.exponent;
}

StatusOr<ExchangeRate> ExchangeRate::Parse(std::string_view decimal) {
  auto bad = [&](std::string_view reason) {
    return InvalidArgument("invalid exchange rate \"" + std::string(decimal) +
                           "\": " + std::string(reason));
  };
  if (decimal.empty()) return bad("empty");
  const size_t dot = decimal.find('.');
  const std::string_view int_part = decimal.substr(0, dot);
  const std::string_view frac_part =
      dot == std::string_view::npos ? std::string_view() : decimal.substr(dot + 1);
  if (int_part.empty() || (dot != std::string_view::npos && frac_part.empty())) {
    return bad("expected a plain decimal such as 7.1234");
  }
  for (std::string_view part : {int_part, frac_part}) {
    for (char c : part) {
      if (c < '0' || c > '9') return bad("expected a plain decimal such as 7.1234");
    }
  }
  if (frac_part.size() > 18) return bad("more than 18 decimal places");
  // Digits after dropping leading zeros are the numerator over 10^(decimals).
  std::string digits = std::string(int_part) + std::string(frac_part);
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  if (digits.empty()) return bad("must be greater than zero");
  if (digits.size() > 18) return bad("more than 18 significant digits");
  int64_t numerator = 0;
  for (char c : digits) numerator = numerator * 10 + (c - '0');
  return FromRational(numerator, kPow10[frac_part.size()]);
}

StatusOr<ExchangeRate> ExchangeRate::FromRational(int64_t numerator, int64_t denominator) {
  if (numerator <= 0 || denominator <= 0) {
    return InvalidArgument("invalid exchange rate " + std::to_string(numerator) + "/" +
                           std::to_string(denominator) + ": both parts must be positive");
  }
  const int64_t g = std::gcd(numerator, denominator);
  return ExchangeRate(numerator / g, denominator / g);
}

std::string ExchangeRate::ToString() const {
  return std::to_string(numerator_) + "/" + std::to_string(denominator_);
}

StatusOr<Money> Money::FromMinorUnits(int64_t minor_units, std::string_view currency) {
  ASSIGN_OR_RETURN(CurrencyInfo info, LookupCurrency(currency));
  return Money(minor_units, info.code, info.exponent);
}

StatusOr<Money> Money::Parse(std::string_view amount, std::string_view currency) {
  ASSIGN_OR_RETURN(CurrencyInfo info, LookupCurrency(currency));
  auto bad = [&](std::string_view reason) {
    return InvalidArgument("invalid amount " + Describe(amount, currency) + ": " +
                           std::string(reason));
  };
  std::string_view rest = amount;
  const bool negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);

  // Accumulate the magnitude in 128 bits and stop as soon as it leaves the int64 range, so
  // that arbitrarily long digit strings cannot wrap around.
  const unsigned __int128 max_magnitude =
      static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0);
  unsigned __int128 magnitude = 0;
  bool too_large = false;
  int int_digits = 0, frac_digits = 0;
  bool seen_dot = false;
  for (char c : rest) {
    if (c >= '0' && c <= '9') {
      (seen_dot ? frac_digits : int_digits)++;
      magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
      if (magnitude > max_magnitude) too_large = true;
      if (too_large) magnitude = max_magnitude + 1;  // keep the sentinel from growing
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else if (c == ',') {
      return bad("grouping separators (',') are not accepted; write 1234.56");
    } else if (c == ' ' || c == '\t') {
      return bad("spaces are not accepted");
    } else {
      return bad(std::string("unexpected character '") + c + "'");
    }
  }
  if (int_digits == 0 || (seen_dot && frac_digits == 0)) {
    return bad("expected digits with an optional fraction, such as -1234.56");
  }
  if (frac_digits > info.exponent) {
    return bad(std::string(info.code) + " has " + std::to_string(info.exponent) +
               " decimal places, got " + std::to_string(frac_digits));
  }
  // Scale to minor units: "12.3" CNY is 1230 fen.
  for (int i = frac_digits; i < info.exponent && !too_large; ++i) {
    magnitude *= 10;
    if (magnitude > max_magnitude) too_large = true;
  }
  if (too_large) return Overflow("amount " + Describe(amount, currency));
  const int64_t minor = negative ? static_cast<int64_t>(-static_cast<__int128>(magnitude))
                                 : static_cast<int64_t>(magnitude);
  return Money(minor, info.code, info.exponent);
}

std::string Money::ToString() const {
  const uint64_t mag = Magnitude(minor_units_);
  const uint64_t scale = static_cast<uint64_t>(kPow10[exponent_]);
  std::string out = minor_units_ < 0 ? "-" : "";
  out += std::to_string(mag / scale);
  if (exponent_ > 0) {
    std::string frac = std::to_string(mag % scale);
    out += '.';
    out.append(exponent_ - frac.size(), '0');
    out += frac;
  }
  return out;
}

std::string Money::FormatGrouped() const {
  const uint64_t mag = Magnitude(minor_units_);
  const uint64_t scale = static_cast<uint64_t>(kPow10[exponent_]);
  std::string out = minor_units_ < 0 ? "-" : "";
  out += GroupThousands(std::to_string(mag / scale));
  if (exponent_ > 0) {
    std::string frac = std::to_string(mag % scale);
    out += '.';
    out.append(exponent_ - frac.size(), '0');
    out += frac;
  }
  return out;
}

Status Money::CheckSameCurrency(const Money& other, std::string_view operation) const {
  if (currency_ != other.currency_) {
    return InvalidArgument("cannot " + std::string(operation) + " " + std::string(currency_) +
                           " and " + std::string(other.currency_) +
                           ": convert to one currency first");
  }
  return OkStatus();
}

StatusOr<Money> Money::Add(const Money& other) const {
  RETURN_IF_ERROR(CheckSameCurrency(other, "add"));
  int64_t sum = 0;
  if (__builtin_add_overflow(minor_units_, other.minor_units_, &sum)) {
    return Overflow(ToString() + " + " + other.ToString() + " " + std::string(currency_));
  }
  return Money(sum, currency_, exponent_);
}

StatusOr<Money> Money::Subtract(const Money& other) const {
  RETURN_IF_ERROR(CheckSameCurrency(other, "subtract"));
  int64_t difference = 0;
  if (__builtin_sub_overflow(minor_units_, other.minor_units_, &difference)) {
    return Overflow(ToString() + " - " + other.ToString() + " " + std::string(currency_));
  }
  return Money(difference, currency_, exponent_);
}

StatusOr<Money> Money::Multiply(int64_t factor) const {
  int64_t product = 0;
  if (__builtin_mul_overflow(minor_units_, factor, &product)) {
    return Overflow(ToString() + " " + std::string(currency_) + " * " + std::to_string(factor));
  }
  return Money(product, currency_, exponent_);
}

StatusOr<Money> Money::Negate() const { return Money(0, currency_, exponent_).Subtract(*this); }

StatusOr<std::strong_ordering> Money::Compare(const Money& other) const {
  RETURN_IF_ERROR(CheckSameCurrency(other, "compare"));
  return minor_units_ <=> other.minor_units_;
}

StatusOr<Money> Money::Convert(std::string_view to_currency, const ExchangeRate& rate) const {
  ASSIGN_OR_RETURN(CurrencyInfo to, LookupCurrency(to_currency));
  // target_minor = minor * 10^(to_exp - from_exp) * numerator / denominator, kept as one
  // exact fraction so that rounding happens once, at the end.
  __int128 numerator = 0;
  __int128 denominator = rate.denominator();
  const auto overflow = [&] {
    return Overflow("converting " + ToString() + " " + std::string(currency_) + " to " +
                    std::string(to.code) + " at " + rate.ToString());
  };
  if (__builtin_mul_overflow(static_cast<__int128>(minor_units_),
                             static_cast<__int128>(rate.numerator()), &numerator)) {
    return overflow();
  }
  if (to.exponent > exponent_) {
    if (__builtin_mul_overflow(numerator, static_cast<__int128>(kPow10[to.exponent - exponent_]),
                               &numerator)) {
      return overflow();
    }
  } else {
    // denominator <= INT64_MAX and the factor <= 10^3: cannot overflow 128 bits.
    denominator *= kPow10[exponent_ - to.exponent];
  }
  const __int128 result = DivideHalfEven(numerator, denominator);
  if (result > std::numeric_limits<int64_t>::max() ||
      result < std::numeric_limits<int64_t>::min()) {
    return overflow();
  }
  return Money(static_cast<int64_t>(result), to.code, to.exponent);
}

}  // namespace finguard
