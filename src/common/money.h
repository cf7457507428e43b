#pragma once
// Money: an exact amount in the minor units of one ISO 4217 currency, and ExchangeRate: an
// exact positive rational for converting between currencies. FinGuard never holds money in a
// double; every operation that could lose a unit or overflow returns StatusOr instead.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace finguard {

// Number of decimal places of the minor unit of `currency` per ISO 4217 ("CNY" → 2,
// "JPY" → 0, "KWD" → 3). Codes are upper case; an unknown code is InvalidArgument.
StatusOr<int> CurrencyExponent(std::string_view currency);

// ExchangeRate is "how many units of the target currency one unit of the source currency
// buys", kept as an exact fraction numerator/denominator (both positive, in lowest terms) so
// that a published rate such as "7.1234" CNY per USD is used exactly as published.
// Immutable value type; thread-compatible. Built only through the factories, which validate.
//   ASSIGN_OR_RETURN(ExchangeRate usd_cny, ExchangeRate::Parse("7.1234"));
//   ASSIGN_OR_RETURN(Money cny, usd.Convert("CNY", usd_cny));
class ExchangeRate {
 public:
  // A positive plain decimal: "7.1234", "0.000139", "1". No sign, exponent, grouping or
  // spaces; at most 18 significant digits.
  static StatusOr<ExchangeRate> Parse(std::string_view decimal);
  // numerator / denominator, both > 0. Reduced to lowest terms.
  static StatusOr<ExchangeRate> FromRational(int64_t numerator, int64_t denominator);

  int64_t numerator() const { return numerator_; }
  int64_t denominator() const { return denominator_; }
  // "71234/10000" style, for logs.
  std::string ToString() const;

  friend bool operator==(const ExchangeRate&, const ExchangeRate&) = default;

 private:
  ExchangeRate(int64_t n, int64_t d) : numerator_(n), denominator_(d) {}
  int64_t numerator_;
  int64_t denominator_;
};

// Money is a signed int64 count of minor units (fen, cents, fils) plus an ISO 4217 code.
// Immutable value type, cheap to copy (the code refers to a static table); thread-compatible.
// There is no default constructor: an amount without a currency is not money.
// Failures (unknown currency, malformed amount, overflow, currency mismatch) are
// InvalidArgument with a message naming the input. Amounts of different currencies are never
// silently compared or added: Compare/Add/Subtract fail on a mismatch.
//   ASSIGN_OR_RETURN(Money a, Money::Parse("1234.56", "CNY"));
//   ASSIGN_OR_RETURN(Money total, a.Add(fee));  // total.FormatGrouped() == "1,236.56"
class Money {
 public:
  // Exact decimal: optional '-', digits, optional '.' and at most CurrencyExponent(currency)
  // fraction digits ("1234.56", "-0.5", "100"). Rejects grouping ("1,234.56"), '+', spaces,
  // exponents, ".5", "5.", too many decimals ("1.234" CNY, "100.0" JPY) and values outside
  // int64 minor units.
  static StatusOr<Money> Parse(std::string_view amount, std::string_view currency);
  static StatusOr<Money> FromMinorUnits(int64_t minor_units, std::string_view currency);
  static StatusOr<Money> Zero(std::string_view currency) { return FromMinorUnits(0, currency); }

  int64_t minor_units() const { return minor_units_; }
  std::string_view currency() const { return currency_; }
  int exponent() const { return exponent_; }
  bool IsZero() const { return minor_units_ == 0; }
  bool IsNegative() const { return minor_units_ < 0; }

  // Plain decimal with exactly exponent() decimals: "1234.56", "-0.50", "1234" for JPY.
  // Parse(m.ToString(), m.currency()) == m.
  std::string ToString() const;
  // As ToString with ',' between thousands: "1,234,567.89", "-1,234".
  std::string FormatGrouped() const;

  StatusOr<Money> Add(const Money& other) const;
  StatusOr<Money> Subtract(const Money& other) const;
  StatusOr<Money> Multiply(int64_t factor) const;
  StatusOr<Money> Negate() const;

  // Orders two amounts of the same currency; a mismatch is InvalidArgument because
  // "100 JPY < 1 USD" has no meaning without a rate.
  //   ASSIGN_OR_RETURN(std::strong_ordering o, amount.Compare(threshold));
  //   if (o >= 0) Alert(...);
  StatusOr<std::strong_ordering> Compare(const Money& other) const;
  // Same currency and same amount. Never fails: different currencies are simply not equal.
  friend bool operator==(const Money& a, const Money& b) {
    return a.minor_units_ == b.minor_units_ && a.currency_ == b.currency_;
  }

  // Converts at `rate` (units of `to_currency` per one unit of this currency), rounding the
  // exact result to the target's minor unit half-to-even (banker's rounding), so that
  // rounding errors do not drift in one direction over many conversions. The intermediate is
  // exact (128-bit); a result outside int64 minor units is InvalidArgument.
  //   1.00 USD at "7.1234" → 7.12 CNY;  0.125 KWD at "1" → 0.12 USD.
  StatusOr<Money> Convert(std::string_view to_currency, const ExchangeRate& rate) const;

 private:
  Money(int64_t minor_units, std::string_view currency, int exponent)
      : minor_units_(minor_units), currency_(currency), exponent_(exponent) {}
  Status CheckSameCurrency(const Money& other, std::string_view operation) const;

  int64_t minor_units_;
  std::string_view currency_;  // points into the static currency table
  int exponent_;
};

}  // namespace finguard
