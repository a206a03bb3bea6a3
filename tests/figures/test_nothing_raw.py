"""Nothing raw reaches a reader: no row id, column name, code value or '(s)' in any text of any catalog figure (title,
subtitle, summary, notes, alt-text points, and every string inside the chart: ticks, labels, annotations, hover), and
log axes name their ticks in full."""

import re

import pytest

from figures import catalog
from figures.card import alt_text
from figures.params import HOMELESS_VIEWS, JAPAN_MEASURES, SCALES
from shaping.charts import log_ticks, spans_a_decade, tick_text

ROW_ID = re.compile(r"\b[a-z]{1,3}(?:-[a-z0-9]+){2,}\b")  # kr-fki-2026, us-chapin-counts-18-25, h-luchetti-2024
CODE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")  # hikikomori_broad, rate_pct, derived_ci95
SHOUTED = re.compile(r"\b[A-Z]{5,}\b")  # SURVIVAL
ACRONYMS = {"NASEM", "COVID", "NISMART", "ISTAT", "KIHASA", "ESPAD", "OJJDP"}
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a Markdown link's address: not text a reader reads
PLURAL_HEDGE = "(s)"
VIEWS = {"measure": list(JAPAN_MEASURES.values()), "log": list(SCALES.values()), "view": list(HOMELESS_VIEWS.values())}


def strings(value) -> list[str]:
    """Every string inside a chart's JSON, except Plotly's own keywords (the keys) and hover template syntax."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("bdata", "dtype", "shape") for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []


def raw_in(text: str) -> list[str]:
    text = LINK_TARGET.sub("]", text)
    found = [m for m in ROW_ID.findall(text) if re.search(r"\d", m)] + CODE.findall(text)
    found += [w for w in SHOUTED.findall(text) if w not in ACRONYMS]
    return found + ([PLURAL_HEDGE] if PLURAL_HEDGE in text else [])


def views(check):
    """Every catalog figure at its default view and at each other value of each of its controls."""
    for entry in catalog(check):
        yield entry.key, entry.build(check)
        for name, default in entry.params.items():
            for other in VIEWS.get(name, ()):
                if other != default:
                    yield f"{entry.key} {name}={other}", entry.build(check, **{name: other})


@pytest.fixture(scope="module")
def built(real_check):
    return list(views(real_check))


def test_no_id_column_name_code_or_plural_hedge_in_any_figure(built):
    for key, figure in built:
        chart = figure.chart.to_plotly_json()
        layout = {k: v for k, v in chart["layout"].items() if k not in ("template", "meta")}
        texts = [
            figure.title,
            figure.subtitle,
            figure.summary,
            alt_text(figure),
            *figure.extra_notes,
            *strings(chart["data"]),
            *strings(layout),
        ]
        texts = [t for t in texts if not t.startswith("#")]  # colours
        problems = {t[:80]: raw_in(t) for t in texts if raw_in(t)}
        assert not problems, (key, problems)


def test_log_axes_name_their_ticks_in_full(built):
    for key, figure in built:
        layout = figure.chart.layout
        for axis in (layout.xaxis, layout.yaxis):
            if axis.type != "log":
                continue
            if axis.ticktext:
                assert all(
                    not re.fullmatch(r"[2-9]", t) or v == int(t)
                    for t, v in zip(axis.ticktext, axis.tickvals, strict=True)
                ), key
            else:
                assert axis.tickvals and max(axis.tickvals) < 10, key  # ratios (the forest plot): 2 means 2


def test_tick_names():
    assert [tick_text(v) for v in (0.5, 2, 20, 20_000, 50_000, 1_000_000, 5_000_000)] == [
        "0.5",
        "2",
        "20",
        "20k",
        "50k",
        "1M",
        "5M",
    ]
    ticks = log_ticks(15_000, 900_000)
    assert ticks["ticktext"] == ["20k", "50k", "100k", "200k", "500k"]


def test_a_scale_fits_its_data_by_default(built):
    import pandas as pd

    assert not spans_a_decade(pd.Series([500_000.0, 1_500_000.0])) and spans_a_decade(
        pd.Series([10_000.0, 1_600_000.0])
    )
    for key, figure in built:
        if key.startswith("claim-") and key.endswith("-counts") and figure.chart.layout.xaxis.type == "log":
            values = pd.concat([figure.rows["value"], figure.rows["value_low"], figure.rows["value_high"]]).astype(
                "float64"
            )
            assert spans_a_decade(values), key


def test_the_forest_plots_reference_is_a_mark_per_row_not_a_line_through_the_labels(built):
    for key, figure in built:
        if figure.chart.layout.xaxis.type == "log" and key.startswith(("health-forest", "claim-c-mortality")):
            assert not [s for s in figure.chart.layout.shapes if s.x0 == 1 and s.x1 == 1], key
            marks = next(t for t in figure.chart.data if t.name == "reference marks")
            assert set(marks.x) == {1} and len(marks.y) == len(figure.rows), key


def test_every_card_that_draws_a_95_interval_says_what_it_means(real_check):
    """A plain-words line wherever an interval is drawn; those derived here also say they ignore the survey design."""
    from datetime import date

    from figures.card import CardContent
    from figures.finished import finish

    for entry in catalog(real_check):
        card = CardContent(finish(entry.build(real_check), real_check), real_check, None, date.today())
        rows = card.figure.rows
        derived = "interval" in rows and rows["interval"].eq("derived_ci95").any()
        ratios = "ci_low" in rows and rows["ci_low"].notna().any()
        published = ("interval" in rows and rows["interval"].isin(["published_ci95", "range"]).any()) or ratios
        assert bool(card.interval_note) is bool(derived or published), entry.key
        if derived:
            assert "design" in card.interval_note, entry.key
        # only a chart of ratios is told what a bar across 1 means (counts were told it too)
        assert ("ratio" in card.interval_note) is bool(ratios and not derived), entry.key
