"""The static edition's Japanese pages: a row's note in the data's English says lang="en" and "(in English)", and the
build reports how many such texts each language's reader meets."""

import re

import pytest
from markupsafe import escape

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


def test_the_japanese_index_gives_each_language_s_term_with_its_quote(fixture_site):
    out, check = fixture_site
    index = (out / "ja" / "index.html").read_text(encoding="utf-8")
    section = index[index.index('<section id="terms">') :]
    assert i18n.translator("ja").gettext("Terms in each language") in section
    glossary = check.table("glossary")
    quoted = glossary[(glossary["concept"] == "hikikomori")]
    assert len(quoted) == 3
    for _, row in quoted.iterrows():
        assert f'<strong lang="{row["lang"]}">{escape(row["term"])}</strong>' in section
        assert f'<blockquote lang="{row["lang"]}">{escape(row["quote"])}</blockquote>' in section
        assert f'<a href="{escape(row["url"])}">' in section
    english_quote = f'<span lang="en">{escape(quoted.set_index("lang").loc["ko", "quote_en"])}</span>'
    assert english_quote in section  # a Korean quote comes with its English for a Japanese reader
    assert escape(quoted.set_index("lang").loc["ja", "quote_en"]) not in section  # a Japanese one does not
    kept = glossary[glossary["status"] == "no_source_term"]
    said = i18n.translator("ja").gettext(
        "No source in this language names the concept; the term kept is its source's own."
    )
    assert section.count(escape(said)) == len(kept)


def test_a_quote_says_its_language_and_its_english_is_marked_for_readers_of_another(tmp_path):
    import shutil

    import pandas as pd

    from tests.conftest import VALID

    shutil.copytree(VALID, tmp_path / "data")
    path = tmp_path / "data" / "evidence.csv"
    evidence = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = evidence.index[evidence["estimate_id"].eq("jp-cao-2010-broad") & evidence["quote"].ne("")][0]
    english = evidence.loc[row, "quote"]
    evidence.loc[row, ["quote", "quote_en"]] = ["内閣府の調査: " + english, english]  # as a Japanese page writes it
    evidence.to_csv(path, index=False)
    check = check_package(tmp_path / "data")
    assert not check.all_problems()
    out = tmp_path / "site"
    build_site(check, out, None, images=False, today=STATIC_TODAY, only=(KEY,), languages=("en", "ja"))
    japanese = (out / "ja" / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    english_page = (out / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    for page in (japanese, english_page):
        assert f'<blockquote lang="ja">{escape("内閣府の調査: " + english)}</blockquote>' in page
    assert f'<span lang="en">{escape(english)}</span>' in english_page  # the translation, marked as English
    assert f'<span lang="en">{escape(english)}</span>' not in japanese  # a Japanese reader reads the quote itself


def test_japanese_pages_write_labels_with_japanese_colons_and_brackets(fixture_site):
    out, _ = fixture_site
    page = (out / "ja" / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    index = (out / "ja" / "index.html").read_text(encoding="utf-8")
    assert '）：<span lang="en">' in page  # a row's facts in full-width brackets, then a full-width colon
    assert "</strong>: " not in page
    heads = index[index.index("<li><strong>") :]
    assert "：" in heads.split("</strong>")[0] and ": " not in heads.split("</strong>")[0]
    english = (out / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    assert ") : " not in english and "</strong> (" in english  # English keeps its own: 'label (facts): note'


def test_a_japanese_figure_page_marks_where_an_english_locator_says_so(fixture_site):
    """The static 'Where it says so' showed 'editorial, second paragraph', the data's English, unmarked to a Japanese
    reader: now in lang="en" with "(in English)" after its link, and as before on the English page."""
    out, check = fixture_site
    evidence = check.table("evidence")
    locator = evidence.set_index("evidence_id").loc["ev-jp-cao-2010-broad-rate-pct", "locator"]
    marker = i18n.translator("ja").gettext("(in English)")
    page = (out / "ja" / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    assert re.search(
        rf'<span lang="en">{re.escape(str(escape(locator)))}</span> \([^)]*\)</a> <span class="note">'
        rf"{re.escape(str(escape(marker)))}</span>",
        page,
    )
    english = (out / "figures" / KEY / "index.html").read_text(encoding="utf-8")
    assert escape(locator) in english and escape(marker) not in english


@pytest.mark.parametrize(
    ("locator", "lang"),
    [
        ("abstract, Results", "en"),
        ("文献概要, para 2", "en"),  # the data's English around the heading it quotes
        ("調査の時期", "ja"),
        ("II-1 調査の客体", "ja"),  # a Roman numeral is no English word
        ("주요 분석 결과", "ko"),
    ],
)
def test_a_locator_is_english_when_it_holds_an_english_word(locator, lang):
    from shaping.words import locator_language

    assert locator_language(locator) == lang
