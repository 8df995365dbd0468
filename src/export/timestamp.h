// Timestamps as the subtitle and lyric formats spell them.
//
// Every writer turns seconds into whole ticks (centiseconds for LRC and ASS,
// milliseconds for SRT and VTT) through ToTicks, so one time always rounds the
// same way in every format, and rounding is monotone: a time never rounds past
// a later one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ytl {

// Rounds `time_s` to the nearest tick (half away from zero); negative times
// become 0 and times past kMaxTicks ticks (or infinite) become kMaxTicks, so that
// writers can add and subtract ticks without overflow whatever a file held.
inline constexpr int64_t kMaxTicks = 1'000'000'000'000'000;  // 300,000 years of centiseconds
int64_t ToTicks(double time_s, int64_t ticks_per_s);

// ToTicks for a sequence that must read in order (LRC lines, the tags of one
// line): each tick is then lowered to at most the next one, so players that
// sort by time keep the reading order even when the input times overlap.
std::vector<int64_t> MonotoneTicks(const std::vector<double>& times_s, int64_t ticks_per_s);

// "mm:ss.xx" from centiseconds. Minutes keep counting past 99 ("123:04.50"):
// LRC has no hour field.
std::string FormatMinutesCentis(int64_t centis);

// "H:MM:SS.cc" from centiseconds, as ASS writes times.
std::string FormatAssTime(int64_t centis);

// "HH:MM:SS<sep>mmm" from milliseconds; hours keep counting past 99.
// SRT uses ',' and WebVTT '.'.
std::string FormatClockMillis(int64_t millis, char fraction_separator);

// Parses "m:ss", "mm:ss.x", "mm:ss.xx" or "mm:ss.xxx" (any number of minute
// digits, seconds below 60) into seconds; nullopt when malformed.
std::optional<double> ParseMinutesSeconds(std::string_view text);

// Parses "[HH:]MM:SS<sep>mmm" (exactly three fraction digits, minutes and
// seconds below 60) into seconds; nullopt when malformed.
std::optional<double> ParseClockMillis(std::string_view text, char fraction_separator);

}  // namespace ytl
