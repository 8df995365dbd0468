// The en-us phone set of the acoustic model: the 39 CMU phones, no stress.
#pragma once

#include <array>
#include <string_view>

namespace ytl {

// "AA" .. "ZH", sorted.
inline constexpr std::array<std::string_view, 39> kCmuPhones = {
    "AA", "AE", "AH", "AO", "AW", "AY", "B",  "CH", "D", "DH", "EH", "ER", "EY",
    "F",  "G",  "HH", "IH", "IY", "JH", "K",  "L",  "M", "N",  "NG", "OW", "OY",
    "P",  "R",  "S",  "SH", "T",  "TH", "UH", "UW", "V", "W",  "Y",  "Z",  "ZH"};

// Index of `phone` in kCmuPhones, or -1 when it is not an en-us phone
// (lower case and stress digits are not: "AH0" -> -1).
int CmuPhoneIndex(std::string_view phone);

// True when `phone` is one of kCmuPhones.
inline bool IsCmuPhone(std::string_view phone) { return CmuPhoneIndex(phone) >= 0; }

}  // namespace ytl
