"""The static edition in the readers' languages: site/ja/, site/ko/ and site/it/ beside English, each page in its
language with hreflang links to its siblings and a language menu, images drawn in it, and a word with no translation
named by the build instead of shown in English unsaid."""

import gettext
import io
import re
from html import escape, unescape

import pytest
from babel.messages.mofile import write_mo

import i18n
from figures import catalog
from i18n.catalogs import po_path, read
from publish import build
from publish.build import build_site
from shaping.edition import language_folder
from shaping.words import say
from tests.conftest import STATIC_BASE, STATIC_TODAY

pytestmark = pytest.mark.chromium
KEYS = ("japan-rounds",)
OTHERS = ("ja", "ko", "it")
# A character of the language's own script: kana or kanji (ja), hangul (ko).
INDEX_LEAD = (  # the index's lead, a template msgid (publish/templates/index.html)
    "%(tagline)s. Every figure of the dashboard as a page, an embed, PNG and SVG images, the rows drawn as CSV and a"
    " metadata file."
)
SCRIPT = {"ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), "ko": re.compile(r"[\uac00-\ud7a3]")}


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory, real_check, chromium):
    out = tmp_path_factory.mktemp("languages") / "site"
    build_site(real_check, out, STATIC_BASE, today=STATIC_TODAY, only=KEYS)
    return out


def title_in(lang: str, check, key: str) -> str:
    entry = next(e for e in catalog(check) if e.key == key)
    with i18n.language(lang):
        return entry.build(check).title


def h1(html: str) -> str:
    return unescape(re.search(r"<h1[^>]*>([^<]+)</h1>", html).group(1))


@pytest.mark.parametrize("lang", OTHERS)
def test_a_figure_page_holds_its_title_in_its_language_and_links_all_four(languages_site, real_check, lang):
    key = KEYS[0]
    english = title_in("en", real_check, key)
    page = (languages_site / language_folder(lang) / "figures" / key / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    assert h1(page) == title_in(lang, real_check, key) != english
    if lang in SCRIPT:
        assert SCRIPT[lang].search(h1(page))
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert alternates == {
        **{code: f"{STATIC_BASE}edition/{language_folder(code)}figures/{key}/" for code in i18n.LANGUAGES},
        "x-default": f"{STATIC_BASE}edition/figures/{key}/",
    }
    menu = page[page.index('<nav class="languages"') :]
    menu = menu[: menu.index("</nav>")]
    linked = dict((code, href) for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', menu))
    assert sorted(linked) == sorted(set(i18n.LANGUAGES) - {lang}) and 'aria-current="page"' in menu
    here = languages_site / language_folder(lang) / "figures" / key
    assert all((here / href / "index.html").resolve().is_file() for href in linked.values())


@pytest.mark.parametrize("lang", OTHERS)
def test_the_index_and_embed_are_in_the_language_and_share_the_assets(languages_site, real_check, lang):
    index = (languages_site / lang / "index.html").read_text(encoding="utf-8")
    embed = (languages_site / lang / "figures" / KEYS[0] / "embed.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in index and f'<html lang="{lang}">' in embed
    assert h1(embed) == title_in(lang, real_check, KEYS[0])
    with i18n.language(lang):
        lead = i18n.translate(INDEX_LEAD) % {"tagline": say("tagline")}
    assert lead != INDEX_LEAD % {"tagline": say("tagline")} and lead in unescape(index)
    for page, folder in ((index, languages_site / lang), (embed, languages_site / lang / "figures" / KEYS[0])):
        for asset in re.findall(r'(?:href|src)="([^"]*assets/[^"]+)"', page):
            assert (folder / asset).resolve().is_file(), asset


@pytest.mark.parametrize("lang", OTHERS)
def test_the_exported_svg_carries_the_translated_title(languages_site, real_check, lang):
    key = KEYS[0]
    svg = (languages_site / lang / "figures" / key / f"{key}.svg").read_text(encoding="utf-8")
    words = title_in(lang, real_check, key).split()[:2] if lang == "it" else [title_in(lang, real_check, key)[:6]]
    assert all(escape(word, quote=False) in svg for word in words), words
    english = (languages_site / "figures" / key / f"{key}.svg").read_text(encoding="utf-8")
    assert escape(title_in("en", real_check, key)[:20], quote=False) not in svg
    assert escape(title_in("en", real_check, key)[:20], quote=False) in english


def test_a_word_with_no_translation_is_named_by_the_build(real_check, tmp_path, monkeypatch, capsys):
    """Japan's figure title taken out of the Japanese catalog: the page shows English, and the build says which."""
    english = title_in("en", real_check, KEYS[0])
    po = read(po_path("ja"), "ja")
    po.delete(english)
    compiled = io.BytesIO()
    write_mo(compiled, po)
    compiled.seek(0)
    without = gettext.GNUTranslations(compiled)
    real = i18n.translator
    monkeypatch.setattr(i18n, "translator", lambda lang, *a: without if lang == "ja" else real(lang, *a))
    build_site(real_check, tmp_path / "site", STATIC_BASE, images=False, only=KEYS, languages=("en", "ja"))
    assert english in build.MISSING["ja"]
    assert english in capsys.readouterr().err
    page = (tmp_path / "site" / "ja" / "figures" / KEYS[0] / "index.html").read_text(encoding="utf-8")
    assert h1(page) == english


@pytest.mark.parametrize("lang", OTHERS)
def test_the_day_a_quote_was_checked_reads_as_the_language_writes_a_date(languages_site, lang):
    """'checked 2026-11-30' sat beside '7 dicembre 2026' on an Italian page: now written as the app writes it."""
    page = (languages_site / language_folder(lang) / "figures" / KEYS[0] / "index.html").read_text(encoding="utf-8")
    with i18n.language(lang):
        checked = say("card.checked", date="{}")
    dates = re.findall(re.escape(escape(checked)).replace(r"\{\}", "([^·<]+?)") + r"\s*</p>", page)
    assert dates and not any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.strip()) for d in dates), dates[:3]
