#pragma once
// Test-only helpers: the peer-made fixtures under tests/data/market (bench/peers/
// market_fixtures.sh writes them with the numpy peer). CTest sets FINGUARD_SOURCE_DIR; a test
// binary run by hand from the repo root works too. The price history itself is a slice of
// ../shared/data/market and is never committed: scripts/test.sh builds it with the peer and
// names it in FINGUARD_MARKET_HISTORY.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace finguard::risk::market::testdata {

inline std::string Path(const std::string& name) {
  if (name == "history.csv") {
    const char* history = std::getenv("FINGUARD_MARKET_HISTORY");
    if (history) return history;
  }
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
