#include "cli/output_writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "sources/source.h"

namespace ytl::cli {
namespace fs = std::filesystem;
namespace {

std::string SafeFileName(std::string name) {
  for (char& c : name) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                    c == '.' || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) c = '_';
  }
  while (!name.empty() && name.front() == '.') name.erase(name.begin());
  return name.empty() ? "lyrics" : name;
}

}  // namespace

Status WriteFileAtomically(const fs::path& path, const std::string& content) {
  const fs::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << content;
    if (!out) {
      std::error_code ec;
      fs::remove(partial, ec);
      return Status::Unavailable("cannot write " + path.string() +
                                 "; check the folder is writable and the disk has space");
    }
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) {
    fs::remove(partial, ec);
    return Status::Unavailable("cannot write " + path.string() + ": " + ec.message());
  }
  return Status::Ok();
}

std::string OutputStemFor(const std::string& source) {
  if (!LooksLikeUrl(source)) return SafeFileName(fs::path(source).stem().string());
  const auto v = source.find("v=");
  if (v != std::string::npos) {
    return SafeFileName(source.substr(v + 2, source.find('&', v) - (v + 2)));
  }
  std::string path = source.substr(0, source.find_first_of("?#"));
  while (!path.empty() && path.back() == '/') path.pop_back();
  return SafeFileName(path.substr(path.find_last_of('/') + 1));
}

Result<std::vector<std::string>> WriteOutputs(const Alignment& alignment,
                                              const std::vector<Format>& formats,
                                              const std::string& output, const std::string& stem) {
  std::vector<std::string> written;
  if (output == "-") {
    if (formats.size() != 1) {
      return Status::InvalidInput(
          "--output - writes to stdout and takes exactly one --format; "
          "give one format or an output folder");
    }
    std::cout << Export(alignment, formats[0]) << std::flush;
    written.push_back("-");
    return written;
  }
  std::error_code ec;
  fs::create_directories(output, ec);
  if (!fs::is_directory(output, ec)) {
    return Status::InvalidInput("--output " + output +
                                " is not a folder and cannot be created; give a folder or -");
  }
  for (Format format : formats) {
    const fs::path path = fs::path(output) / (stem + "." + std::string(Extension(format)));
    YTL_RETURN_IF_ERROR(WriteFileAtomically(path, Export(alignment, format)));
    written.push_back(path.string());
  }
  return written;
}

}  // namespace ytl::cli
