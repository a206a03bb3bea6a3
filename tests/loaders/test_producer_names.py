"""producer_names.csv validated like the other tables: a producer sources.csv does not have, or a name its quote does
not hold, is a problem with file, line and column; a table with problems names no producer (readers see the English),
and a valid one gives each source its producer's name per language in an internal column of the sources frame."""

from core.model import producer_name_column
from core.problems import Problem
from loaders.tables import check_package
from tests.conftest import add_row, set_cell


def test_the_fixture_names_each_producer_in_the_languages_its_rows_give(package):
    check = check_package(package)
    assert check.all_problems() == []
    sources = check.table("sources").set_index("source_id")
    assert sources.at["jp-cao-2010", producer_name_column("ko")] == "일본 내각부"
    assert sources.at["pop-wb-datasets-population", producer_name_column("ja")] == "世界銀行"
    assert sources[producer_name_column("ko")].isna().sum() == len(sources) - 1  # only the Cabinet Office has one


def test_an_unknown_producer_is_refused_with_file_line_and_column(package):
    add_row(package, "producer_names", {"producer": "Cabinet Office of Japn", "lang": "ja"})
    problems = check_package(package).problems["producer_names"]
    assert problems == [
        Problem(
            str(package / "producer_names.csv"),
            5,
            "producer",
            "'Cabinet Office of Japn' is not a producer in sources.csv",
        )
    ]


def test_a_name_its_quote_does_not_hold_is_refused(package):
    set_cell(package, "producer_names", 2, "name", "Ufficio di Gabinetto del Giappone")
    problems = check_package(package).problems["producer_names"]
    assert [(p.file, p.line, p.column) for p in problems] == [(str(package / "producer_names.csv"), 3, "name")]
    assert "'Ufficio di Gabinetto del Giappone' does not appear in quote" in problems[0].message


def test_a_second_name_for_the_same_producer_and_language_is_refused(package):
    add_row(package, "producer_names", {"name": "내각부", "quote": "내각부는 조사 결과를 발표했다."})
    problems = check_package(package).problems["producer_names"]
    assert [(p.line, p.column) for p in problems] == [(5, "producer, lang")]


def test_a_table_with_problems_names_no_producer(package):
    set_cell(package, "producer_names", 1, "lang", "kr")
    check = check_package(package)
    assert [(p.line, p.column) for p in check.problems["producer_names"]] == [(2, "lang")]
    assert not any(column.startswith("_producer_") for column in check.table("sources").columns)
    assert check.problems["sources"] == []  # the sources themselves stay readable
