"""Overview: what hikikomori means, the latest national estimate per country, and the warnings that apply everywhere."""

import streamlit as st

from figures import overview
from shaping.citations import short_citation
from shaping.estimates import comparability_warnings
from shaping.headlines import cautions
from shaping.sentences import headline_detail, headline_figure, quote_sentence
from shaping.text import markdown_link, markdown_plain
from shaping.vocabulary import Vocabulary
from shaping.words import caveats, pages, say
from ui.page import load_tables, whats_new
from ui.shared import shared

st.title(markdown_plain(say("app_title")))
st.caption(markdown_plain(say("tagline")))
st.markdown(markdown_plain(say("definition")))

check = load_tables("recluse_estimates", "sources", "evidence")
if check is not None:
    sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    heads = shared(check, overview.headlines)
    st.subheader("One figure per country")
    if heads.empty:
        st.info(
            "No national survey figure has been confirmed on a readable page, so no headline is shown.",
            icon=":material/help:",
        )
    for column, (_, row) in zip(st.columns(max(len(heads), 1)), heads.iterrows(), strict=False):
        source = sources.loc[row["source_id"]]
        with column.container(border=True):
            st.metric(row["country_name"], headline_figure(row))
            st.markdown(markdown_plain(headline_detail(row)))
            for caution in cautions(row):
                st.caption(markdown_plain(caution))
            st.markdown(
                markdown_plain(f"Evidence: {row['method_label']}")
                + " · "
                + markdown_link(short_citation(source), source["url"])
            )
    warnings = comparability_warnings(heads, vocab)
    if warnings:
        st.warning(
            "These three figures are not comparable: " + markdown_plain(" ".join(warnings)), icon=":material/warning:"
        )
    with st.expander("Quote these figures", icon=":material/format_quote:"):
        for _, row in heads.iterrows():
            st.code(quote_sentence(row, sources.loc[row["source_id"]], vocab), language=None, wrap_lines=True)
    st.markdown(
        "**Where it says so.** "
        + markdown_plain(shared(check, overview.coverage_text))
        + " Every chart's *Where it says so* lists the sentence each figure was read in, verbatim, with its page."
    )
    whats_new(check)

st.subheader("Read every number with these warnings")
for text in caveats().values():
    st.markdown(f"- {markdown_plain(text)}")

st.subheader("Explore")
for linked in pages():
    if linked.link:
        st.page_link(linked.file, label=markdown_plain(linked.link), icon=linked.icon)
