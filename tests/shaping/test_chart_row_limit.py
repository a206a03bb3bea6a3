"""A one-line-per-row chart draws at most settings.CHART_ROWS_AT_MOST rows, the first in the table's order, and its
source line says how many it left out; the rows it is given are not changed."""

import pytest

import shaping.charts
from figures import catalog
from figures.finished import finish
from shaping.charts import ROW_LABELS, dot_plot, forest_plot, left_out_line, percent_bars, with_source
from shaping.health import forest_rows, percent_rows


def drawn_rows(fig) -> list[str]:
    """The rows a chart writes a label above, in the order drawn (top first)."""
    return [y for trace in fig.data if trace.name == ROW_LABELS for y in trace.y]


def source_text(fig) -> str:
    return next(a.text for a in fig.layout.annotations if a.name == "source-line").replace("<br>", " ")


@pytest.fixture
def limit(monkeypatch):
    def set_to(value: int) -> int:
        monkeypatch.setattr(shaping.charts, "CHART_ROWS_AT_MOST", value)
        return value

    return set_to


def test_dot_plot_draws_the_first_rows_and_says_how_many_it_left_out(estimates, limit):
    rows = estimates[estimates["value"].notna()]
    at_most = limit(5)
    fig = with_source(dot_plot(rows, "count", log=True), "Source: Cabinet Office (2010)")
    assert drawn_rows(fig) == list(rows["label"].head(at_most))
    assert {y for trace in fig.data if trace.name != ROW_LABELS and trace.y is not None for y in trace.y if y} <= set(
        rows["label"].head(at_most)
    )
    assert source_text(fig).startswith(
        f"Drawn: the first {at_most} of {len(rows)} rows, in the table's order; "
        f"the table and its CSV hold all {len(rows)}."
    )
    assert "Source: Cabinet Office (2010)" in source_text(fig)
    assert len(rows) == len(estimates[estimates["value"].notna()])  # the caller's rows are not cut


def test_rows_a_dot_plot_cannot_draw_do_not_count(estimates, limit):
    """Rows with neither a figure nor a range are never drawn: 'of N' counts only the rows the chart could draw."""
    drawable = estimates[estimates["rate_pct"].notna()]
    limit(3)
    fig = dot_plot(estimates, "rate", log=False)
    assert drawn_rows(fig) == list(drawable["label"].head(3))
    assert (
        left_out_line(fig) == f"Drawn: the first 3 of {len(drawable)} rows, in the table's order; "
        f"the table and its CSV hold all {len(drawable)}."
    )


def test_a_chart_within_the_limit_draws_every_row_and_says_nothing(estimates, limit):
    rows = estimates[estimates["value"].notna()]
    limit(len(rows))
    fig = with_source(dot_plot(rows, "count", log=True), "Source: x")
    assert drawn_rows(fig) == list(rows["label"])
    assert left_out_line(fig) is None and "Drawn:" not in source_text(fig)


def test_forest_and_percent_bars_keep_to_the_limit(real_check, vocab, limit):
    health = real_check.table("isolation_health_risks")
    forest, percents = forest_rows(health, vocab), percent_rows(health, vocab)
    limit(4)
    fig = forest_plot(forest)
    assert drawn_rows(fig) == list(forest["label"].head(4))
    assert left_out_line(fig).startswith(f"Drawn: the first 4 of {len(forest)} rows")
    limit(2)
    bars = percent_bars(percents)
    assert list(bars.data[0].y) == list(percents["label"].head(2)) and drawn_rows(bars) == list(
        percents["label"].head(2)
    )
    assert left_out_line(bars).startswith(f"Drawn: the first 2 of {len(percents)} rows")


def test_the_cards_chart_says_so_and_its_table_keeps_every_row(real_check, limit):
    entry = next(e for e in catalog(real_check) if e.key == "health-forest")
    limit(3)
    finished = finish(entry.build(real_check), real_check)
    assert len(finished.figure.rows) > 3  # the table and the CSV (made from figure.rows) keep them all
    assert source_text(finished.chart).startswith(f"Drawn: the first 3 of {len(finished.figure.rows)} rows")
