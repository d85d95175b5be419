"""Every job from Python equals the CLI byte for byte; progress, Ctrl-C, threads."""
import json
import os
import signal
import threading
import time

import pytest

import concert
from conftest import DEU, ORDER, SIX, SOURCE, cli


def test_models_lists_the_registry():
    names = [m["name"] for m in concert.models()]
    assert names[:3] == ["compromise", "median", "nash"] and "exchange" in names
    assert json.dumps(concert.models(), indent=2) + "\n" == cli("models", "-f", "json")


def test_forecast_json_equals_the_cli(six):
    # Every model run by default, with Monte Carlo draws, sensitivity and a band.
    r = concert.forecast(six, draws=200, seed=7, sensitivity=True, bands=["nuclear=40:60"],
                         threads=2, progress=None)
    assert r.to_json() == cli("forecast", SIX, "-f", "json", "--draws", "200", "--seed", "7",
                              "--sensitivity", "--band", "nuclear=40:60", "-q")
    for table in ("rounds", "outcomes", "exchanges", "actors", "challenges", "monte-carlo",
                  "sensitivity"):
        assert r.to_csv(table) == cli("forecast", SIX, "-f", "csv", "--table", table,
                                      "--draws", "200", "--seed", "7", "--sensitivity", "-q",
                                      "--band", "nuclear=40:60"), table
    assert r.to_text() == cli("forecast", SIX, "--draws", "200", "--seed", "7", "--sensitivity",
                              "--band", "nuclear=40:60", "-q")


def test_forecast_frames_are_tidy(six):
    r = concert.forecast(six, models=["compromise", "exchange"], draws=50, progress=None)
    out = r.outcomes
    assert list(out.columns) == ["model", "issue", "outcome", "note"]
    assert len(out) == 8
    expected = json.loads(r.to_json())["forecasts"][0]["issues"][0]["outcome"]
    assert out.outcome[0] == expected
    assert list(r.rounds.columns) == ["model", "issue", "round", "actor", "position", "outcome"]
    assert len(r.exchanges) > 0
    assert set(r.monte_carlo.issue) == set(six.issues)
    assert r.models[0] == "compromise"


def test_explain_and_html(six, tmp_path):
    r = concert.forecast(six, models="bdm", explain="PRK", progress=None)
    assert "PRK" in r.explanation
    r.to_html(tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    concert.report(six, tmp_path / "full.html", models=["compromise"], progress=None)
    assert (tmp_path / "full.html").read_bytes() == cli(
        "forecast", SIX, "-m", "compromise", "-f", "html").encode()
    concert.report(six, tmp_path / "advise.html", models=["compromise"], advise="CHN",
                   progress=None)
    cli("report", SIX, "-m", "compromise", "--advise", "CHN", "-q", "-o",
        str(tmp_path / "cli.html"))
    page = (tmp_path / "advise.html").read_bytes()
    assert b"What CHN could do" in page and page == (tmp_path / "cli.html").read_bytes()
    with pytest.raises(concert.InputError, match="unknown actor 'KOR'"):
        concert.report(six, tmp_path / "bad.html", advise="KOR", progress=None)


def test_bad_requests_raise_value_errors(six):
    with pytest.raises(ValueError, match="unknown model 'nope'"):
        concert.forecast(six, models=["nope"])
    with pytest.raises(ValueError, match="parameter 'rounds' expects a whole number in"):
        concert.forecast(six, models=["bdm(rounds=-1)"])
    with pytest.raises(concert.InputError, match="unknown actor 'XXX'"):
        concert.forecast(six, models="bdm", explain="XXX")
    with pytest.raises(ValueError, match="threads"):
        concert.forecast(six, threads=-1)
    with pytest.raises(ValueError, match="progress"):
        concert.forecast(six, progress="loud")
    with pytest.raises(concert.InputError, match="needs Monte Carlo draws"):
        concert.forecast(six, sensitivity=True)
    for bad in (dict(draws=-1), dict(draws=1.5), dict(draws=True), dict(seed=-3)):
        with pytest.raises(ValueError, match="expected a whole number"):
            concert.forecast(six, progress=None, **bad)
    with pytest.raises(concert.InputError, match="expected at most 10000000 draws"):
        concert.forecast(six, draws=10**8, progress=None)
    with pytest.raises(TypeError, match="expected model specs"):
        concert.forecast(six, models=[3])
    with pytest.raises(concert.InputError, match="expected 1 to 10000000 draws"):
        concert.simulate(six, draws=0, progress=None)
    with pytest.raises(ValueError, match="turns"):
        concert.tournament(turns=-5)


def test_simulate_tournament_order_equal_the_cli(six):
    assert concert.simulate(six, draws=300, seed=3, progress=None).to_json() == cli(
        "simulate", SIX, "--draws", "300", "--seed", "3", "-f", "json", "-q")
    sim = concert.simulate(six, draws=100, progress=None)
    assert {"design"} <= set(sim.summary.columns) and len(sim.compliance) > 0
    t = concert.tournament(["tft", "grim", "alld"], turns=50, seed=1)
    assert t.to_json() == cli("tournament", "-s", "tft,grim,alld", "--turns", "50",
                              "--seed", "1", "-f", "json")
    assert len(t.scores) == 3 and len(t.matrix) == 9
    o = concert.order(concert.read_scenario(ORDER), draws=100, seed=2, progress=None)
    assert o.to_json() == cli("order", ORDER, "--draws", "100", "--seed", "2", "-f", "json", "-q")
    assert len(o.cells) > 0
    with pytest.raises(concert.InputError, match="no order section"):
        concert.order(six)


def test_simulate_takes_a_year_of_the_order(six):
    order = concert.read_scenario(ORDER)
    sim = concert.simulate(six, draws=500, seed=1, order=order, order_year=2020, progress=None)
    assert sim.to_json() == cli("simulate", SIX, "--draws", "500", "--seed", "1", "-f", "json",
                                "-q", "--order", ORDER, "--order-year", "2020")
    assert json.loads(sim.to_json())["order"]["year"] == 2020
    with pytest.raises(ValueError, match="go together"):
        concert.simulate(six, draws=10, order=order, progress=None)
    with pytest.raises(ValueError, match="order_preset"):
        concert.simulate(six, draws=10, order_preset="nye", progress=None)
    with pytest.raises(concert.InputError) as e:
        concert.simulate(six, draws=10, order=order, order_year=1999, progress=None)
    assert e.value.field == "order_year"
    with pytest.raises(concert.InputError, match="no order section"):
        concert.simulate(six, draws=10, order=six, order_year=2020, progress=None)


def test_per_draw_outcomes_and_trade_frequencies(six):
    r = concert.forecast(six, models=["compromise", "exchange"], draws=50, seed=2, progress=None)
    d = r.draws
    assert list(d.columns) == ["model", "draw", "issue", "outcome"]
    assert len(d) == 2 * 50 * len(six.issues) and d["draw"].max() == 49
    # The summary is the draws': the mean of each model and issue.
    mc = r.monte_carlo
    mean = mc[(mc["statistic"] == "mean")].set_index(["model", "issue"])["value"]
    for (model, issue), group in d.groupby(["model", "issue"]):
        assert abs(group["outcome"].mean() - mean[(model, issue)]) < 1e-9
    t = r.trade_frequencies
    assert len(t) > 0 and set(t["model"]) == {r.models[1]}
    assert t["share"].between(0, 1).all()
    assert r.to_csv("draws") == cli("forecast", SIX, "-m", "compromise", "-m", "exchange",
                                    "--draws", "50", "--seed", "2", "-f", "csv", "--table",
                                    "draws", "-q")


def test_simulation_draws_say_who_signs_and_who_vetoes(six):
    sim = concert.simulate(six, draws=200, seed=3, progress=None)
    assert sim.to_csv("draws") == cli("simulate", SIX, "--draws", "200", "--seed", "3", "-f",
                                      "csv", "--table", "draws", "-q")
    d = sim.draws
    assert list(d.columns)[:5] == ["draw", "design", "signed", "vetoed_by", "end"]
    assert len(d) == 200 * d["design"].nunique()
    # A draw is signed exactly when nobody vetoed, and never-signed is its end then.
    unsigned = d["vetoed_by"].fillna("") != ""
    assert (unsigned == ~d["signed"]).all()
    assert (d.loc[unsigned, "end"] == "never_signed").all()
    s = sim.summary
    p = s[s["statistic"] == "p_signed"].set_index("design")["value"]
    for design, group in d.groupby("design"):
        assert abs(group["signed"].mean() - p[design]) < 1e-9
    c = concert.chain(six, sources=["given", "median"], draws=50, seed=1, progress=None)
    assert c.to_csv("draws") == cli("simulate", SIX, "--agreement-model", "given",
                                    "--agreement-model", "median", "--draws", "50", "--seed", "1", "-f", "csv", "--table",
                                    "draws", "-q")
    assert set(c.draws["source"]) == {"given", c.draws["source"].iloc[-1]}


def test_chain_grid_architectures_and_agenda_equal_the_cli(six, tmp_path):
    c = concert.chain(six, draws=200, seed=5, progress=None)
    assert c.to_json() == cli("simulate", SIX, "--agreement-model", "all", "--draws", "200",
                              "--seed", "5", "-f", "json", "-q")
    assert c.to_csv("summary") == cli("simulate", SIX, "--agreement-model", "all", "--draws",
                                      "200", "--seed", "5", "-f", "csv", "-q")
    frame = c.summary
    assert list(frame.columns) == ["source", "design", "statistic", "value"]
    assert set(frame["source"]) >= {"given", "compromise", "smp"}
    c.to_html(tmp_path / "chain.html")
    assert (tmp_path / "chain.html").read_text().startswith("<!DOCTYPE html>")
    g = concert.sanction_grid(six, sizes=[0, 0.3], monitoring=[0.5], enforcers=["CHN"],
                              draws=100, progress=None)
    assert g.to_json() == cli("simulate", SIX, "--sanction-grid", "--sanction-sizes", "0,0.3",
                              "--monitoring-levels", "0.5", "--enforcers", "CHN", "--draws",
                              "100", "-f", "json", "-q")
    assert set(g.summary["enforcer"]) == {"as coded", "CHN"}
    a = concert.architectures(six, "USA", spokes=["JPN", "ROK"], exclude="PRK", draws=100,
                              progress=None)
    assert a.to_csv("summary") == cli("simulate", SIX, "--hub", "USA", "--spokes", "JPN,ROK",
                                      "--exclude", "PRK", "--draws", "100", "-f", "csv", "-q")
    assert set(a.summary["architecture"]) == {"multilateral", "hub-and-spokes", "layered",
                                              "exclusive"}
    agenda = six.with_agenda(["nuclear", "refugees", "unification"])
    assert agenda.agenda == ["nuclear", "refugees", "unification"] and six.agenda == six.issues
    assert concert.forecast(agenda, models="exchange", progress=None).to_json() == cli(
        "forecast", SIX, "-m", "exchange", "--agenda", "nuclear,refugees,unification", "-f",
        "json", "-q")
    with pytest.raises(concert.InputError, match="unknown issue 'rockets'"):
        six.with_agenda(["rockets"])
    with pytest.raises(concert.InputError, match="unknown actor 'KOR'"):
        concert.architectures(six, "KOR", draws=10, progress=None)
    with pytest.raises(TypeError, match="spokes"):
        concert.architectures(six, "USA", spokes=[1], draws=10, progress=None)
    with pytest.raises(concert.InputError, match="at most 400 cells"):
        concert.sanction_grid(six, sizes=[0.1] * 30, monitoring=[0.5] * 20, progress=None)


@pytest.mark.skipif(not os.path.isdir(DEU) and os.environ.get("CI") != "true",
                    reason="../shared/data/deu is not in this clone")
def test_backtest_equals_the_cli():
    b = concert.backtest(DEU, models=["compromise", "median"], bootstrap=200, seed=4)
    assert b.to_json() == cli("backtest", DEU, "-m", "compromise", "-m", "median",
                              "--bootstrap", "200", "--seed", "4", "-f", "json")
    assert list(b.forecasts.columns) == ["model", "issue", "forecast", "outcome", "error"]


def test_progress_callback_sees_the_whole_run(six):
    calls = []
    concert.forecast(six, models=["compromise", "bdm"], draws=2000,
                     progress=lambda done, total: calls.append((done, total)))
    assert calls, "the callback was never called"
    assert all(t == calls[0][1] for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1][0] == calls[-1][1]


def test_a_tqdm_bar_when_asked(six):
    pytest.importorskip("tqdm")
    r = concert.forecast(six, models=["compromise", "bdm"], draws=500, progress=True)
    assert len(r.outcomes) == 8 and json.loads(r.to_json())["forecasts"][1]["monte_carlo"]


def test_an_error_in_the_callback_cancels_the_run(six):
    def fail(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        concert.forecast(six, models="bdm", draws=200000, progress=fail)


@pytest.mark.parametrize("progress", [None, lambda done, total: None],
                         ids=["on the calling thread", "with a callback"])
def test_ctrl_c_raises_keyboard_interrupt_and_the_next_run_works(six, progress):
    # A SIGINT while the run is in C++ cancels it at its next round and
    # raises KeyboardInterrupt, with or without a progress callback.
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        concert.forecast(six, models="bdm", draws=10_000_000, progress=progress)
    timer.join()
    assert len(concert.forecast(six, models="compromise", progress=None).outcomes) == 4


@pytest.mark.parametrize("progress", [None, lambda done, total: None],
                         ids=["on the calling thread", "with a callback"])
def test_the_gil_is_released_while_a_model_runs(six, progress):
    # A forecast of about a second on another Python thread; this thread then
    # does a millisecond of Python work. With the GIL released it finishes
    # while the forecast still runs; with the GIL held it would have to wait
    # for the forecast's end.
    started, finished = threading.Event(), threading.Event()

    def run():
        started.set()
        concert.forecast(six, models="bdm", draws=8000, threads=1, progress=progress)
        finished.set()

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(60)
    time.sleep(0.05)  # let the worker enter the library
    total = sum(i * i for i in range(20000))
    done_before_the_forecast = not finished.is_set()
    worker.join()
    assert total > 0 and done_before_the_forecast


def test_power_equals_the_cli():
    rule = os.path.join(SOURCE, "data", "voting", "nice_eu27.yaml")
    r = concert.power(rule=rule, progress=None)
    assert r.to_json() == cli("power", "--rule", rule, "-f", "json", "-q")
    assert r.method == "enumeration" and abs(r.p_winning - 2718751 / 2**27) < 1e-15
    p = r.players
    assert len(p) == 27 and list(p.columns[:4]) == ["name", "weight", "weight_2", "weight_3"]
    eec = concert.power([4, 4, 4, 2, 2, 1], 12, names=["FR", "DE", "IT", "BE", "NL", "LU"],
                        progress=None)
    assert eec.to_json() == cli("power", "--weights", "4,4,4,2,2,1", "--quota", "12", "--names",
                                "FR,DE,IT,BE,NL,LU", "-f", "json", "-q")
    assert abs(eec.players["shapley_shubik"][0] - 7 / 30) < 1e-15
    two = concert.power([[50, 30, 20], [1, 1, 1]], [50, "67%"], method="monte-carlo",
                        samples=20000, seed=3, threads=2, progress=None)
    assert two.to_json() == cli("power", "--weights", "50,30,20", "--quota", "50", "--weights",
                                "1,1,1", "--quota", "67%", "--method", "monte-carlo",
                                "--samples", "20000", "--seed", "3", "-f", "json", "-q")
    with pytest.raises(concert.InputError, match="quota 10 is not in"):
        concert.power([4, 4, 1], 10, progress=None)
    with pytest.raises(concert.InputError) as e:
        concert.power([4, 4, 1], 5, method="exact", progress=None)
    assert e.value.field == "method"
    with pytest.raises(TypeError, match="expected numbers"):
        concert.power([4, "x"], 5, progress=None)
    with pytest.raises(ValueError, match="rule replaces"):
        concert.power([1], 1, rule=rule)


def test_drop_one_and_salience_sweep_equal_the_cli(six):
    r = concert.forecast(six, models=["compromise", "median"], drop_one=True, salience_sweep=10,
                         progress=None)
    args = ["forecast", SIX, "-m", "compromise", "-m", "median", "--drop-one",
            "--salience-sweep", "10", "-q"]
    assert r.to_json() == cli(*args, "-f", "json")
    assert r.to_csv("drop-one") == cli(*args, "-f", "csv", "--table", "drop-one")
    d = r.drop_one
    assert len(d) == 2 * len(six.actors) * len(six.issues)
    both = d.dropna(subset=["outcome"])
    assert ((both["outcome"] - both["forecast"] - both["change"]).abs() < 1e-9).all()
    s = r.salience_sweep
    assert set(s["delta"]) == {-10, 10}
    assert (s.loc[s["outcome"].isna(), "note"].str.contains("outside 0-100")).all()
    with pytest.raises(concert.InputError):
        concert.forecast(six, models="compromise", salience_sweep=101, progress=None)


def test_advise_equals_the_cli(six):
    a = concert.advise(six, "USA", issue="nuclear", target=90, models=["compromise", "bdm"],
                       progress=None)
    args = ["advise", SIX, "--actor", "USA", "--issue", "nuclear", "--target", "90", "-m",
            "compromise", "-m", "bdm", "-q"]
    assert a.to_json() == cli(*args, "-f", "json")
    assert a.to_csv("best") == cli(*args, "-f", "csv", "--table", "best")
    lv = a.levers
    exact = lv[lv["model"] == "compromise"]
    assert set(exact["method"]) == {"analytic"}
    assert a.models_agree in (True, False) and len(a.best) == 2
    with pytest.raises(concert.InputError) as e:
        concert.advise(six, "KOR", progress=None)
    assert e.value.field == "actor"


def test_sobol_equals_the_cli(six):
    r = concert.forecast(six, models="compromise", sobol=50, sobol_bootstrap=20, seed=2,
                         progress=None)
    args = ["forecast", SIX, "-m", "compromise", "--sobol", "50", "--sobol-bootstrap", "20",
            "--seed", "2", "-q"]
    assert r.to_json() == cli(*args, "-f", "json")
    s = r.sobol
    assert list(s.columns)[:4] == ["model", "issue", "input", "first"]
    assert (s["total_low"] <= s["total_high"]).all()


def test_correlated_draws_equal_the_cli(six):
    pair = "position USA nuclear,position JPN nuclear=0.9"
    r = concert.forecast(six, models="compromise", draws=300, seed=4, correlations=[pair],
                         progress=None)
    assert r.to_json() == cli("forecast", SIX, "-m", "compromise", "--draws", "300", "--seed",
                              "4", "--correlate", pair, "-f", "json", "-q")
    with pytest.raises(concert.InputError, match="not positive semi-definite"):
        concert.forecast(six, models="compromise", draws=10, progress=None, correlations=[
            "position USA nuclear,position JPN nuclear=0.9",
            "position JPN nuclear,position CHN nuclear=0.9",
            "position USA nuclear,position CHN nuclear=-0.9"])


def test_power_index_capability_equals_the_cli():
    emission = os.path.join(SOURCE, "scenarios", "emission_standards_1994.yaml")
    rule = os.path.join(SOURCE, "data", "voting", "ec12_qmv.yaml")
    s = concert.read_scenario(emission)
    for index in ("", ":shapley"):
        p = s.with_capability(rule + index)
        assert "ESP, PRT" in p.capability_note
        assert concert.forecast(p, models="compromise", progress=None).to_json() == cli(
            "forecast", emission, "-m", "compromise", "--capability", rule + index, "-f",
            "json", "-q")
    assert s.capability_note == ""
    with pytest.raises(concert.InputError, match="no actor of the scenario is a player"):
        concert.read_scenario(SIX).with_capability(rule)
    with pytest.raises(concert.InputError, match="is not an actor"):
        s.with_capability(rule, keep=["COM"])
