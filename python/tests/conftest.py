"""Shared fixtures: the source tree, the built CLI, the shipped scenarios."""
import os
import subprocess

import pytest

SOURCE = os.environ.get("CONCERT_SOURCE_DIR",
                        os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY = os.environ.get("CONCERT_BINARY", os.path.join(SOURCE, "build", "concert"))
SIX = os.path.join(SOURCE, "scenarios", "six_party_talks_2005.yaml")
ORDER = os.path.join(SOURCE, "scenarios", "liberal_order_2008.yaml")
DEU = os.path.abspath(os.path.join(SOURCE, "..", "shared", "data", "deu"))


def cli(*args: str) -> str:
    """The CLI's standard output for these arguments (it must succeed)."""
    run = subprocess.run([BINARY, *args], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="session")
def six():
    import concert

    return concert.read_scenario(SIX)
