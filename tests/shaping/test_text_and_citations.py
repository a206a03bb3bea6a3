"""Text safety and citations."""

from datetime import date

import pandas as pd

import i18n
from shaping.citations import (
    bibtex_dashboard,
    bibtex_figure,
    bibtex_source,
    dashboard_citation,
    figure_citation,
    source_line,
    sources_for,
)
from shaping.text import markdown_link, markdown_plain, plotly_plain, safe_url


def test_markdown_cannot_link_embed_or_inject_html():
    text = markdown_plain("see [x](javascript:alert(1)) ![i](http://e/i.png) <img src=x onerror=alert(1)> *b*")
    for raw, escaped in (("[x]", "\\[x\\]"), ("![i]", "\\!\\[i\\]"), ("<img", "\\<img"), ("*b*", "\\*b\\*")):
        assert escaped in text, raw
    assert (
        text.replace("\\", "") == "see [x](javascript:alert(1)) ![i](http://e/i.png) <img src=x onerror=alert(1)> *b*"
    )


def test_only_http_links():
    assert safe_url("https://www.mhlw.go.jp/x") == "https://www.mhlw.go.jp/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "ftp://x", "//evil", "https://x.org/<script>", ""):
        assert safe_url(bad) is None
    assert markdown_link("Evil", "javascript:alert(1)") == "Evil"
    assert (
        markdown_link("MHLW (2019)", "https://www.mhlw.go.jp/a_(b)")
        == "[MHLW (2019)](https://www.mhlw.go.jp/a_%28b%29)"
    )


def test_plotly_text_is_escaped():
    assert plotly_plain("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def test_source_line_names_exactly_the_sources_of_the_rows(sources, estimates):
    rows = estimates[estimates["estimate_id"].isin(["jp-cao-2010-broad", "jp-cao-2010-narrow", "kr-opm-2024"])]
    used = sources_for(rows, sources.reset_index(drop=True))
    assert used["source_id"].tolist() == ["jp-cao-2010", "kr-opm-2024"]
    assert (
        source_line(used) == "Sources: Cabinet Office of Japan (2010); "
        "Office for Government Policy Coordination, Republic of Korea (2025)"
    )
    mhlw = sources_for(
        pd.DataFrame({"source_id": ["jp-mhlw-2003", "jp-mhlw-2007", "h-valtorta-2016"]}), sources.reset_index(drop=True)
    )
    assert source_line(mhlw) == (
        "Sources: Ministry of Health, Labour and Welfare of Japan (MHLW) (2003 figure, 2007 figure); "
        "Valtorta N.K. et al. (2016)"
    )


def test_bibtex_entries_are_escaped_and_complete(sources):
    entry = bibtex_source(sources.loc["h-valtorta-2016"])
    assert entry.startswith("@misc{h_valtorta_2016,\n")
    assert "  howpublished = {\\url{https://heart.bmj.com/content/102/13/1009}}" in entry
    assert "year = {2016}" in entry
    tricky = pd.Series(
        {
            "source_id": "x-1",
            "producer": "A & B",
            "title": "50% of {all}",
            "published": "2020",
            "url": "https://x.org/?a=1&b=2#c",
            "accessed": pd.Timestamp("2026-11-25"),
            "citation": "C_d",
        }
    )
    entry = bibtex_source(tricky)
    assert (
        "author = {{A \\& B}}" in entry
        and "title = {50\\% of all}" in entry
        and "note = {C\\_d Accessed 2026-11-25.}" in entry
    )


def test_figure_citation_carries_the_view_url():
    url = "https://example.org/compare?countries=Japan"
    assert (
        figure_citation("Fig", url, date(2026, 11, 25)) == f'Hikikomori in Numbers, "Fig". {url} (accessed 2026-11-25).'
    )
    assert "howpublished = {\\url{https://example.org/compare?countries=Japan}}" in bibtex_figure(
        "Fig", url, date(2026, 11, 25), "compare"
    )


def test_citations_without_a_url_say_so():
    today = date(2026, 11, 25)
    assert figure_citation("Fig", None, today) == 'Hikikomori in Numbers, "Fig". URL not known (accessed 2026-11-25).'
    entry = bibtex_figure("Fig", None, today, "compare")
    assert "howpublished" not in entry and "note = {URL not known. Accessed 2026-11-25}" in entry
    assert dashboard_citation(None, today).endswith(". URL not known (accessed 2026-11-25).")
    entry = bibtex_dashboard(None, today)
    assert (
        "howpublished" not in entry
        and "note = {Dashboard and data package. URL not known. Accessed 2026-11-25}" in entry
    )
    assert "howpublished = {\\url{https://example.org/}}" in bibtex_dashboard("https://example.org/", today)


def test_a_japanese_reader_s_bibtex_is_in_japanese():
    """The Japanese BibTeX read 'title = {数字で見るひきこもり: cited estimates of social withdrawal}' and
    'note = {Dashboard and data package. Accessed …}'."""
    with i18n.language("ja"):
        entry = bibtex_dashboard(None, date(2026, 11, 25))
        figure = bibtex_figure("図", "https://example.org/", date(2026, 11, 25), "compare")
    assert "cited estimates" not in entry and "Dashboard" not in entry and "Accessed" not in entry
    assert "出典つき" in entry and "2026-11-25閲覧" in entry and "URL不明" in entry
    assert "note = {2026-11-25閲覧}" in figure
