"""Validation in a child process gives exactly the in-process result, and a serving process never loads frictionless."""

import logging
import subprocess
import sys

import pandas as pd

from loaders import isolated
from loaders.tables import check_package
from tests.conftest import REAL_DATA, ROOT, set_cell


def assert_same_check(got, expected) -> None:
    assert got.data_dir == expected.data_dir
    assert got.problems == expected.problems
    assert list(got.frames) == list(expected.frames)
    for name, frame in expected.frames.items():
        pd.testing.assert_frame_equal(got.frames[name], frame)


def test_child_check_equals_the_in_process_check(real_check):
    assert_same_check(isolated.check_in_child(REAL_DATA), real_check)


def test_child_check_reports_the_same_problems(package):
    set_cell(package, "population", 1, "value", "oops")
    set_cell(package, "sources", 1, "url", "ftp://example.org/")
    expected = check_package(package)
    assert {p.column for p in expected.all_problems()} >= {"value", "url"}
    assert_same_check(isolated.check_in_child(package), expected)


def test_a_failing_child_falls_back_to_this_process_with_a_warning(package, monkeypatch, caplog):
    def no_child(*args, **kwargs):
        raise OSError("cannot start a process")

    monkeypatch.setattr(isolated.subprocess, "run", no_child)
    with caplog.at_level(logging.WARNING, logger="hikikomori.check"):
        got = isolated.check_in_child(package)
    assert_same_check(got, check_package(package))
    assert "cannot start a process" in caplog.text


def test_a_child_that_crashes_falls_back_too(package, monkeypatch, caplog):
    monkeypatch.setattr(isolated.sys, "executable", sys.executable)
    real_run = subprocess.run

    def crashing(command, **kwargs):
        return real_run([sys.executable, "-c", "import sys; sys.exit(3)"], **kwargs)

    monkeypatch.setattr(isolated.subprocess, "run", crashing)
    with caplog.at_level(logging.WARNING, logger="hikikomori.check"):
        got = isolated.check_in_child(package)
    assert_same_check(got, check_package(package))
    assert "exit status 3" in caplog.text


SERVING = """
import sys
from pathlib import Path
from figures import catalog
from figures.finished import finish
from loaders.isolated import check_in_child
import ui.card, ui.page, ui.shared, loaders.candidate, figures.check_data  # noqa: F401  what every page imports, the upload page too
check = check_in_child(Path(sys.argv[1]))
for entry in catalog(check):
    figure = entry.builder(check, **entry.params)
    if figure is not None:
        finish(figure, check)
print(sorted(name for name in sys.modules if name.split(".")[0] == "frictionless"))
"""


def test_serving_every_figure_never_loads_frictionless():
    done = subprocess.run([sys.executable, "-c", SERVING, str(REAL_DATA)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
