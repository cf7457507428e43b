#include "common/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace finguard {
namespace {

using ::testing::HasSubstr;

std::string WriteFile(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(ConfigTest, DefaultsThenFileThenEnvironment) {
  std::string path =
      WriteFile("fg_config_ok.toml", "port = 9090\nthreads = 8\ndb = \"sqlite:/tmp/x.db\"\n");
  auto c = LoadConfig(path, {{"FINGUARD_PORT", "9191"}, {"FINGUARD_LOG_REQUESTS", "false"}});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->port, 9191);  // env beats file
  EXPECT_EQ(c->threads, 8);  // file beats default
  EXPECT_EQ(c->db, "sqlite:/tmp/x.db");
  EXPECT_FALSE(c->log_requests);
  EXPECT_EQ(c->key_file, "data/finguard.keys");  // default
}

TEST(ConfigTest, BadInputNamesTheSource) {
  std::string typo = WriteFile("fg_config_typo.toml", "prot = 9090\n");
  EXPECT_THAT(LoadConfig(typo, {}).status().message(), HasSubstr("unknown setting 'prot'"));
  std::string broken = WriteFile("fg_config_broken.toml", "port = \n");
  EXPECT_THAT(LoadConfig(broken, {}).status().message(), HasSubstr("fg_config_broken.toml:1"));
  EXPECT_THAT(LoadConfig("", {{"FINGUARD_PORT", "70000"}}).status().message(),
              HasSubstr("FINGUARD_PORT"));
  EXPECT_THAT(LoadConfig("", {{"FINGUARD_LOG_REQUESTS", "maybe"}}).status().message(),
              HasSubstr("FINGUARD_LOG_REQUESTS"));
  EXPECT_THAT(LoadConfig("", {{"FINGUARD_TLS_CERT", "c.pem"}}).status().message(),
              HasSubstr("together"));
}

}  // namespace
}  // namespace finguard
