#include "cli/progress_bar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace ytl::cli {
namespace {

// Runs `draw` against a bar writing to a memory stream; returns what it wrote.
template <typename Fn>
std::string Capture(bool interactive, Fn draw) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&buffer, &size);
  {
    ProgressBar bar(out, interactive);
    draw(bar);
  }
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

TEST(ProgressBar, PlainModePrintsQuartersOncePerStage) {
  const std::string text = Capture(false, [](ProgressBar& bar) {
    for (int i = 0; i <= 100; ++i) bar.OnProgress("decode", i / 100.0);
    bar.OnProgress("align", 0.3);
  });
  EXPECT_NE(text.find("decode: 0%"), std::string::npos) << text;
  EXPECT_NE(text.find("decode: 50%"), std::string::npos) << text;
  EXPECT_NE(text.find("decode: 100%"), std::string::npos) << text;
  EXPECT_EQ(text.find("decode: 50%"), text.rfind("decode: 50%")) << "printed twice: " << text;
  EXPECT_NE(text.find("align: 25%"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no redraws in plain mode";
}

// An interrupted or failed stage is left where it got, not drawn as done.
TEST(ProgressBar, AStageThatDidNotCompleteIsNotDrawnDone) {
  for (bool interactive : {false, true}) {
    const std::string text = Capture(interactive, [](ProgressBar& bar) {
      bar.OnProgress("decode", 1.0);
      bar.OnProgress("align", 0.3);
      bar.Finish(false);
    });
    EXPECT_EQ(text.find("100%", text.find("align")), std::string::npos) << text;
    EXPECT_EQ(text.back(), '\n') << text;
    EXPECT_EQ(text.find("\n\n"), std::string::npos) << "no blank line: " << text;
  }
}

TEST(ProgressBar, InteractiveModeRedrawsOneLinePerStage) {
  const std::string text = Capture(true, [](ProgressBar& bar) {
    bar.OnProgress("separate", 0.0);
    bar.OnProgress("separate", 0.5);
    bar.OnProgress("vad", 1.0);
  });
  EXPECT_NE(text.find("\rseparate  [###############...............]  50%"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\rvad"), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << "one finished line per stage";
}

TEST(ProgressBar, ClampsOutOfRangeFractions) {
  const std::string text = Capture(true, [](ProgressBar& bar) { bar.OnProgress("align", 7.0); });
  EXPECT_NE(text.find("100%"), std::string::npos) << text;
}

}  // namespace
}  // namespace ytl::cli
