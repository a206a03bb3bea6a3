#!/usr/bin/env python3
"""Time the validator (loaders.tables.check_package) on the bundled data and on copies grown N times.

    .venv/bin/python benchmarks/validation.py [--factor 10] [--reps 5] [--json out.json]
    .venv/bin/python benchmarks/validation.py --grow FOLDER --factor 100   # only write a grown copy

Prints the median seconds per package, its data rows, and seconds per 1,000 rows: validation should cost no more
per row on a larger package. A grown copy is still valid (see grow_package), so every rule runs on every row.
"""

import argparse
import csv
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT))
from core.model import GLOSSARY, TARGETS, VOCABULARY  # noqa: E402
from core.package import descriptor  # noqa: E402


def _records(path: Path) -> list[list[str]]:
    return [r for r in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) if r]


def _grown_evidence(source: Path, header: list[str], body: list[list[str]], factor: int) -> list[list[str]]:
    """Copy 0 is the real evidence; each later copy gets one small not_found row per grown data row (quotes copied
    many times over would pass the file size limit and measure the limit instead of the rules)."""
    rows = [list(r) for r in body]
    for k in range(1, factor):
        for column, (table, key) in TARGETS.items():
            records = _records(source / f"{table}.csv")
            head = records[0]
            for record in records[1:]:
                row = dict.fromkeys(header, "")
                row_id, source_id = record[head.index(key)], record[head.index("source_id")]
                row.update(
                    {
                        "evidence_id": f"ev-{row_id}-x{k}",
                        column: f"{row_id}-x{k}",
                        "column": "value",
                        "source_id": f"{source_id}-x{k}",
                        "checked": "2026-11-30",
                        "status": "not_found",
                        "note": "Benchmark copy: no quote.",
                    }
                )
                rows.append([row[h] for h in header])
    return rows


def grow_package(source: Path, target: Path, factor: int) -> dict[str, int]:
    """Copy a data folder with every CSV grown `factor` times: copy k of a row gets '-x<k>' on its primary key and
    on every foreign key it fills, and copy k of the referenced tables exists too, so every key stays valid.
    The vocabulary and the glossary are not grown (more figures need no more words: the glossary's key is a concept
    and a language, neither of which a copy can add); evidence grows as _grown_evidence says.
    Returns the bytes of each file."""
    shutil.copytree(source, target)
    sizes = {}
    for res in descriptor()["resources"]:
        schema = res["schema"]
        if res["name"] in (*VOCABULARY, GLOSSARY):
            sizes[res["path"]] = (target / res["path"]).stat().st_size
            continue
        foreign = [
            fk["fields"] for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] not in VOCABULARY
        ]
        records = _records(source / res["path"])
        header, body = records[0], records[1:]
        columns = [header.index(c) for c in schema["primaryKey"] + foreign]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        if res["name"] == "evidence":
            writer.writerows(_grown_evidence(source, header, body, factor))
        else:
            for k in range(factor):
                for row in body:
                    row = list(row)
                    if k:
                        for i in columns:
                            if row[i]:
                                row[i] += f"-x{k}"
                    writer.writerow(row)
        (target / res["path"]).write_text(out.getvalue(), encoding="utf-8")
        sizes[res["path"]] = (target / res["path"]).stat().st_size
    return sizes


def time_checks(folders: dict[str, Path], reps: int) -> dict[str, dict]:
    """Median seconds of check_package per folder (wall clock, and CPU time of this process, which other work on a
    shared machine disturbs less), its data rows and problems (expected 0: the copies are valid)."""
    from loaders.tables import check_package

    check_package(next(iter(folders.values())))  # untimed: the first call pays frictionless's lazy imports
    out = {}
    for label, folder in folders.items():
        times, cpu = [], []
        for _ in range(reps):
            began, began_cpu = time.perf_counter(), time.process_time()
            check = check_package(folder)
            times.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        rows = sum(len(frame) for name, frame in check.frames.items() if name not in (*VOCABULARY, GLOSSARY))
        median = statistics.median(times)
        out[label] = {"seconds": median, "times": times, "rows": rows, "problems": len(check.all_problems())}
        out[label]["cpu_seconds"] = statistics.median(cpu)
        out[label]["ms_per_1000_rows"] = 1000 * median / rows * 1000
    return out


def main() -> int:
    """Grow a copy, time both, print a table (and JSON when asked)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=10, help="how many times to grow the copy (default 10)")
    parser.add_argument("--reps", type=int, default=5, help="timed checks per package (default 5)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--grow", type=Path, metavar="FOLDER", help="only write a grown copy to FOLDER")
    args = parser.parse_args()
    if args.grow:
        sizes = grow_package(DATA, args.grow, args.factor)
        print("\n".join(f"{name}: {size / 1e6:.2f} MB" for name, size in sizes.items()))
        return 0
    with tempfile.TemporaryDirectory(prefix="hikikomori-grown-") as scratch:
        grown = Path(scratch) / "data"
        grow_package(DATA, grown, args.factor)
        results = time_checks({"bundled": DATA, f"{args.factor}x": grown}, args.reps)
    for label, r in results.items():
        line = (
            f"{label:>8}: {r['seconds']:.3f} s median of {args.reps} ({r['cpu_seconds']:.3f} s CPU), {r['rows']:,} rows"
        )
        print(f"{line}, {r['ms_per_1000_rows']:.0f} ms per 1,000 rows, {r['problems']} problems")
    bundled, grown_result = results["bundled"], results[f"{args.factor}x"]
    ratio = grown_result["ms_per_1000_rows"] / bundled["ms_per_1000_rows"]
    print(f"cost per row, {args.factor}x / bundled: {ratio:.2f} (goal: at most 1)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
