"""The data's own words in the readers' languages: a sentence to quote, a summary and a headline in Japanese, Korean or
Italian carry no English from labels.csv, concepts.csv, dates or templates; what the package leaves untranslated falls
back to English and is counted."""

import calendar
import re
import tomllib

import pandas as pd
import pytest

import i18n
from loaders.tables import check_package
from shaping.estimates import annotate
from shaping.headlines import cautions
from shaping.sentences import headline_summary, how_made, quote_sentence, summary_sentence
from shaping.vocabulary import Vocabulary, untranslated_counts
from tests.conftest import ROOT, VALID, set_cell

LANGUAGES = ("ja", "ko", "it")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def check():
    return check_package(VALID)


@pytest.fixture(scope="module")
def vocab(check) -> Vocabulary:
    return Vocabulary.of(check)


def variants(first: pd.Series) -> list[pd.Series]:
    """The fixture's rows, and the same survey row made into each kind of row a sentence words differently."""
    change = [
        {},  # a count with its rate, scaled up from its cases
        {
            "concept": "reclusive",
            "country": "KOR",
            "value": pd.NA,
            "rate_pct": 3.2,
            "six_month_rule": False,
            "fieldwork_start": "2019",
            "fieldwork_end": pd.NA,
            "cases": pd.NA,
            "age_min": 18,
            "age_max": 34,
        },
        {
            "concept": "at_risk",
            "country": "ITA",
            "scope": "enrolled_students",
            "method": "student_survey",
            "value": 67000,
            "qualifier": "about",
            "rate_pct": 2.6,
            "cases": pd.NA,
            "fieldwork_start": "2021",
            "fieldwork_end": pd.NA,
        },
        {
            "concept": "hikikomori_in_household",
            "unit": "households",
            "method": "household_survey",
            "value": 260000,
            "qualifier": "about",
            "rate_pct": pd.NA,
            "fieldwork_start": pd.NA,
            "fieldwork_end": pd.NA,
            "published": "2010-05",
            "age_min": 20,
            "age_max": 49,
        },
        {
            "concept": "hikikomori",
            "area": "tokyo",
            "method": "regional_survey",
            "interval": "lower_bound",
            "value": pd.NA,
            "value_low": 25000,
            "value_high": 30000,
            "rate_pct": pd.NA,
            "cases": pd.NA,
            "fieldwork_start": "2007-09",
            "fieldwork_end": "2008-01",
        },
        {
            "concept": "isolated_or_reclusive",
            "country": "KOR",
            "method": "extrapolation",
            "value": 610000,
            "qualifier": "about",
            "rate_pct": pd.NA,
            "fieldwork_start": "2022-05",
            "fieldwork_end": "2022-12",
        },
        {
            "concept": "self_identified",
            "country": "ITA",
            "scope": "enrolled_students",
            "method": "student_survey",
            "value": pd.NA,
            "rate_pct": 1.6,
            "cases": pd.NA,
            "fieldwork_start": "2022-11-10",
            "fieldwork_end": pd.NA,
        },
        {
            "concept": "stays_home_weekdays",
            "country": "ITA",
            "scope": "enrolled_students",
            "qualifier": "at_least",
            "value": pd.NA,
            "rate_pct": 1.8,
            "cases": pd.NA,
            "age_min": pd.NA,
            "age_max": pd.NA,
        },
    ]
    made = []
    for cells in change:
        row = first.astype(object).copy()
        for column, value in cells.items():
            row[column] = value
        made.append(row)
    return made


def sentences(check, vocab: Vocabulary) -> list[tuple[str, pd.Series]]:
    """Every sentence a reader quotes: each row's quote, its headline summary, and the summary of them all."""
    sources = check.table("sources").set_index("source_id", drop=False)
    fixture = annotate(check.table("recluse_estimates"), vocab)
    rows = [r for _, r in fixture.iterrows()] + variants(fixture.iloc[0])
    rows = [annotate(pd.DataFrame([r]), vocab).iloc[0] for r in rows]
    said = [(quote_sentence(r, sources.loc[r["source_id"]], vocab), r) for r in rows]
    said += [(headline_summary(r, cautions(r)), r) for r in rows]
    said += [(summary_sentence(pd.DataFrame(rows)), rows[0])]
    return said


def allowed(row: pd.Series, check, lang: str) -> list[str]:
    """Latin-script text that may stand in a Japanese or Korean sentence, each for a reason:
    - the producer: an institution's own name, as sources.csv writes it (the package holds no translation);
    - the area: a city's name as recluse_estimates.csv writes it;
    - the glossary's terms in this language: kept as their source writes them (a rischio, ritiro corrente)."""
    glossary = check.table("glossary")
    terms = glossary.loc[glossary["lang"] == lang, "term"].tolist()
    producer = check.table("sources").set_index("source_id").loc[row["source_id"], "producer"]
    return sorted([producer, str(row.get("area", "")), *terms], key=len, reverse=True)


def english_words(vocab: Vocabulary) -> set[str]:
    """The English the Italian must not carry: words of labels, concept phrases, month names and sentence templates
    (English month abbreviations are matched with their capital: Italian writes 'nov 2022')."""
    text = " ".join(vocab.labels["label"]) + " " + " ".join(vocab.concepts["quote_phrase"])
    text += " " + " ".join(calendar.month_name[1:])
    phrases = tomllib.loads((ROOT / "words" / "phrases.toml").read_text(encoding="utf-8"))["sentences"]
    text += " " + " ".join(v for v in phrases.values() if isinstance(v, str))
    return {w.lower() for w in ASCII_WORD.findall(re.sub(r"\{\w+\}", " ", text))}


# Italian words spelled like an English word of the labels or templates: the same word in both languages.
ITALIAN_AND_ENGLISH = {"in", "a", "non", "per", "no", "da", "di", "quasi"}


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_japanese_and_korean_sentences_carry_no_english_from_the_data(check, vocab, lang):
    with i18n.language(lang):
        said = sentences(check, vocab)
    for text, row in said:
        rest = text
        for name in allowed(row, check, lang):
            rest = re.sub(re.escape(name), " ", rest, flags=re.I) if name else rest
        assert not ASCII_WORD.search(rest), f"{lang}: {ASCII_WORD.findall(rest)} in {text!r}"


def test_italian_sentences_carry_no_english_from_the_data(check, vocab):
    english = english_words(vocab) - ITALIAN_AND_ENGLISH
    with i18n.language("it"):
        said = sentences(check, vocab)
    for text, row in said:
        rest = text
        for name in allowed(row, check, "it"):
            rest = re.sub(re.escape(name), " ", rest, flags=re.I) if name else rest
        found = sorted({w for w in ASCII_WORD.findall(rest) if w.lower() in english or w in calendar.month_abbr[1:]})
        assert not found, f"it: English {found} in {text!r}"


def test_english_sentences_read_as_before(check, vocab):
    """The English words stay the package's English: labels, dates, and one counted unit per number."""
    said = dict((row["concept"] + str(i), text) for i, (text, row) in enumerate(sentences(check, vocab)))
    texts = " ".join(said.values())
    assert "national survey" in texts and "February 2010" in texts and "Sep" not in texts.replace("September", "")
    assert "An estimated 696,000 people (1.79%) aged 15–39 in Japan" in texts
    assert "Between 25,000 and 30,000 people aged 15–39 in Tokyo, Japan" in texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_number_carries_one_counter_and_a_rate_its_ages_first(check, vocab, lang):
    with i18n.language(lang):
        texts = " ".join(text for text, _ in sentences(check, vocab))
    assert "（人）" not in texts and "(사람)" not in texts  # the counter once, with the number
    assert not re.search(r"人の\d|사람의 \d", texts)  # no "of people" slot before a rate
    if lang == "ja":
        assert "15～39歳の1.79%" in texts and "69万6000人（1.79%）" in texts and "2.5万" not in texts
    if lang == "ko":
        assert "15~39세의 1.79%" in texts and "69만 6000명(1.79%)" in texts
    if lang == "it":
        assert "696.000 persone" in texts and "per Giappone" not in texts and "febbraio 2010" in texts


def test_a_label_missing_its_translation_reads_english_and_is_counted(package):
    before = untranslated_counts(Vocabulary.of(check_package(package)))
    labels = pd.read_csv(package / "labels.csv", dtype=str)
    row = labels.index[(labels["field"] == "method") & (labels["value"] == "national_survey")][0] + 1
    set_cell(package, "labels", int(row), "label_ja", "")
    vocab = Vocabulary.of(check_package(package))
    assert untranslated_counts(vocab) == {**before, "ja": before["ja"] + 1}
    assert "labels.csv label recluse_estimates method national_survey" in vocab.untranslated("ja")
    with i18n.language("ja"):
        assert vocab.label("recluse_estimates", "method", "national_survey") == "national survey"
    with i18n.language("ko"):
        assert vocab.label("recluse_estimates", "method", "national_survey") != "national survey"


def test_labels_follow_the_language_of_each_call(vocab):
    """No answer is kept across a language switch: the same Vocabulary reads each language in turn."""
    names = {}
    for lang in ("en", *LANGUAGES, "en"):
        with i18n.language(lang):
            names.setdefault(lang, set()).add(vocab.label("recluse_estimates", "method", "national_survey"))
            names[lang].add(vocab.concept("hikikomori_broad")["quote_phrase"])
    assert names["en"] == {"national survey", vocab.concepts.loc["hikikomori_broad", "quote_phrase"]}
    assert len({frozenset(v) for v in names.values()}) == 4


def test_a_translated_quote_phrase_must_use_the_glossary_term(package):
    concepts = pd.read_csv(package / "concepts.csv", dtype=str)
    row = concepts.index[concepts["concept"] == "hikikomori_broad"][0] + 1
    set_cell(package, "concepts", int(row), "quote_phrase_ja", "6か月以上社会的に引きこもっている人")
    problems = check_package(package).problems["concepts"]
    assert [(p.column, "広義のひきこもり" in p.message) for p in problems] == [("quote_phrase_ja", True)]


def test_forest_plot_groups_follow_the_language(package):
    """The forest plot's headings and legend (labels.csv group) read in the reader's language, English where empty."""
    vocab = Vocabulary.of(check_package(package))
    english = vocab.groups_of("isolation_health_risks", "outcome")
    with i18n.language("ja"):
        japanese = vocab.groups_of("isolation_health_risks", "outcome")
    assert english and english.keys() == japanese.keys() and all(japanese[k] != english[k] for k in english)
    labels = pd.read_csv(package / "labels.csv", dtype=str)
    row = labels.index[labels["group_ja"].notna()][0]
    set_cell(package, "labels", int(row) + 1, "group_ja", "")
    vocab = Vocabulary.of(check_package(package))
    with i18n.language("ja"):
        assert (
            labels.loc[row, "group"] in vocab.groups_of(labels.loc[row, "resource"], labels.loc[row, "field"]).values()
        )
    assert f"labels.csv group {labels.loc[row, 'resource']} {labels.loc[row, 'field']} {labels.loc[row, 'value']}" in (
        vocab.untranslated("ja")
    )


@pytest.mark.parametrize(
    ("lang", "expected"), [("ja", "54万–90万（人）"), ("ko", "54만–90만(사람)"), ("en", "540,000–900,000 people")]
)
def test_a_derived_count_range_names_its_unit_once(check, vocab, lang, expected):
    """'How it was made' for an interval derived here: the counts and then the group, never 54万人–90万人（人）."""
    row = annotate(check.table("recluse_estimates"), vocab).iloc[0].copy()
    row["interval"], row["derivation"] = "derived_ci95", "Wilson interval on the survey's cases."
    row["value_low"], row["value_high"], row["rate_low_pct"], row["rate_high_pct"] = 540000, 900000, 1.4, 2.3
    with i18n.language(lang):
        steps = " ".join(how_made(row))
    assert expected in steps and "人（人）" not in steps and "명(사람)" not in steps
