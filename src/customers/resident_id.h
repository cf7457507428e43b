#pragma once
// Chinese resident identity numbers (居民身份证号码) per GB 11643-1999: 6-digit address code,
// 8-digit birth date, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.
//   RETURN_IF_ERROR(ValidateResidentId("11010519491231002X"));
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"

namespace finguard::customers {

// The check character ('0'-'9' or 'X') for the first 17 digits.
char ResidentIdCheckCharacter(std::string_view first17);

// OK for an 18-character number with valid digits, a real birth date not in the future of
// `today` and not before 1900, and the right check character; kInvalidArgument saying which.
Status ValidateResidentId(std::string_view id, CivilDate today = CivilDate{2100, 1, 1});

// Completes a 17-digit stem with its check character (used by the demo generator and tests).
std::string WithCheckCharacter(std::string_view first17);

}  // namespace finguard::customers
