"""The static edition's Japanese pages: a row's note in the data's English says lang="en" and "(in English)", and the
build reports how many such texts each language's reader meets."""

from html import escape

import pytest

import i18n
from loaders.tables import check_package
from publish.build import build_site
from tests.conftest import STATIC_TODAY

KEY = "japan-rounds"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    from tests.conftest import VALID

    check = check_package(VALID)
    out = tmp_path_factory.mktemp("terms") / "site"
    build_site(check, out, None, images=False, today=STATIC_TODAY, only=(KEY,), languages=("en", "ja"))
    return out, check


def test_a_japanese_figure_page_marks_a_note_in_english(fixture_site, capsys):
    out, check = fixture_site
    page = (out / "ja" / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    note = check.table("recluse_estimates").set_index("estimate_id").loc["jp-cao-2010-broad", "note"]
    marker = i18n.translator("ja").gettext("(in English)")
    assert f'<span lang="en">{escape(note)}</span> <span class="note">{escape(marker)}</span>' in page
    english = (out / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    assert escape(note) in english and f'<span lang="en">{escape(note)}' not in english  # no marker in English
