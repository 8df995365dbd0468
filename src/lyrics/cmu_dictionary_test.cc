#include "lyrics/cmu_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace ytl {
namespace {

TEST(CmuDictionary, ListsTheMainEntryBeforeNumberedAlternates) {
  Result<CmuDictionary> dictionary = CmuDictionary::Parse(
      "read(2) R EH D\n"
      "read R IY D\n"
      "read(3) R EH1 D IY0  # made up\n"
      "\n"
      "don't D OW N T\n",
      "test");
  ASSERT_TRUE(dictionary.ok()) << dictionary.status().ToString();
  EXPECT_EQ(dictionary->size(), 2u);
  EXPECT_EQ(dictionary->Find("read"),
            (std::vector<Phones>{{"R", "IY", "D"}, {"R", "EH", "D"}, {"R", "EH", "D", "IY"}}));
  EXPECT_EQ(dictionary->Find("DON'T"), (std::vector<Phones>{{"D", "OW", "N", "T"}}));
  EXPECT_TRUE(dictionary->Find("absent").empty());
}

TEST(CmuDictionary, RejectsPhonesOutsideTheSetNamingTheLine) {
  Result<CmuDictionary> dictionary =
      CmuDictionary::Parse("hello HH AH L OW\nbad B AX D\n", "x.dict");
  ASSERT_FALSE(dictionary.ok());
  EXPECT_EQ(dictionary.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(dictionary.status().message().find("x.dict line 2"), std::string::npos);
  EXPECT_NE(dictionary.status().message().find("'AX'"), std::string::npos);
}

TEST(CmuDictionary, RejectsWordsWithoutPhonesAndEmptyFiles) {
  EXPECT_EQ(CmuDictionary::Parse("lonely\n", "x").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(CmuDictionary::Parse("\n\n", "x").status().code(), Status::Code::kInvalidInput);
}

TEST(CmuDictionary, MissingFileIsNotFound) {
  Result<CmuDictionary> dictionary = CmuDictionary::Load("/nonexistent/cmudict.dict");
  ASSERT_FALSE(dictionary.ok());
  EXPECT_EQ(dictionary.status().code(), Status::Code::kNotFound);
  EXPECT_NE(dictionary.status().message().find("/nonexistent/cmudict.dict"), std::string::npos);
}

TEST(CmuDictionary, LoadsThePocketSphinxDictionary) {
  const std::string path = std::string(kDefaultCmuDictionaryPath);
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent: install pocketsphinx-en-us";
  Result<CmuDictionary> dictionary = CmuDictionary::Load(path);
  ASSERT_TRUE(dictionary.ok()) << dictionary.status().ToString();
  EXPECT_GT(dictionary->size(), 100000u);
  EXPECT_EQ(dictionary->Find("hello").front(), (Phones{"HH", "AH", "L", "OW"}));
  EXPECT_GE(dictionary->Find("read").size(), 2u);
  EXPECT_FALSE(dictionary->Find("don't").empty());
}

}  // namespace
}  // namespace ytl
