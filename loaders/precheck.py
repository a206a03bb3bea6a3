"""File-level checks before row validation, stated plainly (frictionless names no column a maintainer would know):
size, encoding, delimiter, header, quotes and cell counts. A table with a problem here is not validated further."""

import csv
import io
import re
from dataclasses import dataclass

from core.package import MAX_FILE_BYTES, RawFile, field_names, file_name
from core.problems import Problem

BOM = b"\xef\xbb\xbf"
RESAVE = "re-save it as 'CSV UTF-8 (comma delimited)'"
NOT_TEXT = {  # files that are not text at all, by their first bytes
    b"PK\x03\x04": "an Excel workbook (.xlsx) or zip file, not a CSV",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls), not a CSV",
    b"\xff\xfe": "UTF-16 text (Excel's 'Unicode Text'), not UTF-8",
    b"\xfe\xff": "UTF-16 text (Excel's 'Unicode Text'), not UTF-8",
}
LONE_CR = re.compile(r"\r(?!\n)")
LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # where str.splitlines() splits
# One cell as the csv module reads it, and what ends it: quoted (unrolled, so no backtracking blow-up; group 2 empty
# when the quote is never closed) or not.
CELL = re.compile(r'("[^"]*(?:""[^"]*)*("?)|[^,\r\n]*)(\r\n|.?)', re.S)
NEVER_CLOSED = (
    "a quote opens this cell and is never closed, so the rest of the file is read as one cell: add the closing quote, "
    'or write a quote that is part of the text as two ("")'
)

# A cell may be as long as a file may be (the schema's maxLength then names it); never lowers a limit set elsewhere.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))


@dataclass(frozen=True)
class Records:
    """A table as the csv module reads it: header, data records and their lines, every record's line (header too)."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    starts: list[int]


def _text(data: bytes) -> tuple[str | None, str | None, int | None]:
    """Bytes (BOMs removed) as a CSV's text, or None with why not and the line to blame."""
    for magic, what in NOT_TEXT.items():
        if data.startswith(magic):
            return None, f"file is {what}; open it in a spreadsheet and {RESAVE}", None
    if not data.strip():
        return None, "file is empty: it needs at least the header line", None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, before = data.count(b"\n", 0, err.start) + 1, data[data.rfind(b"\n", 0, err.start) + 1 : err.start]
        where = f"at line {line}, character {len(before.decode('utf-8', errors='replace')) + 1}"  # as an editor counts
        looks = "the file looks like Latin-1, Windows-1252 or Shift-JIS"
        return None, f"not UTF-8: byte 0x{data[err.start]:02X} {where} ({looks}); {RESAVE}", line
    if "\x00" in text:
        why = "it is not a text CSV (UTF-16, or a spreadsheet file renamed?)"
        return None, f"file contains NUL bytes: {why}; {RESAVE}", None
    if "\n" not in text and "\r" in text:
        return None, f"lines end with a carriage return only (Excel's 'CSV (Macintosh)' format); {RESAVE}", None
    return text, None, None


def decode(raw: RawFile, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM removed, newlines as read), or None with the problem that stops it."""
    if raw.content is None:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        large = f"file is {raw.size / 1024 / 1024:.1f} MB, over the {limit} MB limit: is it the right file?"
        return None, [Problem(shown_as, None, None, "file is missing" if raw.size < 0 else large)]
    data = raw.content
    while data.startswith(BOM):  # a tool that adds a BOM to text that has one leaves two
        data = data[len(BOM) :]
    text, refusal, line = _text(data)
    return text, [Problem(shown_as, line, None, refusal)] if refusal else []


def header_problems(name: str, first: str, shown_as: str) -> list[Problem]:
    """Problems with the header line: delimiter, missing, unknown, repeated or reordered columns, spaced names."""
    expected, header = field_names(name), next(csv.reader(io.StringIO(first)), [])
    for delimiter, word in ((";", "semicolons"), ("\t", "tabs")):
        if len(header) <= 1 and delimiter in first:
            message = f"columns are separated by {word}, not commas (a spreadsheet export?); {RESAVE}"
            return [Problem(shown_as, 1, None, message)]
    stripped = [h.strip() for h in header]
    found = [(c, f"column '{c}' is missing from the header") for c in expected if c not in stripped]
    for position, column in enumerate(stripped, 1):
        if not column:
            why = "(an empty spreadsheet column, or a comma at the end of every line?): delete that column"
            found.append((None, f"column {position} of the header has no name {why}"))
        elif column not in expected:
            near = [c for c in expected if c.lower() == column.lower().replace(" ", "_")]
            hint = f"{file_name(name)} has the columns {', '.join(expected)}"
            hint = f"did you mean '{near[0]}'? Column names are lowercase, with underscores" if near else hint
            shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in column)  # no invisible riddle
            found.append((column, f"unknown column '{shown}': {hint}"))
    repeated = sorted({c for c in stripped if stripped.count(c) > 1 and c})
    found += [(c, f"column '{c}' appears more than once in the header") for c in repeated]
    if not found and stripped != expected:
        found.append((None, "columns are in the wrong order: expected " + ", ".join(expected)))
    if not found:
        spaced = zip(header, stripped, strict=True)
        found = [(s, f"column name '{h}' has spaces around it: remove them") for h, s in spaced if h != s]
    return [Problem(shown_as, 1, column, message) for column, message in found]


def read_table(name: str, text: str, shown_as: str) -> tuple[Records | None, list[Problem]]:
    """The table's records, or None with the problems of its header or CSV structure that stop it being read further."""
    first, rest = (LINE_BREAK.split(text, maxsplit=1) + [""])[:2]  # the header line, as str.splitlines() ends it
    problems = header_problems(name, first, shown_as)
    if problems:
        return None, problems
    records, problems = read_rows(text, field_names(name), shown_as)
    if not problems and not rest.strip():  # no line after the header has a character that is not white space
        problems.append(Problem(shown_as, None, None, "file has a header but no data rows"))
    return (None, problems) if problems else (records, [])


def _record_problem(text: str, line: int, header: list[str], shown_as: str) -> Problem | None:
    """Why the csv module refused the record text starts with (a quote never closed or followed by text, a lone CR)."""
    at, cell = 0, 0
    while match := CELL.match(text, at):
        column, quoted, opened = header[cell] if cell < len(header) else None, match.group(1)[:1] == '"', at
        at, end = match.end(), match.group(3)
        where = line + text.count("\n", 0, opened)
        if quoted and not match.group(2):
            return Problem(shown_as, where, column, NEVER_CLOSED)
        if quoted and end not in ("", ",", "\n", "\r\n", "\r"):
            closed = line + text.count("\n", 0, match.start(3))
            following = text[match.start(3) : match.start(3) + 20].split("\n")[0].replace("\r", "")
            message = (
                f"a quote opens this cell, but the next quote{'' if closed == where else f' on line {closed}'} is "
                f"followed by '{following + ('...' if len(following) == 20 else '')}', not a comma: a stray quote? "
                'Quote the whole cell and write each quote inside it as two ("")'
            )
            return Problem(shown_as, where, column, message)
        if end == "\r":
            lone = f"this line contains a lone carriage return (old Mac line ending); {RESAVE}"
            return Problem(shown_as, line + text.count("\n", 0, at), None, lone)
        if end != ",":
            return None
        cell += 1
    return None


def read_rows(text: str, header: list[str], shown_as: str) -> tuple[Records, list[Problem]]:
    """The records and the lines whose cell count is not the header's, up to the first quote or line-end problem."""
    chunks = io.StringIO(text, newline="\n")  # lines end at LF only: a lone CR inside a line is the csv module's error
    reader = csv.reader(chunks, strict=True)
    records, problems, start, offset = Records(header, [], [], []), [], 1, 0
    try:
        for record in reader:
            end = chunks.tell()
            if LONE_CR.search(text, offset, end) and (
                lone := _record_problem(text[offset:end], start, header, shown_as)
            ):
                return records, problems + [lone]  # a CR the csv module took for a line end
            if record and records.starts:
                records.rows.append(record)
                records.lines.append(start)
                if len(record) != len(header):
                    hint = "a cell or a comma is missing?"
                    if len(record) > len(header):
                        hint = "a comma inside a cell that is not in quotes (or a space before its opening quote)?"
                    cells = f"{len(record)} cell{'s' if len(record) != 1 else ''}"
                    message = f"this line has {cells} but the header has {len(header)}: {hint}"
                    problems.append(Problem(shown_as, start, None, message))
            records.starts.append(start)
            start, offset = reader.line_num + 1, end
    except csv.Error as error:
        problem = _record_problem(text[offset:], start, header, shown_as)
        return records, problems + [problem or Problem(shown_as, start, None, f"cannot be read as CSV: {error}")]
    return records, problems
