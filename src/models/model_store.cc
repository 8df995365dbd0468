#include "models/model_store.h"

#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace ytl::models {
namespace {

namespace fs = std::filesystem;

struct DigestDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

std::string Hex(const unsigned char* bytes, unsigned size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < size; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 0x0f];
  }
  return out;
}

}  // namespace

Status ModelStoreConfig::Validate() const {
  if (models_dir.empty()) {
    return Status::InvalidInput("no models folder given; pass --models-dir DIR");
  }
  if (!base_url.starts_with("http://") && !base_url.starts_with("https://")) {
    return Status::InvalidInput("models base URL \"" + base_url +
                                "\" is not an http(s) URL; fix --base-url");
  }
  if (!(idle_timeout_s > 0)) {
    return Status::InvalidInput("ModelStoreConfig::idle_timeout_s must be positive seconds");
  }
  return Status::Ok();
}

Result<std::string> Sha1OfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path + " to check its SHA-1");
  std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha1(), nullptr) != 1) {
    return Status::Internal("OpenSSL could not start a SHA-1 digest");
  }
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), in.gcount());
  }
  if (in.bad()) return Status::Unavailable("reading " + path + " failed; check the disk");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  return Hex(digest, size);
}

Result<std::string> PullModel(const ModelEntry& model, const ModelStoreConfig& config,
                              const net::HttpClient& http, const net::ProgressCallback& on_progress,
                              const CancelToken* cancel) {
  YTL_RETURN_IF_ERROR(config.Validate());
  std::error_code error;
  fs::create_directories(config.models_dir, error);
  if (error) {
    return Status::Unavailable("cannot create the models folder " + config.models_dir + ": " +
                               error.message() + "; pick a writable --models-dir");
  }
  const fs::path final_path = fs::path(config.models_dir) / model.file;
  const fs::path part_path = final_path.string() + ".part";
  std::string base = config.base_url;
  while (base.ends_with('/')) base.pop_back();
  net::HttpRequest request;
  request.url = base + "/" + model.file;
  request.timeout_s = 0;
  request.idle_timeout_s = config.idle_timeout_s;
  request.cancel = cancel;
  auto response = http.Download(request, part_path, on_progress);
  if (!response.ok()) return response.status();
  auto sha1 = Sha1OfFile(part_path.string());
  if (!sha1.ok()) return sha1.status();
  if (*sha1 != model.sha1) {
    fs::remove(part_path, error);
    return Status::InvalidInput("the download of " + model.name + " from " + request.url +
                                " has SHA-1 " + *sha1 + ", not the published " + model.sha1 +
                                "; it was deleted: check --base-url and pull again");
  }
  fs::rename(part_path, final_path, error);
  if (error) {
    return Status::Unavailable("cannot rename " + part_path.string() + " to " +
                               final_path.string() + ": " + error.message());
  }
  return final_path.string();
}

Result<std::vector<ModelCheck>> VerifyModels(const std::vector<ModelEntry>& catalog,
                                             const ModelStoreConfig& config) {
  std::vector<ModelCheck> checks;
  for (const ModelEntry& model : catalog) {
    ModelCheck check;
    check.model = model;
    check.path = (fs::path(config.models_dir) / model.file).string();
    std::error_code error;
    check.present = fs::is_regular_file(check.path, error);
    if (check.present) {
      auto sha1 = Sha1OfFile(check.path);
      if (!sha1.ok()) return sha1.status();
      check.sha1 = *sha1;
      check.checksum_ok = check.sha1 == model.sha1;
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace ytl::models
