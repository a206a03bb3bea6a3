"""Sources and method: every source with the rows that use it, how derived numbers are made, and how to cite."""

from datetime import date

import streamlit as st

from core.package import package_version
from shaping.citations import bibtex_dashboard, dashboard_citation, url_or_unknown
from shaping.downloads import about_columns, table_csv
from shaping.sources import matching, source_usage, unusable_tables
from shaping.text import markdown_plain
from shaping.vocabulary import Vocabulary, strict_map
from shaping.words import app_title, caveats
from ui.page import download_package, load_tables, url_notices, view_url, whats_new
from ui.render import page_header

page_header("sources")
url_notices({"q": lambda value: len(value) <= 100})
check = load_tables("sources")
if check is not None:
    usage = source_usage(check)
    skipped = unusable_tables(check)
    if skipped:
        st.warning(
            "Row counts leave out tables that have problems: " + markdown_plain(", ".join(skipped)) + ".",
            icon=":material/warning:",
        )
    st.subheader("Every source")
    query = st.text_input(
        "Search sources",
        key="q",
        bind="query-params",
        max_chars=100,
        placeholder="producer, title, id or citation, e.g. Cabinet Office",
    )
    shown = matching(usage, query)
    st.caption(
        f"{len(shown)} of {len(usage)} sources. Click a column header to sort; every link opens the page where the figure can be read."
    )
    st.dataframe(
        shown[["source_id", "citation", "url", "accessed", "source_type", "status", "rows", "confirmed", "used_by"]],
        hide_index=True,
        width="stretch",
        column_config={
            "source_id": st.column_config.TextColumn("Id"),
            "url": st.column_config.LinkColumn("Link", display_text="open page"),
            "accessed": st.column_config.DateColumn("Accessed", format="YYYY-MM-DD"),
            "source_type": st.column_config.TextColumn("Type"),
            "rows": st.column_config.NumberColumn("Rows"),
            "confirmed": st.column_config.NumberColumn(
                "Rows confirmed here",
                help="Rows whose figure was read, verbatim, on this source's pages (data/evidence.csv)",
            ),
            "used_by": st.column_config.TextColumn("Rows that use it", width="large"),
            "citation": st.column_config.TextColumn("Citation", width="large"),
        },
    )
    types = Vocabulary.of(check).labels_of("sources", "source_type")
    st.download_button(
        "Download this list (CSV)",
        table_csv(
            shown.assign(type=strict_map(shown["source_type"], types, "source type label")),
            about_columns(
                f"{app_title()}: sources", url_or_unknown(view_url()), package_version(check.data_dir)[0], kind="list"
            ),
        ),
        file_name="sources.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )

st.subheader("How derived numbers are made")
st.markdown("""
Numbers computed in this project are labelled **derived** wherever they appear; the data marks them in `derived_fields`
with the method in `derivation`.

- **Intervals from cases and sample size.** Japan's Cabinet Office publishes no margins of error. Where a round gives the
  number of qualifying respondents *k* out of *n* valid respondents, a 95% **Wilson score interval** is computed for the
  share *k/n*, assuming simple random sampling (design effects and weights ignored, so the true uncertainty is larger).
  Count bounds are the published count scaled by bound ÷ published rate, rounded to the nearest 10,000.
- **Rates per 100,000.** A count divided by the population it covers, of the same country, year and ages in
  `population.csv`, times 100,000: the US count of unaccompanied youth under 25 by US residents under 25, Japan's
  all-ages street count by all residents. No rate is computed when that population is missing.
- **Where it says so.** Every figure has the sentence it was read in, verbatim, in `evidence.csv`; each chart lists
  them under *Where it says so*, and the table above counts the rows confirmed on each source's pages.
- **Sums and differences.** Japan's circulating “1.15 million” is 541,000 (ages 15–39, fieldwork Dec 2015) plus
  613,000 (ages 40–64, Dec 2018), two surveys three years apart; the 2015 quasi group is the broad figure minus the narrow one.
- **Survival odds.** Holt-Lunstad 2010 reports odds of *survival* with stronger relationships; they are kept in their own
  group and never read as a risk.
""")
st.subheader("What each concept means")
if check is not None:
    for _, concept in Vocabulary.of(check).concepts.iterrows():
        st.markdown(
            f"- **{markdown_plain(concept['label'])}** (`{concept['concept']}`): {markdown_plain(concept['definition'])}"
        )
st.subheader("Warnings that apply across the dashboard")
for text in caveats().values():
    st.markdown(f"- {markdown_plain(text)}")

st.subheader("Cite this dashboard")
today = date.today()
st.code(dashboard_citation(view_url(), today), language=None, wrap_lines=True)
st.code(bibtex_dashboard(view_url(), today), language="bibtex", wrap_lines=True)
st.markdown("Cite the original source of each figure too (see the list above).")
if check is not None:
    download_package(check, key="sources-zip")
    whats_new(check)
