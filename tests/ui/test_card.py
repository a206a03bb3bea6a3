"""The figure card on its own (AppTest.from_function): the chart draws exactly the rows given, the source line names
their sources, the CSV holds exactly those rows, and the citation names the figure and the view's URL."""

import io
import json
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.package import package_version
from figures import Figure
from shaping.charts import dot_plot
from shaping.citations import bibtex_figure, figure_citation, plain_source_citation, sources_for
from shaping.estimates import annotate, point_descriptions
from shaping.vocabulary import Vocabulary
from tests.pages.helpers import download, open_cards, source_lines

ROWS = ["jp-cao-2010-broad", "jp-cao-2015-broad", "kr-opm-2022"]  # three sources of two producers
URL = "https://hikikomori.example/compare"


def card_script(figure, check):
    from ui.card import figure_card

    figure_card(figure, check)


@pytest.fixture(scope="module")
def check(real_check):
    return real_check


def card_rows(check) -> pd.DataFrame:
    estimates = annotate(check.table("recluse_estimates"), Vocabulary.of(check))
    return estimates.set_index("estimate_id", drop=False).loc[ROWS].reset_index(drop=True)


def card_figure(rows: pd.DataFrame) -> Figure:
    return Figure(
        key="test-card",
        title="Three estimates (counts)",
        summary="Three estimates, two producers.",
        chart=dot_plot(rows, "count", False),
        rows=rows,
        table_columns={"label": "Estimate", "as_published": "As published", "source_id": "Source"},
        points=point_descriptions(rows, "count"),
        concepts=list(rows["concept"]),
        caveats=["definitions"],
    )


@pytest.fixture(scope="module")
def rows(check):
    return card_rows(check)


@pytest.fixture
def figure(rows):
    return card_figure(rows)


def run_card(figure, check, url: str | None = URL, **params: str) -> AppTest:
    at = AppTest.from_function(card_script, args=(figure, check), default_timeout=60)
    if url is not None:
        at.context["url"] = url
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def test_the_chart_is_drawn_as_its_images_and_the_static_edition_draw_it(figure, check):
    """No Streamlit theme over the chart: its fonts and colours are the figure's own,
    as in its PNG, SVG and static page."""
    from figures.finished import finish

    at = run_card(figure, check)
    chart = at.get("plotly_chart")[0].proto
    assert chart.theme == ""
    assert (
        json.loads(chart.spec)["layout"]["template"]
        == json.loads(finish(figure, check).chart.to_json())["layout"]["template"]
    )


def test_chart_draws_the_rows_given(figure, check, rows):
    at = run_card(figure, check)
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    marked = [
        y
        for trace in spec["data"]
        if trace.get("mode") == "markers" and trace.get("text") is not None
        for y in trace["y"]
    ]
    assert sorted(marked) == sorted(rows["label"])
    assert charts[0].proto.id and "Chart: Three estimates (counts)." in at.get("plotly_chart")[0].proto.alt
    inside = [a["text"] for a in spec["layout"]["annotations"] if a.get("name") == "source-line"]
    assert inside and inside[0].replace("<br>", " ").startswith("Hikikomori in Numbers · Sources: ")


def test_source_line_links_each_source_once(figure, check, rows):
    at = run_card(figure, check)
    used = sources_for(rows, check.table("sources"))
    assert len(used) == 3 and used["producer"].nunique() == 2
    (line,) = source_lines(at)
    assert line.startswith("Sources: ")
    plain = line.replace("\\", "")
    for _, source in used.iterrows():
        assert line.count(f"]({source['url']})") == 1, source["source_id"]
        assert plain.count(source["producer"]) == 1, source["producer"]  # a producer once, its editions linked


def test_table_tab_shows_the_rows_given(figure, check, rows):
    at = open_cards(run_card(figure, check), view="Table")
    (table,) = [d.value for d in at.dataframe]
    assert list(table.columns) == ["Estimate", "As published", "Source"]
    assert table["Estimate"].tolist() == rows["label"].tolist()


@pytest.mark.usefixtures("record_downloads")
def test_csv_download_holds_exactly_the_rows(figure, check, rows):
    """pandas' defaults read it: the first line is the header; what the file is goes into columns of every row."""
    at = run_card(figure, check, countries="Japan")
    used = sources_for(rows, check.table("sources"))
    csv = pd.read_csv(io.BytesIO(download(at, "Download the data shown")))
    assert set(csv["figure"]) == {"Hikikomori in Numbers: Three estimates (counts)"}
    assert set(csv["figure_url"]) == {f"{URL}?countries=Japan"}
    assert set(csv["data_package_version"].astype(str)) == {package_version(check.data_dir)[0]}
    assert csv["estimate_id"].tolist() == ROWS
    assert csv["source_url"].tolist() == [used.set_index("source_id").loc[s, "url"] for s in rows["source_id"]]


def test_citation_names_the_figure_the_view_and_each_source(figure, check, rows):
    """One citation first, with the data version; BibTeX and each source's citation behind a second step."""
    at = open_cards(run_card(figure, check, countries="Japan"), expanders=("cite",))
    today = date.today()
    url = f"{URL}?countries=Japan"
    title = f"Three estimates (counts) (data version {package_version()[0]})"
    assert [c.value for c in at.code] == [figure_citation(title, url, today)]
    at.session_state["test-card-cite-more"] = True
    codes = [c.value for c in at.run().code]
    assert codes[:2] == [figure_citation(title, url, today), bibtex_figure(title, url, today, "test-card")]
    used = sources_for(rows, check.table("sources"))
    assert codes[2::2] == [plain_source_citation(s) for _, s in used.iterrows()]


def test_closed_expanders_build_nothing(figure, check):
    at = run_card(figure, check)
    assert len(at.code) == 0
    assert not [m for m in at.markdown if m.value.startswith("**Each row")]
    at = open_cards(at, expanders=("about",))
    rows_told = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert len([m for m in at.markdown if m.value.startswith("**Each row")]) == 1 and len(rows_told) >= len(ROWS)


def test_a_chart_that_left_rows_out_says_so_above_it_and_the_table_keeps_them(check, rows, monkeypatch):
    import shaping.charts

    monkeypatch.setattr(shaping.charts, "CHART_ROWS_AT_MOST", 2)
    at = run_card(card_figure(rows), check)
    (notice,) = [i.value for i in at.info]
    assert (
        notice
        == f"Drawn: the first 2 of {len(rows)} rows, in the table's order; the table and its CSV hold all {len(rows)}."
    )
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    marked = [
        y
        for trace in spec["data"]
        if trace.get("mode") == "markers" and trace.get("text") is not None
        for y in trace["y"]
    ]
    assert sorted(marked) == sorted(rows["label"].head(2))
    at = open_cards(at, view="Table")
    assert [d.value for d in at.dataframe][0]["Estimate"].tolist() == rows["label"].tolist()


def test_a_chart_with_every_row_drawn_has_no_notice(figure, check):
    assert not run_card(figure, check).info
