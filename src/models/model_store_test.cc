// PullModel and VerifyModels against a local HTTP server serving model files.
#include "models/model_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "http/testing/test_server.h"

namespace ytl::models {
namespace {

namespace fs = std::filesystem;
using http::testing::TestServer;

void WriteAll(const fs::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class ModelStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("ytl_models_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "served");
    payload_.resize(3u << 20);
    for (std::size_t i = 0; i < payload_.size(); ++i) {
      payload_[i] = static_cast<char>((i * 2654435761u) >> 13);
    }
    WriteAll(root_ / "served" / "ggml-test.bin", payload_);
    auto sha1 = Sha1OfFile((root_ / "served" / "ggml-test.bin").string());
    ASSERT_TRUE(sha1.ok());
    model_.name = "test";
    model_.file = "ggml-test.bin";
    model_.sha1 = *sha1;
    config_.models_dir = (root_ / "models").string();
  }
  void TearDown() override { fs::remove_all(root_); }

  http::Router Routes() {
    http::Router router;
    EXPECT_TRUE(router
                    .Add("GET", "/models/{file}",
                         [this](const http::Request& request) {
                           ++requests_;
                           if (request.Header("range")) ++range_requests_;
                           return http::Response::File(
                               (root_ / "served" / std::string(request.Param("file"))).string());
                         })
                    .ok());
    return router;
  }

  fs::path root_;
  std::string payload_;
  ModelEntry model_;
  ModelStoreConfig config_;
  net::HttpClient http_;
  std::atomic<int> requests_{0};
  std::atomic<int> range_requests_{0};
};

TEST(Sha1OfFile, MatchesAKnownDigest) {
  const fs::path path = fs::temp_directory_path() / ("ytl_sha1_" + std::to_string(::getpid()));
  WriteAll(path, "abc");
  EXPECT_EQ(*Sha1OfFile(path.string()), "a9993e364706816aba3e25717850c26c9cd0d89d");
  fs::remove(path);
  EXPECT_EQ(Sha1OfFile(path.string()).status().code(), Status::Code::kNotFound);
}

TEST_F(ModelStoreTest, PullsAndVerifiesAModel) {
  TestServer server({}, Routes());
  config_.base_url = "http://127.0.0.1:" + std::to_string(server.port) + "/models/";
  std::int64_t last_done = 0;
  auto path = PullModel(
      model_, config_, http_, [&](std::int64_t done, std::int64_t) { last_done = done; }, nullptr);
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  EXPECT_EQ(ReadAll(*path), payload_);
  EXPECT_EQ(last_done, static_cast<std::int64_t>(payload_.size()));
  EXPECT_FALSE(fs::exists(*path + ".part"));
  auto checks = VerifyModels({model_}, config_);
  ASSERT_TRUE(checks.ok());
  ASSERT_EQ(checks->size(), 1u);
  EXPECT_TRUE((*checks)[0].present);
  EXPECT_TRUE((*checks)[0].checksum_ok);
}

TEST_F(ModelStoreTest, ChecksumMismatchIsRefusedAndDeleted) {
  TestServer server({}, Routes());
  config_.base_url = "http://127.0.0.1:" + std::to_string(server.port) + "/models";
  model_.sha1 = std::string(40, '0');
  auto path = PullModel(model_, config_, http_, nullptr, nullptr);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(path.status().message().find(std::string(40, '0')), std::string::npos);
  EXPECT_FALSE(fs::exists(root_ / "models" / "ggml-test.bin"));
  EXPECT_FALSE(fs::exists(root_ / "models" / "ggml-test.bin.part"));
}

TEST_F(ModelStoreTest, InterruptedDownloadResumesWithARangeRequest) {
  TestServer server({}, Routes());
  config_.base_url = "http://127.0.0.1:" + std::to_string(server.port) + "/models";
  CancelToken cancel;
  auto interrupted = PullModel(
      model_, config_, http_,
      [&](std::int64_t done, std::int64_t) {
        if (done > 0) cancel.Cancel();
      },
      &cancel);
  ASSERT_FALSE(interrupted.ok());
  EXPECT_EQ(interrupted.status().code(), Status::Code::kCancelled);
  const fs::path part = root_ / "models" / "ggml-test.bin.part";
  ASSERT_TRUE(fs::exists(part));
  const auto partial = fs::file_size(part);
  EXPECT_GT(partial, 0u);
  EXPECT_LT(partial, payload_.size());
  EXPECT_EQ(ReadAll(part), payload_.substr(0, partial));

  auto resumed = PullModel(model_, config_, http_, nullptr, nullptr);
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_EQ(ReadAll(*resumed), payload_);
  EXPECT_EQ(range_requests_.load(), 1);
}

TEST_F(ModelStoreTest, VerifyFlagsACorruptedModel) {
  fs::create_directories(root_ / "models");
  WriteAll(root_ / "models" / "ggml-test.bin", "not the model");
  auto checks = VerifyModels({model_}, config_);
  ASSERT_TRUE(checks.ok());
  EXPECT_TRUE((*checks)[0].present);
  EXPECT_FALSE((*checks)[0].checksum_ok);
}

TEST(ModelCatalog, HasTheOfficialModelsWithPublishedSha1) {
  const ModelEntry* base = FindModel("base.en");
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(base->file, "ggml-base.en.bin");
  EXPECT_EQ(base->sha1, "137c40403d78fd54d454da0f9bd998f78703390c");
  EXPECT_TRUE(base->english_only);
  EXPECT_EQ(FindModel("ggml-large-v3.bin")->name, "large-v3");
  EXPECT_EQ(FindModel("huge"), nullptr);
  for (const ModelEntry& entry : OfficialModels()) EXPECT_EQ(entry.sha1.size(), 40u) << entry.name;
}

}  // namespace
}  // namespace ytl::models
