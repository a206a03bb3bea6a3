"""Homelessness, health, claim check and sources pages through app.py."""
import io
import math
import zipfile

import pandas as pd
import pytest

from loaders.tables import check_package
from settings import CLAIMS_PER_PAGE
from tests.conftest import REAL_DATA, set_cell
from tests.pages.helpers import download, download_csv, tables

PAGES = {"views/homelessness.py": 3, "views/health.py": 2, "views/claims.py": 3, "views/sources.py": 0}


@pytest.mark.parametrize(("page", "charts"), PAGES.items())
def test_page_runs_and_draws_its_charts(run_page, page, charts):
    at = run_page(page)
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == charts


def test_homelessness_one_night_figure_has_only_one_night_counts(run_page):
    at = run_page("views/homelessness.py")
    one_night = download_csv(at, 0)
    assert set(one_night["measure"]) == {"one_night_count"}
    assert {"us-hud-2023", "jp-mhlw-2003", "jp-mhlw-2025"} <= set(one_night["row_id"])
    whole_year = download_csv(at, 1)
    assert "one_night_count" not in set(whole_year["measure"])
    assert "3,065 homeless people of all ages" in at.markdown[0].value or any("3,065" in m.value for m in at.markdown)


def test_homelessness_per_capita_view_from_url(run_page):
    at = run_page("views/homelessness.py", view="Per 100,000 residents (derived)")
    table = tables(at) if tables(at) else []
    shown = download_csv(at, 0)
    assert shown["per_100k"].notna().all()  # only years with a population are drawn in this view
    assert sorted(shown["row_id"]) == ["jp-mhlw-2019", "jp-mhlw-2023", "jp-mhlw-2024", "us-hud-2023"]
    assert table is not None


def test_health_download_is_the_forest_rows(run_page):
    at = run_page("views/health.py")
    forest = download_csv(at, 0)
    assert set(forest["measure"]) <= {"OR", "RR", "HR"}
    assert len(forest) == 26
    assert (forest.loc[forest["row_id"] == "h-steptoe-2013-loneliness", "significance"] == "not significant").all()


def test_claims_filter_by_topic_from_url(run_page):
    at = run_page("views/claims.py", topics=["Health"])
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2
    quotes = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert len(quotes) == 2 and any("dementia" in q for q in quotes)


def test_claims_pages_show_every_claim_once(run_page):
    claims = check_package(REAL_DATA).table("claims")
    pages = math.ceil(len(claims) / CLAIMS_PER_PAGE)
    assert pages > 1  # the real data needs page numbers
    seen = []
    for number in range(1, pages + 1):
        at = run_page("views/claims.py", claims_page=str(number))
        assert not at.exception and not at.info
        quotes = [m.value for m in at.markdown if m.value.startswith("### ")]
        assert 0 < len(quotes) <= CLAIMS_PER_PAGE
        seen += quotes
    assert len(seen) == len(set(seen)) == len(claims)
    at = run_page("views/claims.py", claims_page=str(pages + 1))  # a link to a page that is no more
    assert any(f"Ignored page {pages + 1}" in i.value for i in at.info)
    assert [m.value for m in at.markdown if m.value.startswith("### ")] == seen[:CLAIMS_PER_PAGE]


def test_sources_search_from_url_and_download(run_page):
    at = run_page("views/sources.py", q="Valtorta")
    listing = at.dataframe[0].value
    assert listing["source_id"].tolist() == ["h-valtorta-2016"]
    csv = pd.read_csv(io.BytesIO(download(at, "Download this list")), skiprows=1)
    assert csv["source_id"].tolist() == ["h-valtorta-2016"]
    archive = zipfile.ZipFile(io.BytesIO(download(at, "Download the whole data package")))
    assert "datapackage.json" in archive.namelist()


def test_broken_health_table_leaves_other_pages_working(run_page, data_copy):
    set_cell(data_copy, "isolation_health_risks", 5, "ci_low", "9")
    health = run_page("views/health.py")
    assert not health.exception and health.error
    assert health.dataframe[0].value.iloc[0]["line"] == 6
    for page in ("views/homelessness.py", "views/overview.py"):
        other = run_page(page)
        assert not other.exception and not other.error
    sources = run_page("views/sources.py")  # still lists every source, and says which counts are missing
    assert not sources.exception and not sources.error
    assert "isolation_health_risks" in sources.warning[0].value.replace("\\", "")
    assert len(sources.dataframe[0].value) == len((REAL_DATA / "sources.csv").read_text(encoding="utf-8").strip().splitlines()) - 1
