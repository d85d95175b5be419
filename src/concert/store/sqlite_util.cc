// concert/store/sqlite_util.cc — SQLite calls with errors that name the store.
#include "concert/store/sqlite_util.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace concert {

InputError StoreError(const std::string& path, const std::string& message) {
  return InputError({path, 0, "store"}, message);
}

sqlite3* OpenDatabase(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw StoreError(path, fmt::format("cannot open the store: {}", message));
  }
  sqlite3_extended_result_codes(db, 1);
  return db;
}

void Exec(sqlite3* db, const std::string& sql, const std::string& path) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : sqlite3_errmsg(db);
    sqlite3_free(error);
    throw StoreError(path, fmt::format("SQLite: {}", message));
  }
}

Statement::Statement(sqlite3* db, const std::string& sql, std::string path)
    : db_(db), path_(std::move(path)) {
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
    throw StoreError(path_, fmt::format("SQLite: {}", sqlite3_errmsg(db)));
  }
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
}
void Statement::Bind(int index, double value) { sqlite3_bind_double(statement_, index, value); }
void Statement::Bind(int index, const std::string& value) {
  sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}

bool Statement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw StoreError(path_, fmt::format("SQLite: {}", sqlite3_errmsg(db_)));
}

void Statement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

int Statement::Columns() const { return sqlite3_column_count(statement_); }
std::string Statement::Name(int column) const { return sqlite3_column_name(statement_, column); }
bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}
bool Statement::IsText(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_TEXT;
}
bool Statement::IsInteger(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_INTEGER;
}
std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }
double Statement::Double(int column) const { return sqlite3_column_double(statement_, column); }
std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  return text == nullptr ? "" : reinterpret_cast<const char*>(text);
}

}  // namespace concert
