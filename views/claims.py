"""Claim check: each claim of the 2020 article, its traced origin, the best evidence and a verdict."""
import math

import streamlit as st

from settings import CLAIMS_PER_PAGE
from shaping.charts import dot_plot, forest_plot
from shaping.citations import short_citation
from shaping.claims import TOPIC_LABELS, linked_rows, verdict_badge
from shaping.health import forest_rows
from shaping.selection import int_between
from shaping.text import markdown_link, markdown_plain
from ui.card import Figure, figure_card
from ui.page import load_tables, url_notices

TOPICS = {label: key for key, label in TOPIC_LABELS.items()}
TABLE_COLUMNS = {"label": "Row", "as_published": "As published", "value": "Count", "rate_pct": "Rate %", "source_id": "Source"}
HEALTH_COLUMNS = {"label": "Study · exposure → outcome", "estimate_text": "Estimate (95% CI)", "significance": "Significance",
                  "source_id": "Source"}

st.title("Claim check")
st.caption("The project began with a 2020 magazine article, “Hikikomori: Japan's Modern-Day Hermits” (HubPages, updated 10 August 2020). "
           "Each of its statistical claims is traced to where it most likely came from and set against the best evidence.")
url_notices({"topics": TOPICS, "claims_page": int_between(1, 10_000)})
check = load_tables("claims", "claim_evidence", "recluse_estimates", "youth_homelessness", "isolation_health_risks", "sources")
if check is not None:
    claims, links = check.table("claims"), check.table("claim_evidence")
    sources = check.table("sources").set_index("source_id", drop=False)
    present = [label for key, label in TOPIC_LABELS.items() if key in set(claims["topic"])]
    chosen = st.multiselect("Topics", present, default=present, key="topics", bind="query-params")
    rows = linked_rows(links, check.table("recluse_estimates"), check.table("youth_homelessness"))
    health = links[links["health_row_id"].notna()].merge(check.table("isolation_health_risks"), left_on="health_row_id", right_on="row_id",
                                                         suffixes=("_link", ""))
    chosen_claims = claims[claims["topic"].isin([TOPICS[t] for t in chosen])]
    pages = max(1, math.ceil(len(chosen_claims) / CLAIMS_PER_PAGE))
    asked = st.query_params.get("claims_page", "")
    if asked.isdigit() and int(asked) > pages:
        st.info(f"Ignored page {asked} of the link: there {'is' if pages == 1 else 'are'} {pages} page(s) of claims.", icon=":material/link_off:")
    number = min(st.pagination(pages, key="claims_page", bind="query-params"), pages)
    first = (number - 1) * CLAIMS_PER_PAGE
    shown = chosen_claims.iloc[first:first + CLAIMS_PER_PAGE]
    hidden = len(claims) - len(chosen_claims)
    if shown.empty:
        st.caption(f"No claims shown: {hidden} hidden by the topic filter.")
    else:
        st.caption(f"Claims {first + 1}–{first + len(shown)} of {len(chosen_claims)} shown (page {number} of {pages})"
                   + (f"; {hidden} hidden by the topic filter." if hidden else "."))
    for _, claim in shown.iterrows():
        with st.container(border=True, key=f"claim-{claim['claim_id']}"):
            label, color = verdict_badge(claim["verdict"])
            st.markdown(f"### “{markdown_plain(claim['quote'])}”")
            st.badge(label, color=color, icon=":material/gavel:")
            st.markdown("**Traced origin.** " + markdown_plain(claim["traced_origin"]))
            st.markdown("**Verdict.** " + markdown_plain(claim["explanation"]))
            statements = links[(links["claim_id"] == claim["claim_id"]) & links["source_id"].notna()]
            if not statements.empty:
                st.markdown("**Statements without a number:** " + "; ".join(
                    markdown_link(short_citation(sources.loc[s]), sources.loc[s]["url"]) for s in statements["source_id"]))
            numeric = rows[rows["claim_id"] == claim["claim_id"]]
            has_count = numeric["value"].notna() | numeric["value_low"].notna()
            counted, uncounted = numeric[has_count], numeric[~has_count]
            if not counted.empty:
                figure_card(Figure(
                    key=f"claim-{claim['claim_id']}-counts",
                    title=f"Evidence for the claim “{claim['quote'][:60]}{'…' if len(claim['quote']) > 60 else ''}” (counts)",
                    summary=f"{label}: {len(counted[counted['role'] == 'origin'])} origin row(s) and "
                            f"{len(counted[counted['role'] == 'evidence'])} evidence row(s) with a count.",
                    chart=dot_plot(counted, "count", True), rows=counted, table_columns=TABLE_COLUMNS,
                    points=[f"{r['label']}: {r['as_published']}" for _, r in counted.iterrows()],
                    extra_notes=[f"Not drawn (no count): {r['label']}: {r['as_published']}" for _, r in uncounted.iterrows()],
                ), check)
            ratios = forest_rows(health[health["claim_id"] == claim["claim_id"]], check.table("sources"))
            if not ratios.empty:
                figure_card(Figure(
                    key=f"claim-{claim['claim_id']}-ratios",
                    title=f"Evidence for the claim “{claim['quote'][:60]}{'…' if len(claim['quote']) > 60 else ''}” (ratios)",
                    summary=f"{label}: {len(ratios)} published association(s) checked against the claim.",
                    chart=forest_plot(ratios), rows=ratios, table_columns=HEALTH_COLUMNS,
                    points=[f"{r['label']}: {r['estimate_text']}" for _, r in ratios.iterrows()], caveats=["associations"],
                ), check)
