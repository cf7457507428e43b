#include "customers/resident_id.h"

namespace finguard::customers {

char ResidentIdCheckCharacter(std::string_view first17) {
  // Weights are 2^(17-i) mod 11; the remainder maps through this table (GB 11643-1999 §8.2).
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

std::string WithCheckCharacter(std::string_view first17) {
  return std::string(first17) + ResidentIdCheckCharacter(first17);
}

Status ValidateResidentId(std::string_view id, CivilDate today) {
  if (id.size() != 18) return InvalidArgument("resident ID number must have 18 characters");
  for (int i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9')
      return InvalidArgument("resident ID number must start with 17 digits");
  }
  if (id[0] < '1' || id[0] > '9')
    return InvalidArgument("resident ID number has no valid region code");
  auto num = [&](int pos, int len) { return std::stoi(std::string(id.substr(pos, len))); };
  StatusOr<CivilDate> birth = CivilDate::Make(num(6, 4), num(10, 2), num(12, 2));
  if (!birth.ok() || birth->year < 1900 || *birth > today) {
    return InvalidArgument("resident ID number has an impossible birth date");
  }
  char check = id[17] == 'x' ? 'X' : id[17];
  if (check != ResidentIdCheckCharacter(id.substr(0, 17))) {
    return InvalidArgument("resident ID number check character is wrong (GB 11643)");
  }
  return OkStatus();
}

}  // namespace finguard::customers
