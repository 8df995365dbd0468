#include "export/timestamp.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ytl {
namespace {

// Reads a run of ASCII digits (at least min_digits, at most max_digits) from
// the front of `text`, advancing it.
std::optional<int64_t> TakeDigits(std::string_view& text, size_t min_digits, size_t max_digits) {
  size_t n = 0;
  int64_t value = 0;
  while (n < text.size() && n < max_digits && text[n] >= '0' && text[n] <= '9') {
    value = value * 10 + (text[n] - '0');
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

bool TakeChar(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

int64_t ToTicks(double time_s, int64_t ticks_per_s) {
  if (!(time_s > 0)) return 0;
  const double ticks = time_s * static_cast<double>(ticks_per_s);
  if (!(ticks < static_cast<double>(kMaxTicks))) return kMaxTicks;
  return std::llround(ticks);
}

std::vector<int64_t> MonotoneTicks(const std::vector<double>& times_s, int64_t ticks_per_s) {
  std::vector<int64_t> ticks(times_s.size());
  for (size_t i = 0; i < times_s.size(); ++i) ticks[i] = ToTicks(times_s[i], ticks_per_s);
  for (size_t i = ticks.size(); i-- > 1;) ticks[i - 1] = std::min(ticks[i - 1], ticks[i]);
  return ticks;
}

std::string FormatMinutesCentis(int64_t centis) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld.%02lld", static_cast<long long>(centis / 6000),
                static_cast<long long>(centis / 100 % 60), static_cast<long long>(centis % 100));
  return buf;
}

std::string FormatAssTime(int64_t centis) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld.%02lld",
                static_cast<long long>(centis / 360000), static_cast<long long>(centis / 6000 % 60),
                static_cast<long long>(centis / 100 % 60), static_cast<long long>(centis % 100));
  return buf;
}

std::string FormatClockMillis(int64_t millis, char fraction_separator) {
  char buf[48];
  std::snprintf(
      buf, sizeof buf, "%02lld:%02lld:%02lld%c%03lld", static_cast<long long>(millis / 3600000),
      static_cast<long long>(millis / 60000 % 60), static_cast<long long>(millis / 1000 % 60),
      fraction_separator, static_cast<long long>(millis % 1000));
  return buf;
}

std::optional<double> ParseMinutesSeconds(std::string_view text) {
  auto minutes = TakeDigits(text, 1, 9);
  if (!minutes || !TakeChar(text, ':')) return std::nullopt;
  auto seconds = TakeDigits(text, 2, 2);
  if (!seconds || *seconds >= 60) return std::nullopt;
  double fraction = 0;
  if (TakeChar(text, '.')) {
    const size_t before = text.size();
    auto digits = TakeDigits(text, 1, 3);
    if (!digits) return std::nullopt;
    fraction =
        static_cast<double>(*digits) / std::pow(10.0, static_cast<double>(before - text.size()));
  }
  if (!text.empty()) return std::nullopt;
  return static_cast<double>(*minutes * 60 + *seconds) + fraction;
}

std::optional<double> ParseClockMillis(std::string_view text, char fraction_separator) {
  // Up to three colon-separated fields: [hours:]minutes:seconds.
  int64_t fields[3] = {0, 0, 0};
  int count = 0;
  while (true) {
    auto value = TakeDigits(text, 2, count == 0 ? 9 : 2);
    if (!value || count == 3) return std::nullopt;
    fields[count++] = *value;
    if (!TakeChar(text, ':')) break;
  }
  if (count < 2 || !TakeChar(text, fraction_separator)) return std::nullopt;
  auto millis = TakeDigits(text, 3, 3);
  if (!millis || !text.empty()) return std::nullopt;
  const int64_t hours = count == 3 ? fields[0] : 0;
  const int64_t minutes = fields[count - 2];
  const int64_t seconds = fields[count - 1];
  if (minutes >= 60 || seconds >= 60) return std::nullopt;
  return static_cast<double>((hours * 60 + minutes) * 60 + seconds) + *millis / 1000.0;
}

}  // namespace ytl
