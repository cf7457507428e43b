#include "common/money.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

namespace finguard {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Money M(std::string_view amount, std::string_view currency) {
  StatusOr<Money> m = Money::Parse(amount, currency);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return *m;
}

ExchangeRate R(std::string_view decimal) {
  StatusOr<ExchangeRate> r = ExchangeRate::Parse(decimal);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return *r;
}

void ExpectInvalid(const Status& s, std::string_view fragment) {
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.ToString();
  EXPECT_THAT(s.message(), HasSubstr(std::string(fragment)));
}

TEST(CurrencyTest, Iso4217Exponents) {
  const std::pair<const char*, int> table[] = {{"CNY", 2}, {"USD", 2}, {"EUR", 2}, {"HKD", 2},
                                               {"GBP", 2}, {"JPY", 0}, {"KRW", 0}, {"BHD", 3},
                                               {"KWD", 3}, {"CHF", 2}, {"SGD", 2}, {"MOP", 2}};
  for (const auto& [code, exponent] : table) {
    StatusOr<int> e = CurrencyExponent(code);
    ASSERT_TRUE(e.ok()) << code;
    EXPECT_EQ(*e, exponent) << code;
  }
  ExpectInvalid(CurrencyExponent("XYZ").status(), "unknown currency code \"XYZ\"");
  ExpectInvalid(CurrencyExponent("cny").status(), "three upper-case letters");
  ExpectInvalid(CurrencyExponent("RMB").status(), "\"RMB\"");
}

TEST(MoneyParseTest, ExactDecimals) {
  EXPECT_EQ(M("1234.56", "CNY").minor_units(), 123456);
  EXPECT_EQ(M("-0.5", "CNY").minor_units(), -50);
  EXPECT_EQ(M("100", "USD").minor_units(), 10000);
  EXPECT_EQ(M("0.01", "USD").minor_units(), 1);
  EXPECT_EQ(M("-0", "USD").minor_units(), 0);
  EXPECT_EQ(M("1500", "JPY").minor_units(), 1500);
  EXPECT_EQ(M("1.234", "KWD").minor_units(), 1234);
  EXPECT_EQ(M("92233720368547758.07", "CNY").minor_units(), kMax);
  EXPECT_EQ(M("-92233720368547758.08", "CNY").minor_units(), kMin);
  EXPECT_EQ(M("1", "CNY").currency(), "CNY");
}

TEST(MoneyParseTest, RejectsMalformedNamingInput) {
  struct Case {
    const char* amount;
    const char* currency;
    const char* fragment;
  };
  const Case cases[] = {
      {"1,234.56", "CNY", "grouping"},
      {"1.234", "CNY", "CNY has 2 decimal places, got 3"},
      {"100.0", "JPY", "JPY has 0 decimal places, got 1"},
      {"", "CNY", "expected digits"},
      {"-", "CNY", "expected digits"},
      {".5", "CNY", "expected digits"},
      {"5.", "CNY", "expected digits"},
      {"+5", "CNY", "unexpected character '+'"},
      {" 5", "CNY", "spaces"},
      {"1e3", "CNY", "unexpected character 'e'"},
      {"1.2.3", "CNY", "unexpected character '.'"},
      {"92233720368547758.08", "CNY", "overflows"},
      {"-92233720368547758.09", "CNY", "overflows"},
      {"99999999999999999999999999999999999999999", "JPY", "overflows"},
  };
  for (const Case& c : cases) {
    StatusOr<Money> m = Money::Parse(c.amount, c.currency);
    ASSERT_FALSE(m.ok()) << c.amount;
    ExpectInvalid(m.status(), c.fragment);
    EXPECT_THAT(m.status().message(), HasSubstr(std::string("\"") + c.amount + "\""));
  }
  ExpectInvalid(Money::Parse("1.00", "XXX").status(), "unknown currency code \"XXX\"");
}

TEST(MoneyFormatTest, ToStringAndGrouped) {
  EXPECT_EQ(M("1234.56", "CNY").ToString(), "1234.56");
  EXPECT_EQ(M("1234.56", "CNY").FormatGrouped(), "1,234.56");
  EXPECT_EQ(M("-0.5", "CNY").ToString(), "-0.50");
  EXPECT_EQ(M("-1234567.89", "USD").FormatGrouped(), "-1,234,567.89");
  EXPECT_EQ(M("123", "USD").FormatGrouped(), "123.00");
  EXPECT_EQ(M("123456", "JPY").ToString(), "123456");
  EXPECT_EQ(M("123456", "JPY").FormatGrouped(), "123,456");
  EXPECT_EQ(M("0.005", "BHD").ToString(), "0.005");
  EXPECT_EQ(Money::FromMinorUnits(kMin, "CNY")->ToString(), "-92233720368547758.08");
  EXPECT_EQ(Money::FromMinorUnits(kMax, "JPY")->FormatGrouped(), "9,223,372,036,854,775,807");
  for (const char* s : {"0.00", "-0.01", "42.10", "-92233720368547758.08"}) {
    EXPECT_EQ(M(s, "CNY").ToString(), s);
    EXPECT_EQ(M(M(s, "CNY").ToString(), "CNY"), M(s, "CNY"));
  }
}

TEST(MoneyArithmeticTest, AddSubtractMultiply) {
  EXPECT_EQ(*M("1234.56", "CNY").Add(M("2.00", "CNY")), M("1236.56", "CNY"));
  EXPECT_EQ(*M("1.00", "CNY").Subtract(M("2.50", "CNY")), M("-1.50", "CNY"));
  EXPECT_EQ(*M("19.99", "USD").Multiply(3), M("59.97", "USD"));
  EXPECT_EQ(*M("19.99", "USD").Multiply(-1), M("-19.99", "USD"));
  EXPECT_EQ(*M("1.00", "USD").Negate(), M("-1.00", "USD"));
}

TEST(MoneyArithmeticTest, CurrencyMismatchIsAnError) {
  ExpectInvalid(M("1", "CNY").Add(M("1", "USD")).status(), "cannot add CNY and USD");
  ExpectInvalid(M("1", "CNY").Subtract(M("1", "JPY")).status(), "cannot subtract CNY and JPY");
  ExpectInvalid(M("1", "CNY").Compare(M("1", "USD")).status(), "cannot compare CNY and USD");
  EXPECT_FALSE(M("1", "CNY") == M("1", "USD"));
}

TEST(MoneyArithmeticTest, OverflowAtInt64Limits) {
  const Money max = *Money::FromMinorUnits(kMax, "CNY");
  const Money min = *Money::FromMinorUnits(kMin, "CNY");
  const Money fen = M("0.01", "CNY");
  ExpectInvalid(max.Add(fen).status(), "overflows");
  ExpectInvalid(min.Subtract(fen).status(), "overflows");
  ExpectInvalid(max.Multiply(2).status(), "overflows");
  ExpectInvalid(min.Multiply(-1).status(), "overflows");
  ExpectInvalid(min.Negate().status(), "overflows");
  EXPECT_EQ(max.Subtract(fen)->minor_units(), kMax - 1);
  EXPECT_EQ(max.Add(min)->minor_units(), -1);
}

TEST(MoneyCompareTest, WithinOneCurrency) {
  EXPECT_TRUE(*M("1.00", "CNY").Compare(M("2.00", "CNY")) < 0);
  EXPECT_TRUE(*M("2.00", "CNY").Compare(M("2.00", "CNY")) == 0);
  EXPECT_TRUE(*M("-2.00", "CNY").Compare(M("-3.00", "CNY")) > 0);
  EXPECT_TRUE(M("0", "CNY").IsZero());
  EXPECT_TRUE(M("-0.01", "CNY").IsNegative());
}

TEST(ExchangeRateTest, ParseIsExact) {
  EXPECT_EQ(R("7.1234").numerator(), 35617);  // 71234/10000 in lowest terms
  EXPECT_EQ(R("7.1234").denominator(), 5000);
  EXPECT_EQ(R("0.000139").numerator(), 139);
  EXPECT_EQ(R("0.000139").denominator(), 1'000'000);
  EXPECT_EQ(R("1"), *ExchangeRate::FromRational(3, 3));
  for (const char* bad : {"0", "0.000", "-7.1", "7,1", "", ".5", "5.", "1e3", " 7.1",
                          "0.0000000000000000001", "1234567890.1234567890"}) {
    StatusOr<ExchangeRate> r = ExchangeRate::Parse(bad);
    ASSERT_FALSE(r.ok()) << bad;
    ExpectInvalid(r.status(), std::string("\"") + bad + "\"");
  }
  ExpectInvalid(ExchangeRate::FromRational(1, 0).status(), "must be positive");
  ExpectInvalid(ExchangeRate::FromRational(-1, 2).status(), "must be positive");
}

TEST(MoneyConvertTest, PublishedRate) {
  // 1.00 USD at 7.1234 CNY/USD = 7.1234 CNY → 7.12; 1234.56 USD → 8794.264704 → 8794.26.
  EXPECT_EQ(*M("1.00", "USD").Convert("CNY", R("7.1234")), M("7.12", "CNY"));
  EXPECT_EQ(*M("1234.56", "USD").Convert("CNY", R("7.1234")), M("8794.26", "CNY"));
  // Rational: 1 CNY = 1/7.1234 USD; 100 CNY = 14.03823... USD → 14.04.
  EXPECT_EQ(*M("100.00", "CNY").Convert("USD", *ExchangeRate::FromRational(10000, 71234)),
            M("14.04", "USD"));
}

TEST(MoneyConvertTest, BankersRounding) {
  // Exact results at a half minor unit go to the even neighbour.
  const ExchangeRate one = R("1");
  EXPECT_EQ(*M("0.125", "KWD").Convert("USD", one), M("0.12", "USD"));
  EXPECT_EQ(*M("0.135", "KWD").Convert("USD", one), M("0.14", "USD"));
  EXPECT_EQ(*M("-0.125", "KWD").Convert("USD", one), M("-0.12", "USD"));
  EXPECT_EQ(*M("-0.135", "KWD").Convert("USD", one), M("-0.14", "USD"));
  EXPECT_EQ(*M("0.126", "KWD").Convert("USD", one), M("0.13", "USD"));
  EXPECT_EQ(*M("-0.124", "KWD").Convert("USD", one), M("-0.12", "USD"));
  // The same ties reached through the rate instead of the exponent.
  EXPECT_EQ(*M("1.00", "USD").Convert("CNY", R("0.125")), M("0.12", "CNY"));
  EXPECT_EQ(*M("1.00", "USD").Convert("CNY", R("0.135")), M("0.14", "CNY"));
  EXPECT_EQ(*M("-1.00", "USD").Convert("CNY", R("0.125")), M("-0.12", "CNY"));
}

TEST(MoneyConvertTest, ZeroDecimalCurrencies) {
  // 1.00 USD at 149.5 JPY/USD: 149.5 → 150 (even); 3.00 USD → 448.5 → 448 (even).
  EXPECT_EQ(*M("1.00", "USD").Convert("JPY", R("149.5")), M("150", "JPY"));
  EXPECT_EQ(*M("3.00", "USD").Convert("JPY", R("149.5")), M("448", "JPY"));
  // 1000 JPY at 0.0067 USD/JPY = 6.70 USD exactly; 1 JPY → 0.0067 → 0.01.
  EXPECT_EQ(*M("1000", "JPY").Convert("USD", R("0.0067")), M("6.70", "USD"));
  EXPECT_EQ(*M("1", "JPY").Convert("USD", R("0.0067")), M("0.01", "USD"));
  EXPECT_EQ(*M("10000", "KRW").Convert("JPY", R("0.11")), M("1100", "JPY"));
}

TEST(MoneyConvertTest, OverflowAndBadTarget) {
  const Money max = *Money::FromMinorUnits(kMax, "USD");
  ExpectInvalid(max.Convert("CNY", R("7.1234")).status(), "overflows");
  // Very large intermediate (minor * numerator > 2^127) is caught, not wrapped.
  ExpectInvalid(max.Convert("BHD", *ExchangeRate::FromRational(kMax, 1)).status(), "overflows");
  EXPECT_EQ(max.Convert("CNY", R("0.5"))->minor_units(), kMax / 2 + 1);  // .5 tie → even
  ExpectInvalid(M("1", "USD").Convert("ABC", R("1")).status(), "unknown currency code \"ABC\"");
}

}  // namespace
}  // namespace finguard
