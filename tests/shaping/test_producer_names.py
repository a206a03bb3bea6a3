"""Who said so, in the reader's language: a source's producer as it writes itself (sources.csv producer_original)
for readers of that script, the English producer otherwise, and each language's own list separators.

On the small fixture package: jp-cao-2010 has producer_original 内閣府, jp-mhlw-2019 and h-valtorta-2016 none."""

import pandas as pd
import pytest

import i18n
from loaders.tables import check_package
from shaping.citations import bibtex_source, list_joins, producer, short_citation, source_line
from shaping.downloads import SOURCE_COLUMNS, rows_with_sources, table_csv
from shaping.estimates import annotate
from shaping.sentences import quote_sentence
from shaping.sources import matching
from shaping.vocabulary import Vocabulary
from tests.conftest import VALID


@pytest.fixture(scope="module")
def check():
    return check_package(VALID)


@pytest.fixture(scope="module")
def sources(check):
    return check.table("sources").set_index("source_id", drop=False)


def cited(sources: pd.DataFrame, *ids: str) -> pd.DataFrame:
    return sources.loc[list(ids)].reset_index(drop=True)


def test_a_japanese_citation_names_the_producer_as_it_writes_itself(sources):
    with i18n.language("ja"):
        short = short_citation(sources.loc["jp-cao-2010"])
        line = source_line(cited(sources, "jp-cao-2010"))
    assert short.startswith("内閣府") and "2010" in short
    assert "内閣府" in line
    assert "Cabinet Office" not in short + line


def test_without_an_own_language_name_a_japanese_reader_reads_the_english_producer(sources):
    with i18n.language("ja"):
        line = source_line(cited(sources, "jp-mhlw-2019"))
    assert "Ministry of Health, Labour and Welfare" in line


def test_the_english_citation_is_unchanged(sources):
    used = cited(sources, "jp-cao-2010", "jp-mhlw-2019", "h-valtorta-2016")
    with i18n.language("en"):
        assert short_citation(sources.loc["jp-cao-2010"]) == "Cabinet Office of Japan (2010)"
        assert source_line(used) == (
            "Sources: Cabinet Office of Japan (2010); Ministry of Health, Labour and Welfare (2019); "
            "Valtorta N.K. et al. (2016)"
        )


def test_bibtex_keeps_the_english_producer_in_every_language(sources):
    with i18n.language("ja"):
        entry = bibtex_source(sources.loc["jp-cao-2010"])
    assert "author = {{Cabinet Office of Japan}}" in entry and "内閣府" not in entry.split("note")[0]


def test_the_japanese_source_line_lists_with_japanese_separators(sources):
    used = cited(sources, "jp-cao-2010", "jp-mhlw-2019", "h-valtorta-2016")
    with i18n.language("ja"):
        line = source_line(used)
    assert "; " not in line and ": " not in line
    assert line.startswith("出典：")
    assert "）、" in line  # one producer's editions closed, then the next producer after the Japanese comma


def test_list_joins_give_each_language_its_separators():
    with i18n.language("en"):
        assert list_joins(3, "; ") == ["; ", "; ", ""]
    with i18n.language("ja"):
        assert list_joins(3, "; ") == ["、", "、", ""]
    with i18n.language("it"):
        assert list_joins(3, ", ")[-2].strip() == "e"  # editions: Babel's own list
        # producers, whose names hold commas ('Office ..., Republic of Korea'): a comma between them would merge two
        assert list_joins(3, "; ") == ["; ", "; ", ""]
    with i18n.language("ko"):
        assert list_joins(3, "; ") == ["; ", "; ", ""]
    assert list_joins(1, "; ") == [""] and list_joins(0, "; ") == []


@pytest.mark.parametrize(
    ("own_name", "shown_to", "hidden_from"),
    [
        ("内閣府", ["ja"], ["en", "ko", "it"]),
        ("국무조정실", ["ko"], ["en", "ja", "it"]),
        ("Istituto Superiore di Sanità", ["it"], ["en", "ja", "ko"]),
    ],
)
def test_an_own_language_name_is_shown_only_to_readers_of_its_script(own_name, shown_to, hidden_from):
    source = pd.Series({"producer": "The English name", "producer_original": own_name})
    for lang in shown_to:
        with i18n.language(lang):
            assert producer(source) == own_name, lang
    for lang in hidden_from:
        with i18n.language(lang):
            assert producer(source) == "The English name", lang


def test_the_sentence_to_quote_says_who_in_the_readers_language(check, sources):
    vocab = Vocabulary.of(check)
    row = annotate(check.table("recluse_estimates"), vocab).iloc[0]
    assert row["source_id"] == "jp-cao-2010"
    with i18n.language("ja"):
        japanese = quote_sentence(row, sources.loc["jp-cao-2010"], vocab)
    with i18n.language("en"):
        english = quote_sentence(row, sources.loc["jp-cao-2010"], vocab)
    assert "内閣府" in japanese and "Cabinet Office" not in japanese
    assert "Cabinet Office of Japan" in english and "内閣府" not in english


def test_the_rows_download_carries_the_own_language_name_after_the_existing_columns(check, sources):
    rows = check.table("recluse_estimates").head(1)
    table = rows_with_sources(rows, check.table("sources"))
    cited_columns = [c for c in table.columns if c.startswith("source_") and c != "source_id"]
    assert cited_columns == [f"source_{c}" for c in SOURCE_COLUMNS]
    assert {"source_producer", "source_title", "source_url", "source_citation"} <= set(cited_columns)
    assert table["source_producer_original"].iloc[0] == "内閣府"


def test_a_source_is_found_by_its_own_language_name(sources):
    found = matching(sources.reset_index(drop=True), "内閣府")
    assert found["source_id"].tolist() == ["jp-cao-2010"]


def test_a_source_is_found_by_the_name_pages_in_the_reader_s_language_give_its_producer(sources):
    """A Korean reader searching the sources for 내각부 found nothing: the name was shown but not searched."""
    assert matching(sources.reset_index(drop=True), "내각부")["source_id"].tolist() == ["jp-cao-2010"]
    assert matching(sources.reset_index(drop=True), "nipponico")["source_id"].tolist() == ["jp-cao-2010"]


# producer_names.csv: the fixture names the Cabinet Office in Korean (일본 내각부) and Italian (Ufficio di Gabinetto
# nipponico), and the World Bank in Japanese (世界銀行); no row names the Ministry of Health or Valtorta et al.


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Cabinet Office of Japan"),
        ("ja", "内閣府"),  # the producer's own name comes first for readers of its script
        ("ko", "일본 내각부"),
        ("it", "Ufficio di Gabinetto nipponico"),
    ],
)
def test_each_reader_reads_the_producer_in_their_language(sources, lang, expected):
    with i18n.language(lang):
        assert producer(sources.loc["jp-cao-2010"]) == expected


def test_a_name_read_in_japanese_is_shown_to_japanese_readers_only(sources):
    world_bank = sources.loc["pop-wb-datasets-population"]
    with i18n.language("ja"):
        assert producer(world_bank) == "世界銀行"
    for lang in ("en", "ko", "it"):
        with i18n.language(lang):
            assert producer(world_bank) == "World Bank", lang


def test_a_producer_no_page_names_in_the_readers_language_stays_english(sources):
    used = cited(sources, "jp-cao-2010", "jp-mhlw-2019", "h-valtorta-2016")
    with i18n.language("ko"):
        line = source_line(used)
    assert "일본 내각부" in line and "Cabinet Office" not in line
    assert "Ministry of Health, Labour and Welfare" in line and "Valtorta N.K. et al." in line


def test_the_italian_source_line_and_short_citation_name_the_producer_in_italian(sources):
    with i18n.language("it"):
        short = short_citation(sources.loc["jp-cao-2010"])
        line = source_line(cited(sources, "jp-cao-2010", "jp-mhlw-2019"))
    assert short.startswith("Ufficio di Gabinetto nipponico") and "2010" in short
    assert "Ufficio di Gabinetto nipponico" in line and "Cabinet Office" not in line


def test_the_korean_sentence_to_quote_names_the_producer_in_korean(check, sources):
    vocab = Vocabulary.of(check)
    row = annotate(check.table("recluse_estimates"), vocab).iloc[0]
    with i18n.language("ko"):
        sentence = quote_sentence(row, sources.loc["jp-cao-2010"], vocab)
    assert "일본 내각부" in sentence and "Cabinet Office" not in sentence


def test_bibtex_keeps_the_english_producer_for_a_korean_reader(sources):
    with i18n.language("ko"):
        entry = bibtex_source(sources.loc["jp-cao-2010"])
    assert "author = {{Cabinet Office of Japan}}" in entry and "내각부" not in entry


def test_the_sources_download_carries_no_internal_name_column(check):
    header = table_csv(check.table("sources"), {}).decode("utf-8-sig").splitlines()[0]
    assert "producer_original" in header and "_producer_" not in header
