// `concert sweep` across MPI ranks (sweep_mpi.h).
#include "sweep_mpi.h"

#include <fmt/format.h>

#include <cstdlib>
#include <exception>
#include <optional>

#ifdef CONCERT_MPI
#include <mpi.h>
#endif

namespace concert::cli {
namespace {

// The world size mpirun (OpenMPI, or a PMI launcher) gives this process; 0
// when it was not started by one.
int LaunchedSize() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
    if (const char* value = std::getenv(name)) return std::atoi(value);
  }
  return 0;
}

}  // namespace

#ifndef CONCERT_MPI

MpiWorld MpiStart() {
  if (LaunchedSize() > 1) {
    throw InputError({"", 0, ""},
                     fmt::format("started by mpirun with {} ranks, but this concert was built "
                                 "without MPI (CONCERT_MPI=OFF; install libopenmpi-dev and "
                                 "rebuild); run it without mpirun to use local threads",
                                 LaunchedSize()));
  }
  return {};
}
void MpiFinish() {}
SweepRunSummary RunSweepMpi(const SweepPlan&, const std::string&, const SweepRunOptions&,
                            const RunControl&, const MpiWorld&) {
  return {};
}

#else

namespace {

constexpr int kTagResults = 1, kTagDone = 2;
bool g_initialised = false;

void SendText(const std::string& text, int tag) {
  MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, tag, MPI_COMM_WORLD);
}

std::string Encode(const std::vector<SweepJobResult>& results) {
  std::string text;
  for (const SweepJobResult& r : results) text += SweepResultToJson(r) + "\n";
  return text;
}

std::vector<SweepJobResult> Decode(const std::string& text) {
  std::vector<SweepJobResult> results;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    results.push_back(SweepResultFromJson(text.substr(start, end - start)));
    start = end + 1;
  }
  return results;
}

void BroadcastText(std::string* text) {
  unsigned long long size = text->size();
  MPI_Bcast(&size, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  text->resize(size);
  MPI_Bcast(text->data(), static_cast<int>(size), MPI_CHAR, 0, MPI_COMM_WORLD);
}

}  // namespace

MpiWorld MpiStart() {
  if (LaunchedSize() == 0) return {};
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  g_initialised = true;
  MpiWorld world;
  MPI_Comm_rank(MPI_COMM_WORLD, &world.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &world.size);
  return world;
}

void MpiFinish() {
  if (g_initialised) MPI_Finalize();
  g_initialised = false;
}

SweepRunSummary RunSweepMpi(const SweepPlan& plan, const std::string& store_path,
                            const SweepRunOptions& options, const RunControl& control,
                            const MpiWorld& world) {
  const double start = MPI_Wtime();
  SweepRunSummary summary;
  summary.planned = plan.jobs();
  // Rank 0 opens the store and finds the pending jobs; every rank learns them.
  std::optional<SweepStore> store;
  std::exception_ptr failure;
  std::string error, pending_text;
  std::vector<std::size_t> pending;
  if (world.rank == 0) {
    try {
      store = OpenStoreForRun(store_path, options.resume);
      pending = PendingJobs(plan, store->JobKeys());
    } catch (const std::exception& e) {
      failure = std::current_exception();
      error = e.what();
    }
    for (std::size_t i : pending) pending_text += std::to_string(i) + " ";
  }
  BroadcastText(&error);
  if (!error.empty()) {
    if (failure) std::rethrow_exception(failure);
    return summary;
  }
  BroadcastText(&pending_text);
  if (world.rank != 0) {
    std::size_t pos = 0;
    while (pos < pending_text.size()) {
      const std::size_t end = pending_text.find(' ', pos);
      pending.push_back(std::stoull(pending_text.substr(pos, end - pos)));
      pos = end + 1;
    }
  }
  std::vector<std::size_t> mine;
  for (std::size_t k = static_cast<std::size_t>(world.rank); k < pending.size();
       k += static_cast<std::size_t>(world.size)) {
    mine.push_back(pending[k]);
  }
  summary.skipped = summary.planned - pending.size();

  if (world.rank != 0) {
    RunControl local;
    local.threads = control.threads;
    local.cancel = control.cancel;
    std::string failed;
    try {
      RunSweepChunks(plan, mine, local, [](std::vector<SweepJobResult>&& results) {
        if (!results.empty()) SendText(Encode(results), kTagResults);
      });
    } catch (const std::exception& e) {
      failed = fmt::format("rank {}: {}", world.rank, e.what());
    }
    SendText(failed, kTagDone);
    return summary;
  }

  summary.run_id = store->BeginRun(plan, world.size, ResolveThreads(control.threads));
  std::size_t own = 0, received = 0;
  int ranks_done = 0;
  std::string worker_error;
  auto report = [&] {
    if (control.progress) control.progress(own + received, pending.size());
  };
  auto drain = [&](bool wait) {
    while (ranks_done < world.size - 1) {
      MPI_Status status;
      int ready = 1;
      if (wait) {
        MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
      } else {
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &ready, &status);
      }
      if (!ready) return;
      int count = 0;
      MPI_Get_count(&status, MPI_CHAR, &count);
      std::string text(static_cast<std::size_t>(count), '\0');
      MPI_Recv(text.data(), count, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      if (status.MPI_TAG == kTagResults) {
        const std::vector<SweepJobResult> results = Decode(text);
        store->Write(summary.run_id, results);
        received += results.size();
        report();
      } else {
        ++ranks_done;
        if (!text.empty() && worker_error.empty()) worker_error = text;
      }
    }
  };
  RunControl local;
  local.threads = control.threads;
  local.cancel = control.cancel;
  if (control.progress) {
    local.progress = [&](std::size_t done, std::size_t) {
      own = done;
      report();
    };
  }
  bool complete = false;
  try {
    complete = RunSweepChunks(plan, mine, local, [&](std::vector<SweepJobResult>&& results) {
      store->Write(summary.run_id, results);
      summary.ran += results.size();
      drain(false);
    });
  } catch (...) {
    drain(true);
    store->EndRun(summary.run_id, false);
    throw;
  }
  drain(true);
  summary.ran += received;
  const bool all = complete && worker_error.empty() && summary.ran == pending.size();
  store->EndRun(summary.run_id, all);
  summary.cancelled = !all;
  summary.seconds = MPI_Wtime() - start;
  if (!worker_error.empty()) throw InputError({"", 0, ""}, worker_error);
  return summary;
}

#endif

}  // namespace concert::cli
