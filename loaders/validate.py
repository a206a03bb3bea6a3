"""The maintainers' command: python -m loaders.validate [DATA_DIR]. Prints every problem; never writes."""

import argparse
import sys
from pathlib import Path

from core.model import CONCEPTS, GLOSSARY, LABELS, PRODUCER_NAMES, VOCABULARY
from core.package_check import PackageCheck
from core.paths import ENV_VAR
from core.paths import data_dir as default_data_dir
from core.problems import counted
from loaders.release import release_problems, unstamped_tables
from loaders.tables import check_package


def summary(check: PackageCheck) -> str:
    """One line: tables, rows and sources of a valid package."""
    data = {name: frame for name, frame in check.frames.items() if name not in (*VOCABULARY, GLOSSARY, PRODUCER_NAMES)}
    rows = sum(len(f) for f in data.values())
    sources = len(check.frames["sources"])
    terms, names = (len(check.frames[n]) if n in check.frames else 0 for n in (GLOSSARY, PRODUCER_NAMES))
    words = (
        f"{len(check.frames[CONCEPTS])} concepts, {len(check.frames[LABELS])} labels, {terms} glossary terms "
        f"and {names} producer names"
    )
    return f"OK: {len(data)} tables, {rows} rows, {sources} sources, {words} in {check.data_dir}"


def main(argv: list[str] | None = None) -> int:
    """Validate a data folder; exit 1 and print file:line: column: message per problem."""
    parser = argparse.ArgumentParser(prog="python -m loaders.validate", description=__doc__)
    default = f"folder with the CSVs (default: ${ENV_VAR} or the bundled data/)"
    parser.add_argument("data_dir", nargs="?", type=Path, help=default)
    args = parser.parse_args(argv)
    if args.data_dir is not None and not args.data_dir.is_dir():
        print(f"{args.data_dir}: not a folder", file=sys.stderr)
        return 2
    check = check_package(args.data_dir)
    folder = args.data_dir or default_data_dir()
    problems = check.all_problems() + release_problems(folder)
    for problem in problems:
        print(problem)
    for notice in unstamped_tables(folder):
        print(f"Not yet stamped: {notice}", file=sys.stderr)
    if problems:
        files = len({p.file for p in problems})
        print(f"{counted(len(problems), 'problem')} in {counted(files, 'file')}", file=sys.stderr)
        return 1
    print(summary(check))
    return 0


if __name__ == "__main__":
    sys.exit(main())
