#include "security/field_cipher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/test_database.h"

namespace finguard::security {
namespace {

std::string TempKeyFile() {
  auto dir =
      std::filesystem::temp_directory_path() / ("fg_keys_" + finguard::testing::UniqueSuffix());
  return (dir / "finguard.keys").string();
}

TEST(FieldCipherTest, RoundTripsAndBindsToColumn) {
  auto keys = KeyStore::OpenOrCreate(TempKeyFile());
  ASSERT_TRUE(keys.ok()) << keys.status().ToString();
  FieldCipher c(**keys);
  std::string stored = c.Encrypt("phone", "13812345678");
  EXPECT_EQ(stored.rfind("k1:", 0), 0u);
  EXPECT_EQ(stored.find("13812345678"), std::string::npos);
  EXPECT_EQ(*c.Decrypt("phone", stored), "13812345678");
  EXPECT_NE(c.Encrypt("phone", "13812345678"), stored);  // fresh nonce each time
  EXPECT_FALSE(c.Decrypt("id_number", stored).ok());     // moved to another column
  std::string tampered = stored;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(c.Decrypt("phone", tampered).ok());
}

TEST(FieldCipherTest, OldKeysStillDecryptAfterRotationAndFileReload) {
  std::string path = TempKeyFile();
  auto keys = KeyStore::OpenOrCreate(path);
  ASSERT_TRUE(keys.ok());
  FieldCipher c(**keys);
  std::string old_value = c.Encrypt("name", "张三");
  // Another process rotates: it opens the same file and adds a key.
  auto other = KeyStore::Open(path);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(*(*other)->AddActiveKey(), "k2");
  FieldCipher c2(**other);
  std::string new_value = c2.Encrypt("name", "李四");
  EXPECT_EQ(FieldCipher::KeyIdOf(new_value), "k2");
  // The first process learns k2 from the file on first sight and still reads k1 values.
  EXPECT_EQ(*c.Decrypt("name", new_value), "李四");
  EXPECT_EQ(*c2.Decrypt("name", old_value), "张三");
}

TEST(FieldCipherTest, BlindIndexIsKeyedAndDomainSeparated) {
  auto a = KeyStore::OpenOrCreate(TempKeyFile());
  auto b = KeyStore::OpenOrCreate(TempKeyFile());
  FieldCipher ca(**a), cb(**b);
  EXPECT_EQ(ca.BlindIndex("phone", "13812345678"), ca.BlindIndex("phone", "13812345678"));
  EXPECT_NE(ca.BlindIndex("phone", "13812345678"), ca.BlindIndex("id_number", "13812345678"));
  EXPECT_NE(ca.BlindIndex("phone", "13812345678"), cb.BlindIndex("phone", "13812345678"));
  EXPECT_EQ(ca.BlindIndex("phone", "x").size(), 64u);
}

TEST(KeyStoreTest, MalformedFileIsAnErrorNamingTheFile) {
  std::string path = TempKeyFile();
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  { std::ofstream(path) << "{\"keys\": 5}"; }
  auto ks = KeyStore::Open(path);
  EXPECT_EQ(ks.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(ks.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace finguard::security
