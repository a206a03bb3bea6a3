"""Cell rules: the column search finds every cell the per-cell rules would flag, wherever in the column it is."""

from core.package import field_names
from loaders.precheck import read_rows
from loaders.schema_check import cell_problems, number_problem, text_problem

HEADER = field_names("isolation_health_risks")  # text columns (population, note) and number columns (value, ci_low)


def table(cells: dict[str, list[str]]) -> str:
    """isolation_health_risks.csv text with the given cells (column -> one value per row) and every other cell 'x'."""
    count = max(len(values) for values in cells.values())
    lines = [",".join(HEADER)]
    for i in range(count):
        lines.append(",".join(cells.get(column, ["x"] * count)[i] if column in cells else "x" for column in HEADER))
    return "\n".join(lines) + "\n"


def problems(text: str) -> list:
    """cell_problems on the text's records as the validator reads them."""
    return cell_problems("isolation_health_risks", read_rows(text, HEADER, "f.csv")[0], "f.csv")


def test_each_flagged_cell_is_found_with_its_line():
    text = table(
        {
            "population": ["adults", " =1", "\u3000@home", "a <b>", "[link](http://x)", "-x", "plain"],
            "value": ["1.5", "-2e3", "nan", "１２", "1_0", " inf ", "7"],
        }
    )
    found = {(p.line, p.column, p.message) for p in problems(text)}
    expected = {
        (3, "population", text_problem("=1")),
        (4, "population", text_problem("@home")),
        (5, "population", text_problem("a <b>")),
        (6, "population", text_problem("[link](http://x)")),
        (7, "population", text_problem("-x")),
        (4, "value", number_problem("nan")),
        (5, "value", number_problem("１２")),
        (6, "value", number_problem("1_0")),
        (7, "value", number_problem("inf")),
    }
    assert found == expected
    assert None not in {m for _, _, m in expected}


def test_plain_numbers_and_text_pass():
    text = table({"population": ["adults", "older adults (65+)", "3 cohorts"], "value": ["1.5", "-2e3", "+0.25"]})
    assert problems(text) == []


def test_short_rows_and_cells_past_the_header_are_ignored():
    text = ",".join(HEADER) + "\nx,x\n" + ",".join(["x"] * len(HEADER)) + ",=extra\n"
    assert problems(text) == []
