"""Every page in every language, through app.py: no exception, no sentence left in English,
the switch keeps the view."""

import csv
import re
from functools import cache

import pytest
from babel.messages.pofile import read_po

import i18n
from loaders.tables import check_package
from shaping.vocabulary import Vocabulary
from shaping.words import pages, served_pages
from tests.conftest import ROOT
from tests.pages.helpers import open_cards

LANGS = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT]
PAGES = [p.file for p in served_pages(True, "views/check_data.py")]
# Texts the reader reads on a page: titles, headings, prose, notices, and every widget's label and options.
TEXT_ELEMENTS = ("title", "header", "subheader", "caption", "markdown", "info", "warning", "success", "error")
WIDGETS = ("selectbox", "multiselect", "button_group", "toggle", "slider", "text_input", "tabs", "expander")


# English the project wrote that is not translated yet: none. Add a sentence here only with the reason.
ELSEWHERE: set[str] = set()


def english_sentences() -> list[str]:
    """The words files' English sentences that have a different translation (short words like 'Id' left out)."""
    with (ROOT / "locales" / "ja" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    return [
        m.id
        for m in catalog
        if m.id and m.string and m.string != m.id and len(m.id) > 12 and "{" not in m.id and m.id not in ELSEWHERE
    ]


def page_texts(at) -> list[str]:
    """Every text the page shows but the data changelog (a maintainer's Markdown file, in English: data, not words)."""
    changelog = (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8").strip()[:40]
    texts = [str(e.value) for kind in TEXT_ELEMENTS for e in at.get(kind) if not str(e.value).startswith(changelog)]
    for kind in WIDGETS:
        for widget in at.get(kind):
            texts.append(str(getattr(widget, "label", "") or ""))
            texts += [str(o) for o in getattr(widget.proto, "options", [])]
    return texts


@cache
def data_texts() -> list[str]:
    """Every text cell of the bundled package: row notes and labels may stay English (issue 24: marked and counted),
    so a words-file phrase inside one ('a lower bound' in a row's note) is not the project's English left over."""
    cells = set()
    for path in (ROOT / "data").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            cells.update(cell for row in csv.reader(f) for cell in row if len(cell) > 12)
    return sorted(cells, key=len, reverse=True)


def left_in_english(texts: list[str]) -> set[str]:
    plain = [re.sub(r"\\(.)", r"\1", t) for t in texts]
    found = {s for s in english_sentences() for t in plain if s in t}
    if not found:
        return found
    without_data = []
    for text in plain:
        for cell in data_texts():
            if cell in text:
                text = text.replace(cell, "")
        without_data.append(text)
    return {s for s in found if any(s in t for t in without_data)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_every_language_without_english_the_project_wrote(run_page, page, lang):
    at = run_page(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert not left_in_english(page_texts(at))
    assert at.selectbox(key="language-switch").value == lang


@pytest.mark.parametrize("lang", LANGS)
def test_lang_gives_the_page_title_heading_and_navigation_in_that_language(run_page, lang):
    at = run_page("views/compare.py", lang=lang)
    words = next(p for p in pages() if p.url == "compare")
    translated = i18n.translator(lang).gettext
    assert at.title[0].value == translated(words.heading) != words.heading
    assert at.subheader[0].value == translated("Comparability") != "Comparability"


def test_without_lang_the_browser_s_language_is_used(run_page):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context["locale"] = "ko-KR"
    at.switch_page("views/compare.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == i18n.translator("ko").gettext("Compare countries")
    assert "lang" not in at.query_params  # the browser's own choice needs no link parameter


def test_switching_language_keeps_the_view_s_other_link_parameters(run_page):
    at = run_page("views/compare.py", lang="ja", countries=["Japan", "Italy"], scale="Logarithmic")
    # A link's English choices are read in Japanese: the two countries, not the default three.
    assert at.multiselect(key="countries").value == ["Japan", "Italy"]
    concepts = at.multiselect(key="concepts").value
    at.selectbox(key="language-switch").set_value("it").run()
    assert concepts and at.multiselect(key="concepts").value == concepts  # the concepts' words change, not the choice
    assert not at.exception
    assert at.query_params["lang"] == "it"
    assert at.query_params["countries"] == ["Japan", "Italy"] and at.query_params["scale"] == "Logarithmic"
    assert at.multiselect(key="countries").value == ["Japan", "Italy"]
    assert at.title[0].value == i18n.translator("it").gettext("Compare countries")
    assert not at.info  # no "ignored link parameter" notice for lang or for the choices


def test_an_unknown_language_falls_back_and_says_so(run_page):
    at = run_page("views/japan.py", lang="xx")
    assert not at.exception
    assert at.title[0].value == "Japan"
    assert any("'xx'" in i.value for i in at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_an_opened_card_is_in_the_reader_s_language_with_each_quote_in_its_own(run_page, lang):
    at = open_cards(run_page("views/japan.py", lang=lang), expanders=("evidence", "about", "cite", "embed"))
    assert not at.exception, [e.value for e in at.exception]
    assert not left_in_english(page_texts(at))
    quotes = [m.value for m in at.markdown if m.value.startswith("<blockquote")]
    assert quotes and all(q.startswith("<blockquote lang=") for q in quotes[:20])
    english = i18n.translator(lang).gettext("In English: {quote}").split("{quote}")[0]
    captions = [c.value for c in at.caption if c.value.startswith(english)]
    # A Japanese reader is not given English for a Japanese quote; the others are.
    assert (not captions) if lang == "ja" else all('<span lang="en">' in c for c in captions) and captions


def test_a_link_names_its_concepts_in_its_own_language_and_opens_in_another(run_page):
    with i18n.language("en"):
        label = Vocabulary.of(check_package()).concept_labels()["reclusive"]  # as an English reader's link has it
    at = run_page("views/compare.py", lang="ja", concepts=[label])
    assert not at.exception and not at.info  # no "not a choice" notice for an English label
    assert at.multiselect(key="concepts").value == ["reclusive"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_data_changelog_says_it_is_in_english(run_page, lang):
    """The changelog is the maintainers' English: a Japanese reader opened データの更新内容 onto it unannounced."""
    at = run_page("views/overview.py", lang=lang)
    marker = i18n.translator(lang).gettext("(in English)")
    title = i18n.translator(lang).gettext("What's new in the data")
    (label,) = [e.label for e in at.expander if e.label.startswith(title)]
    assert label.endswith(marker) == (lang != "en")
