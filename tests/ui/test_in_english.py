"""Row notes the data writes only in English: marked lang="en" with "(in English)" in the reader's language, in the
app's card and on the static figure page, and counted per language for the build's report."""

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from figures import catalog
from figures.card import CardContent
from figures.finished import finish
from figures.in_english import LOCATORS, QUOTE_NOTES, ROW_NOTES, english_counts, english_marker, marked_row_notes
from loaders.tables import check_package
from publish.untranslated import english_report
from tests.conftest import rows, set_cell
from ui.card import english_markdown

KEY = "japan-rounds"


def figure_of(check, key: str = KEY):
    entry = next(e for e in catalog(check) if e.key == key)
    return entry.build(check)


@pytest.fixture
def check(package):
    return check_package(package)


def test_a_note_is_marked_english_for_a_japanese_reader_and_not_for_an_english_one(check):
    with i18n.language("ja"):
        figure = figure_of(check)
        marked = marked_row_notes(figure, "ja")
    noted = [n for n, (_, row) in zip(marked, figure.rows.iterrows(), strict=True) if isinstance(row["note"], str)]
    assert noted and all(n["lang"] == "en" for n in noted)
    marker = i18n.translator("ja").gettext("(in English)")
    assert marker != "(in English)" and all(n["marker"] == marker for n in noted)
    assert all(n["lang"] is None and not n["marker"] for n in marked_row_notes(figure_of(check), "en"))


def test_the_app_s_english_note_is_escaped_inside_its_lang_span():
    shown = english_markdown("<img src=x onerror=alert(1)> **bold** &lt;b&gt;", "（英語のまま）")
    assert shown.startswith('<span lang="en">') and "</span> （英語のまま）" in shown
    assert not re.search(r"(?<!\\)<img", shown) and "\\<img" in shown  # a CSV's tag is text
    assert "&amp;lt;b&amp;gt;" in shown and "\\*\\*bold\\*\\*" in shown  # and so are its entity and its Markdown


def card_script(key: str, lang: str, data_dir: str):
    import i18n
    from figures import catalog
    from loaders.tables import check_package
    from ui.card import figure_card

    i18n.set_language(lang)
    check = check_package(__import__("pathlib").Path(data_dir))
    entry = next(e for e in catalog(check) if e.key == key)
    figure_card(entry.build(check), check)


def test_a_japanese_card_shows_a_note_in_english_marked_so(package, check):
    at = AppTest.from_function(card_script, args=(KEY, "ja", str(package)), default_timeout=60)
    at.session_state[f"{KEY}-about"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    marker = i18n.translator("ja").gettext("(in English)")
    note = next(n for n in figure_of(check).rows["note"] if isinstance(n, str))
    shown = [m.value for m in at.markdown if '<span lang="en">' in m.value]
    assert any(english_markdown(note, marker) in m for m in shown)


def counts_of(check) -> dict[str, dict[str, int]]:
    cards = {}
    for lang in ("en", "ja"):
        with i18n.language(lang):
            cards[lang] = [CardContent(finish(figure_of(check, k), check), check, None, date.today()) for k in (KEY,)]
    return english_counts(cards)


def test_the_count_grows_by_one_when_a_row_gets_a_note(package):
    drawn = figure_of(check_package(package)).rows["estimate_id"].iloc[0]
    row = next(i for i, r in enumerate(rows(package / "recluse_estimates.csv")) if r[0] == drawn)
    set_cell(package, "recluse_estimates", row, "note", "")  # the fixture's row, without its note
    before = counts_of(check_package(package))
    assert set(before["en"].values()) == {0}
    set_cell(package, "recluse_estimates", row, "note", "A note no other row has, for this test.")
    after = counts_of(check_package(package))
    assert after["ja"][ROW_NOTES] == before["ja"][ROW_NOTES] + 1
    assert after["ja"][QUOTE_NOTES] == before["ja"][QUOTE_NOTES]
    assert re.search(rf"ja: .*{after['ja'][ROW_NOTES]} row notes", english_report(after))
    assert "en:" not in english_report(after)  # an English reader meets no English to mark


def test_no_marker_for_english_readers():
    assert english_marker("en") == "" and english_marker("it") == i18n.translator("it").gettext("(in English)")


def test_the_marker_is_put_after_words_in_one_place():
    """views/claims.py and ui/page.py joined a label and "(in English)" by hand, and figures/in_english.py read the
    marker itself: the one helper is shaping.words (data_english, english_marker), which figures, ui and views use."""
    import shaping.words
    from figures import in_english
    from tests.conftest import ROOT

    assert in_english.english_marker is shaping.words.english_marker
    by_hand = {
        path.relative_to(ROOT).as_posix()
        for folder in ("figures", "shaping", "ui", "views", "publish")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "words.py" and re.search(r"\(\s*[\"']rows\.in_english", path.read_text(encoding="utf-8"))
    }
    joined = {
        path.relative_to(ROOT).as_posix()
        for path in [*(ROOT / "views").rglob("*.py"), ROOT / "ui" / "page.py"]
        if "english_marker" in path.read_text(encoding="utf-8")
    }
    assert by_hand == set() and joined == set()
    with i18n.language("ja"):
        assert shaping.words.data_english("Claim") == f"Claim {i18n.translator('ja').gettext('(in English)')}"


def test_a_japanese_card_marks_where_an_english_locator_says_so_and_counts_it(package, check):
    """'Where it says so' showed 'editorial, second paragraph', the data's English, unmarked to a Japanese reader; a
    locator that is the source's own heading ('調査の時期') is not English and is neither marked nor counted."""
    at = AppTest.from_function(card_script, args=(KEY, "ja", str(package)), default_timeout=60)
    at.session_state[f"{KEY}-evidence"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    marker = i18n.translator("ja").gettext("(in English)")
    with i18n.language("ja"):
        card = CardContent(finish(figure_of(check), check), check, None, date.today())
    locators = {q["locator"] for row in card.evidence for q in row["quotes"] if q["found"]}
    assert locators and all(re.search("[a-z]{2,}", loc) for loc in locators)  # the fixture's are English
    held = [m.value for m in at.markdown if "· [" in m.value or '<span lang="en">' in m.value]
    for locator in locators:
        assert any(f'<span lang="en">{locator}</span>' in m and m.count(marker) == 1 for m in held), held
    assert counts_of(check)["ja"][LOCATORS] == len(locators) and counts_of(check)["en"][LOCATORS] == 0

    row = next(i for i, r in enumerate(rows(package / "evidence.csv")) if r[12] in locators)
    set_cell(package, "evidence", row, "locator", "調査の時期")
    heading = check_package(package)
    assert counts_of(heading)["ja"][LOCATORS] == len(locators) - 1
    at = AppTest.from_function(card_script, args=(KEY, "ja", str(package)), default_timeout=60)
    at.session_state[f"{KEY}-evidence"] = True
    at.run()
    shown = [m.value for m in at.markdown if "調査の時期" in m.value]
    assert shown and not any(marker in m or 'lang="en"' in m for m in shown)
