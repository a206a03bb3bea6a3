"""release_problems: version, dates, CHANGELOG and tables that disagree are named with their file and line."""

import json
import shutil
from pathlib import Path

import pytest

from loaders.release import STAMP_KEY, content_hash, release_problems, unstamped_tables
from tests.conftest import REAL_DATA, VALID

CHANGES = "# What's new in the data\n\n## 1.2.0 — 2027-01-15\n\n- A line.\n\n## 1.1.0 — 2027-01-01\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The fixture package with a stamped descriptor (version 1.2.0 of 2027-01-15) and a CHANGELOG that agrees."""
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    package = json.loads((REAL_DATA / "datapackage.json").read_text(encoding="utf-8"))
    package["version"], package["updated"] = "1.2.0", "2027-01-15"
    for resource in package["resources"]:
        resource["updated"], resource[STAMP_KEY] = "2027-01-15", content_hash(target / resource["path"])
    (target / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    (target / "CHANGELOG.md").write_text(CHANGES, encoding="utf-8")
    return target


def test_a_stamped_folder_has_no_release_problem(folder):
    assert release_problems(folder) == []


def test_a_changelog_heading_that_is_not_the_version_is_named_with_its_line(folder):
    (folder / "CHANGELOG.md").write_text(CHANGES.replace("1.2.0", "1.3.0"), encoding="utf-8")
    [problem] = release_problems(folder)
    assert (Path(problem.file).name, problem.line) == ("CHANGELOG.md", 3)
    assert "newest heading is 1.3.0 — 2027-01-15 but datapackage.json says 1.2.0 — 2027-01-15" in problem.message


def test_a_table_edited_after_its_stamp_is_named(folder):
    with (folder / "population.csv").open("a", encoding="utf-8") as file:
        file.write("\n")
    assert release_problems(folder) == []  # a notice while the maintainer works, not a failure
    [problem] = unstamped_tables(folder)
    assert Path(problem.file).name == "datapackage.json" and problem.column == "updated"
    assert problem.message.startswith(
        "population.csv changed since version 1.2.0 was stamped: when done, run python -m publish.stamp"
    )
    text = (folder / "datapackage.json").read_text(encoding="utf-8")
    assert text.splitlines()[problem.line - 1].strip() == '"name": "population",'


def test_a_folder_of_csvs_only_is_described_by_the_bundled_package(tmp_path):
    shutil.copytree(VALID, tmp_path / "data")
    assert release_problems(tmp_path / "data") == []


def test_the_version_line_follows_an_edited_descriptor_without_a_restart(folder):
    from core.package import package_version, table_updated

    assert package_version(folder) == ("1.2.0", "2027-01-15")
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["version"], package["resources"][0]["updated"] = "1.3.0", "2027-02-02"
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert package_version(folder)[0] == "1.3.0"
    assert table_updated(package["resources"][0]["name"], folder) == "2027-02-02"


def test_the_bundled_data_is_stamped_as_committed():
    """A release is never committed unstamped: CI fails here when a table changed after the last stamp."""
    assert [str(p) for p in release_problems(REAL_DATA) + unstamped_tables(REAL_DATA)] == []
