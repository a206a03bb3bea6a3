"""make site empties its folder before writing, so it refuses any folder that is or holds the data, or holds
files that are not an earlier site: nothing but a site is ever deleted."""

import subprocess
import sys

import pytest

from publish.build import SITE_MARK, build_site, refusal
from tests.conftest import REAL_DATA, ROOT, checksums


@pytest.mark.parametrize("target", ["data", "project root"])
def test_the_data_folder_or_a_folder_holding_it_is_refused(real_check, target):
    out = REAL_DATA if target == "data" else ROOT
    before = checksums(REAL_DATA)
    with pytest.raises(ValueError, match="holds the data folder"):
        build_site(real_check, out, None, images=False)
    assert checksums(REAL_DATA) == before


def test_a_folder_of_other_files_is_refused_and_kept(real_check, tmp_path):
    (tmp_path / "notes.txt").write_text("a maintainer's notes")
    with pytest.raises(ValueError, match="not empty and holds no earlier static edition"):
        build_site(real_check, tmp_path, None, images=False)
    assert (tmp_path / "notes.txt").read_text() == "a maintainer's notes"


def test_an_earlier_site_or_an_empty_folder_is_accepted(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / SITE_MARK).write_text("")
    (tmp_path / "old" / "stale.html").write_text("")
    (tmp_path / "empty").mkdir()
    assert refusal(tmp_path / "old", REAL_DATA) is None
    assert refusal(tmp_path / "empty", REAL_DATA) is None
    assert refusal(tmp_path / "new", REAL_DATA) is None


def test_the_command_says_why_and_writes_nothing(tmp_path):
    (tmp_path / "keep.csv").write_text("a,b\n1,2\n")
    done = subprocess.run(
        [sys.executable, "-m", "publish", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"No site written: {tmp_path} is not empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]
    helped = subprocess.run(
        [sys.executable, "-m", "publish", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert helped.returncode == 0 and "usage: python -m publish" in helped.stdout
    assert not (ROOT / "--help").exists()
