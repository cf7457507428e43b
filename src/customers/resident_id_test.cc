#include "customers/resident_id.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard::customers {
namespace {

using ::testing::HasSubstr;

// GB 11643-1999's own example number and well-known published specimens.
TEST(ResidentIdTest, StandardExamplesValidate) {
  EXPECT_TRUE(ValidateResidentId("11010519491231002X").ok());
  EXPECT_TRUE(ValidateResidentId("11010519491231002x").ok());
  EXPECT_EQ(ResidentIdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(ResidentIdCheckCharacter("44052418800101001"), '4');
  // Born 1880: a valid check character, but older than any living customer.
  EXPECT_FALSE(ValidateResidentId("440524188001010014").ok());
}

TEST(ResidentIdTest, RejectsWithReasons) {
  EXPECT_THAT(ValidateResidentId("110105194912310021").message(), HasSubstr("check character"));
  EXPECT_THAT(ValidateResidentId("1101051949123100").message(), HasSubstr("18 characters"));
  EXPECT_THAT(ValidateResidentId("11010519490231002X").message(), HasSubstr("birth date"));
  EXPECT_THAT(ValidateResidentId("1101A519491231002X").message(), HasSubstr("17 digits"));
  EXPECT_THAT(ValidateResidentId("01010519491231002X").message(), HasSubstr("region"));
  EXPECT_THAT(ValidateResidentId(WithCheckCharacter("11010520300101001"), CivilDate{2026, 11, 27})
                  .message(),
              HasSubstr("birth date"));
}

}  // namespace
}  // namespace finguard::customers
