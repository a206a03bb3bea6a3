"""The upload page's before-and-after figure builds for every table an upload may change (a chart builder's signature
changed once and only a browser test, through the proxy, noticed)."""

import plotly.graph_objects as go
import pytest

from figures.check_data import affected_figure
from loaders.tables import check_package
from tests.conftest import VALID


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
