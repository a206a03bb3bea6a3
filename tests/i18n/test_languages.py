"""The reader's language, the translator and numbers and dates per locale (made-up values, no real catalog)."""

from datetime import date as Date
from decimal import Decimal

import pytest

from i18n import (
    LANGUAGES,
    MissingCatalog,
    age_band,
    count,
    date,
    language,
    negotiate,
    pct,
    plotly_locale,
    plotly_separators,
    translate,
    translator,
    year,
)


@pytest.mark.parametrize(
    ("accept", "query", "expected"),
    [
        ("ja-JP,ja;q=0.9,en;q=0.8", None, "ja"),
        ("fr-FR,fr;q=0.9,it;q=0.5", None, "it"),
        ("en-US,ko;q=0.9", None, "en"),
        ("ko;q=0.2, ja;q=0.8", None, "ja"),
        ("ko_KR", None, "ko"),  # Streamlit's st.context.locale
        ("ko-KR", "it", "it"),  # ?lang= wins
        ("ja", "IT", "it"),
        ("ja", "xx", "ja"),  # an unknown ?lang= is ignored
        ("de-DE, zh;q=0.5", None, "en"),
        ("ja;q=0", None, "en"),
        ("*", None, "en"),
        (None, None, "en"),
        ("", "", "en"),
    ],
)
def test_negotiate(accept, query, expected):
    assert negotiate(accept, query) == expected


def test_english_is_the_words_as_written_and_unknown_languages_refused(tmp_path):
    assert translator("en").gettext("Sources") == "Sources"
    with pytest.raises(ValueError):
        translator("fr")


def test_a_missing_compiled_catalog_says_how_to_make_it(tmp_path):
    with pytest.raises(MissingCatalog, match="make translations"):
        translator("ko", tmp_path)


def test_translate_follows_the_language_set_for_this_thread(monkeypatch):
    class Shouting:
        def gettext(self, text):
            return text.upper()

    monkeypatch.setattr("i18n.translator", lambda lang: Shouting())
    with language("ja"):
        assert translate("sources") == "SOURCES"


@pytest.mark.parametrize(
    ("value", "lang", "qualifier", "expected"),
    [
        (1_460_000, "en", None, "1.46 million"),
        (1_460_000, "en", "about", "about 1.46 million"),
        (1_682_900, "en", None, "1,682,900"),
        (1_460_000, "ja", "about", "約146万人"),
        (1_682_900, "ja", None, "168万2900人"),
        (123_456_789, "ja", None, "1億2345万6789人"),
        (9_000, "ja", None, "9,000人"),
        (696_000, "ja", "more_than", "69万6000人超"),
        (1_460_000, "ko", "about", "약 146만 명"),
        (1_682_900, "ko", None, "168만 2900명"),
        (1_460_000, "it", None, "1.460.000"),
        (1_460_000, "it", "about", "circa 1.460.000"),
        (None, "ja", None, "–"),
        (float("nan"), "it", None, "–"),
    ],
)
def test_count(value, lang, qualifier, expected):
    assert count(value, lang, qualifier) == expected


def test_count_of_households_and_bare_numbers():
    assert count(260_000, "ko", unit="households") == "26만 가구"
    assert count(260_000, "ja", unit="households") == "26万世帯"
    assert count(260_000, "ja", unit=None) == "26万"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (2.05, "en", "2.05%"),
        (2.05, "it", "2,05%"),
        (Decimal("2.0"), "it", "2,0%"),
        ("2.0", "ja", "2.0%"),
        (5.2, "ko", "5.2%"),
        (2.0, "en", "2%"),
    ],
)
def test_pct_keeps_the_published_decimals(value, lang, expected):
    assert pct(value, lang) == expected


def test_pct_with_fixed_digits():
    assert pct(2, "it", digits=1) == "2,0%"


@pytest.mark.parametrize(("lang", "expected"), [("en", "2022"), ("ja", "2022年"), ("ko", "2022년"), ("it", "2022")])
def test_year(lang, expected):
    assert year(2022, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "December 7, 2026"), ("ja", "2026年12月7日"), ("ko", "2026년 12월 7일"), ("it", "7 dicembre 2026")],
)
def test_date(lang, expected):
    assert date(Date(2026, 12, 7), lang) == expected
    assert date("2026-12-07", lang) == expected


def test_age_bands():
    assert [age_band(15, 39, lang) for lang in LANGUAGES] == ["15–39", "15～39歳", "15~39세", "15–39 anni"]
    assert age_band(0, 24, "ko") == "25세 미만"
    assert age_band(15, None, "ja") == "15歳以上"


def test_plotly_locale_and_separators():
    assert [plotly_locale(lang) for lang in LANGUAGES] == ["en", "ja", "ko", "it"]
    assert plotly_separators("it") == ",." and plotly_separators("ja") == ".,"
