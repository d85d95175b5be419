// concert/store/sqlite_util.h — internal to store/: a prepared statement and
// the calls the store makes, each turning a SQLite failure into an
// InputError that names the store file.
#pragma once

#include <cstdint>
#include <string>

#include "concert/core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace concert {

// InputError{path, 0, "store"}: "<message>".
InputError StoreError(const std::string& path, const std::string& message);

// Opens `path` with SQLite's open flags; throws StoreError when it cannot.
sqlite3* OpenDatabase(const std::string& path, int flags);
void Exec(sqlite3* db, const std::string& sql, const std::string& path);

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql, std::string path);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Bind(int index, std::int64_t value);
  void Bind(int index, double value);
  // The text is not copied: `value` must live until the statement is stepped.
  void Bind(int index, const std::string& value);
  // Steps once: true while a row is available, false when done.
  bool Step();
  void Reset();

  int Columns() const;
  std::string Name(int column) const;
  bool IsNull(int column) const;
  bool IsText(int column) const;
  bool IsInteger(int column) const;
  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  std::string path_;
};

}  // namespace concert
