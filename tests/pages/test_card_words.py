"""The app's card and the static edition's figure page show the same words for every catalog figure (both lay out one
figures.card.CardContent), and the static page is reader-first: chart, then one citation, then downloads and notes,
with "Where it says so" last and collapsed."""

import re
from datetime import date

import pytest
from markupsafe import escape
from streamlit.testing.v1 import AppTest

from core.package import package_version
from figures.card import CardContent
from figures.finished import finish
from publish.build import build_site

TODAY = date.today()  # the app's card cites with today's date; the site is built with the same


def card_script(shown, check):
    from ui.card import figure_card

    figure_card(shown, check)


@pytest.fixture(scope="module")
def site(tmp_path_factory, real_check):
    out = tmp_path_factory.mktemp("site") / "site"
    return out, build_site(real_check, out, None, images=False, today=TODAY)


def app_text(shown, check) -> str:
    """Every text the app's card shows with its notes, citations and quotes open (backslash escapes removed)."""
    at = AppTest.from_function(card_script, args=(shown, check), default_timeout=120)
    at.run()
    key = shown.figure.key
    for name in ("cite", "about", "evidence"):
        at.session_state[f"{key}-{name}"] = True
    at.session_state[f"{key}-cite-more"] = True
    at.run()
    assert not at.exception
    parts = [e.value for kind in ("subheader", "markdown", "caption", "code", "warning") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def test_app_and_static_page_show_the_same_words_for_every_figure(site, real_check):
    out, built = site
    version, _ = package_version()
    assert len(built) >= 13
    for item in built:
        card = CardContent(finish(item.entry.build(real_check), real_check), real_check, None, TODAY, version)
        words = card.words()
        assert card.title and card.subtitle and card.summary, item.entry.key
        page = (out / "figures" / item.entry.key / "index.html").read_text(encoding="utf-8")
        shown = app_text(finish(item.entry.build(real_check), real_check), real_check)
        for word in words:
            assert str(escape(word)) in page, (item.entry.key, word)
            assert word.replace("\\", "") in shown, (item.entry.key, word)


def test_static_page_puts_cite_before_where_it_says_so_and_collapses_it_with_its_count(site):
    out, built = site
    for item in built:
        page = (out / "figures" / item.entry.key / "index.html").read_text(encoding="utf-8")
        order = [
            page.index(marker)
            for marker in (
                '<figure class="chart">',
                'id="cite"',
                "Downloads</h2>",
                "About this data</h2>",
                "Where it says so (",
            )
        ]
        assert order == sorted(order), item.entry.key
        assert re.search(r'<details class="evidence">\s*<summary><h2>Where it says so \(\d+ quotes\)</h2>', page), (
            item.entry.key
        )
        assert "(data version " in page[page.index('id="cite"') : page.index("Downloads</h2>")], item.entry.key


def test_static_index_opens_with_the_definition_and_one_figure_per_country(site, real_check):
    """The static edition, where most readers on a phone meet the project, says first what hikikomori means and each
    country's one headline (shaping.headlines, as the Overview), before the figure list."""
    from figures import overview
    from shaping.sentences import headline_figure
    from shaping.words import say

    out, _ = site
    index = (out / "index.html").read_text(encoding="utf-8")
    main = index[index.index("<main>") :]
    assert str(escape(say("definition"))) in main and main.index("One figure per country") < main.index(
        '<ul class="cards">'
    )
    heads = overview.headlines(real_check)
    assert len(heads) >= 3
    for _, row in heads.iterrows():
        assert f"{escape(row['country_name'])}: {escape(headline_figure(row))}" in main
