"""Sweeps from Python equal the CLI's: the same store tables, the same errors."""
import os

import pytest

import concert
from conftest import SOURCE, cli

EXAMPLE = os.path.join(SOURCE, "sweeps", "example.yaml")


def test_sweep_and_results_equal_the_cli(tmp_path):
    store = str(tmp_path / "py.sqlite")
    summary = concert.sweep(EXAMPLE, store=store, threads=2, progress=None)
    assert summary["jobs"] == 48 and summary["ran"] == 48 and summary["skipped"] == 0
    assert not summary["cancelled"]
    cli_store = str(tmp_path / "cli.sqlite")
    cli("sweep", EXAMPLE, "--store", cli_store, "--threads", "1")
    for table in ("outcomes", "assignments"):
        assert cli("results", store, "--table", table) == cli("results", cli_store, "--table", table)
    outcomes = concert.results(store)
    assert len(outcomes) == 48 * 4
    assert list(outcomes.columns[:5]) == ["job_id", "scenario", "model", "actors.PRK.capability",
                                          "stances.CHN.nuclear.salience"]
    assert sorted(outcomes["stances.CHN.nuclear.salience"].unique()) == [60, 65, 70, 75, 80, 85,
                                                                          90, 95]
    again = concert.sweep(EXAMPLE, store=store, resume=True, progress=None)
    assert again["skipped"] == 48 and again["ran"] == 0
    html = tmp_path / "sweep.html"
    concert.sweep_report(store, str(html))
    assert "<h2><code>actors.PRK.capability</code></h2>" in html.read_text()


def test_sweep_errors_name_the_store_and_the_table(tmp_path):
    store = str(tmp_path / "once.sqlite")
    assert concert.sweep(EXAMPLE, check=True)["jobs"] == 48
    assert not os.path.exists(store)
    concert.sweep(EXAMPLE, store=store, progress=None)
    with pytest.raises(concert.InputError) as error:
        concert.sweep(EXAMPLE, store=store, progress=None)
    assert error.value.field == "store" and "already holds 48 jobs" in error.value.message
    with pytest.raises(ValueError, match="table: expected one of"):
        concert.results(store, table="nope")
    with pytest.raises(concert.InputError):
        concert.results(str(tmp_path / "absent.sqlite"))
