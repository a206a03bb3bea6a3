"""How "Where it says so" names and shows what a quote holds: a reader name for every column a quote can name,
in every language; a definition without a six-month rule read as none stated; dates as the reader's language
writes them."""

import re
import tomllib

import pytest

import i18n
from core.model import INPUT, TARGETS
from core.package import resource
from shaping.evidence import DATE_COLUMNS, column_name, held_text, quote_groups, quotes_for, unread_columns
from shaping.words import PHRASES_FILE, WORDS_DIR, phrase

LANGUAGES = ("en", "ja", "ko", "it")
DATE_PATTERN = "^[0-9]{4}(-"  # how the schema's YYYY, YYYY-MM or YYYY-MM-DD columns begin their pattern


def quotable() -> list[tuple[str, str]]:
    """(table, column) for every column evidence.csv's column may name: a column of the row's table, or input."""
    pairs = []
    for table, _ in TARGETS.values():
        pairs += [(table, f["name"]) for f in resource(table)["schema"]["fields"]]
        pairs.append((table, INPUT))
    return pairs


def column_words() -> set[str]:
    """Every name words/phrases.toml's [columns] gives a column, in the reader's language."""
    with (WORDS_DIR / PHRASES_FILE).open("rb") as f:
        keys = tomllib.load(f)["columns"]
    return {phrase(f"columns.{key}") for key in keys}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_column_a_quote_can_name_has_a_reader_name_in_every_language(lang):
    with i18n.language(lang):
        names = {(table, column): column_name(column, table) for table, column in quotable()}
        words = column_words()
    for (table, column), name in names.items():
        assert name in words and "_" not in name, (table, column, name)  # a name from words, never the code tidied
        if lang in ("ja", "ko"):  # no English left in a Japanese or Korean name
            assert not re.search("[A-Za-z]", name), (table, column, name)


def test_a_column_reads_the_same_whatever_the_figure():
    with i18n.language("ja"):
        assert len({column_name("cases", table) for table, _ in TARGETS.values()}) == 1
        assert held_text([("cases", "47人", "47", "confirmed")], "recluse_estimates").startswith(
            column_name("cases", "recluse_estimates")
        )


def test_a_column_with_no_reader_name_is_refused_not_shown_raw():
    with pytest.raises(KeyError):
        column_name("not_a_column", "recluse_estimates")


@pytest.mark.parametrize("lang", ("en", "ja"))
def test_a_quote_without_a_six_month_rule_reads_as_none_stated(lang):
    fragment = "거의 집에만 있는 청년"
    with i18n.language(lang):
        none = held_text([("six_month_rule", fragment, "false", "confirmed")], "recluse_estimates")
        stated = held_text([("six_month_rule", "半年以上", "true", "confirmed")], "recluse_estimates")
        name = column_name("six_month_rule")
        expected = phrase("evidence.no_six_month_rule")
    assert none == expected and fragment not in none and name in none
    assert stated.startswith(name) and stated.endswith("半年以上")  # a stated rule as the quote writes it


def test_a_date_reads_as_a_date_in_the_readers_language_not_the_quotes_fragment():
    figures = [("published", "7日", "2016-09-07", "confirmed")]
    shown = {}
    for lang in LANGUAGES:
        with i18n.language(lang):
            shown[lang] = held_text(figures, "recluse_estimates")
    assert shown["en"] == "Published 7 September 2016"
    assert "2016年9月7日" in shown["ja"] and "2016년 9월 7일" in shown["ko"] and "7 settembre 2016" in shown["it"]
    with i18n.language("en"):
        month = held_text([("fieldwork_end", "平成30年12月", "2018-12", "confirmed")], "recluse_estimates")
        year = held_text([("reference_date", "1999", "1999", "confirmed")], "youth_homelessness")
        unreadable = held_text([("published", "2008年5月14日", "FY2008", "differs")], "recluse_estimates")
    assert "December 2018" in month and "平成" not in month
    assert year.endswith("1999")
    assert "2008年5月14日" in unreadable  # a stated value that is no date: the quote's own words


def test_every_date_column_of_the_schema_is_shown_as_a_date():
    dated = {
        f["name"]
        for table, _ in TARGETS.values()
        for f in resource(table)["schema"]["fields"]
        if f["type"] == "date" or f.get("constraints", {}).get("pattern", "").startswith(DATE_PATTERN)
    }
    assert dated and dated <= DATE_COLUMNS


def test_one_age_band_held_as_both_ages_is_named_once():
    both = [("age_max", "15〜64歳", "64", "confirmed"), ("age_min", "15〜64歳", "15", "confirmed")]
    apart = [("age_max", "64歳まで", "64", "confirmed"), ("age_min", "15歳以上", "15", "confirmed")]
    with i18n.language("en"):
        assert held_text(both, "recluse_estimates") == "Age band 15〜64歳"
        assert held_text(apart, "recluse_estimates") == "Oldest age 64歳まで; Youngest age 15歳以上"
        assert unread_columns([(c, None, None, "not_found") for c, *_ in both], "recluse_estimates") == "Age band"


def test_columns_no_page_holds_are_each_named_once_as_the_language_lists():
    unread = [
        ("input", None, None, "not_found"),
        ("input", None, None, "not_found"),
        ("value", None, None, "not_found"),
    ]
    with i18n.language("en"):
        assert unread_columns(unread, "recluse_estimates") == "input of a figure derived here, Count"
    with i18n.language("ja"):
        japanese = unread_columns(unread, "recluse_estimates")
    assert "、" in japanese and "," not in japanese and japanese.count(column_name_in("ja", "input")) == 1


def column_name_in(lang: str, column: str) -> str:
    with i18n.language(lang):
        return column_name(column)


def test_each_quote_group_names_the_table_of_its_row(check):
    groups = quote_groups(quotes_for(check.table("youth_homelessness"), check.table("evidence")))
    assert [g["table"] for g in groups] == ["youth_homelessness"]


@pytest.fixture(scope="module")
def check():
    from loaders.tables import check_package
    from tests.conftest import VALID

    return check_package(VALID)
