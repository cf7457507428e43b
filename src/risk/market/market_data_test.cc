#include "risk/market/market_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard::risk::market {
namespace {

using ::testing::HasSubstr;

StatusOr<PriceHistory> History(const std::string& text) {
  StatusOr<CsvTable> t = CsvTable::FromText(text);
  if (!t.ok()) return t.status();
  return ReadPriceHistory(*t, "h.csv");
}

TEST(PriceHistoryTest, ReadsFactorsDatesAndPrices) {
  auto h = History("Date,SPX,USDCNY\n2020-01-02,100,7\n2020-01-03,101.5,7.01\n2020-01-06,99,7\n");
  ASSERT_TRUE(h.ok()) << h.status().message();
  EXPECT_EQ(h->factors, (std::vector<std::string>{"SPX", "USDCNY"}));
  EXPECT_EQ(h->dates.size(), 3u);
  EXPECT_EQ(h->prices(1, 0), 101.5);
  EXPECT_EQ(h->FactorIndex("USDCNY"), 1);
  EXPECT_EQ(h->FactorIndex("HSI"), -1);
}

TEST(PriceHistoryTest, MissingPriceNamesLineAndColumn) {
  auto h = History("date,SPX,USDCNY\n2020-01-02,100,7\n2020-01-03,101,.\n2020-01-06,99,7\n");
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(h.status().message(), "h.csv: line 3, column 3 (USDCNY): missing price");
}

TEST(PriceHistoryTest, NonPositivePriceIsRejected) {
  auto h = History("date,SPX\n2020-01-02,100\n2020-01-03,0\n2020-01-06,-1\n");
  ASSERT_FALSE(h.ok());
  EXPECT_THAT(h.status().message(), HasSubstr("line 3, column 2 (SPX): price 0 is not positive"));
  EXPECT_THAT(h.status().message(), HasSubstr("and 1 more problems"));
  ASSERT_EQ(h.status().fields().size(), 2u);
  EXPECT_EQ(h.status().fields()[1].field, "line 4, column 2");
}

TEST(PriceHistoryTest, DatesMustAscendAndBeIso) {
  auto h = History("date,SPX\n2020-01-03,100\n2020-01-02,101\n2020-01-06,99\n");
  ASSERT_FALSE(h.ok());
  EXPECT_THAT(h.status().message(),
              HasSubstr("line 3, column 1 (date): 2020-01-02 is not after the previous date"));
  auto bad = History("date,SPX\n2020-01-02,100\n03/01/2020,101\n2020-01-06,99\n");
  EXPECT_THAT(bad.status().message(), HasSubstr("line 3, column 1 (date): '03/01/2020'"));
}

TEST(PriceHistoryTest, ShortRowsAndTooFewDates) {
  EXPECT_THAT(History("date,SPX,HSI\n2020-01-02,100\n").status().message(),
              HasSubstr("line 2: expected 3 fields, found 2"));
  EXPECT_THAT(History("date,SPX\n2020-01-02,100\n2020-01-03,101\n").status().message(),
              HasSubstr("at least 3 dates"));
  EXPECT_THAT(History("day,SPX\n2020-01-02,100\n").status().message(),
              HasSubstr("line 1, column 1: the header must be date,<factor>"));
}

TEST(PositionsTest, UnknownFactorNamesLineAndColumn) {
  auto h = History("date,SPX\n2020-01-02,100\n2020-01-03,101\n2020-01-06,99\n");
  ASSERT_TRUE(h.ok());
  auto csv = CsvTable::FromText("id,factor,exposure\np1,SPX,100\np2,HSI,5\n");
  ASSERT_TRUE(csv.ok());
  auto p = ReadPositions(*csv, "p.csv", *h);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(),
            "p.csv: line 3, column 2 (factor): unknown factor 'HSI' (the history has SPX)");
  auto dup = CsvTable::FromText("id,factor,exposure\np1,SPX,100\np1,SPX,abc\n");
  auto d = ReadPositions(*dup, "p.csv", *h);
  EXPECT_THAT(d.status().message(), HasSubstr("line 3, column 1 (id): position id 'p1'"));
  ASSERT_EQ(d.status().fields().size(), 2u);
  EXPECT_EQ(d.status().fields()[1].field, "line 3, column 3");
  auto good = CsvTable::FromText("factor,exposure,id,desk\nSPX,-1e6,p1,eq\n");
  auto g = ReadPositions(*good, "p.csv", *h);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ((*g)[0].exposure, -1e6);
}

}  // namespace
}  // namespace finguard::risk::market
