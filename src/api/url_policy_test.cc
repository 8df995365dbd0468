#include "api/url_policy.h"

#include <gtest/gtest.h>

namespace ytl::api {
namespace {

TEST(UrlPolicy, ExtractsHosts) {
  EXPECT_EQ(*UrlHost("https://www.youtube.com/watch?v=x"), "www.youtube.com");
  EXPECT_EQ(*UrlHost("http://user:pw@example.com:8080/a"), "example.com");
  EXPECT_EQ(*UrlHost("http://[::1]:80/a"), "::1");
  EXPECT_FALSE(UrlHost("ftp://example.com/a").ok());
  EXPECT_FALSE(UrlHost("file:///etc/passwd").ok());
}

TEST(UrlPolicy, ClassifiesPrivateAddresses) {
  for (const char* address :
       {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "::1", "::", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1"}) {
    EXPECT_TRUE(IsPrivateAddress(address)) << address;
  }
  for (const char* address : {"8.8.8.8", "172.32.0.1", "2001:4860:4860::8888", "1.1.1.1"}) {
    EXPECT_FALSE(IsPrivateAddress(address)) << address;
  }
}

TEST(UrlPolicy, RefusesLoopbackUnlessAllowed) {
  const auto system = MakeSystemHostResolver();
  Status refused = CheckSongUrl("http://127.0.0.1:9/song", false, *system);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("private"), std::string::npos) << refused.message();
  EXPECT_FALSE(CheckSongUrl("http://localhost/song", false, *system).ok());
  EXPECT_FALSE(CheckSongUrl("http://[::1]/song", false, *system).ok());
  EXPECT_TRUE(CheckSongUrl("http://127.0.0.1:9/song", true, *system).ok());
  EXPECT_FALSE(CheckSongUrl("gopher://127.0.0.1/", true, *system).ok());
}

TEST(UrlPolicy, RefusesAHostWithAnyPrivateAddress) {
  class TwoAddresses : public HostResolver {
   public:
    Result<std::vector<std::string>> Resolve(const std::string&) const override {
      return std::vector<std::string>{"93.184.216.34", "10.0.0.7"};
    }
  } resolver;
  Status refused = CheckSongUrl("https://rebind.example/song", false, resolver);
  EXPECT_EQ(refused.code(), Status::Code::kInvalidInput);
  EXPECT_NE(refused.message().find("10.0.0.7"), std::string::npos) << refused.message();
}

}  // namespace
}  // namespace ytl::api
