#include "export/json_reader.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace ytl {
namespace {

using json = nlohmann::json;

Status FieldError(const std::string& path, std::string_view expected) {
  return Status::InvalidInput("alignment JSON field \"" + path + "\" must be " +
                              std::string(expected) +
                              "; fix the field or export the alignment again");
}

// Each reader leaves `out` unchanged when the field is absent and not required.
Status ReadString(const json& obj, const char* key, const std::string& at, bool required,
                  std::string* out) {
  const auto it = obj.find(key);
  if (it == obj.end()) return required ? FieldError(at + key, "present (a string)") : Status::Ok();
  if (!it->is_string()) return FieldError(at + key, "a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status ReadNumber(const json& obj, const char* key, const std::string& at, bool required,
                  double* out) {
  const auto it = obj.find(key);
  if (it == obj.end()) return required ? FieldError(at + key, "present (a number)") : Status::Ok();
  if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0) {
    return FieldError(at + key, "a non-negative number");
  }
  *out = it->get<double>();
  return Status::Ok();
}

Status ReadBool(const json& obj, const char* key, const std::string& at, bool* out) {
  const auto it = obj.find(key);
  if (it == obj.end()) return Status::Ok();
  if (!it->is_boolean()) return FieldError(at + key, "true or false");
  *out = it->get<bool>();
  return Status::Ok();
}

Status ReadWord(const json& value, const std::string& at, TimedWord* word) {
  if (!value.is_object()) return FieldError(at, "an object");
  const std::string prefix = at + '.';
  YTL_RETURN_IF_ERROR(ReadString(value, "text", prefix, true, &word->text));
  YTL_RETURN_IF_ERROR(ReadNumber(value, "start_s", prefix, true, &word->start_s));
  YTL_RETURN_IF_ERROR(ReadNumber(value, "end_s", prefix, true, &word->end_s));
  YTL_RETURN_IF_ERROR(ReadNumber(value, "confidence", prefix, false, &word->confidence));
  return ReadBool(value, "interpolated", prefix, &word->interpolated);
}

Status ReadLine(const json& value, const std::string& at, Alignment* alignment) {
  if (!value.is_object()) return FieldError(at, "an object");
  const std::string prefix = at + '.';
  TimedLine line;
  YTL_RETURN_IF_ERROR(ReadString(value, "text", prefix, true, &line.text));
  YTL_RETURN_IF_ERROR(ReadNumber(value, "start_s", prefix, true, &line.start_s));
  YTL_RETURN_IF_ERROR(ReadNumber(value, "end_s", prefix, true, &line.end_s));
  YTL_RETURN_IF_ERROR(ReadNumber(value, "confidence", prefix, false, &line.confidence));
  const auto words = value.find("words");
  if (words != value.end()) {
    if (!words->is_array()) return FieldError(prefix + "words", "an array");
    for (size_t i = 0; i < words->size(); ++i) {
      TimedWord word;
      YTL_RETURN_IF_ERROR(
          ReadWord((*words)[i], prefix + "words[" + std::to_string(i) + "]", &word));
      word.line = static_cast<int>(alignment->lines.size());
      line.words.push_back(static_cast<int>(alignment->words.size()));
      alignment->words.push_back(std::move(word));
    }
  }
  alignment->lines.push_back(std::move(line));
  return Status::Ok();
}

Status ReadHeader(const json& doc, Alignment* alignment) {
  YTL_RETURN_IF_ERROR(ReadString(doc, "source", "", false, &alignment->source));
  YTL_RETURN_IF_ERROR(ReadNumber(doc, "duration_s", "", false, &alignment->duration_s));
  YTL_RETURN_IF_ERROR(ReadString(doc, "language", "", false, &alignment->language));
  std::string mode = "aligned";
  YTL_RETURN_IF_ERROR(ReadString(doc, "mode", "", false, &mode));
  if (mode != "aligned" && mode != "transcribed") {
    return FieldError("mode", "\"aligned\" or \"transcribed\" (got \"" + mode + "\")");
  }
  alignment->mode = mode == "aligned" ? SyncMode::kAligned : SyncMode::kTranscribed;
  alignment->lyrics_source = mode == "aligned" ? "user" : "transcribed";
  YTL_RETURN_IF_ERROR(ReadString(doc, "lyrics_source", "", false, &alignment->lyrics_source));
  const std::string& source = alignment->lyrics_source;
  if (source != "user" && source != "lrclib" && source != "transcribed") {
    return FieldError("lyrics_source",
                      "\"user\", \"lrclib\" or \"transcribed\" (got \"" + source + "\")");
  }
  const auto timings = doc.find("timings_s");
  if (timings == doc.end()) return Status::Ok();
  if (!timings->is_object()) return FieldError("timings_s", "an object of stage: seconds");
  for (const auto& [stage, seconds] : timings->items()) {
    if (!seconds.is_number()) return FieldError("timings_s." + stage, "a number");
    alignment->timings_s[stage] = seconds.get<double>();
  }
  return Status::Ok();
}

}  // namespace

Result<Alignment> ParseAlignmentJson(std::string_view text) {
  const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Status::InvalidInput("alignment JSON is not valid JSON (" + std::to_string(text.size()) +
                                " bytes); pass the file written by the json exporter");
  }
  if (!doc.is_object()) return FieldError("(document)", "an object");
  Alignment alignment;
  YTL_RETURN_IF_ERROR(ReadHeader(doc, &alignment));
  const auto lines = doc.find("lines");
  if (lines == doc.end() || !lines->is_array()) return FieldError("lines", "an array");
  for (size_t i = 0; i < lines->size(); ++i) {
    YTL_RETURN_IF_ERROR(ReadLine((*lines)[i], "lines[" + std::to_string(i) + "]", &alignment));
  }
  const auto words = doc.find("words");
  if (words != doc.end() && (!words->is_array() || words->size() != alignment.words.size())) {
    return FieldError("words", "an array of the " + std::to_string(alignment.words.size()) +
                                   " words that \"lines\" hold");
  }
  return alignment;
}

}  // namespace ytl
