#include "security/masking.h"

#include <gtest/gtest.h>

namespace finguard::security {
namespace {

// Vectors from the Foundation issue's masking rules.
TEST(MaskingTest, IssueExamples) {
  EXPECT_EQ(MaskIdNumber("110105199003071234"), "110105********1234");
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("Zhang Wei"), "Z*** Wei");
}

TEST(MaskingTest, LongerAndOddNames) {
  EXPECT_EQ(MaskName("王小明"), "王**");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName("张"), "张*");
  EXPECT_EQ(MaskName("Mary Ann Smith"), "M*** A*** Smith");
  EXPECT_EQ(MaskName("Madonna"), "M***");
  EXPECT_EQ(MaskName(""), "");
}

TEST(MaskingTest, OtherFields) {
  EXPECT_EQ(MaskPhone("+8613812345678"), "+86138****5678");
  EXPECT_EQ(MaskEmail("wei.zhang@example.cn"), "w***@example.cn");
  EXPECT_EQ(MaskAccountNumber("6222020200112233445"), "6222***********3445");
  EXPECT_EQ(MaskAddress("北京市朝阳区建国路88号院3号楼1单元502"), "北京市朝阳区****");
  EXPECT_EQ(MaskIdNumber("E12345678"), "E******78");
}

TEST(MaskingTest, MaskedNeverEqualsInput) {
  for (const char* s : {"1", "12", "ab", "a@b", "12345678"}) {
    EXPECT_NE(MaskIdNumber(s), s);
    EXPECT_NE(MaskPhone(s), s);
    EXPECT_NE(MaskAccountNumber(s), s);
  }
}

}  // namespace
}  // namespace finguard::security
