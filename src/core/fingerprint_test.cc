#include "core/fingerprint.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(Fingerprint, SameParametersSameTextAndAnyChangeShows) {
  const auto make = [](double gain, bool flag) {
    return Fingerprint("dsp").Add("gain", gain).Add("flag", flag).str();
  };
  EXPECT_EQ(make(0.5, true), make(0.5, true));
  EXPECT_NE(make(0.5, true), make(0.25, true));
  EXPECT_NE(make(0.5, true), make(0.5, false));
  EXPECT_EQ(make(0.5, true), "dsp;gain=0.5;flag=1");
}

}  // namespace
}  // namespace ytl
