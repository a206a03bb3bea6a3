"""The words readers see are data (words/*.toml), checked like the data: file:line: key: message."""

import re
import shutil
import subprocess
import sys

import pytest

from figures.catalog import word_placeholders
from shaping.words import WORDS_DIR, check_words, fields, figure_words, pages
from tests.conftest import ROOT

PLACEHOLDERS = {"summary": ("derived", "parts")}


@pytest.fixture
def words(tmp_path):
    """A copy of words/ to spoil."""
    folder = tmp_path / "words"
    shutil.copytree(WORDS_DIR, folder)
    return folder


def test_the_words_files_match_the_declared_figures():
    assert check_words(word_placeholders()) == []


def test_every_declared_figure_has_a_title_and_a_subtitle():
    for key in word_placeholders():
        words = figure_words(key)
        assert words.has("title") and words.has("subtitle"), key


def test_unknown_keys_are_reported_with_file_and_line(words):
    path = words / "figures" / "japan-split.toml"
    path.write_text(path.read_text().replace("caveats =", "subtitel = 'x'\ncaveats ="))
    found = [str(p) for p in check_words(word_placeholders(), words)]
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("subtitel"))
    assert any(p.startswith(f"words/figures/japan-split.toml:{line}: subtitel: unknown key") for p in found), found


def test_unknown_and_missing_placeholders_are_reported(words):
    path = words / "figures" / "japan-split.toml"
    path.write_text(path.read_text().replace("{derived} of the {parts}", "{derivd} of the"))
    found = [str(p) for p in check_words(word_placeholders(), words)]
    assert any(
        re.match(r"words/figures/japan-split.toml:\d+: summary: summary: unknown placeholder \{derivd\}", p)
        for p in found
    ), found
    assert any("missing placeholder {derived}" in p for p in found) and any(
        "missing placeholder {parts}" in p for p in found
    ), found


def test_unknown_caveats_undeclared_files_and_bad_toml_are_reported(words):
    (words / "figures" / "japan-other.toml").write_text(
        (words / "figures" / "japan-other.toml").read_text().replace('"not_surveys"', '"not_survey"')
    )
    (words / "figures" / "stray.toml").write_text('title = "x"\n')
    (words / "figures" / "compare.toml").write_text('title = "unclosed\n')
    found = [str(p) for p in check_words(word_placeholders(), words)]
    assert any("japan-other.toml" in p and "unknown caveat 'not_survey'" in p for p in found), found
    assert any(p.startswith("words/figures/stray.toml: no figure is declared") for p in found), found
    assert any(p.startswith("words/figures/compare.toml:1: not valid TOML") for p in found), found


def test_a_page_with_an_unknown_key_is_reported(words):
    (words / "pages.toml").write_text((words / "pages.toml").read_text() + 'captoin = "x"\n')
    assert any(".captoin: unknown key" in str(p) for p in check_words(word_placeholders(), words))


def test_fields_reads_format_placeholders():
    assert fields("About {count:,} people in {place}") == {"count", "place"}


def test_pages_come_from_the_words_file_in_navigation_order():
    assert [p.url for p in pages()][:2] == ["overview", "japan"]
    assert all(p.file.startswith("views/") and (ROOT / p.file).is_file() for p in pages())


def test_pages_of_figures_name_no_builder_and_no_title():
    """Japan, homelessness and health are drawn from the declaration alone (ui.render.render_page)."""
    for name in ("japan", "homelessness", "health"):
        text = (ROOT / "views" / f"{name}.py").read_text()
        assert "render_page(" in text and "from figures" not in text and "st.title(" not in text, name


@pytest.mark.slow  # a fresh Python process
def test_the_cli_checks_the_words():
    run = subprocess.run([sys.executable, "-m", "shaping.words"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout.startswith("OK"), run.stdout + run.stderr


def _line_of(path, start: str) -> int:
    return next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(start))


def test_the_code_phrases_are_checked_like_a_figure_file(words):
    """words/phrases.toml holds the sentences the code puts together: a phrase no code fills, a placeholder the code
    does not give or one it gives and the text drops, a plural written as one text, and a phrase removed, each named
    at its file and line."""
    path = words / "phrases.toml"
    text = path.read_text()
    text = text.replace('no_rows = "No rows match the current selection."', 'no_rows = "No rows match {what}."')
    text = text.replace('who = "in {place}"', 'who = "in the place"\nwhom = "x"')
    text = text.replace('[citations.line]\none = "Source: {sources}"\nother = "Sources: {sources}"', "")
    text = text.replace('cities = "City-level figures are shown beside national ones."\n', "")
    text = text.replace('[rows.cases]\none = "{count} case"\nother = "{count} cases"', 'rows_cases = "{count} cases"')
    path.write_text(text)
    found = [str(p) for p in check_words(word_placeholders(), words)]
    assert (
        f"words/phrases.toml:{_line_of(path, 'no_rows')}: "
        "sentences.no_rows: unknown placeholder {what}; it takes none" in found
    )
    assert any(
        p.startswith(f"words/phrases.toml:{_line_of(path, 'who =')}: sentences.who: missing placeholder {{place}}")
        for p in found
    ), found
    assert any(
        p.startswith(f"words/phrases.toml:{_line_of(path, 'whom')}: sentences.whom: unknown phrase") for p in found
    ), found
    assert "words/phrases.toml: citations.line: missing; the code fills this phrase in" in found
    assert "words/phrases.toml: comparability.cities: missing; the code fills this phrase in" in found
    assert "words/phrases.toml: rows.cases: missing; the code fills this phrase in" in found


def test_every_phrase_the_code_fills_is_in_the_words_file():
    """Each phrase of shaping/phrasebook.py fills with exactly its placeholders (no KeyError, nothing left in
    braces)."""
    from shaping.phrasebook import PHRASES, PLURALS
    from shaping.words import phrase, phrase_n

    for name, placeholders in PHRASES.items():
        values = {p: f"<{p}>" for p in placeholders.split()}
        filled = phrase_n(name, 2, **values) if name in PLURALS else phrase(name, **values)
        assert "{" not in filled and all(v in filled for v in values.values()), (name, filled)


@pytest.mark.parametrize(
    ("lang", "forms", "one", "five"),
    [
        ("it", ("{count} caso", "{count} casi", "{count} casi"), "1 caso", "5 casi"),
        ("ja", ("該当者{count}人",), "該当者1人", "該当者5人"),
    ],
)
def test_a_plural_phrase_takes_its_languages_plural_rule(tmp_path, monkeypatch, lang, forms, one, five):
    """A {one, other} table is one gettext message with a plural: Italian picks a form by n, Japanese has one form."""
    import gettext

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    import shaping.words
    from i18n.extract import entries_of
    from shaping.words import phrase_n

    (entry,) = entries_of('[cases]\none = "{count} case"\nother = "{count} cases"\n', "words/phrases.toml")
    assert entry.text == ("{count} case", "{count} cases")
    catalog = Catalog(locale=lang)
    catalog.add(entry.text, string=forms)
    with (tmp_path / "messages.mo").open("wb") as f:
        write_mo(f, catalog)
    with (tmp_path / "messages.mo").open("rb") as f:
        translations = gettext.GNUTranslations(f)
    monkeypatch.setattr(shaping.words, "translator", lambda _: translations)
    assert phrase_n("rows.cases", 1, count="1") == one
    assert phrase_n("rows.cases", 5, count="5") == five


def test_every_choice_of_a_control_is_shown_in_the_readers_language():
    """A control's choices keep their English label as the link's value; each label is a words-file string, so the
    widget's format_func (i18n.translate) shows it in every language."""
    import i18n
    from figures.params import COMPARE_MEASURES, HOMELESS_VIEWS, JAPAN_MEASURES, SCALES

    for choices in (SCALES, JAPAN_MEASURES, COMPARE_MEASURES, HOMELESS_VIEWS):
        for label in choices:
            for lang in ("ja", "ko", "it"):
                with i18n.language(lang):
                    assert i18n.translate(label) != label, (lang, label)
