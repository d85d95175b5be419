"""concert: forecasts of multilateral negotiations and simulations of the
institutions that hold their agreements, from Python.

A thin layer over concert's C++ run API (the extension module ``_concert``):
every job runs in the library, with the GIL released, and every table is the
CLI's own CSV read by pandas, so results equal ``concert ... -f json|csv``
byte for byte. See docs/python.md.

    >>> import concert
    >>> s = concert.read_scenario("scenarios/six_party_talks_2005.yaml")
    >>> r = concert.forecast(s, models=["compromise", "bdm"])
    >>> r.outcomes          # model, issue, outcome, note
"""

from __future__ import annotations

import io
import json
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from . import _concert
from ._concert import InputError

__version__ = "0.1.0"
__all__ = [
    "InputError",
    "Scenario",
    "read_scenario",
    "models",
    "forecast",
    "report",
    "simulate",
    "chain",
    "sanction_grid",
    "architectures",
    "tournament",
    "backtest",
    "order",
    "power",
    "advise",
    "sweep",
    "results",
    "sweep_report",
    "ForecastResult",
    "SimulationResult",
    "ChainResult",
    "SanctionGridResult",
    "ArchitectureResult",
    "TournamentResult",
    "BacktestResult",
    "OrderResult",
    "PowerResult",
    "AdviceResult",
]

Progress = Union[None, bool, str, Callable[[int, int], Any]]


def _frame(csv_text: str):
    """A CSV table of the library as a DataFrame (ids such as "NA" stay text)."""
    import pandas as pd

    return pd.read_csv(io.StringIO(csv_text), keep_default_na=False, na_values=[""])


def _records(rows, what: str) -> list:
    """A DataFrame or a list of dicts as a list of dicts (one per row)."""
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        return rows.to_dict("records")
    if isinstance(rows, (list, tuple)):
        return list(rows)
    raise TypeError(f"{what}: expected a pandas DataFrame or a list of dicts, "
                    f"got {type(rows).__name__}")


def _progress(progress: Progress, label: str):
    """The callback the library calls (done, total), and a function that closes
    the bar. "auto" (the default): a tqdm bar, shown once the run has taken a
    second, when tqdm is importable; None or False: nothing; a callable: it."""
    if progress is None or progress is False:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    if progress not in ("auto", True):
        raise ValueError(f"progress: expected None, False, True, 'auto' or a callable, "
                         f"got {progress!r}")
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if progress is True:
            raise ValueError("progress=True needs tqdm (apt-get install python3-tqdm)")
        return None, lambda: None
    bar = []

    def update(done: int, total: int) -> None:
        # Totals count steps, not draws (forecast: 1000 per model run), so
        # the bar shows a percentage and the time left.
        if not bar:
            bar.append(tqdm(total=total, desc=label, delay=1.0, leave=False,
                            bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining}"))
        bar[0].update(done - bar[0].n)

    def close() -> None:
        if bar:
            bar[0].close()

    return update, close


def _whole(name: str, value, low: int = 0, high: int = 2**64 - 1) -> int:
    """A whole-number argument in [low, high], or ValueError naming it (a bool
    or a float is refused, not rounded)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name}: expected a whole number in [{low}, {high}], got {value!r}")
    return value


def _specs(values, name: str = "models", what: str = "model specs") -> list:
    """A str or an iterable of str as a list, or TypeError naming the argument."""
    out = [] if values is None else [values] if isinstance(values, str) else list(values)
    for v in out:
        if not isinstance(v, str):
            raise TypeError(f"{name}: expected {what} (str), got {v!r}")
    return out


def _threads(threads: Optional[int]) -> int:
    if threads is None:
        return 0
    if isinstance(threads, bool) or not isinstance(threads, int) or not 0 <= threads <= 1024:
        raise ValueError(f"threads: expected None (every core) or a whole number in [0, 1024], "
                         f"got {threads!r}")
    return threads


def _run(job, progress: Progress, label: str):
    callback, close = _progress(progress, label)
    try:
        return job(callback)
    finally:
        close()


class Scenario:
    """A validated negotiation: actors with a capability, issues with a scale,
    and each actor's stance (position, salience 0-100) on the issues.

    Read one with :func:`read_scenario` or build one with
    :meth:`Scenario.from_frames`; a file's institution and order sections
    come along (for :func:`simulate` and :func:`order`).
    """

    def __init__(self, impl: "_concert.Scenario"):
        self._impl = impl
        self.capability_note = ""  # set by with_capability

    @classmethod
    def from_frames(cls, actors, stances, issues=None, name: str = "scenario") -> "Scenario":
        """A scenario from pandas DataFrames or lists of dicts.

        actors: id, capability, and optionally name, description.
        stances: actor, issue, position, salience (0-100), and optionally
        capability (on that issue only).
        issues (optional; default: the issues the stances name, scale 0-100):
        id, and optionally name, description, scale_min, scale_max, status_quo.

        Any number column ``f`` may have ``f_low`` and ``f_high`` (a uniform
        range) or ``f_sd`` (a normal sd) beside it, for Monte Carlo draws; NaN
        or None in an optional column means absent. Bad input raises
        :class:`InputError` naming the frame and the row, e.g.
        ``stances[3].salience``.
        """
        return cls(_concert.Scenario._from_records(
            _records(actors, "actors"), _records(stances, "stances"),
            None if issues is None else _records(issues, "issues"), name))

    def to_frames(self):
        """(actors, stances, issues) as DataFrames, the columns from_frames takes."""
        import pandas as pd

        r = self._impl._records()
        return (pd.DataFrame(r["actors"]), pd.DataFrame(r["stances"]), pd.DataFrame(r["issues"]))

    def to_yaml(self) -> str:
        """The scenario in concert's native YAML (as ``concert convert`` writes it)."""
        return self._impl.to_yaml()

    @property
    def name(self) -> str:
        return self._impl.name

    @property
    def actors(self) -> list:
        """The actors' ids, in order."""
        return self._impl.actors

    @property
    def issues(self) -> list:
        """The issues' ids, in order."""
        return self._impl.issues

    @property
    def sha256(self) -> str:
        """SHA-256 of the file read ("" for a scenario built from frames)."""
        return self._impl.sha256

    @property
    def agenda(self) -> list:
        """The issues on the table (every issue unless the scenario sets an agenda)."""
        return self._impl.agenda

    def with_agenda(self, issues: Iterable[str]) -> "Scenario":
        """A copy whose agenda is these issue ids (empty: every issue). Every model
        forecasts and trades only over the agenda; the other issues stay at their
        status quo, which they then need (InputError otherwise)."""
        ids = [issues] if isinstance(issues, str) else list(issues)
        return Scenario(self._impl._with_agenda(ids))

    def with_capability(self, rule: str, keep: Iterable[str] = ()) -> "Scenario":
        """A copy in which the actors that are players of the voting rule file
        `rule` ("RULE.yaml", "RULE.yaml:banzhaf" or "RULE.yaml:shapley"; players
        matched to actor ids) share their total capability in proportion to
        their power index in the rule, as `concert forecast --capability` does
        (docs/power.md). Actors that are not players must be named in `keep`;
        they keep their capability. The copy's `capability_note` says what
        changed."""
        ids = [keep] if isinstance(keep, str) else list(keep)
        impl, note = self._impl._with_capability(str(rule), ids)
        out = Scenario(impl)
        out.capability_note = note
        return out

    def __repr__(self) -> str:
        return (f"<concert.Scenario {self.name!r}: {len(self.actors)} actors, "
                f"{len(self.issues)} issues>")


def read_scenario(path: str, format: str = "auto") -> Scenario:
    """Read a scenario file: yaml, json, ktab, decide or bdm ("auto": from the
    extension and content). Raises InputError with file, line and field."""
    return Scenario(_concert.read_scenario(str(path), format))


def models() -> list:
    """The model registry: name, summary, citations, parameters (with type,
    default, bounds, unit) and whether it runs by default, as ``concert models
    -f json`` prints it."""
    return json.loads(_concert._models_json())


class _Result:
    """Common to every result: the CLI's JSON, CSV tables and text."""

    _tables: Sequence[str] = ()

    def __init__(self, impl):
        self._impl = impl

    def to_json(self) -> str:
        """The CLI's JSON (docs/output.md), byte for byte."""
        return self._impl.to_json()

    def to_csv(self, table: str) -> str:
        """One of the CLI's CSV tables (``--table``), as text."""
        return self._impl.csv(table)

    def table(self, name: str):
        """One of the CLI's CSV tables as a DataFrame."""
        return _frame(self._impl.csv(name))

    def to_text(self) -> str:
        """The CLI's text output."""
        return self._impl.text()

    def __repr__(self) -> str:
        return f"<concert.{type(self).__name__}: tables {', '.join(self._tables)}>"


class ForecastResult(_Result):
    """Every model's forecast of a scenario, with Monte Carlo summaries when
    draws were run. Tables are tidy DataFrames (docs/output.md)."""

    _tables = ("outcomes", "rounds", "exchanges", "actors", "challenges", "distinct",
               "monte-carlo", "sensitivity")

    @property
    def models(self) -> list:
        """Each forecast's canonical model spec."""
        return self._impl.models

    @property
    def outcomes(self):
        """model, issue, outcome, note: one row per model and issue."""
        return self.table("outcomes")

    @property
    def rounds(self):
        """model, issue, round, actor, position, outcome: every model's path."""
        return self.table("rounds")

    @property
    def exchanges(self):
        """The exchange model's executed exchanges, one row each."""
        return self.table("exchanges")

    @property
    def challenges(self):
        """smp's challenges and the bargains they proposed."""
        return self.table("challenges")

    @property
    def monte_carlo(self):
        """Per model and issue: the draws' mean, sd and quantiles (needs draws)."""
        return self.table("monte-carlo")

    @property
    def draws(self):
        """model, draw, issue, outcome: every Monte Carlo draw (draw i used the
        random stream (seed, i); NaN where the model gave no outcome)."""
        return self.table("draws")

    @property
    def trade_frequencies(self):
        """The exchange model over the draws: how often each trade happened."""
        return self.table("trade-frequencies")

    @property
    def drop_one(self):
        """With drop_one=True: model, actor, issue, forecast, outcome (without
        the actor), change, note."""
        return self.table("drop-one")

    @property
    def sobol(self):
        """With sobol=N: model, issue, input, first, first_low, first_high, total,
        total_low, total_high."""
        return self.table("sobol")

    @property
    def salience_sweep(self):
        """With salience_sweep=K: model, actor, moved_issue, delta, issue,
        forecast, outcome, change, note."""
        return self.table("salience-sweep")

    @property
    def sensitivity(self):
        """Standardised regression coefficients of the uncertain inputs
        (needs draws and sensitivity=True)."""
        return self.table("sensitivity")

    @property
    def explanation(self) -> str:
        """With explain=ACTOR: why that actor moved, one line per step."""
        return self._impl.explanation

    def to_html(self, path: str) -> None:
        """Write the HTML report of these forecasts (tables and SVG charts)."""
        _concert._write_file(str(path), self._impl.html())


def forecast(scenario: Scenario, models: Optional[Iterable[str]] = None, draws: int = 0,
             seed: int = 0, threads: Optional[int] = None, sensitivity: bool = False,
             bands: Iterable[str] = (), explain: Optional[str] = None,
             drop_one: bool = False, salience_sweep: float = 0.0, sobol: int = 0,
             sobol_bootstrap: int = 500, correlations: Iterable[str] = (),
             progress: Progress = "auto") -> ForecastResult:
    """Run bargaining models on a scenario (``concert forecast``).

    drop_one: also every model without each actor (``.drop_one``);
    salience_sweep: K > 0 also moves each salience by -K and +K points
    (``.salience_sweep``); sobol: N > 0 adds Sobol first- and total-order
    indices of every uncertain input from N base samples (``.sobol``);
    correlations: "INPUT A,INPUT B=RHO" rank correlations of the draws
    (Iman-Conover).

    models: specs such as "compromise" or "bdm(rounds=20)"; None: every model
    run by default (:func:`models`). draws > 0 adds Monte Carlo over the
    scenario's uncertain numbers (draw i depends on (seed, i) only, so the
    result does not depend on threads). bands: "LOW:HIGH" or "ISSUE=LOW:HIGH".
    Ctrl-C raises KeyboardInterrupt and stops the run at its next round.
    """
    specs = _specs(models)
    draws, seed = _whole("draws", draws), _whole("seed", seed)
    return ForecastResult(_run(lambda p: _concert._forecast(
        scenario._impl, specs, draws, seed, _threads(threads), sensitivity, list(bands),
        explain or "", bool(drop_one), float(salience_sweep), _whole("sobol", sobol),
        _whole("sobol_bootstrap", sobol_bootstrap),
        _specs(correlations, "correlations", "'INPUT A,INPUT B=RHO' strings"), p),
        progress, "forecast"))


def report(scenario: Scenario, path: str, models: Optional[Iterable[str]] = None,
           draws: int = 0, seed: int = 0, threads: Optional[int] = None,
           progress: Progress = "auto", advise: Optional[str] = None) -> None:
    """Write the self-contained HTML report ``concert report`` writes, with the
    institution and order sections when the scenario has them, and with
    ``advise`` (an actor id) the section on that actor's levers (``concert
    report --advise``)."""
    specs = _specs(models)
    draws, seed = _whole("draws", draws), _whole("seed", seed)
    _run(lambda p: _concert._report(scenario._impl, str(path), specs, draws, seed,
                                    _threads(threads), advise or "", p), progress, "report")


class SimulationResult(_Result):
    """The compliance game of the scenario's institution section, design by
    design (``concert simulate``)."""

    _tables = ("summary", "compliance", "parties", "draws")

    @property
    def summary(self):
        return self.table("summary")

    @property
    def compliance(self):
        return self.table("compliance")

    @property
    def parties(self):
        return self.table("parties")

    @property
    def draws(self):
        """One row per draw and design: signed, vetoed_by (ids joined by ";"),
        end, ended_by, periods_in_force, suspensions, enforcement_cost, aid_paid."""
        return self.table("draws")


def simulate(scenario: Scenario, draws: int = 1000, seed: int = 0, fixed: bool = False,
             periods: int = 0, model: Optional[str] = None, sensitivity: bool = False,
             order: Optional[Scenario] = None, order_year: Optional[int] = None,
             order_preset: Optional[str] = None, threads: Optional[int] = None,
             progress: Progress = "auto") -> SimulationResult:
    """Will the agreement hold? Simulate the institution section's designs.

    order, order_year: a scenario with an order section and a year; the shared
    actors take the order's capability share of that year and the parties its
    relative-gains weight (``concert simulate --order FILE --order-year Y``).
    order_preset: a named judgement set applied to the order first."""
    draws, seed = _whole("draws", draws), _whole("seed", seed)
    periods = _whole("periods", periods, 0, 2**31 - 1)
    if (order is None) != (order_year is None):
        raise ValueError("order and order_year go together: the order scenario and the year")
    if order_preset is not None and order is None:
        raise ValueError("order_preset needs order and order_year")
    year = 0 if order_year is None else _whole("order_year", order_year, 1, 2**31 - 1)
    return SimulationResult(_run(lambda p: _concert._simulate(
        scenario._impl, draws, seed, fixed, periods, model or "", sensitivity,
        None if order is None else order._impl, year, order_preset or "",
        _threads(threads), p), progress, "simulate"))


def _sim_args(draws, seed, periods):
    return (_whole("draws", draws), _whole("seed", seed),
            _whole("periods", periods, 0, 2**31 - 1))


class _PageResult(_Result):
    def to_html(self, path: str) -> None:
        """Write the CLI's self-contained HTML page (``-f html``)."""
        _concert._write_file(str(path), self._impl.html())


class ChainResult(_PageResult):
    """The chain forecast -> signing -> compliance, one run per source of the
    agreement (``concert simulate --agreement-model ...``)."""

    _tables = ("summary", "draws")

    @property
    def summary(self):
        """source, design, statistic, value (statistics, veto:ID, outcome:ISSUE)."""
        return self.table("summary")

    @property
    def draws(self):
        """Per source, draw and design: who would not sign and how the path ended."""
        return self.table("draws")


def chain(scenario: Scenario, sources: Iterable[str] = ("all",), draws: int = 1000,
          seed: int = 0, fixed: bool = False, periods: int = 0, threads: Optional[int] = None,
          progress: Progress = "auto") -> ChainResult:
    """Each source of the agreement ("given": the section's own; model specs;
    "all": given, then every model run by default) -> signing -> compliance,
    on the same draws."""
    names = _specs(sources, "sources", "sources")
    draws, seed, periods = _sim_args(draws, seed, periods)
    return ChainResult(_run(lambda p: _concert._chain(
        scenario._impl, names, draws, seed, fixed, periods,
        _threads(threads), p),
        progress, "chain"))


class SanctionGridResult(_PageResult):
    """Sanction size x monitoring x enforcer (``concert simulate --sanction-grid``)."""

    _tables = ("summary",)

    @property
    def summary(self):
        """enforcer, sanction, monitoring, statistic, value ("as coded" first)."""
        return self.table("summary")


def sanction_grid(scenario: Scenario, sizes: Optional[Iterable[float]] = None,
                  monitoring: Optional[Iterable[float]] = None,
                  enforcers: Optional[Iterable[str]] = None, draws: int = 1000, seed: int = 0,
                  fixed: bool = False, periods: int = 0, model: Optional[str] = None,
                  threads: Optional[int] = None, progress: Progress = "auto") -> SanctionGridResult:
    """Every sanction size x monitoring level x enforcer as a design over the one
    as coded, on the same draws (defaults: docs/institutions.md)."""
    draws, seed, periods = _sim_args(draws, seed, periods)
    sizes = [float(x) for x in sizes or ()]
    levels = [float(x) for x in monitoring or ()]
    who = _specs(enforcers, "enforcers", "actor ids, none or collective")
    return SanctionGridResult(_run(lambda p: _concert._sanction_grid(
        scenario._impl, sizes, levels, who, draws, seed, fixed, periods, model or "",
        _threads(threads), p), progress, "sanction grid"))


class ArchitectureResult(_Result):
    """Multilateral, hub-and-spokes, layered and exclusive architectures
    (``concert simulate --hub``)."""

    _tables = ("summary",)

    @property
    def summary(self):
        """architecture, deal, statistic, value."""
        return self.table("summary")


def architectures(scenario: Scenario, hub: str, spokes: Optional[Iterable[str]] = None,
                  exclude: Optional[str] = None, transaction_cost: float = 0.05,
                  table_complexity: float = 0.0, draws: int = 1000, seed: int = 0,
                  fixed: bool = False, periods: int = 0, model: Optional[str] = None,
                  threads: Optional[int] = None, progress: Progress = "auto") -> ArchitectureResult:
    """The scenario's actors under the four architectures, every deal from the
    same bargaining model; spokes: the hub's partners (default every other
    actor); exclude: the target left out of the exclusive table."""
    draws, seed, periods = _sim_args(draws, seed, periods)
    return ArchitectureResult(_run(lambda p: _concert._architectures(
        scenario._impl, hub, _specs(spokes, "spokes", "actor ids"), exclude or "",
        float(transaction_cost),
        float(table_complexity), draws, seed, fixed, periods, model or "", _threads(threads), p),
        progress, "architectures"))


class TournamentResult(_Result):
    """A round-robin iterated prisoner's dilemma (``concert tournament``)."""

    _tables = ("scores", "matrix")

    @property
    def scores(self):
        return self.table("scores")

    @property
    def matrix(self):
        return self.table("matrix")


def tournament(strategies: Iterable[str] = ("axelrod-first",), turns: int = 200,
               repetitions: int = 5, noise: float = 0.0, continuation: float = 0.0,
               discount: float = 1.0, payoffs: Sequence[float] = (3, 5, 0, 1),
               group_size: int = 2, multiplier: float = 3.0, quorum: float = 1.0,
               seed: int = 0, threads: Optional[int] = None) -> TournamentResult:
    """Every strategy meets every strategy, itself included (Axelrod 1980).
    payoffs: R T S P. strategies: names or "axelrod-first" (the first
    tournament's entrants); ``concert tournament --list`` lists them."""
    names = [strategies] if isinstance(strategies, str) else list(strategies)
    turns, repetitions = _whole("turns", turns, 0, 2**31 - 1), _whole("repetitions", repetitions, 0, 2**31 - 1)
    group_size, seed = _whole("group_size", group_size, 0, 2**31 - 1), _whole("seed", seed)
    return TournamentResult(_concert._tournament(
        names, turns, repetitions, noise, continuation, discount, list(payoffs), group_size,
        multiplier, quorum, seed, _threads(threads)))


class AdviceResult(_Result):
    """An actor's levers and best move (``concert advise``; docs/advise.md)."""

    _tables = ("levers", "best")

    @property
    def levers(self):
        """model, lever, lever_issue, issue, derivative, method, step, left, right,
        smooth: one row per model, lever and outcome issue."""
        return self.table("levers")

    @property
    def best(self):
        """With a target: the best move per model (lever, from, to, outcome, ...)."""
        return self.table("best")

    @property
    def models_agree(self) -> Optional[bool]:
        """With a target: whether every model picks the same lever and direction."""
        return self._impl.models_agree


def advise(scenario: Scenario, actor: str, issue: Optional[str] = None,
           target: Optional[float] = None, models: Optional[Iterable[str]] = None,
           max_position_change: Optional[float] = None, max_salience_change: float = 20.0,
           max_capability_change: float = 0.5, grid: int = 21, threads: Optional[int] = None,
           progress: Progress = "auto") -> AdviceResult:
    """What an actor could do: each model's outcome per unit of its own
    position, salience and capability, and with a target for `issue` the best
    single move within the bounds (``concert advise``)."""
    specs = _specs(models)
    grid = _whole("grid", grid)
    return AdviceResult(_run(lambda p: _concert._advise(
        scenario._impl, actor, issue or "", None if target is None else float(target), specs,
        None if max_position_change is None else float(max_position_change),
        float(max_salience_change), float(max_capability_change), grid, _threads(threads), p),
        progress, "advise"))


class PowerResult(_Result):
    """Shapley-Shubik and Banzhaf indices of a voting rule (``concert power``;
    docs/power.md)."""

    _tables = ("players",)

    @property
    def players(self):
        """name, weight[, weight_2, ...], shapley_shubik, banzhaf, banzhaf_absolute,
        swings, shapley_shubik_se, banzhaf_absolute_se: one row per player."""
        return self.table("players")

    @property
    def method(self) -> str:
        """The method used: generating-functions, enumeration or monte-carlo."""
        return self._impl.method

    @property
    def p_winning(self) -> float:
        """The share of all coalitions that win (Coleman's power to act)."""
        return self._impl.p_winning


def power(weights=None, quota=None, names: Optional[Iterable[str]] = None,
          rule: Optional[str] = None, method: str = "auto", samples: int = 1_000_000,
          seed: int = 0, threads: Optional[int] = None,
          progress: Progress = "auto") -> PowerResult:
    """Power indices of a weighted voting rule.

    weights: one list per player set (a single criterion), or a list of such
    lists for a multiple majority; quota: a number or a share such as "62%", or
    one per criterion. rule: instead, a rule file (data/voting/*.yaml).
    method: auto, generating-functions, enumeration or monte-carlo."""
    samples, seed = _whole("samples", samples), _whole("seed", seed)
    if rule is not None:
        if weights is not None or quota is not None or names is not None:
            raise ValueError("rule replaces weights, quota and names")
        return PowerResult(_run(lambda p: _concert._power(
            str(rule), [], [], [], method, samples, seed, _threads(threads), p), progress, "power"))
    if weights is None or quota is None:
        raise ValueError("give weights and quota, or rule")
    weights = list(weights)
    several = len(weights) > 0 and not isinstance(weights[0], (int, float))
    criteria = [list(w) for w in weights] if several else [weights]
    quotas = list(quota) if isinstance(quota, (list, tuple)) else [quota]
    for w in criteria:
        for x in w:
            if isinstance(x, bool) or not isinstance(x, (int, float)):
                raise TypeError(f"weights: expected numbers, got {x!r}")
    quotas = [q if isinstance(q, str) else repr(float(q)) for q in quotas]
    player_names = [] if names is None else [str(n) for n in names]
    return PowerResult(_run(lambda p: _concert._power(
        "", player_names, [[float(x) for x in w] for w in criteria], quotas, method, samples,
        seed, _threads(threads), p), progress, "power"))


class BacktestResult(_Result):
    """Models scored on EU decisions with known outcomes (``concert backtest``)."""

    _tables = ("forecasts",)

    @property
    def forecasts(self):
        """model, issue, forecast, outcome, error: one row per model and issue."""
        return self.table("forecasts")


def backtest(dir: str, models: Optional[Iterable[str]] = None, capability: str = "equal",
             seed: int = 0, bootstrap: int = 2000, group: str = "issue",
             compare_capability: Optional[str] = None) -> BacktestResult:
    """Score models on a DEU folder (actors.csv, issues.csv, positions.csv).
    capability: equal, council, council-banzhaf, council-shapley or a CSV path;
    group: issue or proposal; compare_capability: score under this capability
    too and report the paired differences (to_json()["capability_comparison"])."""
    specs = _specs(models)
    bootstrap, seed = _whole("bootstrap", bootstrap), _whole("seed", seed)
    return BacktestResult(_concert._backtest(str(dir), specs, capability, seed, bootstrap, group,
                                             compare_capability or ""))


class OrderResult(_Result):
    """The order model: power shifts and whether the order and US leadership
    persist (``concert order``; docs/order.md)."""

    _tables = ("actors", "system", "cells", "sensitivity")

    @property
    def actors(self):
        return self.table("actors")

    @property
    def system(self):
        return self.table("system")

    @property
    def cells(self):
        return self.table("cells")

    def to_html(self, path: str) -> None:
        """Write the order model's HTML page (``concert order -f html``)."""
        _concert._write_file(str(path), self._impl.html())


def order(scenario: Scenario, years: Optional[tuple] = None, preset: Optional[str] = None,
          relative_gains: Optional[float] = None, draws: int = 0, seed: int = 0,
          sensitivity: bool = False, threads: Optional[int] = None,
          progress: Progress = "auto") -> OrderResult:
    """Run the order model of the scenario's order section.
    years: (first, last); preset: a named judgement set (docs/order.md)."""
    draws, seed = _whole("draws", draws), _whole("seed", seed)
    return OrderResult(_run(lambda p: _concert._order(
        scenario._impl, None if years is None else (int(years[0]), int(years[1])),
        preset or "", relative_gains, draws, seed, sensitivity, _threads(threads), p),
        progress, "order"))

def sweep(sweep_file: str, store: str = "results.sqlite", resume: bool = False,
          check: bool = False, threads: Optional[int] = None,
          progress: Progress = "auto") -> dict:
    """Run a sweep file into an SQLite results store (``concert sweep``).

    resume: run only the jobs the store lacks; without it a store that holds
    jobs is refused. check: validate the sweep and return its job count only.
    Returns a dict: name, jobs, and after a run store, skipped, ran,
    cancelled, seconds, run_id. Read the results with :func:`results`. MPI
    runs are the CLI's (``mpirun -np K concert sweep``); see docs/sweeps.md."""
    return _run(lambda p: _concert._sweep(str(sweep_file), str(store), bool(resume),
                                          bool(check), _threads(threads), p),
                progress, "sweep")


def results(store: str, table: str = "outcomes"):
    """A table of a sweep's results store as a DataFrame (``concert results
    STORE --table TABLE``): outcomes, jobs, assignments, rounds or runs."""
    if table not in _concert._store_tables():
        raise ValueError(f"table: expected one of {', '.join(_concert._store_tables())}, "
                         f"got {table!r}")
    return _frame(_concert._results_csv(str(store), table))


def sweep_report(store: str, path: str) -> None:
    """Write the HTML page of a sweep's store (``concert report --store``)."""
    _concert._sweep_report(str(store), str(path))


InputError.__module__ = "concert"  # shown as concert.InputError in tracebacks
