"""Where `python -m publish` may write (security probe 2026-12-07, rows 6-8): only into an empty folder or one holding
the mark it writes on every build, never inside a data folder, and a symlinked folder is refused in one line."""

import subprocess
import sys
from pathlib import Path

import pytest

from publish.build import SITE_MARK, build_site, refusal
from tests.conftest import REAL_DATA, ROOT, checksums


def publish(folder: Path) -> subprocess.CompletedProcess:
    """`python -m publish <folder>` as an operator runs it."""
    command = [sys.executable, "-m", "publish", str(folder)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def a_blog(folder: Path) -> Path:
    """A folder that looks like a site (index.html, figures/) but is someone's blog."""
    (folder / "figures").mkdir(parents=True)
    (folder / "index.html").write_text("<h1>my blog</h1>")
    (folder / "figures" / "plot.png").write_bytes(b"\x89PNG")
    (folder / "blog").mkdir()
    (folder / "blog" / "post.md").write_text("a post")
    return folder


def test_a_folder_that_only_looks_like_an_edition_is_refused_and_kept(tmp_path):
    blog = a_blog(tmp_path / "www")
    before = checksums(blog)
    why = refusal(blog, REAL_DATA)
    assert why is not None and "holds no earlier static edition" in why and SITE_MARK in why
    done = publish(blog)
    assert done.returncode == 2 and done.stderr.startswith(f"No site written: {blog} is not empty")
    assert checksums(blog) == before


@pytest.mark.parametrize("inside", ["site", "site/deeper", "."])
def test_a_folder_inside_the_bundled_data_is_refused(inside):
    out = REAL_DATA / inside
    why = refusal(out, REAL_DATA)
    assert why is not None and "data folder" in why
    assert not (REAL_DATA / "site").exists()


def test_a_folder_inside_the_configured_data_or_the_bundled_data_is_refused(package, tmp_path):
    assert "inside the data folder" in refusal(package / "site", package)
    # With HIKIKOMORI_DATA_DIR elsewhere, the bundled data/ is still never written into.
    assert "inside the data folder" in refusal(REAL_DATA / "site", package)
    assert refusal(tmp_path / "elsewhere", package) is None


def test_a_symlinked_output_folder_is_refused_in_one_line(tmp_path):
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / SITE_MARK).write_text("")
    (edition / "index.html").write_text("an earlier edition")
    link = tmp_path / "link"
    link.symlink_to(edition, target_is_directory=True)
    done = publish(link)
    assert done.returncode == 2, done.stderr
    said = f"No site written: {link} is a symbolic link: give the real folder it points to (nothing was deleted)"
    assert done.stderr.strip().splitlines() == [said]
    assert "Traceback" not in done.stderr
    assert (edition / "index.html").read_text() == "an earlier edition" and link.is_symlink()


def test_a_build_marks_its_folder_and_may_then_rebuild_it(real_check, tmp_path):
    out = tmp_path / "site"
    build_site(real_check, out, None, images=False)
    assert (out / SITE_MARK).is_file()
    (out / "stale.html").write_text("left from an earlier build")
    assert refusal(out, REAL_DATA) is None
    build_site(real_check, out, None, images=False)
    assert (out / SITE_MARK).is_file() and not (out / "stale.html").exists()


def test_site_is_ignored_only_at_the_top_of_the_project():
    rules = (ROOT / ".gitignore").read_text().splitlines()
    assert "/site/" in rules and "site/" not in rules
    ignored = subprocess.run(["git", "check-ignore", "-q", "data/site/x.html"], cwd=ROOT)
    assert ignored.returncode == 1, "data/site/ would be hidden from git status"


def test_a_folder_written_after_only_is_named_as_no_figure_and_nothing_is_written(tmp_path, capsys):
    from publish.__main__ import main

    folder = tmp_path / "mysite"
    assert main(["--only", "japan-rounds", str(folder)]) == 2  # the folder read as a second figure key
    assert f"no figure {folder}" in capsys.readouterr().err
    assert not folder.exists()
