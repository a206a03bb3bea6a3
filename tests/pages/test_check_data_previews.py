"""The upload page's before/after preview draws every row an upload changes, whatever its table and measure: a ward's
estimate beside the national ones, a whole-year or internet-café count on its published figure, a percentage on the
health bars. Pure: the figures the page lays out, from a candidate package checked in memory."""

import csv
import io

import pytest

from core.package import resource
from figures.check_data import before_and_after
from loaders.candidate import check_candidate
from loaders.tables import check_package
from shaping.diff import table_diff
from tests.conftest import REAL_DATA


def with_note(table: str, pick) -> tuple[bytes, str]:
    """The table's CSV with the note of the first row `pick` accepts changed; that row's key."""
    text = (REAL_DATA / f"{table}.csv").read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text)))
    header = records[0]
    row = next(r for r in records[1:] if pick(dict(zip(header, r, strict=True))))
    row[header.index("note")] = "Changed by a test upload."
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue().encode("utf-8"), row[0]


@pytest.mark.parametrize(
    ("table", "pick"),
    [
        ("recluse_estimates", lambda r: r["area"] != "national"),  # a ward or city: in no national chart
        ("youth_homelessness", lambda r: r["measure"] in ("school_year_count", "runaway_episodes")),  # whole year
        ("youth_homelessness", lambda r: r["measure"] == "net_cafe_count" and r["area"] != "national"),  # Tokyo's
        ("youth_homelessness", lambda r: r["measure"] == "daytime_street_count"),
        ("isolation_health_risks", lambda r: r["measure"] == "percent_increase"),
        ("isolation_health_risks", lambda r: r["measure"] in ("OR", "RR", "HR")),
    ],
)
def test_a_changed_row_of_any_table_is_in_the_preview_before_and_after(table, pick):
    content, key = with_note(table, pick)
    current = check_package(REAL_DATA)
    candidate = check_candidate(REAL_DATA, {table: content})
    assert not candidate.all_problems()
    column = resource(table)["schema"]["primaryKey"][0]
    diffs = {table: table_diff(current.table(table), candidate.table(table), column)}
    pairs = before_and_after(diffs, current, candidate)
    assert pairs
    assert any(key in set(before.rows[column]) and key in set(after.rows[column]) for before, after in pairs)
