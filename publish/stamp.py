"""The maintainers' release command: python -m publish.stamp VERSION [--date YYYY-MM-DD] [DATA_DIR].

Sets the package's version and date, the `updated` date of each table whose CSV changed since its last stamp, and
the CHANGELOG's heading with counts computed from the data (the maintainer writes what changed under it). Refuses a
package with problems. It writes datapackage.json and CHANGELOG.md only, and only when a person runs it."""

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

from core.package import CHANGELOG_NAME, DESCRIPTOR_NAME
from core.paths import data_dir as default_data_dir
from loaders.release import HEADING, STAMP_KEY, content_hash
from loaders.tables import check_package
from shaping.evidence import coverage  # the dashboard's own count, so the CHANGELOG and the pages agree

VERSION = re.compile(r"^\d+\.\d+\.\d+$")
COUNTS = "- In numbers (computed by `python -m publish.stamp`): "
DATA_TABLES = ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population")


def counts_line(check) -> str:
    """Rows per data table, and how many of them a readable page confirms, as the dashboard counts them."""
    frames = {name: check.frames[name] for name in DATA_TABLES}
    table = coverage(frames, check.table("evidence"))
    rows = int(table["rows"].sum())
    confirmed, differs, missing = (int(table[s].sum()) for s in ("confirmed", "differs", "not_found"))
    sources, evidence = len(check.frames["sources"]), len(check.frames["evidence"])
    return (
        f"{COUNTS}{rows:,} rows in the four data tables: {confirmed:,} confirmed on a readable page, "
        f"{differs:,} read with a different figure, {missing:,} with no readable page found; "
        f"{evidence:,} evidence rows; {sources:,} sources."
    )


def stamped_changelog(text: str, version: str, day: str, counts: str) -> str:
    """The CHANGELOG with `## version — day` as its newest heading and the counts line under it (replaced if there)."""
    found = HEADING.search(text)
    if found and found.groups() == (version, day):
        start, end = found.end(), (HEADING.search(text, found.end()) or re.compile(r"\Z").search(text)).start()
        body = "\n".join(line for line in text[start:end].split("\n") if not line.startswith(COUNTS))
        body = "\n\n" + counts + "\n\n" + body.lstrip("\n")
        return text[:start] + body.rstrip("\n") + "\n\n" + text[end:]
    insert_at = found.start() if found else len(text)
    entry = f"## {version} — {day}\n\n{counts}\n\n"
    return text[:insert_at] + entry + text[insert_at:]


def stamp(folder: Path, version: str, day: str) -> list[str]:
    """Stamp the folder's release; the tables whose `updated` moved to `day`."""
    path = folder / DESCRIPTOR_NAME
    package = json.loads(path.read_text(encoding="utf-8"))
    changed = []
    for resource in package["resources"]:
        now = content_hash(folder / resource["path"])
        if resource.get(STAMP_KEY) != now:
            resource["updated"], resource[STAMP_KEY] = day, now
            changed.append(resource["name"])
    package["version"], package["updated"] = version, day
    check = check_package(folder)
    changes = folder / CHANGELOG_NAME
    text = changes.read_text(encoding="utf-8") if changes.is_file() else "# What's new in the data\n\n"
    changes.write_text(stamped_changelog(text, version, day, counts_line(check)), encoding="utf-8")
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publish.stamp", description=__doc__)
    parser.add_argument("version", help="the new version, e.g. 0.3.0 (minor for new rows, patch for corrections)")
    parser.add_argument("data_dir", nargs="?", type=Path, help="folder with the CSVs and datapackage.json")
    parser.add_argument("--date", default=date.today().isoformat(), help="the release date (default: today)")
    args = parser.parse_args(argv)
    folder = args.data_dir or default_data_dir()
    if not VERSION.match(args.version):
        print(f"{args.version}: not a version like 0.3.0", file=sys.stderr)
        return 2
    problems = check_package(folder).all_problems()
    if problems:
        for problem in problems:
            print(problem)
        print("Fix these before stamping a release: nothing was written.", file=sys.stderr)
        return 1
    changed = stamp(folder, args.version, args.date)
    print(f"Stamped {args.version} — {args.date}; tables updated: {', '.join(changed) or 'none'}.")
    print(f"Now write what changed under the new heading in {folder / CHANGELOG_NAME}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
