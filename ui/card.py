"""The figure card every chart goes through: chart, source line, notes, table, download, quote and cite."""

from collections.abc import Callable
from datetime import date
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

import settings
from figures.figure import Figure, row_notes
from figures.finished import Finished, finish
from loaders.package_check import PackageCheck
from shaping.charts import left_out_line
from shaping.citations import bibtex_figure, bibtex_source, figure_citation, plain_source_citation, url_or_unknown
from shaping.downloads import rows_csv
from shaping.edition import embed_code, embed_height, figure_url
from shaping.evidence import held_text, quote_groups, quotes_for, row_labels, unread_columns
from shaping.images import finished, image_bytes, image_height
from shaping.text import markdown_link, markdown_plain
from shaping.vocabulary import Vocabulary
from shaping.words import app_title, caveats
from ui.page import download_package, view_url

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def alt_text(figure: Figure) -> str:
    """Alt text from the data: title, summary and every point shown."""
    points = "; ".join(figure.points[:40])
    more = f"; and {len(figure.points) - 40} more" if len(figure.points) > 40 else ""
    return f"Chart: {figure.title}. {figure.summary} Points: {points}{more}."


def _about(figure: Figure, used: pd.DataFrame, vocab: Vocabulary) -> None:
    concepts = list(dict.fromkeys(figure.concepts))
    if concepts:
        st.markdown("**What the concepts mean**")
        for concept in concepts:
            label, meaning = vocab.concept(concept)[["label", "definition"]]
            st.markdown(f"- **{markdown_plain(label)}**: {markdown_plain(meaning)}")
    st.markdown("**Each row: method, sample and uncertainty**")
    for item in row_notes(figure):
        st.markdown(f"- **{markdown_plain(item['label'])}** ({markdown_plain(item['facts'])}): {markdown_plain(item['note'])}")
    for note in figure.extra_notes:
        st.markdown(f"- {markdown_plain(note)}")
    if figure.caveats:
        st.markdown("**Caveats that apply**")
        for key in figure.caveats:
            st.markdown(f"- {markdown_plain(caveats()[key])}")
    kinds = sorted({vocab.label("sources", "source_type", t) for t in used["source_type"]})
    st.caption("Source types: " + markdown_plain(", ".join(kinds)))
    if figure.how_made:
        st.markdown("**How the numbers were made**")
        steps_made = _made(figure.how_made)
        if not steps_made:
            st.caption("Nothing in this figure was computed here: every number is as published.")
        for heading, steps in steps_made:
            st.markdown(f"*{markdown_plain(heading)}*")
            for i, step in enumerate(steps, 1):
                st.markdown(f"{i}\\. {markdown_plain(step)}")


def _cite(figure: Figure, used: pd.DataFrame, url: str) -> None:
    today = date.today()
    quotes = _made(figure.quotes)
    if quotes:
        st.markdown("**Sentences to quote**")
        for quote in quotes:
            st.code(quote, language=None, wrap_lines=True)
    st.markdown("**This figure**")
    st.code(figure_citation(figure.title, url, today), language=None, wrap_lines=True)
    st.code(bibtex_figure(figure.title, url, today, figure.key), language="bibtex", wrap_lines=True)
    st.markdown("**Its sources**")
    for _, source in used.iterrows():
        st.code(plain_source_citation(source), language=None, wrap_lines=True)
        st.code(bibtex_source(source), language="bibtex", wrap_lines=True)


def _evidence(check: PackageCheck) -> pd.DataFrame | None:
    """The evidence table, or None when it has problems (the card then says so and still draws the chart)."""
    return None if check.problems.get("evidence") else check.table("evidence")


def _unread_notice(shown: Finished) -> None:
    """Mark the rows shown whose figure no readable page holds, by the label the chart and table use."""
    if not shown.unread:
        return
    st.warning(
        f"No readable page found for {len(shown.unread)} of the {len(shown.figure.rows)} rows shown: "
        + markdown_plain("; ".join(shown.unread))
        + ". Treat them as claims under check, not as evidence.",
        icon=":material/help:",
    )


def _where_it_says_so(figure: Figure, evidence: pd.DataFrame) -> None:
    """Each quote behind the rows shown, verbatim and once, with the figures it holds, its page, locator and translation."""
    labels = row_labels(figure.rows, figure.row_label_column)
    current = None
    for group in quote_groups(quotes_for(figure.rows, evidence)):
        if group["row_id"] != current:
            current = group["row_id"]
            st.markdown(f"**{markdown_plain(labels.get(current, current))}**")
        if group["quote"] is None:
            missing = unread_columns(group["figures"], figure.table_columns)
            st.caption("No readable page found for " + markdown_plain(missing) + ". " + markdown_plain(" ".join(group["notes"])))
            continue
        held = held_text(group["figures"], figure.table_columns)
        where = f"{group['locator']} ({urlparse(group['url']).hostname})"
        st.markdown(f"- {markdown_plain(held)} · {markdown_link(where, group['url'])} · checked {group['checked'].date()}")
        st.markdown("> " + markdown_plain(group["quote"]))
        if pd.notna(group["quote_en"]):
            st.caption("In English: " + markdown_plain(group["quote_en"]))
        if group["notes"]:
            st.caption(markdown_plain(" ".join(group["notes"])))


def _made(items: list | Callable[[], list]) -> list:
    return items() if callable(items) else items


def _embed_and_images(figure: Figure, source_text: str) -> None:
    """'Embed and images': the static edition's <iframe> code and files when it is published at the public address
    (its figures at their default view), and this view's PNG and SVG, made by Kaleido only when a button is clicked."""
    with st.expander("Embed and images", icon=":material/code:", key=f"{figure.key}-embed", on_change="rerun") as box:
        if not box.open:
            return
        chart = finished(figure.chart, source_text)
        base = settings.PUBLIC_BASE_URL
        if base:
            st.markdown("**Embed this figure** (its default view, from the static edition; full width, fixed height)")
            st.code(embed_code(figure_url(base, figure.key, "embed.html"), figure.title, embed_height(image_height(chart))), language="html", wrap_lines=True)
            st.markdown(
                " · ".join(
                    markdown_link(label, figure_url(base, figure.key, name))
                    for label, name in (("Static page", ""), ("PNG", f"{figure.key}.png"), ("SVG", f"{figure.key}.svg"))
                )
            )
        else:
            st.caption("No embed code: no public address is configured for the static edition (HIKIKOMORI_PUBLIC_URL).")
        left, right = st.columns(2)
        left.download_button(
            "PNG of this view",
            lambda: image_bytes(chart, "png"),
            file_name=f"{figure.key}.png",
            mime="image/png",
            key=f"{figure.key}-png",
            on_click="ignore",
            icon=":material/image:",
        )
        right.download_button(
            "SVG of this view",
            lambda: image_bytes(chart, "svg"),
            file_name=f"{figure.key}.svg",
            mime="image/svg+xml",
            key=f"{figure.key}-svg",
            on_click="ignore",
            icon=":material/image:",
        )


def figure_card(shown: Finished | Figure, check: PackageCheck) -> None:
    """Render one figure (finished by ui.shared, or a Figure made for this run only): title, summary, chart or table,
    source line, and the expanders around it.

    The Table tab and the expanders run only when opened (Streamlit's lazy tabs and expanders), and the CSV
    is made only when asked for: a page of nine cards would otherwise build and send nine tables, nine CSVs
    and some seventy citation blocks that few readers open (measured in docs/performance.md).
    """
    shown = shown if isinstance(shown, Finished) else finish(shown, check)
    figure, used, sources = shown.figure, shown.used, check.table("sources")
    with st.container(border=True, key=f"card-{figure.key}"):
        st.subheader(markdown_plain(figure.title), anchor=figure.key)
        st.markdown(markdown_plain(figure.summary))
        chart_tab, table_tab = st.tabs(["Chart", "Table"], key=f"{figure.key}-view", on_change="rerun")
        if chart_tab.open:
            with chart_tab:
                left_out = left_out_line(shown.chart)
                if left_out:  # also inside the chart's source line, so its images carry it
                    st.info(left_out, icon=":material/filter_list:")
                st.plotly_chart(shown.chart, key=f"{figure.key}-chart", config=PLOTLY_CONFIG, theme=None, alt=alt_text(figure), width="stretch")
        if table_tab.open:
            with table_tab:
                table = figure.rows[list(figure.table_columns)].rename(columns=figure.table_columns)
                st.dataframe(table, hide_index=True, width="stretch", key=f"{figure.key}-table")
        links = "; ".join(
            markdown_plain(producer) + " (" + ", ".join(markdown_link(e, url) for e, url in editions) + ")" for producer, editions in shown.citations
        )
        st.markdown(("Source: " if len(used) == 1 else "Sources: ") + links, help="Each link opens the page where the figure can be read.")
        evidence = _evidence(check)
        if evidence is None:
            st.warning(
                "The quotes behind these figures cannot be shown: evidence.csv has problems (maintainers: run `python -m loaders.validate`).",
                icon=":material/error:",
            )
        else:
            _unread_notice(shown)
        url = view_url()
        rows, title = figure.rows, f"{app_title()}: {figure.title}. {url_or_unknown(url)}. {shown.sources_text}"
        with st.container(horizontal=True):  # one row that wraps on a phone: one element, where columns made three
            st.download_button(
                "Download the data shown (CSV)",
                lambda: rows_csv(rows, sources, title),
                file_name=f"{figure.key}.csv",
                mime="text/csv",
                key=f"{figure.key}-csv",
                on_click="ignore",
                icon=":material/download:",
            )
            download_package(check, key=f"{figure.key}-zip")
        if evidence is not None:
            with st.expander("Where it says so", icon=":material/find_in_page:", key=f"{figure.key}-evidence", on_change="rerun") as box:
                if box.open:
                    _where_it_says_so(figure, evidence)
        with st.expander("About this data", icon=":material/info:", key=f"{figure.key}-about", on_change="rerun") as box:
            if box.open:
                _about(figure, used, Vocabulary.of(check))
        with st.expander("Quote and cite", icon=":material/format_quote:", key=f"{figure.key}-cite", on_change="rerun") as box:
            if box.open:
                _cite(figure, used, url)
        _embed_and_images(figure, shown.source_line)
