"""The package's release stamp: version and dates in datapackage.json, the CHANGELOG's newest heading, and a hash of
each table as it was when its `updated` date was stamped. Pure reads; loaders.stamp writes them."""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from core.package import CHANGELOG_NAME, DESCRIPTOR_NAME
from core.problems import Problem

HEADING = re.compile(r"^## (\S+) — (\d{4}-\d{2}-\d{2})$", re.M)
STAMP_KEY = "stamped_sha256"  # per resource: the SHA-256 of its CSV when `updated` was last stamped
COMMAND = "python -m publish.stamp"


@dataclass(frozen=True)
class Stamp:
    """What a data folder says of its release: version, date, and the CHANGELOG's newest heading."""

    version: str
    updated: str
    heading: tuple[str, str] | None
    heading_line: int | None


def descriptor_of(folder: Path) -> dict:
    """The folder's datapackage.json, read now (so a page's version line follows an edit, as its numbers do)."""
    return json.loads((Path(folder) / DESCRIPTOR_NAME).read_text(encoding="utf-8"))


def content_hash(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def read_stamp(folder: Path) -> Stamp:
    package = descriptor_of(folder)
    changes = Path(folder) / CHANGELOG_NAME
    text = changes.read_text(encoding="utf-8") if changes.is_file() else ""
    found = HEADING.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    return Stamp(package["version"], package.get("updated", ""), found.groups() if found else None, line)


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def release_problems(folder: Path) -> list[Problem]:
    """Where version, dates and CHANGELOG disagree, each naming the file and line to fix (or the command)."""
    folder = Path(folder)
    if not (folder / DESCRIPTOR_NAME).is_file():
        return []  # a folder of CSVs only: the bundled package describes it, and its release is the bundled one
    text = (folder / DESCRIPTOR_NAME).read_text(encoding="utf-8")
    package, stamp = json.loads(text), read_stamp(folder)
    shown = str(folder / DESCRIPTOR_NAME)
    found = []
    if stamp.heading is None:
        found.append(
            Problem(str(folder / CHANGELOG_NAME), None, None, f"no '## VERSION — YYYY-MM-DD' heading: run {COMMAND}")
        )
    elif stamp.heading != (stamp.version, stamp.updated):
        message = f"newest heading is {' — '.join(stamp.heading)} but datapackage.json says {stamp.version} — {stamp.updated}: run {COMMAND} VERSION"
        found.append(Problem(str(folder / CHANGELOG_NAME), stamp.heading_line, None, message))
    for resource in package["resources"]:
        line = _line_of(text, f'"name": "{resource["name"]}"')
        if resource.get("updated", "") > stamp.updated:
            found.append(
                Problem(
                    shown, line, "updated", f"{resource['name']} is updated {resource['updated']}, after the package"
                )
            )
    return found


def unstamped_tables(folder: Path) -> list[Problem]:
    """Tables edited since the last stamp: a notice while a maintainer works (the edit may be unfinished), which the
    tests turn into a failure for the bundled data, so a release is never committed unstamped."""
    folder = Path(folder)
    if not (folder / DESCRIPTOR_NAME).is_file():
        return []
    text = (folder / DESCRIPTOR_NAME).read_text(encoding="utf-8")
    package = json.loads(text)
    found = []
    for resource in package["resources"]:
        path = folder / resource["path"]
        if path.is_file() and resource.get(STAMP_KEY) not in (None, content_hash(path)):
            message = f"{resource['path']} changed since version {package['version']} was stamped: when done, run {COMMAND} NEW_VERSION"
            found.append(
                Problem(
                    str(folder / DESCRIPTOR_NAME), _line_of(text, f'"name": "{resource["name"]}"'), "updated", message
                )
            )
    return found
