// `concert sweep` under mpirun: rank 0 hands out blocks of the pending jobs
// (about 1/32 of each rank's share) to every rank that asks, its own compute
// thread included; a rank runs its block on local threads and sends the
// results back with its next request. Rank 0 alone writes the store. Which
// rank runs a job does not change its result. Built with MPI only when CONCERT_MPI is on; without
// it a sweep started by mpirun with more than one rank is refused.
#pragma once

#include <string>

#include "concert/run/sweep_run.h"

namespace concert::cli {

struct MpiWorld {
  int rank = 0, size = 1;
};

// Initialises MPI when the process was started by mpirun (OpenMPI's or a PMI
// launcher's environment), else returns rank 0 of 1 without touching MPI.
MpiWorld MpiStart();
void MpiFinish();

// The sweep across the ranks; on rank 0 the summary of the whole sweep. An
// error on any rank (a job that failed) is raised on rank 0 after every rank
// has stopped; the other ranks return normally so mpirun does not cut rank
// 0's writes short.
SweepRunSummary RunSweepMpi(const SweepPlan& plan, const std::string& store_path,
                            const SweepRunOptions& options, const RunControl& control,
                            const MpiWorld& world);

}  // namespace concert::cli
