// concert/models/smp/smp.h — the spatial model of politics ("smp") of KAPSARC's
// KTAB toolkit: all issues at once, each actor a point in issue space.
//
// Utility of a position: u = (1 - d)(1 + d R), d the salience-weighted distance
// from the actor's ideal (its current position) and R its risk attitude,
// estimated each turn from how likely its position is to prevail (a
// probabilistic Condorcet election, PCE, among all positions). Each turn every
// actor challenges the actor it expects to gain most from challenging, third
// parties joining the coalition they prefer; the challenger proposes a bargain
// (both move to nearly the same point, weighted by salience and the
// probability of winning). Every actor then adopts the best of the bargains it
// is part of, or keeps its position, by a PCE among all actors. The run stops
// when the turn's total movement falls below 2 % of the first turn's.
//
// Forecast per issue: outcome = the probability-weighted mean of the distinct
// final positions (KTAB prints none; this is concert's definition, see
// docs/models/smp.md), with the most probable position beside it.
//
// Parameters (KTAB's defaults; names of its enums in brackets):
//   turns        maximum number of turns (100)
//   stop         stop when change / (first change + 1e-4) < stop (0.02)
//   transitions  deterministic: each actor adopts its most probable bargain;
//                stochastic: draws one by its probability, from the seed
//                [StateTransMode]
//   voting       proportional | binary | propbin | propcubic | cubic | asymprosp [VotingRule]
//   victory      linear | square | quartic | octic | binary [VPModel]
//   pce          conditional | markov-incentive | markov-uniform [PCEModel]
//   risk_adjust  how far h's estimate of i's R moves from R_h to R_i:
//                none | one-third | half | two-thirds | full [BigRAdjust]
//   risk_range   min [0, 1] | mid [-1/2, 1] | max [-1, 1] [BigRRange]
//   commit       third parties' commitment: none | semi | full [ThirdPartyCommit]
//   interp       bargain weights: s2p2 (salience^2 x probability^2) | s1p1 | s2pmax
//                [InterVecBrgn]
//   bargain      initiator: the initiator's bargain, to both; both: the
//                initiator's and the receiver's; power-weighted: their
//                compromise [SMPBargnModel]
//
// Inputs: positions are rescaled to [0, 1] on each issue's scale; one
// capability per actor (per-issue capabilities are not used). KTAB requires
// each actor's saliences to sum to at most 1; when some actor's exceed 1 (as
// in scenarios that rate each issue on its own 0-100 scale) every salience is
// divided by the number of issues, and the forecast notes it. An actor without
// a stance on an issue has salience 0 there and sits at the capability x
// salience-weighted mean of the others.
//
// Reference: Wise, B., Lester, S. & Efird, B. (2015). An introduction to the
// KAPSARC Toolkit for Behavioral Analysis (KTAB) using one-dimensional
// spatial models. KAPSARC discussion paper KS-1517-DP020A. Efird, B.,
// Lester, S. & Wise, B. (2016). The Chinese state-owned enterprise reform:
// a political analysis. Journal of East Asian Studies 16, 117-145. KTAB source:
// github.com/KAPSARC/KTAB (MIT), examples/smp.
#pragma once

#include <memory>

#include "concert/models/model.h"

namespace concert {

ModelInfo SmpInfo();
std::unique_ptr<Model> MakeSmp(const Params& params);

}  // namespace concert
