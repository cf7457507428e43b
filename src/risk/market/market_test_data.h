#pragma once
// Test-only helpers: the peer-made fixtures under tests/data/market (bench/peers/
// market_fixtures.sh writes them with the numpy peer). CTest sets FINGUARD_SOURCE_DIR; a test
// binary run by hand from the repo root works too.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace finguard::risk::market::testdata {

inline std::string Path(const std::string& name) {
  const char* root = std::getenv("FINGUARD_SOURCE_DIR");
  return std::string(root ? root : ".") + "/tests/data/market/" + name;
}

inline std::string Read(const std::string& name) {
  std::ifstream in(Path(name));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// |a − b| ≤ 1e-9 · max(1, |b|): the agreement the issue asks of the peer.
inline bool Near(double a, double b) {
  double scale = std::abs(b) > 1 ? std::abs(b) : 1.0;
  return std::abs(a - b) <= 1e-9 * scale;
}

}  // namespace finguard::risk::market::testdata
