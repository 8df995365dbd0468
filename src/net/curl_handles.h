// Move-only owners of libcurl handles: an easy handle, a header list and a MIME body.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace ytl::net {

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct CurlMimeDeleter {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMime = std::unique_ptr<curl_mime, CurlMimeDeleter>;

// A curl_slist grown by Append(); curl_slist_append may return a new head, so it is wrapped.
class CurlHeaderList {
 public:
  // False when curl could not allocate the entry.
  bool Append(const char* line) {
    curl_slist* head = curl_slist_append(list_.get(), line);
    if (head == nullptr) return false;
    list_.release();
    list_.reset(head);
    return true;
  }
  curl_slist* get() const { return list_.get(); }

 private:
  std::unique_ptr<curl_slist, CurlSlistDeleter> list_;
};

}  // namespace ytl::net
