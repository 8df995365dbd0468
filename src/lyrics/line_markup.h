// Reads the markup of one lyric-sheet line: blank, [section tag], repeat
// marker, or sung text.
//
// Repeat markers: "x2", "X2", "×2", "2x", optionally in "(...)" or "[...]"
// and optionally preceded by "repeat" inside brackets ("(repeat x2)"; a
// bare "(repeat)" means twice); the count is 1..99. A marker is recognised
// only alone on a line or at the end of a line; elsewhere it is sung text.
//
// Section tags: a line that is one bracketed tag, "[Chorus]", "[Verse 2]",
// "[Chorus: Ann]" (performer dropped), "[Chorus x2]" or "[Chorus] (x2)".
// Other bracketed text inside a lyric line ("[laughs]") is a note, not
// sung, and is removed. Parenthesised text is left alone: it is sung
// (optional).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ytl {

enum class LineKind {
  kBlank,         // empty or only spaces: ends the section
  kSectionTag,    // "[Chorus]": starts a section
  kRepeatMarker,  // "(x2)" alone: repeats the section it ends
  kLyric,         // sung text, possibly with a trailing repeat marker
};

struct LineMarkup {
  LineKind kind = LineKind::kBlank;
  // kLyric: the sung text, trimmed, spaces collapsed, marker and [notes]
  // removed (may be empty when the line held only notes).
  // kSectionTag: the label, lower case, spaces collapsed: "verse 2".
  std::string text;
  int repeat_count = 1;  // times the line, tagged section or marked section is sung
};

// `line` is valid UTF-8 without its line break.
LineMarkup ReadLineMarkup(std::string_view line);

// The count of a repeat marker when all of `text` (trimmed) is one, else
// nullopt: "(x2)" -> 2, "3x" -> 3, "[Repeat x4]" -> 4, "(repeat)" -> 2,
// "x" -> nullopt.
std::optional<int> ParseRepeatMarker(std::string_view text);

}  // namespace ytl
