// Whether this binary was built with a sanitizer (YT_LYRICS_SANITIZE or a fuzzing build).
// Sanitizers slow code down several times and inflate memory, so tests that measure speed
// or resident memory skip under them; every other check still runs.
#pragma once

namespace ytl {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif
#else
inline constexpr bool kSanitizedBuild = false;
#endif

}  // namespace ytl
