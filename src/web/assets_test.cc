#include "web/assets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace ytl::web {
namespace {

const std::filesystem::path kWebDir = std::filesystem::path(YTL_SOURCE_DIR) / "web";
const std::set<std::string> kServedExtensions = {".html", ".css", ".js",          ".json", ".svg",
                                                 ".png",  ".ico", ".webmanifest", ".txt"};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(WebAssets, EveryFileOfWebDirIsEmbeddedByteForByte) {
  ASSERT_TRUE(std::filesystem::is_directory(kWebDir)) << kWebDir << " is missing";
  int served = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kWebDir)) {
    if (!entry.is_regular_file() || !kServedExtensions.count(entry.path().extension().string())) {
      continue;
    }
    const std::string path = "/" + entry.path().filename().string();
    const Asset* asset = FindAsset(path);
    ASSERT_NE(asset, nullptr) << path << " is in web/ but not embedded; re-run cmake";
    EXPECT_EQ(asset->body, ReadFile(entry.path())) << path << " differs from web/; rebuild";
    EXPECT_EQ(asset->content_type, ContentTypeFor(path)) << path;
    ++served;
  }
  EXPECT_GE(served, 3) << "expected at least index.html, style.css and app.js";
}

TEST(WebAssets, ContentTypesFollowTheExtension) {
  EXPECT_EQ(FindAsset("/index.html")->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(FindAsset("/style.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(FindAsset("/app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("icon.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("notes.bin"), "application/octet-stream");
}

TEST(WebAssets, RootIsTheIndexPage) {
  const Asset* root = FindAsset("/");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root, FindAsset("/index.html"));
  EXPECT_NE(root->body.find("<script type=\"module\" src=\"app.js\">"), std::string_view::npos);
  EXPECT_EQ(FindAsset("/?job=1"), root);
  EXPECT_EQ(FindAsset("/app.js?v=2"), FindAsset("/app.js"));
}

TEST(WebAssets, RaceIsTheRacingPage) {
  const Asset* race = FindAsset("/race");
  ASSERT_NE(race, nullptr);
  EXPECT_EQ(race, FindAsset("/race.html"));
  EXPECT_EQ(race->content_type, "text/html; charset=utf-8");
  EXPECT_NE(race->body.find("<script type=\"module\" src=\"race.js\">"), std::string_view::npos);
  EXPECT_EQ(FindAsset("/race?mode=smart"), race);
}

TEST(WebAssets, UnknownPathsAreNotFound) {
  EXPECT_EQ(FindAsset(""), nullptr);
  EXPECT_EQ(FindAsset("/nope.js"), nullptr);
  EXPECT_EQ(FindAsset("app.js"), nullptr);
  EXPECT_EQ(FindAsset("/test/timing.test.js"), nullptr);
  EXPECT_EQ(FindAsset("/../CMakeLists.txt"), nullptr);
  EXPECT_EQ(FindAsset("/v1/jobs"), nullptr);
}

}  // namespace
}  // namespace ytl::web
