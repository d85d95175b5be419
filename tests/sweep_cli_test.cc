// `concert sweep` and `concert results` as a user runs them: a sweep killed
// with SIGKILL and resumed equals an uninterrupted one, a reader queries the
// store while the sweep writes, 2 MPI ranks equal 1 thread, bad input fails
// before any job runs.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli_util.h"

extern char** environ;

namespace concert::testing {
namespace {

std::string Store(const std::string& name) {
  const std::string path = TempPath(name + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

// A sweep of 72 jobs, each a few milliseconds (Monte Carlo of the compromise).
std::string SlowSweep() {
  const std::string path = TempPath("slow_sweep.yaml");
  std::ofstream(path) << "name: slow\nscenarios: [" << Scenario("six_party_talks_2005.yaml")
                      << "]\nmodels: [compromise, median]\nvary:\n"
                         "  stances.CHN.nuclear.salience: {range: [60, 95], steps: 12}\n"
                         "  actors.PRK.capability: [0.01, 0.015, 0.02]\n"
                         "draws: 3000\nseed: 11\n";
  return path;
}

// The store's tables without timings and run ids, as `concert results` gives them.
std::string Tables(const std::string& store) {
  std::string all;
  for (const char* table : {"outcomes", "assignments"}) {
    const CliRun run = Concert("results " + store + " --table " + table);
    EXPECT_EQ(run.code, 0) << run.out;
    all += run.out;
  }
  const CliRun jobs = Concert("results " + store + " --table jobs");
  EXPECT_EQ(jobs.code, 0) << jobs.out;
  // jobs: job_id,key,run_id,...,seconds,finished_at,spec -> drop run_id, seconds, finished_at.
  std::istringstream lines(jobs.out);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      if (c == ',' && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += c;
      }
    }
    cells.push_back(cell);
    if (cells.size() < 11) continue;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k != 2 && k != 8 && k != 9) all += cells[k] + ";";
    }
    all += "\n";
  }
  return all;
}

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// The number of jobs in the store, read as a separate reader would; -1 when
// it cannot be read yet (absent, or its schema not yet committed).
long long StoredJobs(const std::string& path) {
  if (!std::filesystem::exists(path)) return -1;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return -1;
  }
  sqlite3_busy_timeout(db, 5000);
  long long count = -1;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM jobs", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    count = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return count;
}

TEST(SweepCli, KilledAndResumedEqualsUninterrupted) {
  const std::string sweep = SlowSweep();
  const std::string whole = Store("whole"), killed = Store("killed");
  const CliRun full = Concert("sweep " + sweep + " --store " + whole + " --threads 2");
  ASSERT_EQ(full.code, 0) << full.out;
  EXPECT_NE(full.out.find("72 jobs; 0 already stored, 72 run"), std::string::npos) << full.out;

  const pid_t pid =
      Spawn({CONCERT_BINARY, "sweep", sweep, "--store", killed, "--threads", "1", "--quiet"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (StoredJobs(killed) < 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep finished before it could be killed";
  const long long kept = StoredJobs(killed);
  ASSERT_GE(kept, 1);
  ASSERT_LT(kept, 72);

  const CliRun again = Concert("sweep " + sweep + " --store " + killed);
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.out.find("--resume"), std::string::npos) << again.out;
  const CliRun resumed = Concert("sweep " + sweep + " --store " + killed + " --resume");
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_NE(resumed.out.find(fmt::format("{} already stored, {} run", kept, 72 - kept)),
            std::string::npos)
      << resumed.out;
  EXPECT_EQ(Tables(killed), Tables(whole));
  const CliRun runs = Concert("results " + killed + " --table runs");
  EXPECT_NE(runs.out.find(",running"), std::string::npos) << runs.out;  // the killed run
  EXPECT_NE(runs.out.find(",finished"), std::string::npos) << runs.out;
}

TEST(SweepCli, AReaderQueriesTheStoreWhileTheSweepWrites) {
  const std::string store = Store("read_while");
  const pid_t pid =
      Spawn({CONCERT_BINARY, "sweep", SlowSweep(), "--store", store, "--threads", "1", "--quiet"});
  std::vector<long long> seen;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    const long long count = StoredJobs(store);
    if (count >= 0 && (seen.empty() || seen.back() != count)) seen.push_back(count);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(StoredJobs(store), 72);
  // Counts read during the sweep: growing, and at least one strictly between
  // the start and the end (read while the sweep was writing).
  ASSERT_FALSE(seen.empty());
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](long long c) { return c > 0 && c < 72; }))
      << "no read fell inside the sweep";
}

TEST(SweepCli, TwoMpiRanksEqualOneThread) {
#ifndef CONCERT_TEST_MPI
  // The sanitizer builds have no MPI (OpenMPI is not instrumented); .ci/run
  // checks that the main build has it, so this runs there.
  GTEST_SKIP() << "concert built without MPI (CONCERT_MPI=OFF)";
#else
  if (Shell("command -v mpirun").code != 0) {
    if (UnderCi()) FAIL() << "CI=true but mpirun is missing (openmpi-bin)";
    GTEST_SKIP() << "mpirun not installed";
  }
  const std::string one = Store("mpi_one"), two = Store("mpi_two");
  const std::string sweep = SourceDir() + "/sweeps/example.yaml";
  ASSERT_EQ(Concert("sweep " + sweep + " --store " + one + " --threads 1").code, 0);
  const CliRun mpi = Shell(
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
      "OMPI_MCA_rmaps_base_oversubscribe=1 "
      "mpirun -np 2 --oversubscribe " +
      std::string(CONCERT_BINARY) + " sweep " + sweep + " --store " + two + " --threads 1");
  ASSERT_EQ(mpi.code, 0) << mpi.out;
  EXPECT_NE(mpi.out.find("48 jobs; 0 already stored, 48 run"), std::string::npos) << mpi.out;
  EXPECT_EQ(Tables(two), Tables(one));
  EXPECT_NE(Concert("results " + two + " --table runs").out.find(",2,1,"), std::string::npos);
#endif
}

TEST(SweepCli, BadInputFailsBeforeAnyJobAndLeavesNoStore) {
  const std::string bad = TempPath("bad_sweep.yaml");
  std::ofstream(bad) << "scenarios: [" << Scenario("six_party_talks_2005.yaml")
                     << "]\nmodels: [compromise]\nvary:\n  stances.CHN.nuclear.salience: [50, "
                        "120]\n";
  const std::string store = Store("bad");
  const CliRun run = Concert("sweep " + bad + " --store " + store);
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.out.find("bad_sweep.yaml:4: field 'vary.stances.CHN.nuclear.salience': a "
                         "salience (in points) must be in [0, 100]; got 120"),
            std::string::npos)
      << run.out;
  EXPECT_FALSE(std::filesystem::exists(store));
  const CliRun check = Concert("sweep " + SourceDir() + "/sweeps/example.yaml --check");
  EXPECT_EQ(check.code, 0);
  EXPECT_NE(check.out.find("48 jobs (16 cells x 3 models)"), std::string::npos) << check.out;
  const CliRun absent = Concert("results " + Store("absent"));
  EXPECT_EQ(absent.code, 1);
  const std::string text = TempPath("not_a_store.sqlite");
  std::ofstream(text) << "hello\n";
  const CliRun garbage = Concert("results " + text);
  EXPECT_EQ(garbage.code, 1);
  EXPECT_NE(garbage.out.find("not_a_store.sqlite"), std::string::npos) << garbage.out;
}

TEST(SweepCli, ResultsAreTidyCsvAndJson) {
  const std::string store = Store("tidy");
  ASSERT_EQ(Concert("sweep " + SourceDir() + "/sweeps/example.yaml --store " + store).code, 0);
  const CliRun csv = Concert("results " + store);
  ASSERT_EQ(csv.code, 0);
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "job_id,scenario,model,actors.PRK.capability,stances.CHN.nuclear.salience,seed,draws,"
            "issue,outcome,note,n,mean,sd,q05,q50,q95");
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 1 + 48 * 4);
  const CliRun json = Concert("results " + store + " -f json");
  ASSERT_EQ(json.code, 0);
  const nlohmann::json root = nlohmann::json::parse(json.out);
  EXPECT_EQ(root["schema_version"], 1);
  EXPECT_EQ(root["tables"]["jobs"].size(), 48u);
  EXPECT_EQ(root["tables"]["outcomes"][0]["stances.CHN.nuclear.salience"], 60.0);
  const std::string html = TempPath("sweep.html");
  const CliRun report = Concert("report --store " + store + " -o " + html);
  EXPECT_EQ(report.code, 0) << report.out;
  std::ifstream in(html);
  const std::string page((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(page.find("<h2><code>actors.PRK.capability</code></h2>"), std::string::npos);
  std::size_t charts = 0;
  for (std::size_t at = page.find("<svg"); at != std::string::npos;
       at = page.find("<svg", at + 1)) {
    ++charts;
  }
  EXPECT_EQ(charts, 8u);  // 2 varied numbers x 4 issues
}

}  // namespace
}  // namespace concert::testing
