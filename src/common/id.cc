#include "common/id.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace finguard {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kIdLength = 26;
constexpr int64_t kMaxMillis = (int64_t{1} << 48) - 1;
constexpr unsigned __int128 kRandomMask = (static_cast<unsigned __int128>(1) << 80) - 1;

void EnsureSodium() {
  // sodium_init() is idempotent and thread-safe, but calling it once per id would take its
  // internal lock on every call; a function-local static runs it exactly once.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) {
    // Without a working random source no id can be trusted to be unique: a broken
    // environment, not bad input.
    std::fprintf(stderr, "finguard: sodium_init() failed; cannot generate ids\n");
    std::abort();
  }
}

unsigned __int128 RandomBits80() {
  EnsureSodium();
  std::array<unsigned char, 10> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  unsigned __int128 r = 0;
  for (unsigned char b : bytes) r = (r << 8) | b;
  return r;
}

std::string Encode(int64_t millis, unsigned __int128 random) {
  // 2 zero bits + 48 time bits + 80 random bits = 130 bits = 26 base32 digits.
  const unsigned __int128 value = (static_cast<unsigned __int128>(millis) << 80) | random;
  std::string out(kIdLength, '0');
  for (int i = 0; i < kIdLength; ++i) {
    out[i] = kAlphabet[static_cast<int>((value >> (5 * (kIdLength - 1 - i))) & 31)];
  }
  return out;
}

int DecodeChar(char c) {
  const char* p = std::find(kAlphabet, kAlphabet + 32, c);
  return p == kAlphabet + 32 ? -1 : static_cast<int>(p - kAlphabet);
}

// The last id handed out, so that ids of one millisecond increase. This is process-wide
// state on purpose: monotonicity is a promise about every id this process makes, whichever
// component asks, and there is no natural owner to pass around instead.
class Generator {
 public:
  // `clamp_to_last`: the NewId() generator passes true so a clock stepping backwards (NTP)
  // cannot make a later id sort before an earlier one. NewIdAt() has its own generator and
  // passes false because it must encode the caller's instant; keeping the two apart means an
  // import stamping ids in 2019 (or 2099) never disturbs the order of live ids.
  std::string Next(int64_t millis, bool clamp_to_last) {
    std::lock_guard<std::mutex> lock(mu_);
    if (clamp_to_last && has_last_) millis = std::max(millis, last_millis_);
    unsigned __int128 random;
    if (has_last_ && millis == last_millis_) {
      random = last_random_ + 1;
      if (random > kRandomMask) {
        // 2^80 ids in one millisecond cannot happen, but a random start near the top can
        // run out after a few: borrow the next millisecond rather than repeat or wrap.
        millis = std::min(millis + 1, kMaxMillis);
        random = RandomBits80();
      }
    } else {
      random = RandomBits80();
    }
    last_millis_ = millis;
    last_random_ = random;
    has_last_ = true;
    return Encode(millis, random);
  }

 private:
  std::mutex mu_;
  bool has_last_ = false;              // guarded by mu_
  int64_t last_millis_ = 0;            // guarded by mu_
  unsigned __int128 last_random_ = 0;  // guarded by mu_
};

// Never destroyed, so ids can still be made while other statics shut down.
Generator& ClockGenerator() {
  static Generator* generator = new Generator();
  return *generator;
}
Generator& ExplicitTimeGenerator() {
  static Generator* generator = new Generator();
  return *generator;
}

int64_t ToMillis(Instant t) {
  const int64_t ms = t.micros >= 0 ? t.micros / 1000 : -((-t.micros + 999) / 1000);
  return std::clamp<int64_t>(ms, 0, kMaxMillis);
}

}  // namespace

std::string NewId() { return ClockGenerator().Next(ToMillis(SystemClock().Now()), true); }

std::string NewIdAt(Instant t) { return ExplicitTimeGenerator().Next(ToMillis(t), false); }

std::string UlidFromParts(int64_t unix_ms, uint16_t rand_hi, uint64_t rand_lo) {
  const unsigned __int128 random = (static_cast<unsigned __int128>(rand_hi) << 64) | rand_lo;
  return Encode(std::clamp<int64_t>(unix_ms, 0, kMaxMillis), random);
}

bool IsValidId(std::string_view id) {
  if (id.size() != kIdLength) return false;
  if (id[0] > '7') return false;  // 26 digits carry 130 bits; the top two must be zero
  return std::all_of(id.begin(), id.end(), [](char c) { return DecodeChar(c) >= 0; });
}

StatusOr<Instant> IdTime(std::string_view id) {
  if (!IsValidId(id)) {
    return InvalidArgument("invalid id \"" + std::string(id) +
                           "\": expected 26 Crockford base32 characters (ULID)");
  }
  int64_t millis = 0;
  for (int i = 0; i < 10; ++i) millis = (millis << 5) | DecodeChar(id[i]);
  return Instant{millis * 1000};
}

}  // namespace finguard
