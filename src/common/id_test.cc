#include "common/id.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace finguard {
namespace {

using ::testing::HasSubstr;

TEST(IdTest, NewIdIsValidUlid) {
  const std::string id = NewId();
  EXPECT_EQ(id.size(), 26u);
  EXPECT_TRUE(IsValidId(id)) << id;
}

TEST(IdTest, TimestampMatchesUlidSpecExample) {
  // The ULID spec's example: time 1469918176385 ms encodes as "01ARYZ6S41".
  const std::string id = NewIdAt(Instant{1'469'918'176'385'000});
  EXPECT_EQ(id.substr(0, 10), "01ARYZ6S41");
  EXPECT_EQ(IdTime(id)->micros, 1'469'918'176'385'000);
  // Sub-millisecond digits are dropped, not rounded.
  EXPECT_EQ(IdTime(NewIdAt(Instant{1'469'918'176'385'999}))->micros, 1'469'918'176'385'000);
  EXPECT_EQ(NewIdAt(Instant{0}).substr(0, 10), "0000000000");
}

TEST(IdTest, TenThousandInARowAreStrictlyIncreasing) {
  std::vector<std::string> ids;
  ids.reserve(10'000);
  for (int i = 0; i < 10'000; ++i) ids.push_back(NewId());
  for (size_t i = 1; i < ids.size(); ++i) {
    ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;
  }
}

TEST(IdTest, SameMillisecondIncrementsRandomPart) {
  const Instant t{1'767'225'600'000'000};
  const std::string a = NewIdAt(t);
  const std::string b = NewIdAt(t);
  EXPECT_EQ(a.substr(0, 10), b.substr(0, 10));
  EXPECT_LT(a, b);
}

TEST(IdTest, ExplicitTimesDoNotDisturbLiveOrder) {
  const std::string before = NewId();
  NewIdAt(Instant{4'102'444'800'000'000});  // 2100-01-01: a far-future import stamp
  const std::string after = NewId();
  EXPECT_LT(before, after);
  // Live ids keep the present time, not the imported one.
  EXPECT_LT(IdTime(after)->micros, 4'102'444'800'000'000);
}

TEST(IdTest, UniqueAcrossThreads) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 5'000;
  std::vector<std::vector<std::string>> per_thread(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&per_thread, t] {
      for (int i = 0; i < kPerThread; ++i) per_thread[t].push_back(NewId());
    });
  }
  for (std::thread& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& ids : per_thread) {
    // Each thread sees its own ids increase, as every id is later than the one before it.
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(IdTest, UlidFromPartsEncodesTimeAndRandomBitsExactly) {
  // Time digits from the ULID spec's example; random digits worked by hand: 2^64 is base32
  // digit 12 from the right holding 2^4 = 16 = 'G'; all 80 bits set is sixteen 'Z'.
  EXPECT_EQ(UlidFromParts(1'469'918'176'385, 0, 0), "01ARYZ6S410000000000000000");
  EXPECT_EQ(UlidFromParts(1'469'918'176'385, 0, 1), "01ARYZ6S410000000000000001");
  EXPECT_EQ(UlidFromParts(1'469'918'176'385, 1, 0), "01ARYZ6S41000G000000000000");
  EXPECT_EQ(UlidFromParts(1'469'918'176'385, 0xFFFF, ~uint64_t{0}), "01ARYZ6S41ZZZZZZZZZZZZZZZZ");
  EXPECT_EQ(UlidFromParts(0, 0, 31), "0000000000000000000000000Z");
  // Pure: same parts, same id; out-of-range times clamp to the 48-bit range.
  EXPECT_EQ(UlidFromParts(42, 7, 9), UlidFromParts(42, 7, 9));
  EXPECT_EQ(UlidFromParts(-5, 0, 0), "00000000000000000000000000");
  EXPECT_EQ(UlidFromParts(int64_t{1} << 50, 0, 0), "7ZZZZZZZZZ0000000000000000");
  const std::string id = UlidFromParts(1'767'225'600'123, 0xBEEF, 0x0123456789ABCDEF);
  EXPECT_TRUE(IsValidId(id)) << id;
  EXPECT_EQ(IdTime(id)->micros, 1'767'225'600'123'000);
}

TEST(IdTest, ValidityRejectsBadCharactersAndLengths) {
  EXPECT_TRUE(IsValidId("01ARYZ6S41TSV4RRFFQ69G5FAV"));
  EXPECT_TRUE(IsValidId("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
  EXPECT_FALSE(IsValidId("8ZZZZZZZZZZZZZZZZZZZZZZZZZ"));   // exceeds 128 bits
  EXPECT_FALSE(IsValidId("01ARYZ6S41TSV4RRFFQ69G5FA"));    // 25 chars
  EXPECT_FALSE(IsValidId("01ARYZ6S41TSV4RRFFQ69G5FAVV"));  // 27 chars
  EXPECT_FALSE(IsValidId(""));
  for (char bad : {'I', 'L', 'O', 'U', 'a', 'z', '-', ' ', '*'}) {
    std::string id = "01ARYZ6S41TSV4RRFFQ69G5FAV";
    id[12] = bad;
    EXPECT_FALSE(IsValidId(id)) << id;
  }
  StatusOr<Instant> t = IdTime("01ARYZ6S41TSV4RRFFQ69G5FAO");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr("\"01ARYZ6S41TSV4RRFFQ69G5FAO\""));
}

}  // namespace
}  // namespace finguard
