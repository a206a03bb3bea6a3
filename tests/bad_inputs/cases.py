"""The bad-input corpus: each case copies the real data and breaks one thing in one table.

A case names the table, how to break it, and what a maintainer must be told: the line (the header
is line 1; None when the whole file is to blame), the column (None when no one column is) and words
the message must contain. words=None marks input that is accepted silently and reads as the original.
Cases are grouped by kind (header, encoding, quoting and lines, ...); the pages are checked for the first case
of each kind, the validator for every case.
"""

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from tests.conftest import rows, set_cell, write_rows

Mutate = Callable[[Path], None]
Records = list[list[str]]
HOLE = "@@HOLE@@"


@dataclass(frozen=True)
class Case:
    name: str
    table: str
    mutate: Mutate
    line: int | None
    column: str | None
    words: str | None
    kind: str = ""


def kind(name: str, cases: list[Case]) -> list[Case]:
    """The cases of one kind of failure (the page check runs for one case of each kind: tests/bad_inputs)."""
    return [replace(case, kind=name) for case in cases]


def cell(table: str, row: int, column: str, value: str) -> Mutate:
    """Set one cell, written as a spreadsheet would (quoted when needed); row 1 is line 2."""
    return lambda folder: set_cell(folder, table, row, column, value)


def typed(table: str, row: int, column: str, text: str) -> Mutate:
    """Put text into one cell exactly as typed in a text editor: no quoting, no escaping."""

    def mutate(folder: Path) -> None:
        path = folder / f"{table}.csv"
        records = rows(path)
        records[row][records[0].index(column)] = HOLE
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(records)
        path.write_text(buffer.getvalue().replace(HOLE, text), encoding="utf-8")

    return mutate


def records(table: str, change: Callable[[Records], Records]) -> Mutate:
    """Rewrite the table's records (header first) as a plain comma-separated UTF-8 CSV."""
    return lambda folder: write_rows(folder / f"{table}.csv", change(rows(folder / f"{table}.csv")))


def raw(table: str, change: Callable[[bytes], bytes]) -> Mutate:
    """Rewrite the table's bytes."""

    def mutate(folder: Path) -> None:
        path = folder / f"{table}.csv"
        path.write_bytes(change(path.read_bytes()))

    return mutate


def then(*mutations: Mutate) -> Mutate:
    def mutate(folder: Path) -> None:
        for m in mutations:
            m(folder)

    return mutate


def exported(table: str, delimiter: str = ",", encoding: str = "utf-8", quoting: int = csv.QUOTE_MINIMAL) -> Mutate:
    """The table as a spreadsheet exports it: delimiter, encoding (unencodable characters as '?'), quoting."""

    def mutate(folder: Path) -> None:
        path = folder / f"{table}.csv"
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rows(path))
        path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))

    return mutate


def reencode(encoding: str) -> Callable[[bytes], bytes]:
    return lambda data: data.decode("utf-8").encode(encoding, errors="replace")


def insert_line(line: int, text: str) -> Callable[[bytes], bytes]:
    """Insert a physical line so that it becomes line `line`."""

    def change(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        return b"".join([*lines[: line - 1], text.encode(), *lines[line - 1 :]])

    return change


def padded_to(megabytes: int) -> Callable[[bytes], bytes]:
    """The file followed by copies of its rows up to the size (a runaway export, or the wrong file)."""

    def change(data: bytes) -> bytes:
        body = data.split(b"\n", 1)[1]
        return data + body * (megabytes * 1024 * 1024 // len(body) + 1)

    return change


def drop_column(column: str) -> Callable[[Records], Records]:
    return lambda r: [x[: r[0].index(column)] + x[r[0].index(column) + 1 :] for x in r]


def rename(old: str, new: str) -> Callable[[Records], Records]:
    return lambda r: [[new if h == old else h for h in r[0]], *r[1:]]


def each_row(change: Callable[[list[str], int], list[str]]) -> Callable[[Records], Records]:
    """Apply change(record, index) to every record (index 0 is the header)."""
    return lambda r: [change(x, i) for i, x in enumerate(r)]


def upper_booleans(r: Records) -> Records:
    i = r[0].index("six_month_rule")
    return [r[0], *[[c.upper() if j == i else c for j, c in enumerate(x)] for x in r[1:]]]


BOM = codecs.BOM_UTF8
KB = 1024
URL_RULE = "must be a web address starting with http:// or https://"

CASES = [
    # the header and the file as a whole
    *kind(
        "header",
        [
            Case(
                "missing column",
                "population",
                records("population", drop_column("series")),
                1,
                "series",
                "column 'series' is missing from the header",
            ),
            Case(
                "unknown extra column",
                "isolation_health_risks",
                records("isolation_health_risks", each_row(lambda x, i: [*x, "comment" if i == 0 else "checked"])),
                1,
                "comment",
                "unknown column 'comment'",
            ),
            Case(
                "wrong column order",
                "claims",
                records("claims", each_row(lambda x, i: [x[1], x[0], *x[2:]])),
                1,
                None,
                "columns are in the wrong order",
            ),
            Case(
                "column name in capitals",
                "recluse_estimates",
                records("recluse_estimates", rename("country", "Country")),
                1,
                "Country",
                "did you mean 'country'?",
            ),
            Case(
                "trailing space in a header",
                "youth_homelessness",
                records("youth_homelessness", rename("rate_pct", "rate_pct ")),
                1,
                "rate_pct",
                "column name 'rate_pct ' has spaces around it",
            ),
            Case(
                "empty column left by a spreadsheet",
                "population",
                records("population", each_row(lambda x, i: [*x, ""])),
                1,
                None,
                "column 13 of the header has no name",
            ),
            Case("empty file", "claim_evidence", raw("claim_evidence", lambda d: b""), None, None, "file is empty"),
            Case(
                "header only",
                "claims",
                raw("claims", lambda d: d.split(b"\n", 1)[0] + b"\n"),
                None,
                None,
                "header but no data rows",
            ),
            Case(
                "file missing",
                "youth_homelessness",
                lambda folder: (folder / "youth_homelessness.csv").unlink(),
                None,
                None,
                "file is missing",
            ),
            Case(
                "20 MB file",
                "recluse_estimates",
                raw("recluse_estimates", padded_to(20)),
                None,
                None,
                "file is 20.0 MB, over the 5 MB limit",
            ),
            Case(
                "Excel workbook saved as .csv",
                "isolation_health_risks",
                raw("isolation_health_risks", lambda d: b"PK\x03\x04\x14\x00\x06\x00" + d),
                None,
                None,
                "Excel workbook (.xlsx)",
            ),
        ],
    ),
    # encodings, delimiters, line endings, quoting
    *kind(
        "encoding",
        [
            Case(
                "UTF-8 BOM (accepted)",
                "recluse_estimates",
                raw("recluse_estimates", lambda d: BOM + d),
                None,
                None,
                None,
            ),
            Case(
                "CRLF line endings (accepted)",
                "youth_homelessness",
                raw("youth_homelessness", lambda d: d.replace(b"\n", b"\r\n")),
                None,
                None,
                None,
            ),
            Case(
                "BOM and CRLF, Excel 'CSV UTF-8' (accepted)",
                "sources",
                raw("sources", lambda d: BOM + d.replace(b"\n", b"\r\n")),
                None,
                None,
                None,
            ),
            Case(
                "BOM added twice (accepted)", "population", raw("population", lambda d: BOM + BOM + d), None, None, None
            ),
            Case(
                "every cell quoted (accepted)",
                "isolation_health_risks",
                exported("isolation_health_risks", quoting=csv.QUOTE_ALL),
                None,
                None,
                None,
            ),
            Case(
                "TRUE and FALSE in capitals (accepted)",
                "recluse_estimates",
                records("recluse_estimates", upper_booleans),
                None,
                None,
                None,
            ),
            Case(
                "semicolon-delimited spreadsheet export",
                "recluse_estimates",
                exported("recluse_estimates", ";"),
                1,
                None,
                "separated by semicolons",
            ),
            Case(
                "tab-delimited export",
                "isolation_health_risks",
                exported("isolation_health_risks", "\t"),
                1,
                None,
                "separated by tabs",
            ),
            Case(
                "UTF-16 'Unicode Text' export",
                "youth_homelessness",
                exported("youth_homelessness", "\t", "utf-16"),
                None,
                None,
                "UTF-16",
            ),
            Case(
                "Latin-1 bytes",
                "population",
                then(cell("population", 1, "note", "Recensement, café"), raw("population", reencode("latin-1"))),
                2,
                None,
                "not UTF-8: byte 0xE9 at line 2",
            ),
            Case(
                "Windows-1252 smart quotes",
                "isolation_health_risks",
                then(
                    cell("isolation_health_risks", 1, "note", "\u201cAbout 50%\u201d as worded."),
                    raw("isolation_health_risks", reencode("cp1252")),
                ),
                2,
                None,
                "not UTF-8: byte 0x93 at line 2",
            ),
            Case(
                "Shift-JIS bytes",
                "population",
                then(cell("population", 1, "note", "国勢調査, 1 Oct 2010."), raw("population", reencode("shift_jis"))),
                2,
                None,
                "not UTF-8: byte 0x8D at line 2",
            ),
            Case("NUL bytes", "claims", raw("claims", lambda d: d.replace(b",", b"\x00,", 1)), None, None, "NUL bytes"),
            Case(
                "old Mac line endings (CR only)",
                "population",
                raw("population", lambda d: d.replace(b"\n", b"\r")),
                None,
                None,
                "carriage return only",
            ),
        ],
    ),
    # quoting and the cells of a line
    *kind(
        "quoting and lines",
        [
            Case(
                "stray quote opening a cell",
                "population",
                typed("population", 3, "scope", '"residents'),
                4,
                "scope",
                "a quote opens this cell",
            ),
            Case(
                "quote never closed",
                "claim_evidence",
                typed("claim_evidence", 3, "estimate_id", '"jp-cao-2022-15-64'),
                4,
                "estimate_id",
                "never closed",
            ),
            Case(
                "text after a closing quote",
                "isolation_health_risks",
                typed("isolation_health_risks", 2, "comparison", '"poor" social relationships'),
                3,
                "comparison",
                "is followed by ' social relationship",
            ),
            Case(
                "stray comma: one cell too many",
                "youth_homelessness",
                typed("youth_homelessness", 2, "population_group", "adolescent, minors"),
                3,
                None,
                "this line has 19 cells but the header has 18",
            ),
            Case(
                "one cell too few",
                "population",
                records("population", each_row(lambda x, i: x[:-1] if i == 2 else x)),
                3,
                None,
                "this line has 11 cells but the header has 12",
            ),
            Case(
                "blank line in the middle", "population", raw("population", insert_line(4, "\n")), 4, None, "blank line"
            ),
            Case(
                "line of empty cells from a spreadsheet",
                "claim_evidence",
                raw("claim_evidence", insert_line(5, "," * 6 + "\n")),
                5,
                None,
                "blank line",
            ),
        ],
    ),
    # types and number formats
    *kind(
        "cell type",
        [
            Case(
                "wrong type",
                "population",
                cell("population", 3, "value", "lots"),
                4,
                "value",
                "'lots' is not a whole number",
            ),
            Case(
                "thousands separator",
                "recluse_estimates",
                cell("recluse_estimates", 1, "value", "696,000"),
                2,
                "value",
                "'696,000' is not a whole number",
            ),
            Case(
                "percent sign",
                "recluse_estimates",
                cell("recluse_estimates", 1, "rate_pct", "1.79%"),
                2,
                "rate_pct",
                "'1.79%' is not a number",
            ),
            Case(
                "decimal comma",
                "youth_homelessness",
                cell("youth_homelessness", 2, "rate_pct", "3,3"),
                3,
                "rate_pct",
                "'3,3' is not a number",
            ),
            Case(
                "Excel scientific notation",
                "population",
                cell("population", 1, "value", "1.28057E+08"),
                2,
                "value",
                "'1.28057E+08' is not a whole number",
            ),
            Case(
                "full-width digits from a Japanese IME",
                "population",
                cell("population", 2, "value", "１２７０９４７４５"),
                3,
                "value",
                "half-width digits",
            ),
            Case(
                "Excel date 25/11/2026",
                "sources",
                cell("sources", 2, "accessed", "25/11/2026"),
                3,
                "accessed",
                "is not a date written YYYY-MM-DD",
            ),
            Case(
                "Excel month Jul-10",
                "recluse_estimates",
                cell("recluse_estimates", 2, "published", "Jul-10"),
                3,
                "published",
                "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
            ),
            Case(
                "boolean written 1",
                "recluse_estimates",
                cell("recluse_estimates", 2, "six_month_rule", "1"),
                3,
                "six_month_rule",
                "'1' is not true or false",
            ),
            Case(
                "NaN string",
                "isolation_health_risks",
                cell("isolation_health_risks", 2, "value", "NaN"),
                3,
                "value",
                "'NaN' is not a number",
            ),
            Case(
                "inf string",
                "youth_homelessness",
                cell("youth_homelessness", 1, "rate_pct", "inf"),
                2,
                "rate_pct",
                "'inf' is not a number",
            ),
        ],
    ),
    # ids and references
    *kind(
        "keys",
        [
            Case(
                "duplicate ids",
                "recluse_estimates",
                cell("recluse_estimates", 3, "estimate_id", "jp-cao-2010-broad"),
                4,
                "estimate_id",
                "the same id is used twice (also line 2)",
            ),
            Case(
                "empty id",
                "population",
                cell("population", 5, "population_id", ""),
                6,
                "population_id",
                "is required but empty",
            ),
            Case(
                "dangling source_id",
                "youth_homelessness",
                cell("youth_homelessness", 2, "source_id", "us-nowhere-2099"),
                3,
                "source_id",
                "'us-nowhere-2099' is not a source_id in sources.csv",
            ),
        ],
    ),
    # ranges and cross-column rules
    *kind(
        "rule",
        [
            Case(
                "value_low above value",
                "recluse_estimates",
                cell("recluse_estimates", 1, "value_low", "9999999"),
                2,
                "value_low",
                "value_low 9999999 is above value",
            ),
            Case(
                "rate above 100",
                "youth_homelessness",
                cell("youth_homelessness", 1, "rate_pct", "150"),
                2,
                "rate_pct",
                "'150' must be at most 100",
            ),
            Case(
                "negative count",
                "recluse_estimates",
                cell("recluse_estimates", 1, "cases", "-59"),
                2,
                "cases",
                "'-59' must be at least 0",
            ),
            Case(
                "fieldwork after publication",
                "recluse_estimates",
                cell("recluse_estimates", 1, "fieldwork_end", "2099-01"),
                2,
                "fieldwork_end",
                "fieldwork_end 2099-01 is after published",
            ),
            Case(
                "unknown country code",
                "population",
                cell("population", 2, "country", "JP"),
                3,
                "country",
                "'JP' must be one of: JPN, KOR, ITA, USA",
            ),
        ],
    ),
    # hostile text
    *kind(
        "hostile text",
        [
            Case("javascript: URL", "sources", cell("sources", 1, "url", "javascript:alert(1)"), 2, "url", URL_RULE),
            Case(
                "data: URL",
                "sources",
                cell("sources", 2, "other_urls", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
                3,
                "other_urls",
                URL_RULE,
            ),
            Case(
                "<script> in a note",
                "isolation_health_risks",
                cell("isolation_health_risks", 1, "note", "<script>alert(1)</script>"),
                2,
                "note",
                "HTML markup",
            ),
            Case(
                "HTML in a note",
                "population",
                cell("population", 1, "note", 'Census, <b>1 Oct</b> <a href="https://evil.example">2010</a>'),
                2,
                "note",
                "HTML markup",
            ),
            Case(
                "HTML in a title",
                "sources",
                cell("sources", 3, "title", "<img src=x onerror=alert(1)>"),
                4,
                "title",
                "HTML markup",
            ),
            Case(
                "Markdown link",
                "claims",
                cell("claims", 2, "explanation", "See [the real figure](https://evil.example)."),
                3,
                "explanation",
                "Markdown link",
            ),
            Case(
                "Markdown image",
                "youth_homelessness",
                cell("youth_homelessness", 1, "note", "![chart](https://evil.example/pixel.png)"),
                2,
                "note",
                "Markdown link or image",
            ),
            Case(
                "100 KB cell",
                "isolation_health_risks",
                cell("isolation_health_risks", 2, "note", "x" * 100 * KB),
                3,
                "note",
                "longer than 2000 characters",
            ),
            Case(
                "200 KB cell, over the csv module's field limit",
                "claims",
                cell("claims", 1, "explanation", "y" * 200 * KB),
                2,
                "explanation",
                "longer than 3000 characters",
            ),
            Case(
                "formula =HYPERLINK",
                "claims",
                cell("claims", 1, "quote", '=HYPERLINK("https://evil.example","click")'),
                2,
                "quote",
                "starts with '='",
            ),
            Case(
                "formula +",
                "population",
                cell("population", 2, "series", "+cmd|' /C calc'!A0"),
                3,
                "series",
                "starts with '+'",
            ),
            Case(
                "formula -",
                "recluse_estimates",
                cell("recluse_estimates", 2, "note", "-2+3+cmd|' /C calc'!A0"),
                3,
                "note",
                "starts with '-'",
            ),
            Case(
                "formula @",
                "sources",
                cell("sources", 1, "citation", "@SUM(1+1)*cmd|' /C calc'!A0"),
                2,
                "citation",
                "starts with '@'",
            ),
        ],
    ),
    # the evidence behind each figure
    *kind(
        "evidence",
        [
            Case(
                "quote does not hold its figure",
                "evidence",
                cell("evidence", 1, "as_written", "約70万人"),
                2,
                "as_written",
                "'約70万人' does not appear in quote",
            ),
            Case(
                "confirmed figure is not the row's",
                "evidence",
                cell("evidence", 2, "stated_value", "69600"),
                3,
                "stated_value",
                "stated_value 69600 is not jp-cao-2010-broad's value (696000)",
            ),
            Case(
                "<script> in a quote",
                "evidence",
                cell("evidence", 2, "quote", "<script>alert(1)</script> 696,000"),
                3,
                "quote",
                "HTML markup",
            ),
            Case(
                "javascript: page of a quote",
                "evidence",
                cell("evidence", 1, "url", "javascript:alert(1)"),
                2,
                "url",
                URL_RULE,
            ),
            Case(
                "a row's evidence deleted",
                "recluse_estimates",
                records("evidence", lambda r: [x for x in r if x[r[0].index("estimate_id")] != "jp-cao-2010-narrow"]),
                3,
                "estimate_id",
                "'jp-cao-2010-narrow' has no evidence row in evidence.csv",
            ),
        ],
    ),
    # the vocabulary: words for every allowed value, and none for a value the schema does not allow
    *kind(
        "vocabulary",
        [
            Case(
                "an allowed method with no label",
                "labels",
                records("labels", lambda r: [x for x in r if x[2] != "press_figure"]),
                None,
                "value",
                "recluse_estimates.csv's method allows 'press_figure' (datapackage.json) but no row here labels it",
            ),
            Case(
                "a label for a value the schema does not allow",
                "labels",
                cell("labels", 2, "value", "blog"),
                3,
                "value",
                "'blog' is not a value sources.csv's source_type allows",
            ),
            Case(
                "a concept with no definition",
                "concepts",
                cell("concepts", 1, "definition", ""),
                2,
                "definition",
                "is required but empty",
            ),
            Case(
                "a glossary term its quote does not hold",
                "glossary",
                cell("glossary", 1, "term", "広義の引きこもり"),
                2,
                "term",
                "'広義の引きこもり' does not appear in quote: "
                "a sourced term must be written exactly as the quote writes it",
            ),
            Case(
                "<script> in a concept label",
                "concepts",
                cell("concepts", 2, "label", "<script>alert(1)</script>"),
                3,
                "label",
                "HTML markup",
            ),
            Case(
                "a name for a producer sources.csv does not have",
                "producer_names",
                cell("producer_names", 1, "producer", "Cabinet Office of Japn"),
                2,
                "producer",
                "'Cabinet Office of Japn' is not a producer in sources.csv",
            ),
            Case(
                "a producer's name its quote does not hold",
                "producer_names",
                cell("producer_names", 2, "name", "Ufficio di Gabinetto del Giappone"),
                3,
                "name",
                "'Ufficio di Gabinetto del Giappone' does not appear in quote",
            ),
        ],
    ),
]


def one_of_each_kind() -> list[Case]:
    """The first rejected case of each kind, and the first accepted one."""
    chosen: dict[tuple[str, bool], Case] = {}
    for case in CASES:
        chosen.setdefault((case.kind, case.words is None), case)
    return list(chosen.values())
