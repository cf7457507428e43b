#include "risk/credit/ecl.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard::risk::credit {
namespace {

EclExposure Loan(int dpd) {
  return {.id = "L1",
          .ead = *Money::Parse("1000000.00", "CNY"),
          .pd_12m = 0.02,
          .lgd = 0.4,
          .days_past_due = dpd,
          .eir = 0.05,
          .remaining_years = 3.5};
}

TEST(Ifrs9StagingTest, DaysPastDueBoundaries) {
  StagingPolicy policy;
  EXPECT_EQ(AssignStage({.days_past_due = 0, .pd_12m = 0.02}, policy).stage, Ifrs9Stage::k1);
  EXPECT_EQ(AssignStage({.days_past_due = 29, .pd_12m = 0.02}, policy).stage, Ifrs9Stage::k1);
  StageDecision d30 = AssignStage({.days_past_due = 30, .pd_12m = 0.02}, policy);
  EXPECT_EQ(d30.stage, Ifrs9Stage::k2);
  EXPECT_EQ(d30.reason, "days_past_due>=30");
  EXPECT_EQ(AssignStage({.days_past_due = 89, .pd_12m = 0.02}, policy).stage, Ifrs9Stage::k2);
  StageDecision d90 = AssignStage({.days_past_due = 90, .pd_12m = 0.02}, policy);
  EXPECT_EQ(d90.stage, Ifrs9Stage::k3);
  EXPECT_EQ(d90.reason, "days_past_due>=90");
}

TEST(Ifrs9StagingTest, PdIncreaseBeyondMultiple) {
  StagingPolicy policy{.sicr_pd_multiple = 2.5};
  EXPECT_EQ(AssignStage({.pd_12m = 0.025, .origination_pd = 0.01}, policy).stage,
            Ifrs9Stage::k1);  // exactly 2.5× is not beyond
  StageDecision up = AssignStage({.pd_12m = 0.0251, .origination_pd = 0.01}, policy);
  EXPECT_EQ(up.stage, Ifrs9Stage::k2);
  EXPECT_EQ(up.reason, "pd_increase");
  EXPECT_EQ(AssignStage({.pd_12m = 0.5}, policy).stage, Ifrs9Stage::k1);  // no origination PD
}

// References: bench/peers/credit_peer.py ecl (the same model written independently in Python):
// EAD 1,000,000.00 CNY, PD 2% flat, LGD 40%, EIR 5%, 3.5 years left.
TEST(EclTest, TwelveMonthAndLifetimeFromFlatPd) {
  auto s1 = ComputeEcl(Loan(0), StagingPolicy{});
  ASSERT_TRUE(s1.ok()) << s1.status().ToString();
  EXPECT_EQ(s1->stage.stage, Ifrs9Stage::k1);
  EXPECT_EQ(s1->ecl_12m.ToString(), "7619.05");        // 0.02 × 0.4 × 1e6 / 1.05
  EXPECT_EQ(s1->ecl_lifetime.ToString(), "24557.00");  // 24556.99694…
  EXPECT_EQ(s1->ecl, s1->ecl_12m);
  auto s2 = ComputeEcl(Loan(30), StagingPolicy{});
  EXPECT_EQ(s2->stage.stage, Ifrs9Stage::k2);
  EXPECT_EQ(s2->ecl.ToString(), "24557.00");
  auto s3 = ComputeEcl(Loan(90), StagingPolicy{});
  EXPECT_EQ(s3->stage.stage, Ifrs9Stage::k3);
  EXPECT_EQ(s3->ecl.ToString(), "400000.00");  // LGD × EAD: the default has happened
  EclExposure short_loan = Loan(0);
  short_loan.remaining_years = 0.5;
  EXPECT_EQ(ComputeEcl(short_loan, StagingPolicy{})->ecl.ToString(), "3923.32");
}

TEST(EclTest, SuppliedCumulativePdTermStructure) {
  EclExposure e = Loan(45);
  e.lgd = 0.5;
  e.eir = 0.04;
  e.remaining_years = 5;
  e.cumulative_pd = {0.01, 0.03, 0.06};  // year 3's conditional PD repeats in years 4 and 5
  auto r = ComputeEcl(e, StagingPolicy{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ecl_lifetime.ToString(), "51391.79");
  EXPECT_EQ(r->ecl_12m.ToString(), "4807.69");
  EXPECT_EQ(r->ecl, r->ecl_lifetime);
}

TEST(EclTest, ValidationNamesFieldsUnderPrefix) {
  EclExposure e = Loan(-1);
  e.pd_12m = 0;
  e.lgd = 1.5;
  e.remaining_years = 0;
  e.cumulative_pd = {0.02, 0.01};
  Status s = ValidateEclExposure(e, "/exposures/3");
  ASSERT_EQ(s.fields().size(), 5u);
  EXPECT_EQ(s.fields()[0].field, "/exposures/3/pd_12m");
  EXPECT_EQ(s.fields()[1].field, "/exposures/3/lgd");
  EXPECT_EQ(s.fields()[2].field, "/exposures/3/days_past_due");
  EXPECT_EQ(s.fields()[3].field, "/exposures/3/remaining_years");
  EXPECT_EQ(s.fields()[4].field, "/exposures/3/cumulative_pd");
  EXPECT_TRUE(ValidateEclExposure(Loan(0), "").ok());
}

}  // namespace
}  // namespace finguard::risk::credit
