"""The static page's source line (templates/_sources.html) in the reader's language: the producer as it writes
itself for a Japanese reader, Japanese separators and colon, and in English exactly the line it always was."""

import html
import re
from datetime import date

import pytest

import i18n
from figures.card import CardContent
from figures.finished import Finished
from loaders.tables import check_package
from publish.build import _environment
from shaping.citations import citation_groups
from tests.conftest import VALID


@pytest.fixture(scope="module")
def check():
    return check_package(VALID)


def rendered(check, lang: str) -> str:
    """The source line of a card citing three fixture sources (one with an own-language producer), as HTML."""
    sources = check.table("sources").set_index("source_id", drop=False)
    used = sources.loc[["jp-cao-2010", "jp-mhlw-2019", "h-valtorta-2016"]].reset_index(drop=True)
    with i18n.language(lang):
        finished = Finished(None, None, used, "", "", citation_groups(used), ())
        card = CardContent(finished, check, None, date(2026, 12, 7))
        return _environment(lang).get_template("_sources.html").render(card=card, sources=card.source_links)


def text_of(markup: str) -> str:
    """What a browser shows: tags dropped, entities read, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", markup))).strip()


def test_the_japanese_source_line_names_the_producer_in_japanese_with_japanese_separators(check):
    markup = rendered(check, "ja")
    text = text_of(markup)
    assert text.startswith("出典：内閣府（")
    assert "Cabinet Office" not in text
    assert "; " not in text and ": " not in text
    assert "）、" in text  # the Japanese list comma between producers
    assert '<a href="https://www.japantimes.co.jp/' in markup  # each edition still links to its page


def test_the_english_source_line_reads_as_it_always_did(check):
    assert text_of(rendered(check, "en")) == (
        "Sources: Cabinet Office of Japan (2010); Ministry of Health, Labour and Welfare (2019); "
        "Valtorta N.K. et al. (2016)"
    )


@pytest.mark.parametrize(("lang", "name"), [("ko", "일본 내각부"), ("it", "Ufficio di Gabinetto nipponico")])
def test_the_static_source_line_names_the_producer_as_pages_in_the_readers_language_do(check, lang, name):
    text = text_of(rendered(check, lang))
    assert name in text and "Cabinet Office" not in text  # producer_names.csv's name for this reader
    assert "Valtorta N.K. et al." in text  # journal authors are never translated
