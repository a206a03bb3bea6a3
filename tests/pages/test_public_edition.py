"""The public edition (HIKIKOMORI_UPLOADS=off, what `make serve` runs) has no upload page; the default keeps it."""

import os
import subprocess
import sys

import pytest

import settings
from shaping.words import pages, served_pages
from tests.conftest import ROOT


def test_the_variable_turns_the_upload_page_off_and_refuses_other_words():
    assert (
        settings.uploads_enabled(None) is True
        and settings.uploads_enabled("") is True
        and settings.uploads_enabled(" ON ") is True
    )
    assert settings.uploads_enabled("off") is False and settings.uploads_enabled("0") is False
    with pytest.raises(ValueError, match=settings.UPLOADS_VAR):
        settings.uploads_enabled("maybe")
    env = {**os.environ, settings.UPLOADS_VAR: "off"}
    out = subprocess.run(
        [sys.executable, "-c", "import settings; print(settings.UPLOADS)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_served_pages_leave_out_only_the_upload_page():
    public = served_pages(False, settings.UPLOAD_PAGE)
    assert [p.file for p in public] == [p.file for p in pages() if p.file != settings.UPLOAD_PAGE]
    assert settings.UPLOAD_PAGE in [p.file for p in pages()]  # the page still exists for maintainers
    assert served_pages(True, settings.UPLOAD_PAGE) == pages()


@pytest.mark.parametrize("uploads", [True, False])
def test_app_navigation_follows_the_setting(run_page, monkeypatch, uploads):
    """Through app.py: the upload page opens when uploads are on; when off, asking for it does not show it."""
    monkeypatch.setattr(settings, "UPLOADS", uploads)
    at = run_page(settings.UPLOAD_PAGE)
    titles = [t.value for t in at.title]
    assert ("Check new data" in titles) is uploads, titles
    assert not at.get("file_uploader") if not uploads else at.get("file_uploader")
