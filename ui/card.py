"""The figure card every chart goes through: chart, source line, notes, table, download, quote and cite."""

import html
from datetime import date

import streamlit as st

import settings
from core.package import package_version
from core.package_check import PackageCheck
from figures.card import CardContent
from figures.figure import Figure
from figures.finished import Finished, finish
from figures.in_english import english_marker, in_english_html, marked_row_notes
from i18n import LANGUAGES, current, punctuation
from shaping.charts import left_out_line
from shaping.citations import MARK, quoting, url_or_unknown
from shaping.downloads import about_columns, rows_csv
from shaping.edition import embed_code, embed_height, figure_url
from shaping.images import image_bytes, image_height, titled
from shaping.numbers import clauses
from shaping.text import markdown_link, markdown_plain, safe_url
from shaping.words import app_title, say
from ui.page import download_package, on_click_in_this_language, view_url, when

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def english_markdown(text: str, marker: str) -> str:
    """Data text the package gives only in English, for st.markdown(unsafe_allow_html=True): in a span that says
    lang="en" (screen readers switch voice), then the reader's "(in English)". The text is escaped as Markdown and its
    '&' as HTML, so no tag or entity of the CSV is ever read; the one tag is the span written here."""
    plain = markdown_plain(text).replace("&", "&amp;")
    return f'<span lang="en">{plain}</span> {markdown_plain(marker)}'


def _noted(text: str, lang: str | None, marker: str) -> tuple[str, bool]:
    """(Markdown, whether it holds HTML): the note marked English where it is the data's own English."""
    return (english_markdown(text, marker), True) if lang else (markdown_plain(text), False)


def data_text(text: str) -> tuple[str, bool]:
    """(Markdown, whether it holds HTML) for text the package writes only in English (a claim's explanation, a
    study's note), marked as English with "(in English)" for a reader of another language."""
    if not isinstance(text, str) or not text.strip():
        return "", False
    marker = english_marker(current())
    return _noted(text, "en" if marker else None, marker)


def _concepts(card: CardContent) -> None:
    if card.notes["concepts"]:
        st.markdown(f"**{say('card.concepts')}**")
        for label, meaning in card.notes["concepts"]:
            st.markdown(f"- **{markdown_plain(label)}**{punctuation(current())['colon']}{markdown_plain(meaning)}")


def _row_notes(card: CardContent) -> None:
    """Each row's facts and note; a note in the data's English marked so for a reader of another language."""
    st.markdown(f"**{say('card.rows')}**")
    marks = punctuation(current())
    for item in marked_row_notes(card.figure, current()):
        note, has_html = _noted(item["note"], item["lang"], item["marker"])
        st.markdown(
            f"- **{markdown_plain(item['label'])}**{marks['open']}{markdown_plain(item['facts'])}{marks['close']}"
            f"{marks['colon']}{note}",
            unsafe_allow_html=has_html,
        )
    for note in card.notes["extra"]:
        st.markdown(f"- {markdown_plain(note)}")


def _how_made(card: CardContent) -> None:
    st.markdown(f"**{say('card.how_made')}**")
    if not card.how_made:
        st.caption(say("card.nothing_made"))
    for heading, steps in card.how_made:
        st.markdown(f"*{markdown_plain(heading)}*")
        for i, step in enumerate(steps, 1):
            st.markdown(f"{i}\\. {markdown_plain(step)}")


def _about(card: CardContent) -> None:
    """'About this data': concepts, each row's note, caveats, source types and how the derived numbers were made."""
    _concepts(card)
    _row_notes(card)
    if card.notes["caveats"]:
        st.markdown(f"**{say('card.caveats')}**")
        for caveat in card.notes["caveats"]:
            st.markdown(f"- {markdown_plain(caveat)}")
    st.caption(markdown_plain(say("card.source_types", types=card.notes["source_types_listed"])))
    if card.figure.how_made:
        _how_made(card)


def _cite(card: CardContent) -> None:
    """One citation first (the figure, its view, the data version and the date); the rest behind a second step."""
    st.markdown(f"**{say('card.cite_first')}**")
    st.code(card.citation["text"], language=None, wrap_lines=True)
    if card.quotes:
        st.markdown(f"**{say('card.sentences')}**")
        for quote in card.quotes:
            st.code(quote, language=None, wrap_lines=True)
    if st.toggle(say("card.cite_more"), key=f"{card.key}-cite-more"):
        st.code(card.citation["bibtex"], language="bibtex", wrap_lines=True)
        st.markdown(f"**{say('card.its_sources')}**")
        for source in card.source_citations:
            st.code(source["text"], language=None, wrap_lines=True)
            st.code(source["bibtex"], language="bibtex", wrap_lines=True)


def _unread_notice(card: CardContent) -> None:
    """Mark the rows shown whose figure no readable page holds, by the label the chart and table use."""
    if card.unread:
        labels = markdown_plain(clauses(card.unread))
        st.warning(
            say("card.unread", count=len(card.unread), total=len(card.figure.rows), labels=labels),
            icon=":material/help:",
        )


def _lang_attribute(lang: str | None) -> str:
    return f' lang="{lang}"' if lang in LANGUAGES else ""


def quote_html(quote: str, lang: str | None) -> str:
    """A published quote as a blockquote in its own language (lang="ja": screen readers switch voice, browsers pick
    the font), its text escaped: the CSV's text is never read as HTML or Markdown. One line, so Markdown ends nowhere
    inside it."""
    text = html.escape(" ".join(quote.split()))
    return f"<blockquote{_lang_attribute(lang)}>{text}</blockquote>"


def _where(quote: dict, marker: str) -> tuple[str, bool]:
    """(Markdown, whether it holds HTML) of where a quote is: its locator ('abstract, Results', the data's free
    English) and host, linked to its page; the locator marked lang="en" with the reader's "(in English)" after the
    link, as the static page marks it."""
    if not marker or quote["locator_lang"] != "en":  # an English reader's, or the source's own heading ('調査の時期')
        return markdown_link(f"{quote['locator']} ({quote['host']})", quote["url"]), False
    locator = '<span lang="en">' + markdown_plain(quote["locator"]).replace("&", "&amp;") + "</span>"
    label, target = f"{locator} ({markdown_plain(quote['host'])})", safe_url(quote["url"])
    linked = f"[{label}]({target.replace('(', '%28').replace(')', '%29')})" if target else label
    return f"{linked} {markdown_plain(marker)}", True


def _where_it_says_so(card: CardContent) -> None:
    """Each quote behind the rows shown, verbatim and once, with the figures it holds,
    its page, locator and translation."""
    marker = english_marker(current())  # the evidence's notes are the data's English
    for row in card.evidence:
        st.markdown(f"**{markdown_plain(row['label'])}**")
        for q in row["quotes"]:
            if not q["found"]:
                notes, has_html = _noted(q["notes"], marker and "en", marker) if q["notes"] else ("", False)
                st.caption(markdown_plain(say("card.no_page_for", columns=q["columns"])) + " " + notes, has_html)
                continue
            where, has_html = _where(q, marker)
            st.markdown(
                f"- {markdown_plain(q['held'])} · {where} · {say('card.checked', date=when(str(q['checked'])))}",
                unsafe_allow_html=has_html,
            )
            st.markdown(quote_html(q["quote"], q["lang"]), unsafe_allow_html=True)
            if q["quote_en"] and q["lang"] != current():  # a reader of the quote's own language needs no English
                st.caption(in_english_html(q["quote_en"]), unsafe_allow_html=True)
            if q["notes"]:
                st.caption(*_noted(q["notes"], marker and "en", marker))


def _default_view(check: PackageCheck, key: str) -> Finished | None:
    """The figure at its catalog entry's default parameters: the one view the static edition publishes (None for a
    figure the catalog does not list, such as the upload page's before/after)."""
    from figures.catalog import catalog  # only when the expander is open
    from ui.shared import shared_figure

    entry = next((e for e in catalog(check) if e.key == key), None)
    return None if entry is None else shared_figure(check, entry.builder, **entry.params)


def _embed_and_images(shown: Finished, check: PackageCheck) -> None:
    """'Embed and images': the static edition's <iframe> code and files when it is published at the public address,
    for the view it publishes (the default: its title and height, not the screen's), and this view's PNG and SVG,
    titled and sourced, made by Kaleido only when a button is clicked."""
    figure = shown.figure
    with st.expander(say("card.embed"), icon=":material/code:", key=f"{figure.key}-embed", on_change="rerun") as box:
        if not box.open:
            return
        # the images say what they show, where and when, and who says so across their width
        chart = titled(shown.chart, figure.title, figure.subtitle, source=shown.source_line)
        base = settings.PUBLIC_BASE_URL
        published = _default_view(check, figure.key) if base else None
        if published is not None:
            default = published.figure
            st.markdown(f"**{say('card.embed_code')}**")
            if default.title != figure.title or not default.rows.index.equals(figure.rows.index):
                said = quoting(say("card.embed_default", title=MARK), default.title)  # marks nested
                st.caption(markdown_plain(said))
            height = embed_height(image_height(published.chart), default.title, published.sources_text)
            st.code(
                embed_code(figure_url(base, figure.key, "embed.html"), default.title, height),
                language="html",
                wrap_lines=True,
            )
            st.markdown(
                " · ".join(
                    markdown_link(say(f"card.{label}"), figure_url(base, figure.key, name))
                    for label, name in (("static_page", ""), ("png", f"{figure.key}.png"), ("svg", f"{figure.key}.svg"))
                )
            )
        else:
            st.caption(say("card.no_embed" if not base else "card.not_published"))
        left, right = st.columns(2)
        left.download_button(
            say("card.png_of_view"),
            on_click_in_this_language(lambda: image_bytes(chart, "png")),
            file_name=f"{figure.key}.png",
            mime="image/png",
            key=f"{figure.key}-png",
            on_click="ignore",
            icon=":material/image:",
        )
        right.download_button(
            say("card.svg_of_view"),
            on_click_in_this_language(lambda: image_bytes(chart, "svg")),
            file_name=f"{figure.key}.svg",
            mime="image/svg+xml",
            key=f"{figure.key}-svg",
            on_click="ignore",
            icon=":material/image:",
        )


def _chart_and_table(shown: Finished, card: CardContent) -> None:
    """The Chart and Table tabs, each built only when open."""
    figure = shown.figure
    chart_tab, table_tab = st.tabs([say("card.chart"), say("card.table")], key=f"{figure.key}-view", on_change="rerun")
    if chart_tab.open:
        with chart_tab:
            left_out = left_out_line(shown.chart)
            if left_out:  # also inside the chart's source line, so its images carry it
                st.info(left_out, icon=":material/filter_list:")
            st.plotly_chart(
                shown.chart,
                key=f"{figure.key}-chart",
                config=PLOTLY_CONFIG,
                theme=None,
                alt=card.alt,
                width="stretch",
            )
            if card.interval_note:
                st.caption(markdown_plain(card.interval_note))
    if table_tab.open:
        with table_tab:
            table = figure.rows[list(figure.table_columns)].rename(columns=figure.table_columns)
            st.dataframe(table, hide_index=True, width="stretch", key=f"{figure.key}-table")


def _source_line(card: CardContent) -> None:
    """The producers and their editions, linked, and what the evidence could not confirm."""
    links = "".join(
        markdown_plain(group["before"] + group["producer"] + group["open"])
        + "".join(markdown_link(e["label"], e["url"]) + markdown_plain(e["after"]) for e in group["editions"])
        + markdown_plain(group["close"] + group["after"])
        for group in card.source_links
    )
    st.markdown(markdown_plain(card.source_heading) + links, help=say("card.sources_help"))  # as the static page
    if card.evidence_available:
        _unread_notice(card)
    else:
        st.warning(say("card.evidence_broken"), icon=":material/error:")


def _downloads(card: CardContent, check: PackageCheck, version: str) -> None:
    """The rows drawn as CSV (made on click) and the whole package, on one row that wraps on a phone."""
    figure, sources = card.figure, check.table("sources")
    rows, about = figure.rows, about_columns(f"{app_title()}: {figure.title}", url_or_unknown(card.url), version)
    with st.container(horizontal=True):  # one row that wraps on a phone: one element, where columns made three
        st.download_button(
            say("card.download_csv"),
            on_click_in_this_language(lambda: rows_csv(rows, sources, about)),
            file_name=f"{figure.key}.csv",
            mime="text/csv",
            key=f"{figure.key}-csv",
            on_click="ignore",
            icon=":material/download:",
        )
        download_package(check, key=f"{figure.key}-zip")


def _expander(card: CardContent, label: str, icon: str, name: str, show) -> None:
    """One of the card's expanders, its content built only when open."""
    with st.expander(label, icon=icon, key=f"{card.key}-{name}", on_change="rerun") as box:
        if box.open:
            show(card)


def figure_card(shown: Finished | Figure, check: PackageCheck) -> None:
    """Render one figure (finished by ui.shared, or a Figure made for this run only) as figures.card.CardContent
    lays it out: title, subtitle, summary, chart or table, source line, downloads, and the expanders around it.

    The Table tab and the expanders run only when opened (Streamlit's lazy tabs and expanders), and the CSV
    is made only when asked for: a page of nine cards would otherwise build and send nine tables, nine CSVs
    and some seventy citation blocks that few readers open (measured in docs/performance.md).
    """
    # by what it holds, not its class: `make run` reloads an edited module, and a figure finished before the edit is
    # of the old class (AttributeError: 'Finished' object has no attribute 'rows' on the Claim check)
    shown = shown if hasattr(shown, "source_line") else finish(shown, check)
    version, _ = package_version(check.data_dir)
    card = CardContent(shown, check, view_url(), date.today(), version)
    with st.container(border=True, key=f"card-{card.key}"):
        st.subheader(markdown_plain(card.title), anchor=card.key)
        if card.subtitle:
            st.caption(markdown_plain(card.subtitle))
        st.markdown(markdown_plain(card.summary))
        _chart_and_table(shown, card)
        _source_line(card)
        _downloads(card, check, version)
        _expander(card, say("card.cite"), ":material/format_quote:", "cite", _cite)
        _expander(card, say("card.about"), ":material/info:", "about", _about)
        if card.evidence_available:
            _expander(card, say("card.where_it_says_so"), ":material/find_in_page:", "evidence", _where_it_says_so)
        _embed_and_images(shown, check)
