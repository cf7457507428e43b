#pragma once
// Turns a formula's result back into exact money. The credit formulas (IRB, ECL, the copula
// simulation) compute in double; the amounts they report are rounded once, at the end, to the
// currency's minor unit half-to-even (banker's rounding, as Money::Convert), so that rounding
// does not drift one way over a book of exposures. Pure functions, thread-safe.
//   ASSIGN_OR_RETURN(Money rwa, ScaleMoney(ead, risk_weight));  // 1,000,000.00 × 0.92317 …
#include <string_view>

#include "common/money.h"

namespace finguard::risk::credit {

// `minor_units` (a computed, possibly fractional count of minor units) rounded half-to-even into
// Money of `currency`; kInvalidArgument when it is not finite or outside int64.
StatusOr<Money> RoundToMoney(double minor_units, std::string_view currency);

// amount × factor, rounded as above.
StatusOr<Money> ScaleMoney(const Money& amount, double factor);

}  // namespace finguard::risk::credit
