"""What every page does around its figures: load the tables (or show the error box), URL notices, the view's URL,
the data package download and the changelog."""

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

import i18n
import settings
from core.model import VOCABULARY
from core.package import changelog, fingerprint, package_version, table_updated
from core.package_check import PackageCheck
from i18n import DEFAULT, LANGUAGES, current, language
from loaders.cache import cached_package
from shaping.downloads import package_zip
from shaping.selection import Allowed, query_notices
from shaping.text import markdown_plain
from shaping.vocabulary import Vocabulary
from shaping.words import data_english, say
from ui.language import choice_words


def when(day: str) -> str:
    """An ISO date for the reader: as written in English (2026-12-07),
    else in the language's long form (2026年12月7日)."""
    return i18n.day(day, current())


T = TypeVar("T")
PAGE_PATH_KEY = "page_url_path"
LANG_KEY = "lang"  # ui.language.KEY: the link parameter of the reader's language


def load_tables(*names: str) -> PackageCheck | None:
    """The validated package if the named tables and the vocabulary (concepts.csv, labels.csv: every card reads them)
    are usable; otherwise an error box (file, line, column, message) and None. The caption names the data's version and
    when the page's own tables were last updated."""
    check = cached_package()
    broken = [p for name in dict.fromkeys((*names, *VOCABULARY)) for p in check.problems.get(name, [])]
    if broken:
        told = (
            say("messages.page_broken_one") if len(broken) == 1 else say("messages.page_broken_many", count=len(broken))
        )
        st.error(told, icon=":material/error:")
        problems = pd.DataFrame(
            [{"file": p.file, "line": p.line, "column": p.column or "", "problem": p.message} for p in broken[:200]]
        )
        st.dataframe(problems, hide_index=True, width="stretch")
        st.caption(say("messages.maintainers_validate"))
        return None
    version, _ = package_version(check.data_dir)
    updated = max(str(table_updated(n, check.data_dir)) for n in names)
    st.caption(say("messages.data_version", version=version, updated=when(updated)))
    return check


def vocabulary() -> Vocabulary | None:
    """The package's words for coded values, for widgets set up before load_tables (their allowed link values);
    None when concepts.csv or labels.csv has problems (load_tables then shows them)."""
    check = cached_package()
    return None if any(check.problems.get(name) for name in VOCABULARY) else Vocabulary.of(check)


def whats_new(check: PackageCheck) -> None:
    """The data changelog (a maintainer-written Markdown file; Streamlit renders no raw HTML from it), written in
    English only: its label says so to a reader of another language, as the data's other English is marked."""
    with st.expander(data_english(say("messages.whats_new")), icon=":material/update:"):
        st.markdown(changelog(check.data_dir))


def css_string(text: str) -> str:
    """Text as a CSS string literal: every character but a letter, digit or space written as a hex escape, so no
    quote, backslash or '</style>' of it is ever read as CSS or HTML."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


# Out of sight but read by screen readers and axe (the usual "visually hidden" rule).
CLIPPED = "position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;"


def uploader_in_reader_words(key: str, button: str) -> str:
    """A <style> for the file uploader of widget `key`, which Streamlit 1.67 writes in English only and cannot
    translate (file_uploader takes no words for its button or instructions): its instructions ('5MB per file • CSV,
    ZIP') hidden, the page saying them beside it in the reader's words, and its button's 'Upload' shown in the
    reader's word. Streamlit's word stays in the page, clipped out of sight, as the button's accessible name: axe
    reads no name in generated text, and a button without one is a critical violation. Scoped to this one widget."""
    zone = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    label = f'{zone} button [data-testid="stMarkdownContainer"]'
    return (
        f'<style>{zone} [data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }} '
        f"{label} p {{ {CLIPPED} }} {label}::after {{ content: {css_string(button)}; }}</style>"
    )


def url_notices(allowed: dict[str, Allowed]) -> None:
    """Show a notice for each unknown link parameter or disallowed value (the widgets then ignore them)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    # A choice may arrive in any language's words (its English, or as a link made in this language shows it).
    shown = {
        key: choices if callable(choices) else list(dict.fromkeys(w for c in choices for w in choice_words(c)))
        for key, choices in allowed.items()
    }
    for notice in query_notices(params, {**shown, LANG_KEY: LANGUAGES}):
        st.info(markdown_plain(notice), icon=":material/link_off:")


def remember_page(page: StreamlitPage) -> None:
    """Keep the url path of the page this script run shows (app.py calls it),
    so view_url can put it under the public URL."""
    st.session_state[PAGE_PATH_KEY] = page.url_path


def view_url() -> str | None:
    """The URL of the current view with its query parameters and its language (?lang=), for citations and sharing.

    Under the configured public URL (settings.PUBLIC_BASE_URL) when there is one; else the page's own address as the
    browser reports it (st.context.url); None when neither is known, and citations then say so:
    never an invented address.
    """
    public = settings.PUBLIC_BASE_URL
    base = public + st.session_state.get(PAGE_PATH_KEY, "") if public else st.context.url
    if not base:
        return None
    pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key) if key != LANG_KEY]
    # The link reopens the view in the language it was read in: a language other than English (the default, which a
    # reader's browser may otherwise choose for them) or one the reader chose (?lang=en) is kept.
    if current() != DEFAULT or LANG_KEY in st.query_params:
        pairs.append((LANG_KEY, current()))
    return base + (("?" + urlencode(pairs)) if pairs else "")


@st.cache_data(show_spinner=False, max_entries=len(LANGUAGES))
def _package_zip(folder: str, content_hash: str, lang: str) -> bytes:
    """The zip, made once per data version and language (its README is words a reader reads)."""
    with language(lang):
        return package_zip(Path(folder))


def on_click_in_this_language(make: Callable[[], T]) -> Callable[[], T]:
    """A download made on click (Streamlit calls it later, in another thread): made in the language of this run."""
    lang = current()

    def made() -> T:
        with language(lang):
            return make()

    return made


def download_package(check: PackageCheck, key: str) -> None:
    """A button for the whole data package: datapackage.json, every CSV and a README, zipped."""
    lang = current()
    folder = str(check.data_dir)  # the zip (and the hash that keys its cache) is made only on click
    st.download_button(
        say("messages.download_package"),
        lambda: _package_zip(folder, fingerprint(folder), lang),
        file_name="hikikomori-in-numbers-data.zip",
        mime="application/zip",
        key=key,
        on_click="ignore",
        icon=":material/folder_zip:",
    )
