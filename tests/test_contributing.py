"""CONTRIBUTING.md's examples work as written: each, applied to a copy of the bundled package as a maintainer would
(its rows replace any row with the same id), validates, and a later round of Example 2's survey becomes the headline."""

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from core.package import file_name, table_names
from loaders.tables import check_package
from tests.conftest import REAL_DATA, ROOT

pytestmark = pytest.mark.slow  # validates the bundled package twice per example
BLOCK = re.compile(r"```csv\n(.*?)```", re.S)


def examples() -> dict[str, list[tuple[str, list[list[str]]]]]:
    """Per '## Example' section: (table, records) for each csv block, the table named by the last data/*.csv
    before it."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    names = {file_name(name): name for name in table_names()}
    found = {}
    for section in re.split(r"^## ", guide, flags=re.M):
        if not section.startswith("Example"):
            continue
        blocks = []
        for match in BLOCK.finditer(section):
            mentioned = re.findall(r"`data/(\w+\.csv)`", section[: match.start()])
            assert mentioned, f"a csv block of '{section.splitlines()[0]}' names no data/<file>.csv before it"
            blocks.append((names[mentioned[-1]], list(csv.reader(io.StringIO(match.group(1))))))
        found[section.splitlines()[0]] = blocks
    return found


def apply(folder: Path, table: str, records: list[list[str]]) -> None:
    """Replace the rows with the same id (first column) and add the example's rows at the end."""
    path = folder / file_name(table)
    existing = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    ids = {record[0] for record in records}
    kept = [existing[0]] + [r for r in existing[1:] if r and r[0] not in ids]
    for record in records:
        assert len(record) == len(existing[0]), (
            f"{table}: the example has {len(record)} cells, the header {len(existing[0])}"
        )
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(kept + records)


def drop_evidence_of(folder: Path, ids: set[str]) -> None:
    """Remove the evidence rows of the example's data rows, so only the example's own quotes support them."""
    path = folder / "evidence.csv"
    records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = records[0]
    targets = [header.index(c) for c in ("estimate_id", "homelessness_row_id", "health_row_id", "population_id")]
    kept = [records[0]] + [r for r in records[1:] if not any(r[i] in ids for i in targets)]
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(kept)


@pytest.mark.parametrize("name", ["Example 1", "Example 2"])
def test_each_example_validates_as_written(tmp_path, name):
    [section] = [blocks for title, blocks in examples().items() if title.startswith(name)]
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    data_ids = {r[0] for table, records in section if table in ("recluse_estimates",) for r in records}
    drop_evidence_of(folder, data_ids)
    for table, records in section:
        apply(folder, table, records)
    assert [str(p) for p in check_package(folder).all_problems()] == []
    assert {t for t, _ in section} >= {"recluse_estimates", "evidence"}  # every example shows its quote too


def test_a_new_round_added_like_example_2_becomes_the_headline_everywhere(tmp_path):
    from figures import compare, overview

    [section] = [blocks for title, blocks in examples().items() if title.startswith("Example 2")]
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    renamed = []
    for table, records in section:  # the same survey a year later: a made-up round (past dates), for this test only
        text = "\n".join(",".join(f'"{c}"' for c in r) for r in records)
        text = text.replace("kr-opm-2024", "kr-opm-2025").replace("KR-OPM-2024", "KR-OPM-2026")
        text = text.replace('"2024"', '"2025"').replace("2025-03-11", "2025-12-01")
        renamed.append((table, list(csv.reader(io.StringIO(text)))))
    for table, records in renamed:
        apply(folder, table, records)
    check = check_package(folder)
    assert check.all_problems() == []
    heads = overview.headlines(check).set_index("country")
    assert heads.loc["KOR", "estimate_id"] == "kr-opm-2025"
    figure = compare.build(check)
    assert "South Korea's headline figure, from a national survey fielded in 2025" in figure.summary
