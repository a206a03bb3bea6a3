"""The first three pages, through app.py on the real data: charts, sources, downloads, URL state, broken data."""

import re
from pathlib import Path

import pytest

from figures import japan
from loaders.tables import check_package
from shaping.text import markdown_plain
from shaping.words import figure_words
from tests.conftest import REAL_DATA, ROOT, set_cell
from tests.pages.helpers import card_keys, download, download_csv, open_cards, source_lines, tables

PAGES = {"views/overview.py": 0, "views/japan.py": 3, "views/compare.py": 1}


def link_urls(markdown: str) -> list[str]:
    return re.findall(r"\]\((https?://[^)\s]+)\)", markdown)


@pytest.mark.parametrize(("page", "charts"), PAGES.items())
def test_page_runs_on_real_data_and_draws_its_charts(run_page, page, charts):
    at = run_page(page)
    assert not at.exception
    assert not at.error
    assert len(at.get("plotly_chart")) == charts


@pytest.mark.usefixtures("record_downloads")
@pytest.mark.parametrize("page", ["views/japan.py", "views/compare.py"])
def test_source_line_and_download_match_the_rows_shown(run_page, page):
    at = run_page(page)
    sources = check_package(REAL_DATA).table("sources").set_index("source_id", drop=False)
    shown_tables = tables(at)
    assert len(shown_tables) == PAGES[page]
    for i, (table, line) in enumerate(zip(shown_tables, source_lines(at), strict=True)):
        used = [sources.loc[s] for s in dict.fromkeys(table["Source"])]
        assert sorted(link_urls(line)) == sorted(s["url"].replace("(", "%28").replace(")", "%29") for s in used)
        for source in used:  # every producer named
            assert re.sub(r"\\(.)", r"\1", line).count(source["producer"]) >= 1
        csv = download_csv(at, i)
        assert csv["label"].tolist() == table["Estimate"].tolist()
        assert csv["source_id"].tolist() == table["Source"].tolist()


@pytest.mark.usefixtures("record_downloads")
def test_package_zip_is_offered(run_page):
    at = run_page("views/japan.py")
    assert download(at, "Download the whole data package").startswith(b"PK")


def test_url_reproduces_a_selection(run_page):
    at = run_page("views/compare.py", countries=["Italy"], measure="Count", scale="Logarithmic")
    assert not at.exception
    assert at.get("plotly_chart")[0].proto.spec and '"type":"log"' in at.get("plotly_chart")[0].proto.spec.replace(
        " ", ""
    )
    table = tables(at)[0]
    assert len(table) > 0 and table["Estimate"].str.startswith("Italy").all()
    assert any(s.value.endswith("\\(counts\\)") or s.value.endswith("(counts)") for s in at.subheader)
    assert [s.value for s in at.subheader if s.proto.anchor] == [
        markdown_plain(figure_words("compare").text("title", "count"))
    ]  # the card's own title


def test_japan_measure_in_url(run_page):
    at = run_page("views/japan.py", measure="Count (people)")
    assert tables(at)[0]["Count"].notna().all()
    summary = japan.rounds(check_package(REAL_DATA), "count").summary  # the first card's summary, in counts
    assert "about 1.46 million people aged 15–64" in summary
    assert markdown_plain(summary) in [m.value for m in at.markdown]  # the whole sentence, as its own element


def test_malformed_url_values_get_a_notice_not_a_crash(run_page):
    at = run_page("views/compare.py", countries=["Atlantis"], years="abc", sneaky="<script>")
    assert not at.exception
    notices = " ".join(i.value.replace("\\", "") for i in at.info)
    assert "Ignored 'Atlantis' for 'countries'" in notices
    assert "Ignored 'abc' for 'years'" in notices
    assert "unknown link parameter 'sneaky'" in notices
    assert len(at.get("plotly_chart")) == 1  # the page still shows its default view


def test_broken_table_shows_error_box_only_on_its_pages(run_page, data_copy):
    set_cell(data_copy, "population", 3, "value", "lots")
    japan = run_page("views/japan.py")
    assert not japan.exception
    assert japan.error and "cannot be shown" in japan.error[0].value
    problems = japan.dataframe[0].value
    assert problems.iloc[0]["line"] == 4 and problems.iloc[0]["column"] == "value"
    assert problems.iloc[0]["file"].endswith("population.csv")
    for page in ("views/compare.py", "views/overview.py"):
        other = run_page(page)
        assert not other.exception and not other.error


def test_broken_estimates_never_show_a_traceback(run_page, data_copy):
    (data_copy / "recluse_estimates.csv").write_bytes(b"\x93bad bytes\n")
    for page in PAGES:
        at = run_page(page)
        assert not at.exception
        assert at.error and "not UTF-8" in at.dataframe[0].value.iloc[0]["problem"]


def test_every_chart_in_pages_goes_through_the_figure_card():
    views, builders = sorted(Path(ROOT / "views").glob("*.py")), sorted(Path(ROOT / "figures").glob("*.py"))
    for path in views + builders:
        text = path.read_text()
        for direct in (
            "plotly_chart",
            "st.line_chart",
            "st.bar_chart",
            "st.area_chart",
            "st.scatter_chart",
            "altair_chart",
            "vega_lite_chart",
            "st.pyplot",
            "st.map",
        ):
            assert direct not in text, f"{path.name} draws a chart without the figure card ({direct})"
        charts = len(re.findall(r"chart=", text)) - (path.name == "finished.py")  # finish() passes a Figure's chart on
        assert charts == len(re.findall(r"\bFigure\(", text)), path.name  # every chart is built into a Figure ...
    for path in views:
        text = path.read_text()
        assert not re.findall(r"chart=|\bFigure\(", text), path.name  # ... by a builder in figures/ ...
        modules = [  # figures/ modules the page imports: `from figures.x import …` or `from figures import x, y as z`
            name
            for module, names in re.findall(r"^from figures(?:\.(\w+))? import ([\w ,]+)$", text, re.M)
            for name in ([module] if module else [n.split()[0] for n in names.split(",")])
        ]
        builds = any(
            "Figure(" in (ROOT / "figures" / f"{module}.py").read_text() for module in modules
        )  # makes Figures, not only rows
        assert not builds or "figure_card(" in text, path.name  # ... which the page renders with figure_card


@pytest.mark.usefixtures("record_downloads")
def test_card_expanders_and_table_run_only_when_opened(run_page):
    at = run_page("views/japan.py")
    cards = card_keys(at)
    assert len(cards) == 3
    assert not [c for c in at.code if c.value.startswith("Hikikomori in Numbers")]  # Cite closed: nothing built
    assert not [m for m in at.markdown if m.value.startswith("**Each row")]  # About closed
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 3  # Chart tab open, Table not
    open_cards(at, expanders=("about", "cite"))
    assert not at.exception
    citations = [c.value for c in at.code if c.value.startswith("Hikikomori in Numbers")]
    assert len(citations) == len(cards) and all("http" in c for c in citations)
    assert len([m for m in at.markdown if m.value.startswith("**Each row")]) == len(cards)
    assert any(
        m.value.startswith("1\\. 59 of 3,287 valid respondents") for m in at.markdown
    )  # how the numbers were made, in About
    assert any("Wilson 95% interval from 59 cases" in m.value for m in at.markdown)
    assert len(at.code) > 2 * len(citations)  # quotes besides citations
    shown = tables(at)
    assert len(shown) == len(cards) and len(at.get("plotly_chart")) == 0  # Table tabs now, charts not run
    assert [len(t) for t in shown] == [len(download_csv(at, i)) for i in range(len(cards))]


def test_claims_cards_have_distinct_keys(run_page):
    at = run_page("views/claims.py")
    assert not at.exception
    keys = card_keys(at)
    assert len(keys) == len(set(keys)) == len(at.get("plotly_chart")) > 0


def test_citations_use_the_public_url_when_one_is_configured(run_page, monkeypatch):
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", "https://hikikomori.example.org/")
    at = open_cards(run_page("views/japan.py", measure="Count (people)"), expanders=("cite",))
    citations = [c.value for c in at.code if c.value.startswith("Hikikomori in Numbers")]
    assert len(citations) == 3
    assert all("https://hikikomori.example.org/japan?measure=Count+%28people%29 (accessed" in c for c in citations)
    assert not any("127.0.0.1" in c or "localhost" in c for c in citations)
