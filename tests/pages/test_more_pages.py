"""Homelessness, health, claim check and sources pages through app.py."""

import io
import math
import zipfile

import pandas as pd
import pytest

import i18n
from figures import catalog
from loaders.tables import check_package
from settings import CLAIMS_PER_PAGE
from shaping.health import forest_rows
from shaping.homelessness import annotate, latest_pair, pair_sentence, street_counts, with_per_100k
from shaping.text import markdown_plain
from shaping.vocabulary import Vocabulary
from tests.conftest import REAL_DATA, set_cell
from tests.pages.helpers import download, download_csv, open_cards

PAGES = {"views/homelessness.py": 3, "views/health.py": 2, "views/claims.py": 3, "views/sources.py": 0}


@pytest.mark.parametrize(("page", "charts"), PAGES.items())
def test_page_runs_and_draws_its_charts(run_page, page, charts):
    at = run_page(page)
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == charts


def _homeless_rows():
    check = check_package(REAL_DATA)
    return with_per_100k(annotate(check.table("youth_homelessness"), Vocabulary.of(check)), check.table("population"))


@pytest.mark.usefixtures("record_downloads")
def test_homelessness_point_in_time_figure_has_only_point_in_time_counts(run_page):
    at = run_page("views/homelessness.py")
    counts = download_csv(at, 0)
    assert set(counts["measure"]) == {"one_night_count", "daytime_street_count"}
    assert counts["row_id"].tolist() == street_counts(_homeless_rows())["row_id"].tolist()
    whole_year = download_csv(at, 1)
    assert not {"one_night_count", "daytime_street_count"} & set(whole_year["measure"])
    assert markdown_plain(pair_sentence(latest_pair(_homeless_rows()))) in [m.value for m in at.markdown]


@pytest.mark.usefixtures("record_downloads")
def test_homelessness_per_capita_view_from_url(run_page):
    at = run_page("views/homelessness.py", view="Per 100,000 residents of the same ages (derived)")
    assert not at.info  # the link's view is allowed: no notice
    shown = download_csv(at, 0)
    expected = street_counts(_homeless_rows())
    expected = expected[expected["per_100k"].notna()]
    assert shown["row_id"].tolist() == expected["row_id"].tolist()  # only counts with a population of the same ages
    assert "us-hud-2023" in set(shown["row_id"])  # 34,703 under 25 over residents under 25
    assert (
        shown.set_index("row_id").loc["us-hud-2023", "per_100k"]
        == expected.set_index("row_id").loc["us-hud-2023", "per_100k"]
    )
    open_cards(at, view="Table")
    table = next(d.value for d in at.dataframe if "Row" in d.value.columns)
    assert table["Row"].tolist() == shown["label"].tolist()


@pytest.mark.usefixtures("record_downloads")
def test_health_download_is_the_forest_rows(run_page):
    at = run_page("views/health.py")
    forest = download_csv(at, 0)
    check = check_package(REAL_DATA)
    expected = forest_rows(check.table("isolation_health_risks"), Vocabulary.of(check))
    assert set(forest["measure"]) <= {"OR", "RR", "HR"}
    assert forest["row_id"].tolist() == expected["row_id"].tolist()
    assert (forest.loc[forest["row_id"] == "h-steptoe-2013-loneliness", "significance"] == "not significant").all()


def test_claims_filter_by_topic_from_url(run_page):
    at = run_page("views/claims.py", topics=["Health"])
    assert not at.exception
    check = check_package(REAL_DATA)
    health = check.table("claims").query("topic == 'health'")
    assert 0 < len(health) <= CLAIMS_PER_PAGE  # one screen of claims
    charts = [e for e in catalog(check) if e.page == "claims" and e.params["claim_id"] in set(health["claim_id"])]
    assert len(at.get("plotly_chart")) == len(charts) > 0
    quotes = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert quotes == [f"### “{markdown_plain(q)}”" for q in health["quote"]]
    assert any("dementia" in q for q in quotes)


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


@pytest.mark.usefixtures("record_downloads")
def test_sources_search_from_url_and_download(run_page):
    at = run_page("views/sources.py", q="Valtorta")
    listing = at.dataframe[0].value
    assert listing["citation"].str.contains("Valtorta").tolist() == [True]
    # The reader's table has words, not codes: no id, no table name, the type and where it was read in words.
    assert "source_id" not in listing and "used_by" not in listing
    assert listing["source_type"].tolist() == ["peer-reviewed study"]
    assert listing["status"].iloc[0] in ("the publisher's own page", "a report of it")
    csv = pd.read_csv(io.BytesIO(download(at, "Download this list")))
    assert csv["source_id"].tolist() == ["h-valtorta-2016"]  # the download keeps the ids, for a maintainer
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
    assert (
        len(sources.dataframe[0].value)
        == len((REAL_DATA / "sources.csv").read_text(encoding="utf-8").strip().splitlines()) - 1
    )


def test_claim_check_opens_with_every_claim_and_its_verdict(run_page):
    at = run_page("views/claims.py")
    assert not at.exception
    table = next(t.value for t in at.table if "Verdict" in t.value.columns)  # a table that wraps on a phone
    claims = check_package(REAL_DATA).table("claims")
    assert len(table) == len(claims) and table["Verdict"].notna().all()
    assert list(table.iloc[:, 0]) == [markdown_plain(q) for q in claims["quote"]]  # whole, escaped as Markdown
    assert at.subheader[0].value == "Every claim and its verdict"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_claim_s_explanation_in_the_data_s_english_is_marked_so_for_another_reader(run_page, lang):
    at = run_page("views/claims.py", lang=lang)
    claims = check_package(REAL_DATA).table("claims")
    marker = i18n.translator(lang).gettext("(in English)")
    shown = [m.value for m in at.markdown]
    for column in ("traced_origin", "explanation"):
        for text in claims[column].head(CLAIMS_PER_PAGE):
            written = {markdown_plain(text), markdown_plain(text).replace("&", "&amp;")}  # escaped once more in HTML
            said = next(m for m in shown if any(w in m for w in written))
            marked = '<span lang="en">' in said and said.endswith(markdown_plain(marker))
            assert marked if lang != "en" else "<span" not in said
    # The claims themselves are the 2020 article's English: the heading of each and the table's column say so.
    headings = [m for m in shown if m.startswith("### ")]
    assert len(headings) == min(CLAIMS_PER_PAGE, len(claims))
    assert all(('<span lang="en">' in h and h.endswith(markdown_plain(marker))) == (lang != "en") for h in headings)
    table = next(t.value for t in at.table)
    assert table.columns[0].endswith(marker) == (lang != "en")


@pytest.mark.parametrize(("lang", "made_in"), [("en", None), ("ja", None), ("ja", "en")])
def test_the_per_100k_choice_shows_words_that_fit_a_phone_and_its_link_still_opens_it(run_page, lang, made_in):
    from figures.params import HOMELESS_VIEWS, SHOWN_AS
    from shaping.words import figure_words, say

    long = next(label for label, value in HOMELESS_VIEWS.items() if value == "per_100k")
    if made_in:  # a link made now, in English, opened in Japanese
        with i18n.language(made_in):
            link = say(SHOWN_AS[long])
    else:
        link = long  # a link made before the shorter words
    at = run_page("views/homelessness.py", view=link, lang=lang)
    assert not at.exception and not at.info  # no 'unknown value' notice: the link's value is unchanged
    with i18n.language(lang):
        short = say(SHOWN_AS[long])
    options = [str(o) for o in at.button_group(key="view").proto.options]
    assert any(short in o for o in options) and len(short) < len(i18n.translator(lang).gettext(long))
    with i18n.language(lang):
        title = figure_words("homeless-one-night").text("title", "per_100k")
    assert markdown_plain(title) in [h.value for h in at.subheader]  # the link opened the per-100,000 view
