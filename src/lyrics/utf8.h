// UTF-8 validation, decoding and encoding for lyric text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ytl {

// Returns the offset (0-based, in bytes) of the first byte that does not
// belong to a well-formed UTF-8 sequence, or nullopt when `text` is valid.
// Invalid: stray continuation bytes, truncated sequences, overlong forms,
// UTF-16 surrogates (U+D800..U+DFFF) and code points above U+10FFFF.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// Decodes the code point starting at `*pos` and moves `*pos` past it.
// Precondition: *pos < text.size(). An invalid sequence yields U+FFFD and
// advances one byte, so the loop always ends.
char32_t DecodeUtf8At(std::string_view text, std::size_t* pos);

// Appends the UTF-8 encoding of `code_point` (assumed valid) to `*out`.
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace ytl
