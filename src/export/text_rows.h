// Splitting a text file into rows, as the readers of line-based formats need.
#pragma once

#include <string_view>
#include <vector>

namespace ytl {

// The rows of `text` without their "\n" or "\r\n" ends; a leading UTF-8 byte
// order mark is dropped. The views point into `text`.
std::vector<std::string_view> SplitRows(std::string_view text);

// `text` without leading and trailing spaces and tabs.
std::string_view TrimBlanks(std::string_view text);

}  // namespace ytl
