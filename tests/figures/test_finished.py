"""finish() puts the source line into the chart once, names the sources used
and lists the rows no readable page holds."""

import html
import re
from dataclasses import replace

import pytest

from figures import catalog
from figures.finished import finish
from shaping.citations import source_line, sources_for
from shaping.evidence import row_labels, unread_rows
from shaping.images import SOURCE_LINE
from shaping.words import app_title
from tests.conftest import REAL_DATA


@pytest.fixture(scope="module")
def check(real_check):
    return real_check


@pytest.fixture(scope="module")
def entries(check):
    return {entry.key: entry for entry in catalog(check)}


def source_annotations(chart) -> list[str]:
    return [a.text for a in chart.layout.annotations if a.name == SOURCE_LINE]


@pytest.mark.parametrize("key", ["japan-rounds", "japan-other", "compare", "health-forest"])
def test_the_chart_carries_the_source_line_of_exactly_the_rows_shown(check, entries, key):
    figure = entries[key].build(check)
    shown = finish(figure, check)
    expected = f"{app_title()} · {source_line(sources_for(figure.rows, check.table('sources')))}"
    assert shown.source_line == expected
    assert list(shown.used["source_id"]) == list(sources_for(figure.rows, check.table("sources"))["source_id"])
    (text,) = source_annotations(shown.chart)  # once, not twice
    squeezed = re.sub(r"\s", "", html.unescape(text.replace("<br>", "")))  # wrapped at spaces and hyphens
    assert squeezed == re.sub(r"\s", "", expected)
    assert shown.chart is figure.chart  # finish changes the chart it is given: pass it a figure built for the call


def test_the_unread_rows_are_named_by_the_label_the_chart_uses(check, entries):
    figure = entries["japan-split"].build(check)  # holds jp-cao-2018-narrow/quasi, which no readable page holds
    shown = finish(figure, check)
    missing = set(unread_rows(figure.rows, check.table("evidence")))
    assert missing, "the bundled data has rows under check on this figure"
    assert shown.unread == tuple(
        label for row_id, label in row_labels(figure.rows, figure.row_label_column).items() if row_id in missing
    )


def test_a_figure_whose_rows_are_all_read_has_no_unread_rows(check, entries):
    figure = entries["homeless-one-night"].build(check)
    assert finish(figure, check).unread == ()


def test_with_evidence_problems_the_unread_rows_are_unknown_not_empty(check, entries):
    from core.problems import Problem

    broken = replace(
        check, problems={**check.problems, "evidence": [Problem(str(REAL_DATA / "evidence.csv"), 2, "quote", "test")]}
    )
    assert finish(entries["japan-split"].build(check), broken).unread is None
