// How deeply a JSON text nests arrays and objects, found without parsing it, so that request
// handlers can refuse a hostile body before a parser builds it.
#pragma once

#include <cstddef>
#include <string_view>

namespace ytl::http {

// The deepest nesting of '[' and '{' in `json` ("1" and "\"x\"" are 0, "{}" is 1, "[{}]" is 2);
// brackets inside strings do not count. Stops scanning once the depth passes `stop_above`, so a
// huge body costs no more than the part read. Malformed JSON gives a meaningless but bounded
// number: the parser reports it.
std::size_t JsonNestingDepth(std::string_view json, std::size_t stop_above);

}  // namespace ytl::http
