// Shared set-up of the `yt-lyrics serve` end-to-end tests: a generated song, a temp folder, a
// server process per test, and helpers to wait for jobs.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/serve_process.h"

namespace ytl::testing {

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  void SetUp() override;
  void TearDown() override;

  // Starts a server on data dir `data` (relative to the test's folder) with `args`.
  std::unique_ptr<ServeProcess> Start(std::vector<std::string> args,
                                      const std::string& data = "data");
  // POSTs the song as a multipart upload with the lyrics; returns the response.
  http::testing::ClientResponse SubmitUpload(const ServeProcess& server, const std::string& lyrics,
                                             const http::testing::Headers& headers = {});
  // Polls GET /v1/jobs/{id} until `state` (or any final state when `state` is "final").
  nlohmann::json WaitFor(const ServeProcess& server, const std::string& id,
                         const std::string& state, double timeout_s = 120);
  // Writes a fake yt-dlp into the test's folder that "downloads" the song as a WAV, reports
  // `reported_duration_s` in its info JSON and appends a line to yt-dlp-calls in the test's
  // folder on every run; returns its path.
  std::string WriteFakeYtDlp(double reported_duration_s = 7);
  // The song's length in seconds, from its WAV header.
  static double SongDurationS();

  static std::string song_bytes_;  // a WAV file
  static std::string lyrics_;
  std::string dir_;
};

nlohmann::json JsonOf(const http::testing::ClientResponse& response);

}  // namespace ytl::testing
