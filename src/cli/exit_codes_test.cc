#include "cli/exit_codes.h"

#include <gtest/gtest.h>

namespace ytl::cli {
namespace {

TEST(ExitCodes, EachStatusHasItsDocumentedCode) {
  EXPECT_EQ(ExitCodeFor(Status::Ok()), 0);
  EXPECT_EQ(ExitCodeFor(Status::Internal("x")), 1);
  EXPECT_EQ(ExitCodeFor(Status::InvalidInput("x")), 3);
  EXPECT_EQ(ExitCodeFor(Status::NotFound("x")), 4);
  EXPECT_EQ(ExitCodeFor(Status::Unavailable("x")), 5);
  EXPECT_EQ(ExitCodeFor(Status::ResourceExhausted("x")), 6);
  EXPECT_EQ(ExitCodeFor(Status::DeadlineExceeded("x")), 6);
  EXPECT_EQ(ExitCodeFor(Status::Cancelled("x")), 130);
}

}  // namespace
}  // namespace ytl::cli
