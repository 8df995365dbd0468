// The web page's static files (web/), embedded in the binary at build time so that the server
// needs no files on disk to serve the page at "/".
#pragma once

#include <string_view>

namespace ytl::web {

// One file of the page, ready to send.
struct Asset {
  std::string_view content_type;  // full Content-Type value, charset included for text
  std::string_view body;          // the file's bytes
};

// The asset served at `path` ("/" and "/index.html" are the page, "/race" and "/race.html" the
// racing page, "/app.js" a module), or null
// when there is none. A query string or fragment after the path is ignored. The returned
// pointer refers to static data that lives for the whole program. Thread-safe.
const Asset* FindAsset(std::string_view path);

// The Content-Type the server sends for a file called `name`, by its extension
// ("application/octet-stream" when the extension is unknown).
std::string_view ContentTypeFor(std::string_view name);

}  // namespace ytl::web
