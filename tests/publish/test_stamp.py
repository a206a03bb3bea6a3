"""python -m publish.stamp: one command sets version, dates and the CHANGELOG heading, with counts from the data."""

import json
import shutil
from pathlib import Path

import pytest

from loaders.release import STAMP_KEY, release_problems, unstamped_tables
from publish.stamp import COUNTS, main, stamped_changelog
from tests.conftest import REAL_DATA, VALID, set_cell


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    package = json.loads((REAL_DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        resource.pop(STAMP_KEY, None)  # a package never stamped: every table counts as changed
    (target / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    (target / "CHANGELOG.md").write_text(
        "# What's new in the data\n\n## 0.0.1 — 2026-01-01\n\n- First.\n", encoding="utf-8"
    )
    return target


def test_stamping_sets_version_dates_and_a_computed_changelog_heading(folder, capsys):
    assert main(["0.4.0", str(folder), "--date", "2027-02-01"]) == 0
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert (package["version"], package["updated"]) == ("0.4.0", "2027-02-01")
    assert all(r["updated"] == "2027-02-01" and r[STAMP_KEY].startswith("sha256:") for r in package["resources"])
    changes = (folder / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changes.index("## 0.4.0 — 2027-02-01") < changes.index("## 0.0.1 — 2026-01-01")
    counts = next(line for line in changes.splitlines() if line.startswith(COUNTS))
    # the fixture: 2 estimates, 1 homelessness row, 1 health row, 1 population row; its evidence confirms 2 of them
    assert (
        "5 rows in the four data tables: 2 confirmed on a readable page, 0 read with a different figure, "
        "3 with no readable page found" in counts
    )
    assert release_problems(folder) == []


def test_only_tables_that_changed_get_a_new_date(folder):
    assert main(["0.4.0", str(folder), "--date", "2027-02-01"]) == 0
    set_cell(folder, "population", 1, "note", "Census, 1 October.")
    assert unstamped_tables(folder)  # edited after the stamp: the validator says so
    assert main(["0.4.1", str(folder), "--date", "2027-03-01"]) == 0
    assert unstamped_tables(folder) == []
    updated = {r["name"]: r["updated"] for r in json.loads((folder / "datapackage.json").read_text())["resources"]}
    assert updated["population"] == "2027-03-01" and updated["sources"] == "2027-02-01"
    assert release_problems(folder) == []


def test_a_package_with_problems_is_not_stamped(folder, capsys):
    set_cell(folder, "population", 1, "value", "many")
    before = (folder / "datapackage.json").read_bytes(), (folder / "CHANGELOG.md").read_bytes()
    assert main(["0.4.0", str(folder)]) == 1
    assert ((folder / "datapackage.json").read_bytes(), (folder / "CHANGELOG.md").read_bytes()) == before
    assert "population.csv:2: value:" in capsys.readouterr().out


def test_restamping_the_same_version_replaces_its_counts_and_keeps_the_maintainers_lines():
    text = "# Changes\n\n## 0.4.0 — 2027-02-01\n\n" + COUNTS + "old.\n\n- Added a row.\n\n## 0.3.0 — 2027-01-01\n"
    again = stamped_changelog(text, "0.4.0", "2027-02-01", COUNTS + "new.")
    assert COUNTS + "new.\n\n- Added a row." in again
    assert again.count(COUNTS) == 1 and COUNTS + "new." in again and "- Added a row." in again and "## 0.3.0" in again
