"""check_package run in a child process, so a server process never loads the validator: frictionless and what it reads
in while checking would otherwise stay in every worker (20–25 MB of RSS, measured in docs/performance.md). The
child's result is a plain PackageCheck (pandas frames and Problems), pickled; unpickling it here needs no frictionless.

A plain `python -m loaders.isolated FOLDER` child rather than multiprocessing: a spawned multiprocessing child re-runs
the parent's main script, which for a server started by a script without a main guard would start it again."""

import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

from loaders.package_check import PackageCheck

log = logging.getLogger("hikikomori.check")
PROJECT_ROOT = Path(__file__).resolve().parents[1]
# Far above what the 100x package takes (about 5 s, docs/performance.md): only a hung child meets it.
TIMEOUT_SECONDS = 600


def check_in_child(folder: Path) -> PackageCheck:
    """check_package(folder) in a fresh Python process with the same working folder (so file names in problems read the
    same); in this process when the child cannot start or fails, with a warning in the log, so readers still get it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    try:
        done = subprocess.run([sys.executable, "-m", "loaders.isolated", str(folder)], env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=True)
        check = pickle.loads(done.stdout)  # noqa: S301  our own child's output, never a reader's bytes
        if not isinstance(check, PackageCheck):
            raise TypeError(f"the child sent a {type(check).__name__}, not a PackageCheck")
        return check
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError, TypeError) as error:
        stderr = getattr(error, "stderr", b"") or b""
        log.warning("checking %s in a child process failed (%s) %s; checking it in this process", folder, error, stderr.decode(errors="replace")[-2000:])
        from loaders.tables import check_package

        return check_package(folder)


if __name__ == "__main__":
    from loaders.tables import check_package
    from settings import CHECK_WORKERS

    # The child is a one-thread command, so a large package may be checked in forked workers; the fallback above, inside
    # a server process with threads, stays serial.
    sys.stdout.buffer.write(pickle.dumps(check_package(sys.argv[1], workers=CHECK_WORKERS), protocol=pickle.HIGHEST_PROTOCOL))
