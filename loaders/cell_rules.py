"""Cell text a schema type accepts but readers must never get: NaN/inf numbers, digits Python reads and pandas does
not, HTML, Markdown links or images, and spreadsheet formulas."""

import re
from bisect import bisect_right
from itertools import accumulate, zip_longest

from core.package import resource
from core.problems import Problem
from loaders.precheck import Records

HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*\(")
FORMULA_SIGNS = ("=", "+", "-", "@")  # a stripped cell starting so is refused; downloads also escape tab and CR
NON_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
URL_FIELDS = {"url", "other_urls"}
SEPARATOR = "\x00"  # between the cells of a joined column: loaders.precheck refuses text holding it
# A cell with none of these has no problem: a number cell of ASCII digits, dots, signs and exponents only; a text cell
# without '<' or '[' that starts with a letter or digit (which strip() keeps, so no formula sign can come first).
NUMBER_SUSPECT = re.compile(r"[^0-9.eE+\-\x00]")
TEXT_SUSPECT = re.compile(r"<|\[|\x00[^A-Za-z0-9\x00]")


def number_problem(value: str) -> str | None:
    """What is wrong with a number cell's stripped text, or None."""
    if value.lower() in NON_FINITE:
        return f"'{value}' is not a number: leave the cell empty if it is unknown"
    try:
        float(value)  # Python (so frictionless) reads full-width digits and 1_000; the typed table would not
    except ValueError:
        return None
    if value.isascii() and "_" not in value:
        return None
    why = "retype it in half-width digits, without underscores or spaces"
    return f"'{value}' is not written with the digits 0-9 only: {why}"


def text_problem(value: str) -> str | None:
    """What is wrong with a text cell's stripped text, or None."""
    if HTML_TAG.search(value):
        return "contains HTML markup ('<' followed by a tag): text cells are plain text"
    if MARKDOWN_LINK.search(value):
        return "contains a Markdown link or image: put web addresses in sources.csv"
    if value.startswith(FORMULA_SIGNS):
        return f"starts with '{value[0]}', which spreadsheets run as a formula: reword the cell"
    return None


def cell_problems(name: str, records: Records, shown_as: str) -> list[Problem]:
    """The problem cells, column by column: each searched once, joined, for the characters such a cell must hold."""
    types = {f["name"]: f["type"] for f in resource(name)["schema"]["fields"]}
    found = []
    for column, cells in zip(records.header, zip_longest(*records.rows, fillvalue=""), strict=False):
        if types.get(column) in ("number", "integer"):
            pattern, problem = NUMBER_SUSPECT, number_problem
        elif types.get(column) == "string" and column not in URL_FIELDS:
            pattern, problem = TEXT_SUSPECT, text_problem
        else:
            continue
        starts = list(accumulate((len(cell) + 1 for cell in cells), initial=0))  # where each cell's separator is
        suspects = {bisect_right(starts, m.start()) - 1 for m in pattern.finditer(SEPARATOR + SEPARATOR.join(cells))}
        for index in sorted(suspects):
            if (value := cells[index].strip()) and (message := problem(value)):
                found.append(Problem(shown_as, records.lines[index], column, message))
    return found
