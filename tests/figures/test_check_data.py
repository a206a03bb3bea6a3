"""The upload page's before-and-after figure builds for every table an upload may change (a chart builder's signature
changed once and only a browser test, through the proxy, noticed)."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from core.package import resource
from figures.check_data import affected_figure, before_and_after, estimate_measures
from loaders.tables import check_package
from shaping.diff import table_diff
from shaping.estimates import annotate
from shaping.text import plotly_plain
from shaping.vocabulary import Vocabulary
from tests.conftest import VALID, add_row, set_cell


@pytest.fixture(scope="module")
def check():
    return check_package(VALID)


@pytest.mark.parametrize(
    "table", ["recluse_estimates", "sources", "youth_homelessness", "population", "isolation_health_risks"]
)
def test_the_affected_figure_is_drawn_for_each_table(check, table):
    figure = affected_figure(table, check, "current")
    assert figure is not None and isinstance(figure.chart, go.Figure)
    # the fixture's one population row covers no count of the same ages and year, so that view draws no point
    assert len(figure.chart.data) == len(figure.rows.groupby("country")) if table == "population" else figure.chart.data


def test_a_table_no_chart_is_drawn_from_has_none(check):
    assert affected_figure("claims", check, "current") is None


def with_a_rate_only_row(package) -> str:
    """The fixture with one more national estimate that publishes a rate and no count (and its evidence); its id."""
    add_row(
        package,
        "recluse_estimates",
        {"estimate_id": "jp-rate-only", "value": "", "as_published": "1.1%", "rate_pct": "1.1", "interval": "none"},
        like=2,
    )
    add_row(
        package,
        "evidence",
        {"evidence_id": "ev-jp-rate-only-rate-pct", "estimate_id": "jp-rate-only", "column": "rate_pct"},
        like=2,
    )
    return "jp-rate-only"


def diffs_of(current, candidate, *tables: str) -> dict:
    return {t: table_diff(current.table(t), candidate.table(t), resource(t)["schema"]["primaryKey"][0]) for t in tables}


def test_a_row_with_only_a_rate_is_drawn_before_and_after_on_a_chart_of_rates(check, package):
    new = with_a_rate_only_row(package)
    candidate = check_package(package)
    assert candidate.all_problems() == []
    label = (
        annotate(candidate.table("recluse_estimates"), Vocabulary.of(candidate))
        .set_index("estimate_id")
        .at[new, "label"]
    )
    [(before, after)] = before_and_after(diffs_of(check, candidate, "recluse_estimates"), check, candidate)
    drawn = {y for trace in after.chart.data if trace.y is not None for y in trace.y}
    assert plotly_plain(label) in drawn and "%" in after.chart.layout.xaxis.title.text
    assert plotly_plain(label) not in {y for trace in before.chart.data if trace.y is not None for y in trace.y}


def test_rows_with_only_a_count_and_only_a_rate_get_both_charts():
    rows = pd.DataFrame(
        {
            "value": [5, None, 7],
            "value_low": [None, None, None],
            "rate_pct": [None, 1.0, 2.0],
            "rate_low_pct": [None, None, None],
            "rate_high_pct": [None, None, None],
        }
    )
    assert estimate_measures(rows) == ["count", "rate"]
    assert estimate_measures(rows.iloc[[2]]) == ["count"]  # a count and a rate: the count chart shows it
    assert estimate_measures(rows.iloc[[1, 2]]) == ["rate"]
    assert estimate_measures(rows.iloc[[]]) == ["count"]


def test_a_chart_two_changed_tables_redraw_is_drawn_once(check, package):
    """A zip changing the estimates and the sources redraws the estimates' chart once, not once per table."""
    with_a_rate_only_row(package)
    set_cell(package, "sources", 1, "title", "A retitled source")
    candidate = check_package(package)
    assert candidate.all_problems() == []
    diffs = diffs_of(check, candidate, "recluse_estimates", "sources", "population")  # population: unchanged
    pairs = before_and_after(diffs, check, candidate)
    assert len(pairs) == 1 and len({after.key for _, after in pairs}) == 1
    assert before_and_after(diffs_of(check, check, "sources", "population"), check, check) == []  # nothing changes
