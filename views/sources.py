"""Sources and method: every source with the rows that use it, how derived numbers are made, and how to cite."""

from datetime import date

import streamlit as st

import i18n
from core.package import package_version
from figures.glossary import glossary_terms, glossary_words
from shaping.citations import bibtex_dashboard, dashboard_citation, url_or_unknown
from shaping.downloads import about_columns, table_csv
from shaping.numbers import count
from shaping.sources import matching, source_usage, unusable_tables
from shaping.text import markdown_link, markdown_plain
from shaping.vocabulary import Vocabulary, strict_map
from shaping.words import app_title, caveats
from ui.card import in_english_html, quote_html
from ui.page import download_package, load_tables, url_notices, view_url, whats_new
from ui.render import page_header

texts = page_header("sources")
url_notices({"q": lambda value: len(value) <= 100})
check = load_tables("sources")
if check is not None:
    usage = source_usage(check)
    skipped = unusable_tables(check)
    if skipped:
        st.warning(
            markdown_plain(texts.say("skipped", tables=", ".join(skipped))),
            icon=":material/warning:",
        )
    st.subheader(texts.say("every_source"))
    query = st.text_input(
        texts.say("search"),
        key="q",
        bind="query-params",
        max_chars=100,
        placeholder=texts.say("search_placeholder"),
    )
    shown = matching(usage, query)
    st.caption(texts.say("shown", shown=count(len(shown), unit=None), total=count(len(usage), unit=None)))
    types = Vocabulary.of(check).labels_of("sources", "source_type")
    # A reader's table: the type and where it was read in words, no ids or table names (the download keeps them).
    readable = shown.assign(
        source_type=strict_map(shown["source_type"], types, "source type label"),
        status=shown["status"].map(lambda status: texts.say(f"status_{status}")),
    )
    st.dataframe(
        readable[["citation", "url", "accessed", "source_type", "status", "rows", "confirmed"]],
        hide_index=True,
        width="stretch",
        column_config={
            "status": st.column_config.TextColumn(texts.say("status_column")),
            "url": st.column_config.LinkColumn(texts.say("link_column"), display_text=texts.say("open_page")),
            "accessed": st.column_config.DateColumn(texts.say("accessed_column"), format="YYYY-MM-DD"),
            "source_type": st.column_config.TextColumn(texts.say("type_column")),
            "rows": st.column_config.NumberColumn(texts.say("rows_column")),
            "confirmed": st.column_config.NumberColumn(texts.say("confirmed_column"), help=texts.say("confirmed_help")),
            "citation": st.column_config.TextColumn(texts.say("citation_column"), width="large"),
        },
    )
    st.download_button(
        texts.say("download_list"),
        table_csv(
            shown.assign(type=strict_map(shown["source_type"], types, "source type label")),
            about_columns(
                texts.say("list_title", title=app_title()),
                url_or_unknown(view_url()),
                package_version(check.data_dir)[0],
                kind="list",
            ),
        ),
        file_name="sources.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )

st.subheader(texts.say("derived_heading"))
st.markdown(texts.say("derived"))
st.subheader(texts.say("concepts_heading"))
if check is not None:
    vocab = Vocabulary.of(check)
    for concept in vocab.concepts["concept"]:
        words = vocab.concept(concept)
        colon = i18n.punctuation(i18n.current())["colon"]
        st.markdown(f"- **{markdown_plain(words['label'])}**{colon}{markdown_plain(words['definition'])}")


def _term_line(term: dict) -> str:
    """'日本語: 広義のひきこもり', the term in an element that says its language, escaped as Markdown and HTML."""
    shown = markdown_plain(term["term"]).replace("&", "&amp;")
    lang = f' lang="{term["term_lang"]}"' if term["term_lang"] in i18n.LANGUAGES else ""
    before, after = (markdown_plain(part) for part in term["term_around"])
    return f"{before}**<span{lang}>{shown}</span>**{after}"


def _terms(terms: list[dict]) -> None:
    """Each concept's terms in Japanese, Korean and Italian, one expander per concept: the term, the quote that uses
    it (in its language), its English for a reader of another, its link; or, where no source names it, that plainly."""
    words = glossary_words()
    st.subheader(words["heading"])
    st.caption(words["intro"])
    reader = i18n.current()
    for concept in terms:
        names = " · ".join(dict.fromkeys(t["term"] for t in concept["terms"]))
        with st.expander(
            f"{markdown_plain(concept['label'])} — {markdown_plain(names)}", key=f"terms-{concept['concept']}"
        ):
            for term in concept["terms"]:
                st.markdown(_term_line(term), unsafe_allow_html=True)
                if term["no_source"]:
                    st.caption(term["no_source"])
                    continue
                if term["quote"]:
                    st.markdown(quote_html(term["quote"], term["lang"]), unsafe_allow_html=True)
                    if term["quote_en"] and reader != term["lang"]:
                        st.caption(in_english_html(term["quote_en"]), unsafe_allow_html=True)
                if term["url"] and term["where"]:
                    st.markdown(markdown_link(term["where"], term["url"]))  # a link in a caption is too pale (axe)


if check is not None:
    _terms(glossary_terms(check))
st.subheader(texts.say("warnings"))
for text in caveats().values():
    st.markdown(f"- {markdown_plain(text)}")

st.subheader(texts.say("cite_heading"))
today = date.today()
st.code(dashboard_citation(view_url(), today), language=None, wrap_lines=True)
st.code(bibtex_dashboard(view_url(), today), language="bibtex", wrap_lines=True)
st.markdown(texts.say("cite_originals"))
if check is not None:
    download_package(check, key="sources-zip")
    whats_new(check)
