"""The example notebook (examples/python/six_party.ipynb) runs top to bottom.

Its code cells run in order in one namespace, as a kernel would run them
(Debian's jupyter-nbconvert is not needed); the checks below are on what
the cells computed."""
import json
import os

import pytest

from conftest import SOURCE

NOTEBOOK = os.path.join(SOURCE, "examples", "python", "six_party.ipynb")


def test_the_notebook_runs(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    cells = json.load(open(NOTEBOOK))["cells"]
    # Run from a folder inside the repository, as from examples/python, but
    # write the figure to a temporary one.
    run_dir = os.path.join(SOURCE, "examples", "python")
    monkeypatch.chdir(run_dir)
    namespace = {"__name__": "__main__"}
    for cell in cells:
        if cell["cell_type"] == "code":
            code = "".join(cell["source"]).replace(
                '"six_party_outcomes.png"', repr(str(tmp_path / "six_party_outcomes.png")))
            exec(compile(code, NOTEBOOK, "exec"), namespace)
    assert (tmp_path / "six_party_outcomes.png").stat().st_size > 10_000
    summary = namespace["summary"]
    assert set(summary.index.get_level_values("model")) >= {"compromise", "bdm", "exchange"}
    assert (summary["n"] + summary["missing"] == 10_000).all()
    # China's edit reached the scenario the models ran on.
    edited = namespace["scenario"].to_frames()[1]
    row = edited[(edited.actor == "CHN") & (edited.issue == "nuclear")]
    assert row.salience.item() == 95
