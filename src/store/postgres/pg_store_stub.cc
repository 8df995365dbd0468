// The PostgreSQL store in a build without libpqxx: every entry point says
// how to get a build that has it.
#include "store/postgres/pg_store.h"

namespace ytl {
namespace {

Status NotBuilt() {
  return Status::Unavailable(
      "this yt-lyrics was built without PostgreSQL support; install libpqxx-dev "
      "(scripts/install-deps.sh) and reconfigure with -DYT_LYRICS_WITH_POSTGRES=ON, "
      "or use --store sqlite:DIR");
}

}  // namespace

bool PgStoreAvailable() { return false; }

Result<std::unique_ptr<JobStore>> OpenPgJobStore(const PgStoreConfig&, const Clock*) {
  return NotBuilt();
}

Result<PgStoreStatus> ReadPgStoreStatus(const PgStoreConfig&) { return NotBuilt(); }

Result<int> MigratePgStore(const PgStoreConfig&) { return NotBuilt(); }

}  // namespace ytl
