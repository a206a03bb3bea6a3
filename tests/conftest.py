"""Shared fixtures: a small valid data package copied into tmp_path, and helpers to break it."""

import csv
import functools
import hashlib
import http.server
import io
import os
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid"
REAL_DATA = ROOT / "data"
# Every test in these folders gets the marker (pyproject.toml declares them); `make check` leaves them out.
FOLDER_MARKERS = {"e2e": "browser", "pages": "apptest", "ui": "apptest", "publish": "slow"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(item.path).relative_to(ROOT / "tests").parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


@pytest.fixture(scope="session")
def real_check():
    """The bundled data validated once per run, shared read-only by every test that reads it (a validation is the
    costliest step of most tests)."""
    from loaders.tables import check_package

    return check_package(REAL_DATA)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the small valid fixture package; tests edit it freely."""
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


@pytest.fixture
def record_downloads(monkeypatch) -> dict[str, bytes]:
    """Opt-in: keep the bytes behind every download button of an AppTest run, for tests that open a download.

    It patches two Streamlit internals (see tests/pages/helpers.py); tests/pages/test_streamlit_internals.py is the
    canary that says so when a Streamlit release moves them."""
    from tests.pages.helpers import DEFERRED, DOWNLOADS, RecordingStorage, recording_add_deferred

    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", RecordingStorage)
    monkeypatch.setattr("streamlit.runtime.media_file_manager.MediaFileManager.add_deferred", recording_add_deferred)
    DOWNLOADS.clear()
    DEFERRED.clear()
    yield DOWNLOADS
    DOWNLOADS.clear()
    DEFERRED.clear()


def rows(path: Path) -> list[list[str]]:
    """All records of a CSV, header first."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, records: list[list[str]]) -> None:
    """Write records as a plain comma-separated UTF-8 CSV."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(folder: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell; row 1 is the first data row (CSV line 2)."""
    path = folder / f"{table}.csv"
    records = rows(path)
    records[row][records[0].index(column)] = value
    write_rows(path, records)


def add_row(folder: Path, table: str, values: dict[str, str], like: int = 1) -> None:
    """Append a copy of data row `like` with some cells changed."""
    path = folder / f"{table}.csv"
    records = rows(path)
    new = list(records[like])
    for column, value in values.items():
        new[records[0].index(column)] = value
    records.append(new)
    write_rows(path, records)


def checksums(folder: Path) -> dict[str, str]:
    """sha256 of every file below a folder, to prove nothing was written."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium (Kaleido and Playwright drive it), or a skip saying how to install it; under E2E_REQUIRED=1
    (.ci/run sets it) a missing browser fails instead, so CI never passes by skipping tests marked `chromium`."""
    if not Path(CHROMIUM).exists():
        reason = "Chromium is needed: install it with `apt-get install -y chromium` (Debian)."
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"required browser test cannot run: {reason}")
        pytest.skip(reason)
    return CHROMIUM


# The static edition, built once per test session for tests/publish (its files) and tests/e2e (in Chromium).
STATIC_BASE = "https://hikikomori.example.org/"
STATIC_TODAY = date(2026, 11, 30)


@pytest.fixture(scope="session")
def site(tmp_path_factory, real_check, chromium):
    """site/ as `make site` writes it for a deployment at STATIC_BASE, images included: (folder, the figures built)."""
    from publish.build import build_site

    out = tmp_path_factory.mktemp("static") / "site"
    return out, build_site(real_check, out, STATIC_BASE, today=STATIC_TODAY)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on a free loopback port as a static host would: (server, base URL)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def served(site):
    server, base = serve(site[0])
    yield base
    server.shutdown()
