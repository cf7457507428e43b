#include "risk/operational/bic.h"

#include <algorithm>
#include <string>

namespace finguard::risk::operational {
namespace {

struct Bucket {
  int64_t upper_eur;  // exclusive upper bound in whole euros; 0 = unbounded
  int percent;
};
constexpr Bucket kBuckets[] = {{1'000'000'000, 12}, {30'000'000'000, 15}, {0, 18}};

// value × percent / 100 rounded half-to-even, exactly.
int64_t PercentOf(int64_t value, int percent) {
  __int128 n = static_cast<__int128>(value) * percent;
  __int128 q = n / 100, rem = n % 100;
  if (rem > 50 || (rem == 50 && (q % 2) != 0)) ++q;
  return static_cast<int64_t>(q);
}

}  // namespace

StatusOr<BicResult> ComputeBic(const Money& bi) {
  if (bi.currency() != "EUR") {
    return InvalidArgument(
        "the Business Indicator must be in EUR (the buckets are €1bn and "
        "€30bn), not " +
            std::string(bi.currency()),
        {{"/bi/currency", "must be EUR"}});
  }
  if (bi.IsNegative()) {
    return InvalidArgument("the Business Indicator must not be negative",
                           {{"/bi/amount", "must not be negative"}});
  }
  const int64_t cents_per_euro = 100;
  BicResult out{.bi = bi, .bic = *Money::Zero("EUR")};
  int64_t lower = 0, total = 0;
  for (int i = 0; i < 3; ++i) {
    const Bucket& b = kBuckets[i];
    int64_t upper = b.upper_eur == 0 ? bi.minor_units() : b.upper_eur * cents_per_euro;
    int64_t portion = std::min(bi.minor_units(), upper) - lower;
    if (portion <= 0 && i > 0) break;
    int64_t charge = PercentOf(portion, b.percent);
    total += charge;
    out.bucket = i + 1;
    out.shares.push_back({.bucket = i + 1,
                          .coefficient = b.percent / 100.0,
                          .portion = *Money::FromMinorUnits(portion, "EUR"),
                          .charge = *Money::FromMinorUnits(charge, "EUR")});
    lower = upper;
  }
  // The coefficients are whole percents, so a bucket's charge is inexact only when its portion
  // is not a whole euro; the total is the sum of the rounded bucket charges, as reported.
  out.bic = *Money::FromMinorUnits(total, "EUR");
  return out;
}

nlohmann::json BicJson(const BicResult& r) {
  auto money = [](const Money& m) {
    return nlohmann::json{{"amount", m.ToString()}, {"currency", std::string(m.currency())}};
  };
  nlohmann::json buckets = nlohmann::json::array();
  for (const BicBucketShare& s : r.shares) {
    buckets.push_back({{"bucket", s.bucket},
                       {"coefficient", s.coefficient},
                       {"portion", money(s.portion)},
                       {"charge", money(s.charge)}});
  }
  return {{"bi", money(r.bi)}, {"bic", money(r.bic)}, {"bucket", r.bucket}, {"buckets", buckets}};
}

}  // namespace finguard::risk::operational
