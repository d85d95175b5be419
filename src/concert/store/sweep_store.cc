// concert/store/sweep_store.cc — the SQLite store of a sweep (sweep_store.h).
#include "concert/store/sweep_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>

#include "concert/store/sqlite_util.h"

namespace concert {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (run_id INTEGER PRIMARY KEY, sweep_name TEXT, sweep_file TEXT,
  sweep_sha256 TEXT, jobs_planned INTEGER, ranks INTEGER, threads INTEGER,
  started_at TEXT, finished_at TEXT, status TEXT);
CREATE TABLE jobs (job_id INTEGER PRIMARY KEY, key TEXT NOT NULL, run_id INTEGER REFERENCES runs(run_id), scenario TEXT,
  input_sha256 TEXT, model TEXT, draws INTEGER, seed TEXT, spec TEXT, seconds REAL,
  finished_at TEXT);
CREATE TABLE assignments (job_id INTEGER REFERENCES jobs(job_id), path TEXT, value REAL);
CREATE TABLE outcomes (job_id INTEGER REFERENCES jobs(job_id), issue TEXT, outcome REAL,
  note TEXT, n INTEGER, mean REAL, sd REAL, q05 REAL, q50 REAL, q95 REAL);
CREATE TABLE rounds (job_id INTEGER REFERENCES jobs(job_id), round INTEGER, actor TEXT,
  issue TEXT, position REAL);
CREATE TABLE designs (job_id INTEGER REFERENCES jobs(job_id), design TEXT, p_signed REAL,
  held REAL, never_signed REAL, false_alarm REAL, violation REAL, exited REAL,
  mean_periods REAL, median_periods REAL, enforcement_cost REAL, aid_paid REAL);
)sql";

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

void CheckSchema(sqlite3* db, const std::string& path) {
  bool has_meta = false;
  {
    Statement tables(
        db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", path);
    tables.Step();
    has_meta = tables.Int(0) > 0;
  }
  if (!has_meta) {
    throw StoreError(path,
                     "is a SQLite file but not a concert results store (it has no meta "
                     "table)");
  }
  std::string found = "(none)";
  {
    Statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'", path);
    if (version.Step()) found = version.Text(0);
  }
  if (found != std::to_string(kStoreSchemaVersion)) {
    throw StoreError(path, fmt::format("has store schema version {}; this concert reads version "
                                       "{} only. Export it with the concert that wrote it, or "
                                       "write a new store",
                                       found, kStoreSchemaVersion));
  }
}

}  // namespace

SweepStore SweepStore::Open(const std::string& path) {
  std::error_code ignored;
  const bool existed = std::filesystem::exists(path, ignored);
  try {
    sqlite3* db =
        OpenDatabase(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    SweepStore store(path, db);
    Exec(db, "PRAGMA busy_timeout = 10000", path);
    bool empty = false;
    {
      Statement count(db, "SELECT count(*) FROM sqlite_master", path);
      count.Step();
      empty = count.Int(0) == 0;
    }
    if (empty) {
      Exec(db, "PRAGMA journal_mode = WAL", path);
      Exec(db, "PRAGMA synchronous = NORMAL", path);
      Exec(db, "BEGIN IMMEDIATE", path);
      Exec(db, kSchema, path);
      Exec(db,
           fmt::format("INSERT INTO meta VALUES ('schema_version', '{}'), ('created_by', "
                       "'concert 0.1.0')",
                       kStoreSchemaVersion),
           path);
      Exec(db, "COMMIT", path);
    }
    CheckSchema(db, path);
    Exec(db, "PRAGMA journal_mode = WAL", path);
    // WAL with synchronous NORMAL: a killed process loses nothing committed; a
    // power cut may lose the last transactions, never corrupt the file.
    Exec(db, "PRAGMA synchronous = NORMAL", path);
    return store;
  } catch (...) {
    if (!existed) {  // leave no empty or half-made store behind
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path + suffix, ignored);
      }
    }
    throw;
  }
}

SweepStore SweepStore::OpenReadOnly(const std::string& path) {
  sqlite3* db = OpenDatabase(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
  SweepStore store(path, db);
  Exec(db, "PRAGMA busy_timeout = 10000", path);
  CheckSchema(db, path);
  return store;
}

SweepStore::~SweepStore() {
  if (db_ != nullptr) sqlite3_close(db_);
}

SweepStore::SweepStore(SweepStore&& other) noexcept
    : path_(std::move(other.path_)), db_(other.db_) {
  other.db_ = nullptr;
}

SweepStore& SweepStore::operator=(SweepStore&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close(db_);
    path_ = std::move(other.path_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

std::size_t SweepStore::JobCount() const {
  Statement count(db_, "SELECT count(*) FROM jobs", path_);
  count.Step();
  return static_cast<std::size_t>(count.Int(0));
}

std::map<std::size_t, std::string> SweepStore::JobKeys() const {
  std::map<std::size_t, std::string> keys;
  Statement select(db_, "SELECT job_id, key FROM jobs", path_);
  while (select.Step()) keys[static_cast<std::size_t>(select.Int(0))] = select.Text(1);
  return keys;
}

std::int64_t SweepStore::BeginRun(const SweepPlan& plan, int ranks, unsigned threads) {
  Statement insert(db_,
                   "INSERT INTO runs (sweep_name, sweep_file, sweep_sha256, jobs_planned, ranks, "
                   "threads, started_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')",
                   path_);
  insert.Bind(1, plan.spec.name);
  insert.Bind(2, plan.spec.file);
  insert.Bind(3, plan.spec.sha256);
  insert.Bind(4, static_cast<std::int64_t>(plan.jobs()));
  insert.Bind(5, static_cast<std::int64_t>(ranks));
  insert.Bind(6, static_cast<std::int64_t>(threads));
  const std::string now = UtcNow();
  insert.Bind(7, now);
  insert.Step();
  return sqlite3_last_insert_rowid(db_);
}

void SweepStore::Write(std::int64_t run_id, const std::vector<SweepJobResult>& results) {
  if (results.empty()) return;
  const std::string finished_at = UtcNow();
  Exec(db_, "BEGIN IMMEDIATE", path_);
  try {
    Statement job(db_,
                  "INSERT INTO jobs (job_id, key, run_id, scenario, input_sha256, model, "
                  "draws, seed, spec, seconds, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  path_);
    Statement assignment(db_, "INSERT INTO assignments VALUES (?, ?, ?)", path_);
    std::map<std::size_t, std::unique_ptr<Statement>> outcome_rows;
    Statement round(db_, "INSERT INTO rounds VALUES (?, ?, ?, ?, ?)", path_);
    Statement design(db_, "INSERT INTO designs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", path_);
    for (const SweepJobResult& r : results) {
      job.Reset();
      job.Bind(1, static_cast<std::int64_t>(r.index));
      job.Bind(2, r.key);
      job.Bind(3, run_id);
      job.Bind(4, r.scenario);
      job.Bind(5, r.input_sha256);
      job.Bind(6, r.model);
      job.Bind(7, static_cast<std::int64_t>(r.draws));
      const std::string seed = std::to_string(r.seed);
      job.Bind(8, seed);
      job.Bind(9, r.spec_json);
      job.Bind(10, r.seconds);
      job.Bind(11, finished_at);
      job.Step();
      const auto job_id = static_cast<std::int64_t>(r.index);
      for (const SweepAssignment& a : r.set) {
        assignment.Reset();
        assignment.Bind(1, job_id);
        assignment.Bind(2, a.path);
        assignment.Bind(3, a.value);
        assignment.Step();
      }
      // A job's issues 100 at a time in one statement (one per row count,
      // reused): fewer steps than a statement per row.
      for (std::size_t first = 0; first < r.issues.size(); first += 100) {
        const std::size_t rows = std::min<std::size_t>(100, r.issues.size() - first);
        std::unique_ptr<Statement>& outcome = outcome_rows[rows];
        if (!outcome) {
          std::string sql = "INSERT INTO outcomes VALUES ";
          for (std::size_t k = 0; k < rows; ++k) {
            sql += k > 0 ? ",(?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?)";
          }
          outcome = std::make_unique<Statement>(db_, sql, path_);
        }
        outcome->Reset();
        for (std::size_t k = 0; k < rows; ++k) {
          const SweepIssueResult& i = r.issues[first + k];
          const int at = static_cast<int>(10 * k);
          outcome->Bind(at + 1, job_id);
          outcome->Bind(at + 2, i.issue);
          if (i.has_outcome) outcome->Bind(at + 3, i.outcome);
          outcome->Bind(at + 4, i.note);
          if (r.draws > 0 && r.designs.empty()) {  // a forecast's Monte Carlo
            outcome->Bind(at + 5, static_cast<std::int64_t>(i.n));
            if (i.n > 0) {
              outcome->Bind(at + 6, i.mean);
              outcome->Bind(at + 7, i.sd);
              outcome->Bind(at + 8, i.q05);
              outcome->Bind(at + 9, i.q50);
              outcome->Bind(at + 10, i.q95);
            }
          }
        }
        outcome->Step();
      }
      for (const SweepDesignResult& d : r.designs) {
        design.Reset();
        design.Bind(1, job_id);
        design.Bind(2, d.design);
        int column = 3;
        for (double value :
             {d.p_signed, d.held, d.never_signed, d.false_alarm, d.violation, d.exited,
              d.mean_periods, d.median_periods, d.enforcement_cost, d.aid_paid}) {
          design.Bind(column++, value);
        }
        design.Step();
      }
      for (const SweepRoundRow& row : r.rounds) {
        round.Reset();
        round.Bind(1, job_id);
        round.Bind(2, static_cast<std::int64_t>(row.round));
        round.Bind(3, row.actor);
        round.Bind(4, row.issue);
        round.Bind(5, row.position);
        round.Step();
      }
    }
    Exec(db_, "COMMIT", path_);
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SweepStore::EndRun(std::int64_t run_id, bool finished) {
  Statement update(db_, "UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?", path_);
  const std::string now = UtcNow(), status = finished ? "finished" : "stopped";
  update.Bind(1, now);
  update.Bind(2, status);
  update.Bind(3, run_id);
  update.Step();
}

}  // namespace concert
