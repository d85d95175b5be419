// `concert sweep` across MPI ranks (sweep_mpi.h).
#include "sweep_mpi.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "cli.h"
#include "concert/store/store_writer.h"

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
#ifdef CONCERT_MPI_EXEC
  // `concert` is built without MPI so that its libraries do not load at every
  // start (about 4 ms); under mpirun it becomes concert-mpi, the same program
  // with MPI, built beside it.
  if (LaunchedSize() > 0) ExecSibling("concert-mpi", g_arguments);
#endif
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

constexpr int kTagResults = 1, kTagDone = 2, kTagWork = 3;
bool g_initialised = false;

void SendText(const std::string& text, int tag, int to = 0) {
  MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, to, tag, MPI_COMM_WORLD);
}

std::string ReceiveText(int tag, int from = 0) {
  MPI_Status status;
  MPI_Probe(from, tag, MPI_COMM_WORLD, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_CHAR, &count);
  std::string text(static_cast<std::size_t>(count), '\0');
  MPI_Recv(text.data(), count, MPI_CHAR, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return text;
}

std::string EncodeJobs(const std::vector<std::size_t>& jobs) {
  std::string text;
  for (std::size_t i : jobs) text += std::to_string(i) + " ";
  return text;
}

std::vector<std::size_t> DecodeJobs(const std::string& text) {
  std::vector<std::size_t> jobs;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = text.find(' ', pos);
    jobs.push_back(std::stoull(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return jobs;
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
  // Rank 0 opens the store and finds the pending jobs; an error stops every rank.
  std::optional<SweepStore> store;
  std::exception_ptr failure;
  std::string error;
  std::vector<std::size_t> pending;
  if (world.rank == 0) {
    try {
      store = OpenStoreForRun(store_path, options.resume);
      pending = PendingJobs(plan, store->JobKeys());
    } catch (const std::exception& e) {
      failure = std::current_exception();
      error = e.what();
    }
  }
  BroadcastText(&error);
  if (!error.empty()) {
    if (failure) std::rethrow_exception(failure);
    return summary;
  }
  RunControl local;
  local.threads = control.threads;
  local.cancel = control.cancel;
  if (world.rank != 0) {
    // Ask for a block of jobs with the last block's results, until the block is empty.
    // Cancelled (Ctrl-C), it sends what it has and stops; the jobs of the
    // block it was handed last stay pending for --resume.
    std::string failed, results;
    bool stopping = false;
    try {
      for (;;) {
        SendText(results, kTagResults);
        const std::string block = ReceiveText(kTagWork);
        if (block.empty() || stopping) break;
        results.clear();
        RunSweepChunks(plan, DecodeJobs(block), local,
                       [&](std::vector<SweepJobResult>&& chunk) { results += Encode(chunk); });
        stopping = control.cancel && control.cancel();
      }
    } catch (const std::exception& e) {
      failed = fmt::format("rank {}: {}", world.rank, e.what());
    }
    SendText(failed, kTagDone);
    return summary;
  }

  // Rank 0 hands out blocks of pending jobs from one cursor, to the other
  // ranks as they ask and to its own compute thread; this thread receives and
  // a writer thread stores everything.
  summary.skipped = summary.planned - pending.size();
  summary.run_id = store->BeginRun(plan, world.size, ResolveThreads(control.threads));
  std::optional<StoreWriter> writer(std::in_place, &*store, summary.run_id);
  const std::size_t block_size = std::clamp<std::size_t>(
      pending.size() / (static_cast<std::size_t>(world.size) * 32), 1, 1024);
  std::mutex cursor_mutex;
  std::size_t cursor = 0;
  auto next_block = [&] {
    const std::lock_guard<std::mutex> lock(cursor_mutex);
    const bool stop = control.cancel && control.cancel();
    const std::size_t from = stop ? pending.size() : cursor;
    cursor = std::min(pending.size(), from + block_size);
    return std::vector<std::size_t>(pending.begin() + static_cast<std::ptrdiff_t>(from),
                                    pending.begin() + static_cast<std::ptrdiff_t>(cursor));
  };
  std::atomic<std::size_t> own{0};
  std::atomic<bool> own_done{false};
  std::exception_ptr own_error;
  std::thread compute([&] {
    try {
      for (std::vector<std::size_t> block = next_block(); !block.empty(); block = next_block()) {
        RunSweepChunks(plan, block, local, [&](std::vector<SweepJobResult>&& results) {
          own += results.size();
          writer->Push(std::move(results));
        });
      }
    } catch (...) {
      own_error = std::current_exception();
    }
    own_done = true;
  });
  std::size_t received = 0;
  int ranks_done = 0;
  std::string worker_error;
  std::exception_ptr receive_error;
  while (ranks_done < world.size - 1 || !own_done) {
    if (control.progress) control.progress(own + received, pending.size());
    MPI_Status status;
    int ready = 0;
    if (ranks_done < world.size - 1) {
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &ready, &status);
    }
    if (!ready) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      continue;
    }
    const std::string text = ReceiveText(status.MPI_TAG, status.MPI_SOURCE);
    if (status.MPI_TAG == kTagDone) {
      ++ranks_done;
      if (!text.empty() && worker_error.empty()) worker_error = text;
      continue;
    }
    try {
      std::vector<SweepJobResult> results = Decode(text);
      received += results.size();
      if (!receive_error) writer->Push(std::move(results));
    } catch (...) {  // a write failed: stop handing out work, let every rank finish
      if (!receive_error) receive_error = std::current_exception();
    }
    const std::vector<std::size_t> block =
        receive_error || !worker_error.empty() ? std::vector<std::size_t>{} : next_block();
    SendText(EncodeJobs(block), kTagWork, status.MPI_SOURCE);
  }
  compute.join();
  try {
    if (own_error) std::rethrow_exception(own_error);
    if (receive_error) std::rethrow_exception(receive_error);
    summary.ran = writer->Finish();
  } catch (...) {
    writer.reset();
    store->EndRun(summary.run_id, false);
    throw;
  }
  if (control.progress) control.progress(own + received, pending.size());
  const bool all = worker_error.empty() && summary.ran == pending.size();
  store->EndRun(summary.run_id, all);
  summary.cancelled = !all;
  summary.seconds = MPI_Wtime() - start;
  if (!worker_error.empty()) throw InputError({"", 0, ""}, worker_error);
  return summary;
}

#endif

}  // namespace concert::cli
