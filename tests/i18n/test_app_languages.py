"""What the app needs from i18n beyond the catalogs: a quote's language, ages in a sentence, and shaping's numbers
following the language of the script run (English exactly as before)."""

import pytest

from i18n import aged, language, quote_language
from shaping import numbers


@pytest.mark.parametrize(
    ("quote", "translated", "expected"),
    [
        ("内閣府の調査によると、若者が推計約69万6千人いる。", True, "ja"),
        ("ひきこもり", True, "ja"),
        ("引きこもり状態", True, "ja"),  # kanji and kana
        ("고립·은둔 청년은 약 54만 명으로 추산된다.", True, "ko"),
        ("孤立·隠遁 청년", True, "ko"),  # Hangul decides over Han
        ("Le proiezioni ci parlano di circa l’1,7% degli studenti totali.", True, "it"),
        ("The government estimates that 696,000 people are socially withdrawn.", False, "en"),
        ("Der Staat schätzt 696.000 Menschen.", True, None),  # a translated Latin quote not told apart: no guess
    ],
)
def test_a_quote_s_language_is_told_by_its_script_or_not_guessed(quote, translated, expected):
    assert quote_language(quote, translated) == expected


@pytest.mark.parametrize(
    ("lang", "band", "under", "every"),
    [
        ("en", "aged 15–39", "under 25", "of all ages"),
        ("ja", "15～39歳", "25歳未満", "全年齢"),
        ("ko", "15~39세", "25세 미만", "전 연령"),
        ("it", "di 15–39 anni", "di meno di 25 anni", "di tutte le età"),
    ],
)
def test_ages_inside_a_sentence(lang, band, under, every):
    assert (aged(15, 39, lang), aged(None, 24, lang), aged(None, None, lang)) == (band, under, every)


def test_shaping_numbers_follow_the_language_of_the_run():
    with language("ja"):
        assert numbers.qualified(numbers.count(1_460_000), "about") == "約146万人"
        assert numbers.age_band(15, 39) == "15～39歳" and numbers.aged(15, 39) == "15～39歳"
        assert numbers.count(1_460_000, unit=None) == "146万"
    with language("ko"):
        assert numbers.qualified(numbers.count(1_460_000), "about") == "약 146만 명"
    with language("it"):
        assert numbers.qualified(numbers.count(1_460_000), "about") == "circa 1.460.000"
        assert (numbers.pct(2.05), numbers.ratio(1.306), numbers.per_100k(10.34)) == ("2,05%", "1,306", "10,3")
        assert numbers.qualified("41.000", "more_than") == "oltre 41.000"


def test_english_numbers_are_written_as_before_inside_another_language_s_block():
    with language("ja"), language("en"):  # the innermost language counts
        assert numbers.count(1_460_000) == "1.46 million" and numbers.count(1_682_900) == "1,682,900"
        assert numbers.qualified(numbers.count(696_000), "about") == "about 696,000"
        assert (numbers.pct(2.05), numbers.per_100k(1234.56), numbers.aged(None, 24)) == (
            "2.05%",
            "1,234.6",
            "under 25",
        )


def test_a_label_before_its_text_uses_the_language_s_colon():
    from i18n import labelled

    assert labelled("Sources", "Cabinet Office", "en") == "Sources: Cabinet Office"
    assert labelled("出典", "内閣府", "ja") == "出典：内閣府"
