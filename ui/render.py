"""Pages built from the declaration: a page's heading and caption from words/pages.toml, then each figure declared for
it (figures.catalog) with its controls above it, in order."""

from collections.abc import Callable

import streamlit as st

from core.package_check import PackageCheck
from figures.catalog import Entry, on_page
from figures.params import label_for
from i18n import translate
from shaping.text import markdown_plain
from shaping.words import Page, page, say
from ui.card import figure_card
from ui.language import shown_as
from ui.page import url_notices
from ui.shared import shared_figure


def page_header(url: str) -> Page:
    """The page's heading and caption (words/pages.toml); the page's words, for the rest of its prose."""
    words = page(url)
    st.title(markdown_plain(translate(words.heading)))
    if words.caption:
        st.caption(markdown_plain(translate(words.caption)))
    return words


def notices_for(entries: list[Entry]) -> None:
    """Notices for link parameters the page's controls do not know (or values they do not offer)."""
    url_notices({c.query: c.choices for e in entries for c in e.controls})


def draw_figures(
    entries: list[Entry], check: PackageCheck, after: dict[str, Callable[[object], None]] | None = None
) -> None:
    """Each entry's card, its controls above it (a control shared with an earlier figure is drawn once, above the
    first; several new ones side by side). `after[key](finished)` draws what the page adds below that card."""
    chosen: dict[str, object] = {}
    for entry in entries:
        new = [c for c in entry.controls if c.param not in chosen]
        columns = st.columns(len(new)) if len(new) > 1 else [st] * len(new)
        for control, column in zip(new, columns, strict=True):
            label = column.segmented_control(
                say(f"controls.{control.param}"),
                list(control.choices),
                format_func=shown_as,  # the English label is the link's value in every language
                default=label_for(control.choices, entry.params[control.param]),
                key=control.query,
                bind="query-params",
                required=True,
            )
            chosen[control.param] = control.choices[label]
        params = {c.param: chosen[c.param] for c in entry.controls}
        shown = shared_figure(check, entry.builder, **params)
        if shown is not None:
            figure_card(shown, check)
        if after and entry.key in after:
            after[entry.key](shown)


def render_page(
    url: str, check_tables: Callable[[], PackageCheck | None], after: dict | None = None
) -> tuple[Page, PackageCheck | None]:
    """A page of figures: heading, caption, link notices, then (when its tables load) every figure declared for it."""
    words = page_header(url)
    check = check_tables()
    if check is None:
        return words, None
    entries = on_page(url, check)
    notices_for(entries)
    draw_figures(entries, check, after)
    return words, check
