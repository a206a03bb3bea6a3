"""Claim check: each claim of the 2020 article, its traced origin, the best evidence and a verdict."""

import streamlit as st

from figures import claims as claim_figures
from settings import CLAIMS_PER_PAGE
from shaping.citations import short_citation
from shaping.claims import claims_on_page, page_count, topic_labels, verdict_badge
from shaping.numbers import clauses
from shaping.selection import int_between
from shaping.text import markdown_link, markdown_plain
from shaping.vocabulary import Vocabulary
from shaping.words import data_english
from ui.card import data_text, figure_card
from ui.page import load_tables, url_notices, vocabulary
from ui.render import page_header
from ui.shared import shared_figure

words = vocabulary()
TOPICS = {label: key for key, label in topic_labels(words).items()} if words is not None else {}

texts = page_header("claims")
url_notices({"topics": TOPICS, "claims_page": int_between(1, 10_000)})
check = load_tables(
    "claims", "claim_evidence", "recluse_estimates", "youth_homelessness", "isolation_health_risks", "sources"
)
if check is not None:
    claims, links = check.table("claims"), check.table("claim_evidence")
    sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    # Every claim and its verdict first, on one screen: the cards below take three screens.
    st.subheader(texts.say("all_claims"))
    verdicts = claims.assign(verdict_label=[verdict_badge(v, vocab)[0] for v in claims["verdict"]])
    # A plain table that wraps: a grid cut the claims and hid the verdicts on a phone. Its cells are read as Markdown,
    # so the data's text is escaped.
    claim_column = data_english(texts.say("claim_column"))  # over the claims' English
    st.table(
        verdicts[["quote", "verdict_label"]]
        .map(markdown_plain)
        .rename(columns={"quote": claim_column, "verdict_label": texts.say("verdict_column")}),
        hide_index=True,
    )
    present = [label for key, label in topic_labels(vocab).items() if key in set(claims["topic"])]
    chosen = st.multiselect(texts.say("topics"), present, default=present, key="topics", bind="query-params")
    chosen_claims = claims[claims["topic"].isin([TOPICS[t] for t in chosen])]
    pages = page_count(len(chosen_claims), CLAIMS_PER_PAGE)
    asked = st.query_params.get("claims_page", "")
    if asked.isdigit() and int(asked) > pages:
        ignored = (
            texts.say("ignored_page_one", asked=asked)
            if pages == 1
            else texts.say("ignored_page_many", asked=asked, pages=pages)
        )
        st.info(ignored, icon=":material/link_off:")
    number = min(st.pagination(pages, key="claims_page", bind="query-params"), pages)
    shown, first = claims_on_page(chosen_claims, number, CLAIMS_PER_PAGE)
    hidden = len(claims) - len(chosen_claims)
    if shown.empty:
        st.caption(texts.say("none_shown", hidden=hidden))
    else:
        span = {"first": first + 1, "last": first + len(shown), "total": len(chosen_claims), "number": number}
        st.caption(
            texts.say("shown_some_hidden", **span, pages=pages, hidden=hidden)
            if hidden
            else texts.say("shown", **span, pages=pages)
        )
    for _, claim in shown.iterrows():
        with st.container(border=True, key=f"claim-{claim['claim_id']}"):
            label, color = verdict_badge(claim["verdict"], vocab)
            quote, in_english = data_text(f"“{claim['quote']}”")  # the article's English, marked for other readers
            st.markdown(f"### {quote}", unsafe_allow_html=in_english)
            st.badge(label, color=color, icon=":material/gavel:")
            for title, column in (("traced_origin", "traced_origin"), ("verdict", "explanation")):
                text, has_html = data_text(claim[column])
                st.markdown(f"**{texts.say(title)}** " + text, unsafe_allow_html=has_html)
            statements = links[(links["claim_id"] == claim["claim_id"]) & links["source_id"].notna()]
            if not statements.empty:
                st.markdown(
                    f"**{texts.say('statements')}** "
                    + clauses(
                        markdown_link(short_citation(sources.loc[s]), sources.loc[s]["url"])
                        for s in statements["source_id"]
                    )
                )
            for kind in claim_figures.KINDS:
                shown_figure = shared_figure(check, claim_figures.claim_figure, claim_id=claim["claim_id"], kind=kind)
                if shown_figure is not None:
                    figure_card(shown_figure, check)
