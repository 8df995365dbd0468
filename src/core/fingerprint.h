// Fingerprint: a canonical text of an engine's parameters, for cache keys.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

namespace ytl {

// Collects name=value pairs in a fixed order; the same parameters always give
// the same text, and any change of a value changes it.
class Fingerprint {
 public:
  explicit Fingerprint(std::string_view engine) { out_ << engine; }

  template <typename T>
  Fingerprint& Add(std::string_view name, const T& value) {
    out_ << ';' << name << '=' << value;
    return *this;
  }

  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

}  // namespace ytl
