"""Check folders serially and in forked workers inside a fresh one-thread process, for tests/loaders/test_parallel_check.

Forking the pytest process is unsafe (AppTest runs and the browser tests' servers leave threads behind, and a fork of a
process with threads can deadlock), so the tests send their jobs here: `python -m tests.loaders.parallel_child` reads
a pickled list of Jobs on stdin and writes a pickled list of Outcomes on stdout. One process runs every job, so the
imports are paid once; each parallel run still starts its own pool, as check_package does."""

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The functions loaders.parallel_check's workers call for a step; the serial path calls none of them from there.
WORKER_STEPS = ["check_header", "table_schema_problems", "table_rules"]
TIMEOUT_SECONDS = 600  # far above the few seconds the jobs take: only a hung worker meets it


@dataclass(frozen=True)
class Job:
    """One comparison: way is "steps" (serial_steps against parallel_steps), "raw" (check_raw with workers=1 against
    workers=2, under min_lines as PARALLEL_MIN_LINES) or "texts" (check_texts with workers=2 and parallel_from=0)."""

    folder: Path
    way: str
    min_lines: int = 0
    wrong_guesses: bool = False  # every key value guessed from a text is wrong: each guessed schema check runs again


@dataclass(frozen=True)
class Outcome:
    """A job's serial and parallel results, the process ids our own rules ran in on the parallel run, and the pid of
    the process that ran the job (the workers must be others)."""

    serial: Any
    parallel: Any
    pids: frozenset[int]
    caller: int


def run_jobs(jobs: list[Job]) -> list[Outcome]:
    """Run the jobs in a fresh Python process and return their outcomes; raises if the child fails."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "tests.loaders.parallel_child"], input=pickle.dumps(jobs), env=env, cwd=ROOT, capture_output=True, timeout=TIMEOUT_SECONDS
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-4000:]
    return pickle.loads(done.stdout)  # noqa: S301  our own child's output


def _texts_of(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The decoded texts of a folder's tables and the names they are shown as."""
    from loaders.package import file_name, read_raw, table_names
    from loaders.precheck import decode

    shown_as = {name: str(folder / file_name(name)) for name in table_names()}
    texts = {}
    for name, raw in read_raw(folder).items():
        text, _ = decode(raw, shown_as[name])
        if text is not None:
            texts[name] = text
    return texts, shown_as


def _run(job: Job) -> tuple[Any, Any]:
    """The serial and the parallel result of one job."""
    from loaders import parallel_check
    from loaders.check_steps import serial_steps
    from loaders.package import read_raw
    from loaders.tables import check_raw, check_texts

    texts, shown_as = _texts_of(job.folder)
    if job.way == "steps":
        return serial_steps(texts, shown_as), parallel_check.parallel_steps(texts, shown_as, workers=2)
    if job.way == "texts":
        return check_texts(texts, shown_as), check_texts(texts, shown_as, workers=2, parallel_from=0)
    parallel_check.PARALLEL_MIN_LINES = job.min_lines
    raws = read_raw(job.folder)
    return check_raw(raws, shown_as, job.folder), check_raw(raws, shown_as, job.folder, workers=2)


def _recording(step: Callable[..., Any], pid_folder: Path) -> Callable[..., Any]:
    """A worker step (the fork inherits the patch) that first leaves a file named after the pid of its process."""

    def recorded(*args: Any) -> Any:
        (pid_folder / str(os.getpid())).touch()
        return step(*args)

    return recorded


def main() -> None:
    """Read the jobs on stdin, run each and write the outcomes on stdout."""
    from loaders import parallel_check

    steps = {name: getattr(parallel_check, name) for name in WORKER_STEPS}
    guessed_keys = parallel_check.guessed_keys
    parallel_check.available_cpus = lambda: 2  # the tests force two workers, whatever the machine has
    jobs: list[Job] = pickle.loads(sys.stdin.buffer.read())  # noqa: S301  the test's own jobs
    outcomes = []
    for job in jobs:
        with tempfile.TemporaryDirectory() as folder:
            pid_folder = Path(folder)
            for name, step in steps.items():
                setattr(parallel_check, name, _recording(step, pid_folder))
            parallel_check.guessed_keys = (lambda text, fields: {("no such key",) * len(fields)}) if job.wrong_guesses else guessed_keys
            serial, parallel = _run(job)
            pids = frozenset(int(path.name) for path in pid_folder.iterdir())
        outcomes.append(Outcome(serial, parallel, pids, os.getpid()))
    sys.stdout.buffer.write(pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    from tests.loaders.parallel_child import main as imported_main  # Outcomes pickled as this module's, not __main__'s

    imported_main()
