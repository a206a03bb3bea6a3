"""`python -m publish [folder]`: write the static edition (default site/) from the data folder,
and say what it wrote."""

import argparse
import sys
import time
from pathlib import Path

import settings
from core.paths import data_dir
from core.problems import counted
from figures.catalog import catalog
from loaders.tables import check_package
from publish.build import build_site, refusal

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m publish", description=__doc__)
    parser.add_argument(
        "folder", nargs="?", type=Path, default=ROOT / "site", help="where to write the site (default: site/)"
    )
    parser.add_argument(
        "--only", nargs="+", metavar="KEY", help="write only these figures (a partial site, for a quick look)"
    )
    args = parser.parse_args(argv)
    out = args.folder
    refused = refusal(out, data_dir())
    if refused:
        print(f"No site written: {refused}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    check = check_package(data_dir())
    problems = check.all_problems()
    if problems:
        for problem in problems:
            print(problem)
        print(
            f"No site written: {counted(len(problems), 'problem')} in the data "
            "(python -m loaders.validate lists them too).",
            file=sys.stderr,
        )
        return 1
    unknown = sorted(set(args.only or ()) - {entry.key for entry in catalog(check)})
    if unknown:
        print(f"No site written: no figure {', '.join(unknown)} (the folder goes before --only).", file=sys.stderr)
        return 2
    built = build_site(check, out, settings.PUBLIC_BASE_URL, only=args.only)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(
        f"Wrote {len(built)} figures to {out} ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s "
        f"from {data_dir()}."
    )
    if settings.PUBLIC_BASE_URL is None:
        print(
            f"No public address ({settings.PUBLIC_URL_VAR} unset): pages have no canonical URL, "
            "og:image or embed code, and citations say 'URL not known'."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
