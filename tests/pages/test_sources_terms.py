"""The Sources page's "Terms in each language": for a fixture concept, each language's term with the quote that uses
it in an element that says its language, its link only if http(s); a kept term says that no source names it."""

import csv
from html import escape

import pandas as pd
import pytest

import i18n

CONCEPT = "hikikomori"  # the fixture glossary quotes a source in each of ja, ko and it for it


@pytest.fixture
def fixture_data(package, monkeypatch):
    monkeypatch.setenv("HIKIKOMORI_DATA_DIR", str(package))
    return package


def glossary(folder) -> list[dict]:
    with (folder / "glossary.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def shown_texts(at) -> list[str]:
    return [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]


@pytest.mark.parametrize("reader", ["ja", "it"])
def test_each_language_s_term_and_its_quote_are_shown_for_a_concept(run_page, fixture_data, reader):
    at = run_page("views/sources.py", lang=reader)
    assert not at.exception, [e.value for e in at.exception]
    texts = shown_texts(at)
    assert i18n.translator(reader).gettext("Terms in each language") in [s.value for s in at.subheader]
    for row in (r for r in glossary(fixture_data) if r["concept"] == CONCEPT):
        lang = row["lang"]
        assert any(f'<span lang="{lang}">{escape(row["term"])}</span>' in t and i18n.NAMES[lang] in t for t in texts)
        quote = f'<blockquote lang="{lang}">{escape(" ".join(row["quote"].split()))}</blockquote>'
        assert quote in texts
        english = [t for t in texts if escape(" ".join(row["quote_en"].split())) in t]
        assert bool(english) == (lang != reader)  # a reader of the quote's own language is not given its English


def test_a_kept_term_says_no_source_names_it(run_page, fixture_data):
    at = run_page("views/sources.py", lang="it")
    assert not at.exception
    kept = [r for r in glossary(fixture_data) if r["status"] == "no_source_term"]
    said = i18n.translator("it").gettext(
        "No source in this language names the concept; the term kept is its source's own."
    )
    assert kept and shown_texts(at).count(said) == len(kept)


def test_only_an_http_link_is_given_and_a_kept_term_is_in_its_source_s_language():
    from figures.glossary import _term

    row = pd.Series(
        {
            "lang": "ko",
            "term": "히키코모리",
            "url": "javascript:alert(1)",
            "quote": "인용",
            "quote_en": "A quote",
            "locator": "paragraph 1",
            "status": "sourced",
        }
    )
    with i18n.language("en"):
        assert _term(row, {})["url"] is None and _term(row, {})["where"] is None
        kept = _term(pd.Series({**row, "lang": "it", "term": "広義のひきこもり", "status": "no_source_term"}), {})
    assert kept["term_lang"] == "ja" and kept["no_source"]
