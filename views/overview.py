"""Overview: what hikikomori means, the latest national estimate per country, and the warnings that apply everywhere."""

import streamlit as st

from figures import overview
from i18n import current, sentences, translate
from shaping.citations import short_citation
from shaping.estimates import comparability_warnings
from shaping.headlines import cautions
from shaping.sentences import headline_detail, headline_figure, quote_sentence
from shaping.text import markdown_link, markdown_plain
from shaping.vocabulary import Vocabulary
from shaping.words import caveats, page, pages, say
from ui.page import load_tables, whats_new
from ui.shared import shared

st.title(markdown_plain(say("app_title")))
st.caption(markdown_plain(say("tagline")))
st.markdown(markdown_plain(say("definition")))

words = page("overview")
check = load_tables("recluse_estimates", "sources", "evidence")
if check is not None:
    sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    heads = shared(check, overview.headlines)
    st.subheader(say("headlines"))
    if heads.empty:
        st.info(words.say("no_headline"), icon=":material/help:")
    for column, (_, row) in zip(st.columns(max(len(heads), 1)), heads.iterrows(), strict=False):
        source = sources.loc[row["source_id"]]
        with column.container(border=True):
            st.metric(row["country_name"], headline_figure(row))
            st.markdown(markdown_plain(headline_detail(row)))
            for caution in cautions(row):
                st.caption(markdown_plain(caution))
            st.markdown(
                markdown_plain(words.say("evidence", method=row["method_label"]))
                + " · "
                + markdown_link(short_citation(source), source["url"])
            )
    warnings = comparability_warnings(heads, vocab)
    if warnings:
        said = sentences([words.say("not_comparable"), *warnings], current())  # no space after 。 or ： in Japanese
        st.warning(markdown_plain(said), icon=":material/warning:")
    with st.expander(words.say("quote_these"), icon=":material/format_quote:"):
        for _, row in heads.iterrows():
            st.code(quote_sentence(row, sources.loc[row["source_id"]], vocab), language=None, wrap_lines=True)
    st.markdown(
        f"**{markdown_plain(words.say('where_it_says_so'))}** "
        + markdown_plain(shared(check, overview.coverage_text))
        + " "
        + words.say("where_every_chart")
    )
    whats_new(check)

st.subheader(words.say("warnings"))
for text in caveats().values():
    st.markdown(f"- {markdown_plain(text)}")

st.subheader(words.say("explore"))
for linked in pages():
    if linked.link:
        st.page_link(linked.file, label=markdown_plain(translate(linked.link)), icon=linked.icon, width="stretch")
