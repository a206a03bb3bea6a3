"""Who a homelessness figure counts, and where, reads in the reader's language: population_group and area are codes
whose words are labels.csv's (English as the column once wrote them, Japanese, Korean, Italian), and a code with no
label is refused with the file and line."""

import csv
import html
import io
from pathlib import Path

import pytest

import i18n
from figures.homelessness import net_cafe, one_night
from figures.in_english import english_texts
from loaders.tables import check_package
from tests.conftest import add_row, rows, set_cell, write_rows

LABEL_KEY = ["youth_homelessness", "population_group", "street_homeless"]  # the fixture row's group
US_ROW = {  # a US one-night count beside the fixture's Japanese street count
    "row_id": "us-hud-2023",
    "country": "USA",
    "measure": "one_night_count",
    "population_group": "unaccompanied_youth",
    "age_max": "24",
    "year": "2023",
    "reference_date": "2023-01",
}
CAFE_ROW = {  # Tokyo's internet-café count
    "row_id": "jp-netcafe-tokyo",
    "area": "tokyo",
    "measure": "net_cafe_count",
    "population_group": "net_cafe_without_housing",
}


def add_homeless_row(package: Path, values: dict[str, str]) -> None:
    """One more youth_homelessness row like the fixture's, with its evidence (a copy of the fixture row's)."""
    add_row(package, "youth_homelessness", values)
    evidence = rows(package / "evidence.csv")
    like = next(i for i, r in enumerate(evidence) if r[evidence[0].index("homelessness_row_id")] == "jp-mhlw-2019")
    new_id = {"evidence_id": f"ev-{values['row_id']}-value", "homelessness_row_id": values["row_id"]}
    add_row(package, "evidence", new_id, like=like)


def labels(package: Path, field: str) -> dict[str, dict[str, str]]:
    """code -> {"en": label, "ja": label_ja, ...} for one youth_homelessness field, read from the package's file."""
    text = (package / "labels.csv").read_text(encoding="utf-8")
    found = {}
    for row in csv.DictReader(io.StringIO(text)):
        if (row["resource"], row["field"]) == ("youth_homelessness", field):
            found[row["value"]] = {"en": row["label"]} | {lang: row[f"label_{lang}"] for lang in ("ja", "ko", "it")}
    return found


def flat(text: str) -> str:
    """A legend entry as text to search: its lines joined, entities read, spaces dropped (lines break at spaces)."""
    return html.unescape(text.replace("<br>", "")).replace(" ", "")


@pytest.fixture
def counts(package: Path) -> Path:
    add_homeless_row(package, US_ROW)
    return package


@pytest.mark.parametrize("lang", ["ja", "ko", "it"])
def test_the_street_count_chart_names_each_group_in_the_readers_language(counts, lang):
    groups = labels(counts, "population_group")
    with i18n.language(lang):
        figure = one_night(check_package(counts))
    legend = [flat(t.name) for t in figure.chart.data]
    assert set(figure.rows["population_group"]) == {"street_homeless", "unaccompanied_youth"}
    for row in figure.rows.to_dict("records"):
        words = groups[row["population_group"]]
        assert f" · {words[lang]} · " in row["label"]
        assert any(flat(words[lang]) in name for name in legend)
    shown = " ".join(legend + list(figure.rows["label"]) + [figure.summary])
    for code, words in groups.items():
        assert code not in shown  # never the raw code
        if words["en"] not in words[lang]:  # a US category keeps its English name in parentheses, by design
            assert words["en"].replace(" ", "") not in shown.replace(" ", "")
    assert groups["street_homeless"]["en"] not in groups["street_homeless"][lang]  # a Japanese group: no English


def test_the_english_edition_reads_the_english_labels(counts):
    groups = labels(counts, "population_group")
    figure = one_night(check_package(counts))  # the default language
    for row in figure.rows.to_dict("records"):
        assert f" · {groups[row['population_group']]['en']} · " in row["label"]
    legend = [flat(t.name) for t in figure.chart.data]
    assert any(flat(groups["unaccompanied_youth"]["en"]) in name for name in legend)


@pytest.mark.parametrize("lang", ["en", "ja", "ko", "it"])
def test_an_area_reads_in_the_readers_language_and_is_not_counted_as_english(package, lang):
    add_homeless_row(package, CAFE_ROW)
    areas = labels(package, "area")
    with i18n.language(lang):
        figure = net_cafe(check_package(package))
    tokyo = figure.rows.set_index("row_id").loc["jp-netcafe-tokyo"]
    assert tokyo["label"].startswith(areas["tokyo"][lang] + " · ")
    assert f"{areas['tokyo'][lang]}, " in figure.summary or f"{areas['tokyo'][lang]}、" in figure.summary

    class Card:  # english_texts reads a card's figure and evidence only
        evidence: list = []

    Card.figure = figure
    assert not any(areas["tokyo"]["en"] in text for texts in english_texts([Card()]).values() for text in texts)


def test_a_group_code_with_no_label_is_refused_with_its_file_and_line(package):
    set_cell(package, "youth_homelessness", 1, "population_group", "street_sleepers")
    problems = [str(p) for p in check_package(package).all_problems()]
    where = f"{package / 'youth_homelessness.csv'}:2: population_group: "
    assert any(p.startswith(where) and "street_sleepers" in p for p in problems), problems


def test_a_group_code_the_schema_allows_but_labels_csv_lacks_is_refused(package):
    records = rows(package / "labels.csv")
    write_rows(package / "labels.csv", [r for r in records if r[:3] != LABEL_KEY])
    problems = [str(p) for p in check_package(package).all_problems()]
    assert (
        f"{package / 'labels.csv'}: value: youth_homelessness.csv's population_group allows 'street_homeless' "
        "(datapackage.json) but no row here labels it: add a row youth_homelessness,population_group,street_homeless,"
        "<label>" in problems
    )
    where = f"{package / 'youth_homelessness.csv'}:2: population_group: 'street_homeless' has no label in labels.csv"
    assert any(p.startswith(where) for p in problems), problems


def test_every_group_and_area_the_fixture_uses_is_labelled_in_four_languages(package):
    header, *records = rows(package / "youth_homelessness.csv")
    for field in ("population_group", "area"):
        words = labels(package, field)
        for record in records:
            assert all(words[record[header.index(field)]].values())


@pytest.mark.parametrize("lang", ["ja", "ko", "it"])
def test_a_cafe_count_is_written_in_the_readers_numbers_not_the_data_s_english(package, lang):
    from shaping.numbers import count, qualified

    add_homeless_row(package, {**CAFE_ROW, "value": "4000", "qualifier": "about", "as_published": "about 4,000"})
    check = check_package(package)
    with i18n.language(lang):
        figure = net_cafe(check)
        expected = qualified(count(4000), "about")
    english = net_cafe(check)
    assert "about 4,000" in english.summary  # an English reader reads the figure as its source wrote it
    assert "about 4,000" not in figure.summary and expected in figure.summary  # 約4,000人, circa 4.000
