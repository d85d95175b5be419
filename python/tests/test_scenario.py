"""Scenarios from files and frames, back to frames and YAML, and bad input."""
import math

import pandas as pd
import pytest

import concert
from conftest import SIX, cli


def test_read_scenario_names_actors_and_issues(six):
    assert six.actors == ["USA", "CHN", "PRK", "JPN", "ROK", "RUS"]
    assert six.issues == ["nuclear", "refugees", "missiles", "unification"]
    assert len(six.sha256) == 64
    assert "6 actors, 4 issues" in repr(six)


def test_to_yaml_is_what_convert_writes(six):
    assert six.to_yaml() == cli("convert", SIX)


def test_frames_round_trip(six):
    actors, stances, issues = six.to_frames()
    assert list(actors.columns[:4]) == ["id", "name", "description", "capability"]
    assert len(stances) == 24 and {"position_low", "salience_sd"} & set(stances.columns)
    again = concert.Scenario.from_frames(actors, stances, issues, name=six.name)
    a2, s2, i2 = again.to_frames()
    pd.testing.assert_frame_equal(actors, a2)
    pd.testing.assert_frame_equal(stances, s2)
    pd.testing.assert_frame_equal(issues, i2)
    # The same numbers give the same forecast (the JSON differs only in sha256).
    one = concert.forecast(six, models=["compromise", "bdm"], progress=None)
    two = concert.forecast(again, models=["compromise", "bdm"], progress=None)
    pd.testing.assert_frame_equal(one.outcomes, two.outcomes)


def test_from_lists_of_dicts_with_default_issues():
    s = concert.Scenario.from_frames(
        actors=[{"id": "A", "capability": 1}, {"id": "B", "capability": 3}],
        stances=[{"actor": "A", "issue": "tax", "position": 0, "salience": 100},
                 {"actor": "B", "issue": "tax", "position": 100, "salience": 50}])
    assert s.issues == ["tax"]
    out = concert.forecast(s, models="compromise", progress=None).outcomes
    # Hand calculation: (1*1*0 + 3*0.5*100) / (1*1 + 3*0.5) = 150 / 2.5 = 60.
    assert out.outcome[0] == pytest.approx(60.0, abs=1e-12)


def test_uncertainty_columns_become_ranges_and_sds():
    s = concert.Scenario.from_frames(
        actors=pd.DataFrame({"id": ["A", "B"], "capability": [1.0, 2.0],
                             "capability_low": [0.5, math.nan],
                             "capability_high": [1.5, math.nan]}),
        stances=pd.DataFrame({"actor": ["A", "B"], "issue": ["x", "x"], "position": [10, 90],
                              "salience": [50, 50], "position_sd": [None, 5.0]}))
    yaml = s.to_yaml()
    assert "range: [0.5, 1.5]" in yaml and "sd: 5" in yaml


@pytest.mark.parametrize("change, field, words", [
    (lambda s: s.drop(columns=["position"]), "stances[0].position", "column is required"),
    (lambda s: s.assign(salience=s.salience.where(s.index != 3)), "stances[3].salience",
     "missing value"),
    (lambda s: s.assign(position=s.position.astype(object).where(s.index != 2, "high")),
     "stances[2].position", "expected a number but got 'high'"),
    (lambda s: s.assign(actor=s.actor.where(s.index != 1, "XXX")), "stances[1].actor",
     "unknown actor id 'XXX'"),
    (lambda s: s.assign(salience=s.salience + 50), "stances[0].salience",
     "expected salience in [0, 100]"),
    (lambda s: s.assign(extra=1), "stances[0].extra", "unknown column"),
    (lambda s: s.assign(position=True), "stances[0].position", "expected a number but got True"),
    (lambda s: s.assign(position=math.inf), "stances[0].position", "finite"),
])
def test_bad_frames_raise_input_error_with_the_row(six, change, field, words):
    actors, stances, issues = six.to_frames()
    with pytest.raises(concert.InputError) as error:
        concert.Scenario.from_frames(actors, change(stances), issues)
    assert error.value.file == "<stances frame>"
    assert error.value.field == field
    assert words in str(error.value)


def test_wrong_types_are_clear():
    with pytest.raises(TypeError, match="actors: expected a pandas DataFrame or a list of dicts"):
        concert.Scenario.from_frames("actors.csv", [])
    with pytest.raises(concert.InputError, match="expected a row"):
        concert.Scenario.from_frames([1, 2], [])
    with pytest.raises(concert.InputError, match="expected text"):
        concert.Scenario.from_frames([{"id": 7, "capability": 1}], [])


def test_file_errors_name_file_line_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {id: A, capability: -1}\nissues:\n  - {id: x}\n"
                   "positions:\n  - {actor: A, issue: x, position: 5, salience: 50}\n")
    with pytest.raises(concert.InputError) as error:
        concert.read_scenario(str(bad))
    assert (error.value.file, error.value.line, error.value.field) == (
        str(bad), 2, "actors[0].capability")
    assert isinstance(error.value, ValueError)
    with pytest.raises(concert.InputError, match="cannot open"):
        concert.read_scenario(str(tmp_path / "missing.yaml"))
