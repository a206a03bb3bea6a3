"""Charts show the rows they should, with uncertainty drawn honestly; downloads hold exactly the rows shown."""

import io
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

import i18n
from shaping.charts import (
    ROW_LABELS,
    TREND_BREAK,
    annotation_bands,
    dot_plot,
    figure_text,
    japan_series,
    legend_name,
    split_bars,
    with_source,
)
from shaping.downloads import about_columns, neutralise_formula, package_zip, rows_csv
from shaping.estimates import cabinet_office_rounds
from shaping.numbers import pct
from shaping.words import figure_words, say
from tests.conftest import REAL_DATA

DERIVED_NAME, PUBLISHED_NAME = say("chart.derived_interval"), say("chart.published_interval")
# As the legend shows them: wrapped to a phone's width
DERIVED_KEY, PUBLISHED_KEY = legend_name(DERIVED_NAME), legend_name(PUBLISHED_NAME)


def marks(fig):
    """(label, x) of every drawn data point in the marker traces that carry each point's figure (for hover)."""
    return sorted(
        (y, float(x))
        for trace in fig.data
        if trace.type == "scatter" and trace.mode == "markers" and trace.text is not None
        for x, y in zip(trace.x, trace.y, strict=True)
        if x is not None
    )


def row_labels(fig) -> dict[str, str]:
    """Each row's label as written above its line (lines joined), by the row it belongs to."""
    return {
        y: text.replace("<br>", " ")
        for trace in fig.data
        if trace.name == ROW_LABELS
        for y, text in zip(trace.y, trace.text, strict=True)
    }


def test_dot_plot_draws_exactly_the_rows_with_a_rate(estimates):
    rows = estimates[estimates["country"] == "KOR"]
    fig = dot_plot(rows, "rate", log=False)
    with_rate = rows[rows["rate_pct"].notna()]
    assert len(with_rate) < len(rows)  # JoongAng's count has no rate: it must not be drawn as 0 or NaN
    expected = sorted(zip(with_rate["label"], with_rate["rate_pct"], strict=True))
    assert [(y, x) for y, x in marks(fig)] == [(y, x) for y, x in expected]
    # Each row drawn has its whole label and its figure written above it, and no other row has one.
    written = row_labels(fig)
    assert sorted(written) == sorted(with_rate["label"])
    for _, row in with_rate.iterrows():
        assert (
            written[row["label"]].replace(" · ", " ").split()
            == f"{row['label']}: {figure_text(row, 'rate')}".replace(" · ", " ").split()
        )
        assert pct(row["rate_pct"]) in written[row["label"]]
    assert fig.layout.yaxis.showticklabels is False


def test_intervals_published_and_derived_are_separate_traces(estimates):
    rows = estimates[estimates["estimate_id"].isin(["jp-cao-2018-broad", "jp-mhlw-hh", "jp-edogawa-2021"])]
    fig = dot_plot(rows, "count", log=True)
    names = {t.name: t for t in fig.data}
    derived, published = names[DERIVED_KEY], names[PUBLISHED_KEY]
    assert list(derived.error_x.arrayminus) == [613000 - 460000] and list(derived.error_x.array) == [810000 - 613000]
    assert list(published.error_x.arrayminus) == [260000 - 150000]
    assert "No bar: no interval found" in names  # Edogawa has none
    keys = [t for t in fig.data if t.name in (DERIVED_KEY, PUBLISHED_KEY) and t.showlegend is not False]
    assert [(t.name, t.mode, t.line.color) for t in keys] == [
        (PUBLISHED_KEY, "lines", "#333333"),
        (DERIVED_KEY, "lines", "#8c8c8c"),
    ]
    assert derived.showlegend is False and derived.legendgroup == DERIVED_KEY  # the bars hide with their legend entry
    assert fig.layout.xaxis.type == "log"


def test_non_surveys_are_hollow(estimates):
    rows = estimates[estimates["estimate_id"].isin(["it-hi-2023", "it-cnr-2023-behaviour-hikikomori"])]
    fig = dot_plot(rows, "count", log=False)
    italy = next(t for t in fig.data if t.name == "Italy")
    by_label = dict(zip(italy.y, italy.marker.symbol, strict=True))
    assert by_label[rows.set_index("estimate_id").loc["it-hi-2023", "label"]] == "square-open"
    assert by_label[rows.set_index("estimate_id").loc["it-cnr-2023-behaviour-hikikomori", "label"]] == "square"


def test_range_without_point_is_a_line_not_an_invented_midpoint(estimates):
    rows = estimates[estimates["estimate_id"] == "it-hi-2017"]
    fig = dot_plot(rows, "count", log=False)
    line = next(t for t in fig.data if t.name == "Published range (no point value)")
    assert list(line.x) == [30000, 50000]
    assert all(t.name != "Italy" for t in fig.data)


def test_japan_series_by_age_group(estimates, vocab):
    rows = cabinet_office_rounds(estimates, vocab)
    words = figure_words("japan-rounds")
    fig = japan_series(
        rows[rows["rate_pct"].notna()], "rate", words.annotations(), words.ticks(), "x", "y", DERIVED_NAME
    )
    series = {
        t.name: [(int(x), float(y)) for x, y in zip(t.x, t.y, strict=True)]
        for t in fig.data
        if t.x is not None and len(t.x) and t.x[0] is not None
    }
    assert series["Aged 15–39"] == [(2010, 1.79), (2015, 1.57), (2022, 2.05)]
    assert series["Aged 40–64"] == [(2018, 1.45), (2022, 2.02)]
    texts = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert any("first surveyed" in t for t in texts) and any("COVID" in t for t in texts)


@pytest.mark.parametrize("lang", ["en", "ja", "it"])
@pytest.mark.parametrize("measure", ["rate", "count"])
def test_trend_breaks_never_sit_on_the_data_or_on_each_other(estimates, vocab, measure, lang):
    """On a phone the 2022 note lay over the 2018 line and the 2.05% label: each note has a band of its own above the
    highest point, and no dashed line runs up through the band of a note to its right (right-aligned, it reaches
    left)."""
    rows = cabinet_office_rounds(estimates, vocab)
    column = "rate_pct" if measure == "rate" else "value"
    with i18n.language(lang):  # an Italian note takes three lines where the English takes two
        notes = [{"x": 2012, "text": "an early break in the series"}, *figure_words("japan-rounds").annotations()]
        fig = japan_series(rows[rows[column].notna()], measure, notes, [2010, 2015, 2018, 2022], "x", "y", DERIVED_NAME)
    texts = [a for a in fig.layout.annotations if a.name == TREND_BREAK]
    assert len(texts) == len(notes)
    bands = sorted(round(a.y, 6) for a in texts)
    assert len(set(bands)) == len(bands), "two notes share a band"
    highest = max(v for t in fig.data if t.y is not None for v in t.y if v is not None)
    highest_bar = max(
        (p + e for t in fig.data if t.error_y.array is not None for p, e in zip(t.y, t.error_y.array, strict=True)),
        default=highest,
    )
    top_share = max(highest, highest_bar) / fig.layout.yaxis.range[1]
    bottoms = {note["x"]: bottom for note, _, bottom in annotation_bands(notes)}
    assert top_share < min(bottoms.values()), "the data reach into the notes' bands"
    for trace in fig.data:  # a point's figure is written beside a trend break's line, never across it
        if trace.textposition is not None and not isinstance(trace.textposition, str):
            for x, position in zip(trace.x, trace.textposition, strict=True):
                assert x not in {n["x"] for n in notes} or not position.endswith("center"), (trace.name, x)
    lines = {shape.x0: shape.y1 for shape in fig.layout.shapes if shape.type == "line"}
    for left in texts:
        for right in texts:
            if left.x < right.x:
                assert lines[left.x] <= bottoms[right.x], f"the {left.x} line crosses the {right.x} note"


def test_split_bars_hatch_derived_parts(estimates, vocab):
    rows = cabinet_office_rounds(estimates, vocab, ("hikikomori_narrow", "hikikomori_quasi"))
    fig = split_bars(rows, figure_words("japan-split"))
    quasi = next(t for t in fig.data if t.name.startswith("Quasi"))
    assert list(quasi.y) == [460000, 365000, 248000]
    assert list(quasi.marker.pattern.shape) == ["", "/", ""]


def test_source_line_is_inside_the_figure(estimates):
    fig = with_source(dot_plot(estimates.head(3), "count", log=False), "Source: <b>Cabinet Office</b> (2010)")
    texts = [a.text for a in fig.layout.annotations]
    assert "Source: &lt;b&gt;Cabinet Office&lt;/b&gt; (2010)" in texts


def test_csv_download_holds_exactly_the_rows_shown(estimates, sources):
    rows = estimates[estimates["country"] == "ITA"]
    data = rows_csv(
        rows,
        sources.reset_index(drop=True),
        about_columns("Hikikomori in Numbers: Italy", "http://x/compare?c=Italy", "0.3.0"),
    )
    back = pd.read_csv(io.BytesIO(data))  # pandas' defaults: the first line is the header
    assert list(back.columns[:1]) == ["estimate_id"] and len(back) == len(rows)
    assert set(back["figure"]) == {"Hikikomori in Numbers: Italy"} and set(back["figure_url"]) == {
        "http://x/compare?c=Italy"
    }
    assert set(back["data_package_version"].astype(str)) == {"0.3.0"}
    assert back["estimate_id"].tolist() == rows["estimate_id"].tolist()
    assert back["value"].dropna().astype(int).tolist() == rows["value"].dropna().astype(int).tolist()
    assert back["source_url"].str.startswith("http").all()
    assert "_line" not in back.columns


def test_formulas_are_neutralised_and_numbers_kept():
    assert neutralise_formula('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula(-5) == -5
    assert neutralise_formula("plain") == "plain"


@pytest.mark.slow  # a fresh Python process: seconds of imports
def test_package_zip_validates_with_frictionless(tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(package_zip(REAL_DATA)))
    assert set(archive.namelist()) == {
        "datapackage.json",
        "README.txt",
        "sources.csv",
        "recluse_estimates.csv",
        "youth_homelessness.csv",
        "isolation_health_risks.csv",
        "population.csv",
        "claims.csv",
        "claim_evidence.csv",
        "glossary.csv",
        "producer_names.csv",
        "evidence.csv",
        "concepts.csv",
        "labels.csv",
        "CHANGELOG.md",
    }
    archive.extractall(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-1000:]
    assert "Cite as" in (tmp_path / "README.txt").read_text()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_japan_series_keeps_its_age_colours_and_label_places_in_every_language(estimates, vocab, lang):
    """Each age group has its own colour and symbol, and the 40–64 figures sit below their points, whatever words the
    ages are written in (in Japanese both lines were black circles, 2.02% printed over 2.05%)."""
    with i18n.language(lang):
        rows = cabinet_office_rounds(estimates, vocab)
        words = figure_words("japan-rounds")
        fig = japan_series(rows[rows["rate_pct"].notna()], "rate", words.annotations(), words.ticks(), "x", "y", "d")
    lines = [t for t in fig.data if t.mode == "lines+markers+text"]
    assert len(lines) == 2 and len({t.marker.color for t in lines}) == 2 and len({t.marker.symbol for t in lines}) == 2
    older = next(t for t in lines if (2018 in list(t.x)) and 2010 not in list(t.x))  # ages 40–64, first asked in 2018
    assert all(place.startswith("bottom") for place in older.textposition)
