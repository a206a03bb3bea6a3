"""The Claim check draws the number a claim states (claims.csv claimed_count, claimed_ratio) on the claim's own chart:
a mark at that value on every row, named as the claim in the legend, inside the axis; a claim stating no number has
none."""

import math

import pytest

from figures.claims import claim_figure
from loaders.tables import check_package
from shaping.numbers import count
from tests.conftest import add_row, set_cell

CLAIM = "c-jp-10k"  # the fixture's claim, linked to one homelessness row with a count


def claim_lines(chart) -> list:
    """The traces named in the legend as the claim."""
    return [t for t in chart.data if t.showlegend is not False and t.name and "claim" in plain(t.name).lower()]


def x_bounds(chart) -> tuple[float, float]:
    """The x axis's ends in data units (a log axis's range is in powers of ten)."""
    low, high = chart.layout.xaxis.range
    return (10**low, 10**high) if chart.layout.xaxis.type == "log" else (low, high)


def plain(name: str) -> str:
    return name.replace("<br>", " ")


def test_a_claimed_count_is_marked_at_its_value_on_every_row_named_as_the_claim(package):
    rows_value = float(
        check_package(package).table("youth_homelessness").set_index("row_id").loc["jp-mhlw-2019", "value"]
    )
    claimed = int(rows_value * 3)  # beyond every drawn row: the axis must stretch to it
    set_cell(package, "claims", 1, "claimed_count", str(claimed))
    chart = claim_figure(check_package(package), CLAIM, "counts").chart
    [line] = claim_lines(chart)
    assert set(line.x) == {claimed} and len(line.y) == len(chart.layout.yaxis.categoryarray)
    assert count(claimed) in plain(line.name)
    low, high = x_bounds(chart)
    assert low <= claimed < high


def test_a_claim_whose_quote_states_no_number_draws_no_claim_line(package):
    set_cell(package, "claims", 1, "claimed_count", "")
    figure = claim_figure(check_package(package), CLAIM, "counts")
    assert figure is not None and claim_lines(figure.chart) == []


@pytest.mark.parametrize("ratio, words", [(0.6, "40% lower"), (2.5, "150% higher")])
def test_a_claimed_ratio_is_drawn_on_the_ratio_chart_with_the_change_it_reads(package, ratio, words):
    add_row(
        package,
        "claims",
        {"claim_id": "c-heart", "topic": "health", "claimed_count": "", "claimed_ratio": str(ratio)},
    )
    add_row(
        package,
        "claim_evidence",
        {
            "link_id": "c-heart-1",
            "claim_id": "c-heart",
            "homelessness_row_id": "",
            "health_row_id": "h-valtorta-2016-chd",
        },
    )
    check = check_package(package)
    assert check.all_problems() == []
    chart = claim_figure(check, "c-heart", "ratios").chart
    [line] = claim_lines(chart)
    assert set(line.x) == {ratio}
    assert words in plain(line.name) and f"{ratio:g}" in plain(line.name)
    low, high = x_bounds(chart)
    assert low <= ratio < high
    # the rows' labels still hang from the axis's left end, wherever the claim moved it
    labels = [trace for trace in chart.data if trace.mode == "markers+text"]
    assert labels and all(math.isclose(min(trace.x), low, rel_tol=1e-4) for trace in labels)


@pytest.mark.parametrize("column, text", [("claimed_count", "about 10,000"), ("claimed_ratio", "50%")])
def test_the_schema_refuses_a_claimed_number_that_is_not_a_number(package, column, text):
    set_cell(package, "claims", 1, column, text)
    [problem] = check_package(package).problems["claims"]
    assert (problem.file.endswith("claims.csv"), problem.line, problem.column) == (True, 2, column)
    assert text in problem.message and "number" in problem.message
