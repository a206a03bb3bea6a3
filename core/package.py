"""The package descriptor (data/datapackage.json) and the raw bytes of its CSV files."""

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.paths import DEFAULT_DATA_DIR

DESCRIPTOR_NAME = "datapackage.json"
# The schema always comes from the bundled package: a data folder supplies rows, not rules.
SCHEMA_PATH = DEFAULT_DATA_DIR / DESCRIPTOR_NAME
MAX_FILE_BYTES = 5 * 1024 * 1024


@lru_cache(maxsize=1)
def descriptor() -> dict:
    """The bundled datapackage.json as a dict (read once)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def table_names() -> list[str]:
    """Resource names in package order (sources first: others refer to it)."""
    return [r["name"] for r in descriptor()["resources"]]


def resource(name: str) -> dict:
    """The descriptor of one resource."""
    for r in descriptor()["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(name)


def file_name(name: str) -> str:
    """The CSV file name of a resource, e.g. recluse_estimates.csv."""
    return resource(name)["path"]


def field_names(name: str) -> list[str]:
    """Column names of a resource, in schema order."""
    return [f["name"] for f in resource(name)["schema"]["fields"]]


@dataclass(frozen=True)
class RawFile:
    """A CSV file's bytes as read (None when missing or too large to read)."""

    name: str
    path: Path
    content: bytes | None
    size: int


def read_raw(data_dir: Path) -> dict[str, RawFile]:
    """Read every resource's bytes once; never writes."""
    files = {}
    for name in table_names():
        path = Path(data_dir) / file_name(name)
        if not path.is_file():
            files[name] = RawFile(name, path, None, -1)
            continue
        size = path.stat().st_size
        content = path.read_bytes() if size <= MAX_FILE_BYTES else None
        files[name] = RawFile(name, path, content, size)
    return files


def fingerprint(data_dir: Path) -> str:
    """A hash of every resource's content, so caches notice an edited file."""
    h = hashlib.sha256()
    for name in table_names():
        path = Path(data_dir) / file_name(name)
        h.update(name.encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


def _release_descriptor(data_dir: Path | None) -> dict:
    """The descriptor whose version and dates describe a data folder: its own datapackage.json if it has one, else the
    bundled one. Read on every call (a small file), so a page's version line follows an edit as its numbers do."""
    own = Path(data_dir) / DESCRIPTOR_NAME if data_dir is not None else SCHEMA_PATH
    return json.loads((own if own.is_file() else SCHEMA_PATH).read_text(encoding="utf-8"))


def package_version(data_dir: Path | None = None) -> tuple[str, str]:
    """The data package's version and the date it was last updated."""
    package = _release_descriptor(data_dir)
    return package["version"], package.get("updated", "")


def table_updated(name: str, data_dir: Path | None = None) -> str:
    """The date a table was last updated, as recorded in the folder's datapackage.json."""
    package = _release_descriptor(data_dir)
    found = next((r for r in package["resources"] if r["name"] == name), {})
    return found.get("updated", package.get("updated", ""))


CHANGELOG_NAME = "CHANGELOG.md"


def changelog(data_dir: Path) -> str:
    """The data changelog of a folder (the bundled one if the folder has none)."""
    path = Path(data_dir) / CHANGELOG_NAME
    return (path if path.is_file() else DEFAULT_DATA_DIR / CHANGELOG_NAME).read_text(encoding="utf-8")
