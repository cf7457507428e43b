#include "risk/credit/irb.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard::risk::credit {
namespace {

using ::testing::HasSubstr;

// Issue 6's vector: PD 1%, LGD 45%, M 2.5 → R 0.1928, K 7.385%, RW 92.32%; and the same figures
// to full precision from scipy (bench/peers/credit_peer.py irb).
TEST(IrbTest, IssueVectorCorporate) {
  IrbCapital k = ComputeIrb({.pd = 0.01, .lgd = 0.45, .maturity = 2.5});
  EXPECT_NEAR(k.correlation, 0.1928, 5e-5);
  EXPECT_NEAR(k.capital_requirement, 0.07385, 5e-6);
  EXPECT_NEAR(k.risk_weight, 0.9232, 5e-5);
  EXPECT_NEAR(k.correlation, 0.192783679165516, 1e-13);
  EXPECT_NEAR(k.maturity_adjustment, 0.13748613089693737, 1e-13);
  EXPECT_NEAR(k.capital_requirement, 0.07385344111364114, 1e-12);
  EXPECT_NEAR(k.risk_weight, 0.9231680139205143, 1e-11);
}

struct ScipyCase {
  IrbInput in;
  double r, b, k;
};

TEST(IrbTest, AssetClassesMatchScipy) {
  const ScipyCase cases[] = {
      {{.pd = 0.0003, .lgd = 0.45, .maturity = 1, .asset_class = AssetClass::kSovereign},
       0.2382134327523675,
       0.3168344172072307,
       0.006063390762824802},
      {{.pd = 0.2, .lgd = 0.6, .maturity = 5, .asset_class = AssetClass::kBank},
       0.12000544799157149,
       0.042718692880488865,
       0.2812522159086704},
      {{.pd = 0.02, .lgd = 0.45, .maturity = 2.5, .asset_class = AssetClass::kSme, .sales_m = 20},
       0.1374788662739064,
       0.11076956525517692,
       0.0777811667439505},
      // Sales above €50m: no size adjustment, the corporate correlation.
      {{.pd = 0.02, .lgd = 0.45, .maturity = 2.5, .asset_class = AssetClass::kSme, .sales_m = 60},
       0.16414553294057307,
       0.11076956525517692,
       0.09188338300659997},
      {{.pd = 0.01, .lgd = 0.25, .asset_class = AssetClass::kMortgage},
       0.15,
       0,
       0.02506618913868654},
      {{.pd = 0.05, .lgd = 0.8, .asset_class = AssetClass::kRevolving},
       0.04,
       0,
       0.07785900421212387},
      {{.pd = 0.03, .lgd = 0.5, .asset_class = AssetClass::kOtherRetail},
       0.07549190738445012,
       0,
       0.05581498762049521},
  };
  for (const ScipyCase& c : cases) {
    SCOPED_TRACE(std::string(AssetClassName(c.in.asset_class)));
    ASSERT_TRUE(ValidateIrbInput(c.in).ok());
    IrbCapital k = ComputeIrb(c.in);
    EXPECT_NEAR(k.correlation, c.r, 1e-13);
    EXPECT_NEAR(k.maturity_adjustment, c.b, 1e-13);
    EXPECT_NEAR(k.capital_requirement, c.k, 1e-12);
    EXPECT_NEAR(k.risk_weight, 12.5 * c.k, 1e-11);
  }
}

TEST(IrbTest, DefaultedExposureHasNoUnexpectedLoss) {
  IrbCapital k = ComputeIrb({.pd = 1, .lgd = 0.45, .maturity = 2.5});
  EXPECT_EQ(k.capital_requirement, 0);
  EXPECT_EQ(k.risk_weight, 0);
}

TEST(IrbTest, ExposureAmountsAreRoundedHalfToEven) {
  auto ead = Money::Parse("1000000.00", "CNY");
  auto r = ComputeIrbExposure({.pd = 0.01, .lgd = 0.45, .maturity = 2.5}, *ead);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rwa.ToString(), "923168.01");  // 0.9231680139… × 1,000,000.00
  EXPECT_EQ(r->expected_loss.ToString(), "4500.00");
  // 0.5 fen ties go to the even fen: 1.01 × 0.5 = 0.505 → 0.50 (50.5 fen → 50).
  auto el = ExpectedLoss(0.5, 1.0, *Money::Parse("1.01", "CNY"));
  EXPECT_EQ(el->ToString(), "0.50");
  el = ExpectedLoss(0.5, 1.0, *Money::Parse("1.03", "CNY"));
  EXPECT_EQ(el->ToString(), "0.52");  // 51.5 fen → 52
  el = ExpectedLoss(0.01, 0.45, *Money::Parse("1000000", "JPY"));
  EXPECT_EQ(el->ToString(), "4500");
}

TEST(IrbTest, BadInputNamesEveryField) {
  Status s = ValidateIrbInput({.pd = 0, .lgd = 1.2, .maturity = 7});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(s.fields().size(), 3u);
  EXPECT_EQ(s.fields()[0].field, "/pd");
  EXPECT_EQ(s.fields()[1].field, "/lgd");
  EXPECT_EQ(s.fields()[2].field, "/maturity");
  EXPECT_FALSE(ValidateIrbInput({.pd = 1.0001, .lgd = 0.4}).ok());
  EXPECT_FALSE(ValidateIrbInput({.pd = std::nan(""), .lgd = 0.4}).ok());
  // Retail ignores maturity; sme needs its sales.
  EXPECT_TRUE(ValidateIrbInput(
                  {.pd = 0.01, .lgd = 0.4, .maturity = 30, .asset_class = AssetClass::kMortgage})
                  .ok());
  Status sme = ValidateIrbInput({.pd = 0.01, .lgd = 0.4, .asset_class = AssetClass::kSme});
  ASSERT_EQ(sme.fields().size(), 1u);
  EXPECT_EQ(sme.fields()[0].field, "/sales_m");
  auto neg = ComputeIrbExposure({.pd = 0.01, .lgd = 0.45}, *Money::Parse("-1.00", "CNY"));
  EXPECT_THAT(neg.status().message(), HasSubstr("/ead must not be negative"));
  auto cls = ParseAssetClass("retail");
  EXPECT_THAT(cls.status().message(), HasSubstr("unknown asset class 'retail'"));
  EXPECT_EQ(*ParseAssetClass("other_retail"), AssetClass::kOtherRetail);
}

}  // namespace
}  // namespace finguard::risk::credit
