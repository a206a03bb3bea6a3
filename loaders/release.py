"""The package's release stamp: version and dates in datapackage.json, the CHANGELOG's newest heading, and a hash of
each table as it was when its `updated` date was stamped. Pure reads; publish.stamp writes them."""

import hashlib
import json
import re
from pathlib import Path

from core.package import CHANGELOG_NAME, DESCRIPTOR_NAME
from core.problems import Problem

HEADING = re.compile(r"^## (\S+) — (\d{4}-\d{2}-\d{2})$", re.M)
STAMP_KEY = "stamped_sha256"  # per resource: the SHA-256 of its CSV when `updated` was last stamped
COMMAND = "python -m publish.stamp"


def content_hash(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _resources(folder: Path) -> list[tuple[dict, dict, str, int | None]]:
    """(package, resource, where, line) for each resource of the folder's datapackage.json (none when it has none)."""
    path = Path(folder) / DESCRIPTOR_NAME
    if not path.is_file():
        return []  # a folder of CSVs only: the bundled package describes it, and its release is the bundled one
    text = path.read_text(encoding="utf-8")
    package = json.loads(text)
    return [(package, r, str(path), _line_of(text, f'"name": "{r["name"]}"')) for r in package["resources"]]


def release_problems(folder: Path) -> list[Problem]:
    """Where version, dates and CHANGELOG disagree, each naming the file and line to fix (or the command)."""
    resources = _resources(folder)
    if not resources:
        return []
    package, changes = resources[0][0], Path(folder) / CHANGELOG_NAME
    version, updated = package["version"], package.get("updated", "")
    text = changes.read_text(encoding="utf-8") if changes.is_file() else ""
    found = []
    if (heading := HEADING.search(text)) is None:
        found.append(Problem(str(changes), None, None, f"no '## VERSION — YYYY-MM-DD' heading: run {COMMAND}"))
    elif heading.groups() != (version, updated):
        said = f"newest heading is {' — '.join(heading.groups())} but datapackage.json says {version} — {updated}"
        line = text.count("\n", 0, heading.start()) + 1
        found.append(Problem(str(changes), line, None, f"{said}: run {COMMAND} VERSION"))
    for _, resource, where, line in resources:
        if resource.get("updated", "") > updated:
            message = f"{resource['name']} is updated {resource['updated']}, after the package"
            found.append(Problem(where, line, "updated", message))
    return found


def unstamped_tables(folder: Path) -> list[Problem]:
    """Tables edited since the last stamp: a notice while one works, which tests make a failure for the bundled data."""
    found = []
    for package, resource, where, line in _resources(folder):
        path = Path(folder) / resource["path"]
        if path.is_file() and resource.get(STAMP_KEY) not in (None, content_hash(path)):
            since = f"{resource['path']} changed since version {package['version']} was stamped"
            found.append(Problem(where, line, "updated", f"{since}: when done, run {COMMAND} NEW_VERSION"))
    return found
