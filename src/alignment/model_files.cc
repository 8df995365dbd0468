#include "alignment/model_files.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ytl {
namespace {

constexpr std::uint32_t kByteOrderMagic = 0x11223344;

// Sequential little-endian reader over a whole file held in memory.
class ByteReader {
 public:
  ByteReader(std::string path, std::string bytes)
      : path_(std::move(path)), bytes_(std::move(bytes)) {}

  static Result<ByteReader> Open(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return Status::NotFound("acoustic model file " + path +
                              " cannot be opened; install pocketsphinx-en-us or fix the model dir");
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return ByteReader(path, std::move(bytes));
  }

  bool Read(void* out, std::size_t n) {
    if (pos_ + n > bytes_.size()) return false;
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool ReadInt32(std::int32_t* out) { return Read(out, sizeof(*out)); }
  bool Skip(std::size_t n) {
    if (pos_ + n > bytes_.size()) return false;
    pos_ += n;
    return true;
  }
  std::size_t pos() const { return pos_; }
  std::size_t size() const { return bytes_.size(); }
  const char* data() const { return bytes_.data(); }

  Status Error(const std::string& what) const {
    return Status::InvalidInput("acoustic model file " + path_ + " is malformed at byte " +
                                std::to_string(pos_) + ": " + what +
                                "; reinstall pocketsphinx-en-us");
  }

 private:
  std::string path_;
  std::string bytes_;
  std::size_t pos_ = 0;
};

// Skips the text header of a Sphinx-3 binary file ("s3\n ... endhdr\n") and
// checks the byte-order magic that follows it.
Status SkipS3Header(ByteReader* r) {
  const std::string_view text(r->data(), r->size());
  if (text.substr(0, 3) != "s3\n") return r->Error("missing s3 header");
  const std::size_t end = text.find("endhdr\n");
  if (end == std::string_view::npos) return r->Error("missing endhdr");
  if (!r->Skip(end + 7)) return r->Error("truncated header");
  std::uint32_t magic = 0;
  if (!r->Read(&magic, 4)) return r->Error("truncated byte-order magic");
  if (magic != kByteOrderMagic) return r->Error("big-endian or unknown byte order");
  return Status::Ok();
}

Status ReadFloats(ByteReader* r, std::size_t expected, std::vector<float>* out) {
  std::int32_t total = 0;
  if (!r->ReadInt32(&total)) return r->Error("truncated array size");
  if (total < 0 || static_cast<std::size_t>(total) != expected) {
    return r->Error("array size " + std::to_string(total) + " does not match dimensions " +
                    std::to_string(expected));
  }
  out->resize(expected);
  if (!r->Read(out->data(), expected * sizeof(float))) return r->Error("truncated data");
  return Status::Ok();
}

}  // namespace

Result<GaussianFile> ReadGaussianFile(const std::string& path) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return reader.status();
  ByteReader& r = *reader;
  YTL_RETURN_IF_ERROR(SkipS3Header(&r));
  GaussianFile g;
  std::int32_t v[3];
  if (!r.Read(v, sizeof(v))) return r.Error("truncated dimensions");
  g.n_codebooks = v[0];
  g.n_streams = v[1];
  g.n_densities = v[2];
  if (g.n_codebooks <= 0 || g.n_streams <= 0 || g.n_streams > 8 || g.n_densities <= 0) {
    return r.Error("implausible dimensions");
  }
  std::size_t per_codebook = 0;
  for (int s = 0; s < g.n_streams; ++s) {
    std::int32_t dim = 0;
    if (!r.ReadInt32(&dim) || dim <= 0) return r.Error("bad stream length");
    g.stream_dims.push_back(dim);
    per_codebook += static_cast<std::size_t>(dim) * g.n_densities;
  }
  YTL_RETURN_IF_ERROR(ReadFloats(&r, per_codebook * g.n_codebooks, &g.values));
  return g;
}

Result<TransitionFile> ReadTransitionFile(const std::string& path) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return reader.status();
  ByteReader& r = *reader;
  YTL_RETURN_IF_ERROR(SkipS3Header(&r));
  TransitionFile t;
  std::int32_t v[3];
  if (!r.Read(v, sizeof(v))) return r.Error("truncated dimensions");
  t.n_tmat = v[0];
  t.n_from = v[1];
  t.n_to = v[2];
  if (t.n_tmat <= 0 || t.n_from <= 0 || t.n_to != t.n_from + 1) {
    return r.Error("implausible transition matrix dimensions");
  }
  YTL_RETURN_IF_ERROR(
      ReadFloats(&r, static_cast<std::size_t>(t.n_tmat) * t.n_from * t.n_to, &t.values));
  return t;
}

Result<SendumpFile> ReadSendumpFile(const std::string& path) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return reader.status();
  ByteReader& r = *reader;
  SendumpFile s;
  s.n_streams = 0;
  // Length-prefixed, NUL-terminated header strings end with a zero length.
  for (;;) {
    std::int32_t n = 0;
    if (!r.ReadInt32(&n)) return r.Error("truncated header string length");
    if (n == 0) break;
    if (n < 0 || n > 4096 || r.pos() + n > r.size()) return r.Error("bad header string length");
    const std::string line(r.data() + r.pos(), n - 1);
    if (!r.Skip(n)) return r.Error("truncated header string");
    if (line.rfind("feature_count ", 0) == 0) s.n_streams = std::stoi(line.substr(14));
    if (line.rfind("cluster_count ", 0) == 0 && std::stoi(line.substr(14)) != 0) {
      return r.Error("clustered (4-bit) mixture weights are not supported");
    }
  }
  std::int32_t rows = 0, cols = 0;
  if (!r.ReadInt32(&rows) || !r.ReadInt32(&cols)) return r.Error("truncated rows/columns");
  if (s.n_streams <= 0 || rows <= 0 || cols <= 0) return r.Error("implausible dimensions");
  s.n_densities = rows;
  s.n_senones = cols;
  s.weights.resize(static_cast<std::size_t>(s.n_streams) * rows * cols);
  if (!r.Read(s.weights.data(), s.weights.size())) return r.Error("truncated weights");
  return s;
}

Result<MdefFile> ReadBinaryMdef(const std::string& path) {
  auto reader = ByteReader::Open(path);
  if (!reader.ok()) return reader.status();
  ByteReader& r = *reader;
  char magic[4];
  std::int32_t version = 0, desc_len = 0;
  if (!r.Read(magic, 4) || std::memcmp(magic, "BMDF", 4) != 0) {
    return r.Error("not a little-endian binary mdef (BMDF)");
  }
  if (!r.ReadInt32(&version) || !r.ReadInt32(&desc_len) || desc_len < 0 || !r.Skip(desc_len)) {
    return r.Error("truncated format description");
  }
  std::int32_t h[10];
  if (!r.Read(h, sizeof(h))) return r.Error("truncated header");
  MdefFile m;
  m.n_ci_phones = h[0];
  m.n_phones = h[1];
  m.n_emit_states = h[2];
  m.n_ci_senones = h[3];
  m.n_senones = h[4];
  m.n_tmat = h[5];
  const int n_sseq = h[6];
  const int n_tree = h[8];
  if (m.n_ci_phones <= 0 || m.n_phones < m.n_ci_phones || m.n_emit_states <= 0 || n_sseq <= 0 ||
      n_tree <= 0) {
    return r.Error("implausible header (heterogeneous topologies are not supported)");
  }
  const std::size_t names_start = r.pos();
  for (int i = 0; i < m.n_ci_phones; ++i) {
    const char* p = r.data() + r.pos();
    const std::size_t len = strnlen(p, r.size() - r.pos());
    m.ci_names.emplace_back(p, len);
    if (!r.Skip(len + 1)) return r.Error("truncated phone names");
  }
  const std::size_t names_len = r.pos() - names_start;
  if (!r.Skip(((names_len + 3) & ~std::size_t{3}) - names_len)) return r.Error("bad padding");
  m.tree.resize(n_tree);
  m.phones.resize(m.n_phones);
  if (!r.Read(m.tree.data(), m.tree.size() * sizeof(MdefTreeNode)) ||
      !r.Read(m.phones.data(), m.phones.size() * sizeof(MdefPhone))) {
    return r.Error("truncated context tree or phone table");
  }
  std::int32_t sseq_size = 0;
  if (!r.ReadInt32(&sseq_size) || sseq_size != n_sseq * m.n_emit_states) {
    return r.Error("senone sequence table size mismatch");
  }
  m.senone_sequences.resize(sseq_size);
  if (!r.Read(m.senone_sequences.data(), sseq_size * sizeof(std::int16_t))) {
    return r.Error("truncated senone sequences");
  }
  return m;
}

}  // namespace ytl
