"""A package checked in worker processes (loaders.parallel_check) gives exactly what the serial check gives.

The parallel path is forced on small packages (workers=2, threshold 0). It runs in one fresh one-thread process
(tests/loaders/parallel_child.py), never by forking pytest, which has threads. Each comparison also asserts that the
steps ran in more than one worker process and never in the one that asked, so a silent fallback to the serial path
cannot pass. The bad inputs: one case of each kind and every key case (key values are what the workers hand on)."""

import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from loaders import parallel_check, tables
from loaders.check_steps import CheckSteps
from loaders.package_check import PackageCheck
from loaders.tables import check_package
from tests.bad_inputs.cases import CASES, one_of_each_kind
from tests.conftest import REAL_DATA, ROOT
from tests.loaders.parallel_child import Job, Outcome, run_jobs

BAD_CASES = list({case.name: case for case in one_of_each_kind() + [c for c in CASES if c.kind == "keys"]}.values())
GROWN_FACTOR = 3  # the benchmark's 100x package holds the same rows 100 times; 3 copies test the grown keys as well


def assert_same_check(serial: PackageCheck, parallel: PackageCheck) -> None:
    """The same problems, in the same order, and equal frames under the same names."""
    assert parallel.problems == serial.problems
    assert list(parallel.frames) == list(serial.frames)
    for name, frame in serial.frames.items():
        pd.testing.assert_frame_equal(parallel.frames[name], frame)


def assert_same_steps(serial: CheckSteps, parallel: CheckSteps | None) -> None:
    """Every step's result equal, table by table (frames compared exactly)."""
    assert parallel is not None, "the parallel path fell back"
    assert parallel.headers == serial.headers
    assert parallel.schema == serial.schema
    assert list(parallel.own) == list(serial.own)
    for name, own in serial.own.items():
        assert parallel.own[name].cells == own.cells
        assert parallel.own[name].rules == own.rules
        pd.testing.assert_frame_equal(parallel.own[name].frame, own.frame)


def assert_in_workers(outcome: Outcome) -> None:
    """The parallel run's own rules ran in at least two processes, none of them the one that asked."""
    assert len(outcome.pids) >= 2 and outcome.caller not in outcome.pids, (outcome.pids, outcome.caller)


def broken_package(folder: Path) -> Path:
    """The bundled data with problems of every step (schema, own rules, evidence) and a table whose header refuses it."""
    shutil.copytree(REAL_DATA, folder)
    sources = folder / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("jp-cao-2010,", "jp-cao-2010-gone,", 1), encoding="utf-8")
    population = folder / "population.csv"
    population.write_text(population.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    return folder


def grown_package(folder: Path) -> Path:
    """The benchmark's grown package (benchmarks/run.py), GROWN_FACTOR times the bundled rows."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import DATA, grow_package
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    grow_package(DATA, folder, GROWN_FACTOR)
    return folder


def no_pool(monkeypatch) -> list[tuple]:
    """Starting a worker pool records its arguments and fails (so the check falls back, never forking this process,
    which has threads); the list of pools asked for."""
    started: list[tuple] = []

    def pool(*args, **kwargs):
        started.append(args)
        raise OSError("a pool was started")

    monkeypatch.setattr(parallel_check, "ProcessPoolExecutor", pool)
    return started


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, Outcome]:
    """The comparisons make check runs, in one child process: job name -> outcome."""
    broken = broken_package(tmp_path_factory.mktemp("parallel") / "broken")
    jobs = {
        "bundled texts": Job(REAL_DATA, "texts"),
        "broken steps": Job(broken, "steps"),
        "broken raw": Job(broken, "raw"),
        "broken, wrong guesses": Job(broken, "steps", wrong_guesses=True),
    }
    return dict(zip(jobs, run_jobs(list(jobs.values())), strict=True))


@pytest.fixture(scope="module")
def slow_outcomes(tmp_path_factory) -> dict[str, Outcome]:
    """The grown package and the bad inputs (about 15 s, left out of make check), in one child process."""
    root = tmp_path_factory.mktemp("parallel-slow")
    grown = grown_package(root / "grown")
    jobs = {"grown steps": Job(grown, "steps"), "grown raw": Job(grown, "raw")}
    for case in BAD_CASES:
        folder = root / f"case{len(jobs)}"
        shutil.copytree(REAL_DATA, folder)
        case.mutate(folder)
        jobs[case.name] = Job(folder, "steps")
    return dict(zip(jobs, run_jobs(list(jobs.values())), strict=True))


def test_bundled_data_same_in_workers(outcomes):
    """check_texts with workers=2 and parallel_from=0 (below the threshold): the serial result, from the workers."""
    assert_same_check(outcomes["bundled texts"].serial, outcomes["bundled texts"].parallel)
    assert_in_workers(outcomes["bundled texts"])
    assert not outcomes["bundled texts"].serial.all_problems()


def test_broken_package_same_in_workers(outcomes):
    """Problems of every step (schema, own rules, evidence) and a table whose header refuses it, compared exactly."""
    assert_same_steps(outcomes["broken steps"].serial, outcomes["broken steps"].parallel)
    assert_in_workers(outcomes["broken steps"])
    assert_same_check(outcomes["broken raw"].serial, outcomes["broken raw"].parallel)
    assert_in_workers(outcomes["broken raw"])
    assert len({p.file for p in outcomes["broken raw"].serial.all_problems()}) >= 3


def test_wrong_key_guesses_are_not_kept(outcomes):
    """A schema check started on key values guessed from the text runs again when the recorded ones differ."""
    assert_same_steps(outcomes["broken, wrong guesses"].serial, outcomes["broken, wrong guesses"].parallel)
    assert_in_workers(outcomes["broken, wrong guesses"])


@pytest.mark.slow
def test_grown_package_same_in_workers(outcomes, slow_outcomes):
    """The benchmark's grown package (as the 100x one python -m loaders.validate takes on, with fewer copies)."""
    assert_same_steps(slow_outcomes["grown steps"].serial, slow_outcomes["grown steps"].parallel)
    assert_in_workers(slow_outcomes["grown steps"])
    check = slow_outcomes["grown raw"].serial
    assert_same_check(check, slow_outcomes["grown raw"].parallel)
    assert_in_workers(slow_outcomes["grown raw"])
    assert not check.all_problems()
    assert len(check.frames["sources"]) == GROWN_FACTOR * len(outcomes["bundled texts"].serial.frames["sources"])


def test_small_package_stays_serial(monkeypatch, real_check):
    """Below PARALLEL_MIN_LINES (the bundled data), workers=2 starts no pool: the same time and behaviour as before."""
    started = no_pool(monkeypatch)
    assert_same_check(real_check, check_package(REAL_DATA, workers=2))
    assert started == []


@pytest.mark.slow
@pytest.mark.parametrize("case", BAD_CASES, ids=[f"{c.kind}: {c.name}" for c in BAD_CASES])
def test_bad_input_same_in_workers(case, slow_outcomes):
    assert_same_steps(slow_outcomes[case.name].serial, slow_outcomes[case.name].parallel)
    assert_in_workers(slow_outcomes[case.name])


def test_pool_failure_falls_back_to_serial(monkeypatch, real_check):
    """No process can start (ProcessPoolExecutor raises before forking): the serial result, whole."""

    def no_fork(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(parallel_check, "ProcessPoolExecutor", no_fork)
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    assert_same_check(real_check, check_package(REAL_DATA, workers=2))


def test_one_cpu_checks_serially(monkeypatch, real_check):
    """On one CPU, workers=2 starts no pool: a second process would only take turns with this one."""
    started = no_pool(monkeypatch)
    monkeypatch.setattr(parallel_check, "available_cpus", lambda: 1)
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    assert_same_check(real_check, check_package(REAL_DATA, workers=2))
    assert started == []


class Asked(Exception):
    """Raised by a stand-in for parallel_steps with the workers it was asked for (no pool, no check)."""


def test_workers_capped_at_the_cpus(monkeypatch):
    def asked(texts, shown_as, workers):
        raise Asked(workers)

    monkeypatch.setattr(parallel_check, "available_cpus", lambda: 3)
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    monkeypatch.setattr(tables, "parallel_steps", asked)
    for workers, expected in [(8, 3), (3, 3), (2, 2)]:
        with pytest.raises(Asked) as raised:
            check_package(REAL_DATA, workers=workers)
        assert raised.value.args == (expected,)


def test_available_cpus_is_the_affinity_else_the_count(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert parallel_check.available_cpus() == 1
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    assert parallel_check.available_cpus() == 4
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert parallel_check.available_cpus() == 1
