#pragma once
// Record identifiers: ULIDs (https://github.com/ulid/spec). 26 characters of Crockford base32
// encoding a 48-bit Unix time in milliseconds followed by 80 random bits from libsodium.
// Ids sort lexicographically by creation time, so primary keys stay roughly append-only in
// SQLite/PostgreSQL indexes and a listing "by id" is a listing "by time".
//
// Within one process, NewId() ids are strictly increasing: a second id in the same
// millisecond is the previous one's random part plus one (the spec's monotonic mode), and
// NewId() never goes back in time even if the system clock does. NewIdAt() keeps its own
// sequence with the same rule. Uniqueness rests on 80 random bits per millisecond.
// All functions are thread-safe; a failing libsodium initialisation aborts (broken host).
//   std::string id = NewId();                // "01JH3Q4Z9X7K2M5N8P0R4S6T8V"
//   bool ok = IsValidId(id);                 // true
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"

namespace finguard {

// A new id stamped with the system time (milliseconds).
std::string NewId();

// A new id stamped with `t` (truncated to the millisecond; instants before 1970 or after the
// year 10889 are clamped to the 48-bit range). For imports and tests that must reproduce the
// time of a historical record; strictly increasing over consecutive NewIdAt() calls of the
// same millisecond.
std::string NewIdAt(Instant t);

// An id built from caller-supplied parts: `unix_ms` (clamped to the 48-bit range) and 80 random
// bits, `rand_hi` the top 16 and `rand_lo` the low 64. Pure: the same parts always give the same
// id, and no sequence is kept. For generators that must be reproducible from a seed (the demo
// institution); uniqueness is then the caller's job.
//   UlidFromParts(1469918176385, 0, 0) == "01ARYZ6S410000000000000000"
std::string UlidFromParts(int64_t unix_ms, uint16_t rand_hi, uint64_t rand_lo);

// True for a canonical ULID: 26 characters from "0123456789ABCDEFGHJKMNPQRSTVWXYZ" (upper
// case only, no I, L, O, U) whose first character is at most '7' (128-bit limit).
bool IsValidId(std::string_view id);

// The millisecond instant encoded in a valid id; InvalidArgument naming the id otherwise.
StatusOr<Instant> IdTime(std::string_view id);

}  // namespace finguard
