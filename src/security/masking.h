#pragma once
// Display masking of personal data for callers without `pii.read`, following the common practice
// of Chinese banks' customer-facing screens (JR/T 0171-2020 §7.1.3 de-identification in display):
//   MaskName("张三") == "张*"          MaskName("Zhang Wei") == "Z*** Wei"
//   MaskIdNumber("110105199003071234") == "110105********1234"
//   MaskPhone("13812345678") == "138****5678"
// Pure functions over UTF-8; thread-safe. Masking never reveals more than its input's length class.
#include <string>
#include <string_view>

namespace finguard::security {

std::string MaskName(std::string_view name);
std::string MaskIdNumber(std::string_view id_number);
std::string MaskPhone(std::string_view phone);
std::string MaskEmail(std::string_view email);
std::string MaskAddress(std::string_view address);
std::string MaskAccountNumber(std::string_view number);

}  // namespace finguard::security
