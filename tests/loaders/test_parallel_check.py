"""A package checked in worker processes (loaders.parallel_check) gives exactly what the serial check gives.

The parallel path is forced on small packages (workers=2, parallel_from=0); each comparison also asserts that the steps
ran in more than one worker process and never in this one, so a silent fallback to the serial path cannot pass."""

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from loaders import parallel_check
from loaders.check_steps import CheckSteps, serial_steps
from loaders.package import file_name, read_raw, table_names
from loaders.package_check import PackageCheck
from loaders.precheck import decode
from loaders.table_rules import table_rules
from loaders.tables import check_package, check_raw, check_texts
from tests.bad_inputs.cases import CASES
from tests.conftest import REAL_DATA, ROOT


@pytest.fixture
def worker_pids(monkeypatch, tmp_path) -> Callable[[], set[int]]:
    """The process ids our own rules ran in so far: each worker writes a file named after its pid (a fork inherits the
    patch), and the serial path, which calls table_rules through loaders.check_steps, writes none."""
    folder = tmp_path / "pids"
    folder.mkdir()

    def recorded(name: str, text: str, shown_as: str):
        (folder / str(os.getpid())).touch()
        return table_rules(name, text, shown_as)

    monkeypatch.setattr(parallel_check, "table_rules", recorded)
    return lambda: {int(path.name) for path in folder.iterdir()}


def texts_of(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The decoded texts of a folder's tables and the names they are shown as."""
    shown_as = {name: str(folder / file_name(name)) for name in table_names()}
    texts = {}
    for name, raw in read_raw(folder).items():
        text, _ = decode(raw, shown_as[name])
        if text is not None:
            texts[name] = text
    return texts, shown_as


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


def check_both_ways(folder: Path, worker_pids) -> PackageCheck:
    """Check a folder serially and in two workers; assert the steps and the results are the same and ran in workers."""
    texts, shown_as = texts_of(folder)
    assert_same_steps(serial_steps(texts, shown_as), parallel_check.parallel_steps(texts, shown_as, workers=2))
    raws = read_raw(folder)
    serial = check_raw(raws, shown_as, folder)
    parallel = check_raw(raws, shown_as, folder, workers=2)
    assert_same_check(serial, parallel)
    pids = worker_pids()
    assert len(pids) >= 2 and os.getpid() not in pids, pids
    return serial


def test_bundled_data_same_in_workers(worker_pids, monkeypatch):
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    check = check_both_ways(REAL_DATA, worker_pids)
    assert not check.all_problems()


def test_broken_package_same_in_workers(worker_pids, monkeypatch, tmp_path):
    """Problems of every step (schema, own rules, evidence) and a table whose header refuses it, compared exactly."""
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    sources = folder / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("jp-cao-2010,", "jp-cao-2010-gone,", 1), encoding="utf-8")
    population = folder / "population.csv"
    population.write_text(population.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    check = check_both_ways(folder, worker_pids)
    assert len({p.file for p in check.all_problems()}) >= 3


def test_small_package_stays_serial(worker_pids):
    """Below PARALLEL_MIN_LINES (the bundled data), workers=2 forks nothing: the same time and behaviour as before."""
    assert parallel_check.line_count(texts_of(REAL_DATA)[0]) < parallel_check.PARALLEL_MIN_LINES
    assert_same_check(check_package(REAL_DATA), check_package(REAL_DATA, workers=2))
    assert worker_pids() == set()


def test_pool_failure_falls_back_to_serial(monkeypatch):
    def no_fork(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(parallel_check, "ProcessPoolExecutor", no_fork)
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    assert_same_check(check_package(REAL_DATA), check_package(REAL_DATA, workers=2))


def test_parallel_from_overrides_the_threshold(worker_pids):
    texts, shown_as = texts_of(REAL_DATA)
    assert_same_check(check_texts(texts, shown_as), check_texts(texts, shown_as, workers=2, parallel_from=0))
    assert len(worker_pids()) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_bad_input_same_in_workers(case, worker_pids, monkeypatch, tmp_path):
    monkeypatch.setattr(parallel_check, "PARALLEL_MIN_LINES", 0)
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    case.mutate(folder)
    check_both_ways(folder, worker_pids)


@pytest.mark.slow
def test_grown_package_same_in_workers(worker_pids, monkeypatch, tmp_path):
    """The benchmark's 100x package, over PARALLEL_MIN_LINES: the path python -m loaders.validate takes on it."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from run import DATA, grow_package

    grow_package(DATA, tmp_path / "grown", 100)
    check = check_both_ways(tmp_path / "grown", worker_pids)
    assert not check.all_problems()
    assert sum(len(frame) for frame in check.frames.values()) > 40_000
