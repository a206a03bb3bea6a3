"""Entry point: the reader's language, page config and navigation. Run with `make run`."""

import streamlit as st

import settings
from i18n import translate
from shaping.words import app_title, served_pages
from ui.language import language_switch, start_language
from ui.page import remember_page

# Before anything is written: every string of this run (titles, navigation, the page) is in the reader's language.
start_language()
st.set_page_config(page_title=app_title(), page_icon="📊", layout="wide")

# A flat page list: Streamlit's sectioned sidebar puts <div>s inside its <ul>, which screen readers
# (and axe's list rules) reject. The public edition (HIKIKOMORI_UPLOADS=off, `make serve`) has no upload page.
registry = served_pages(settings.UPLOADS, settings.UPLOAD_PAGE)
# The default page is served at "/" whatever its url path, which must still differ from the alias's below.
# Titles are translated; url paths are not (a link works in every language).
pages = [
    st.Page(p.file, title=translate(p.title), icon=p.icon, url_path=p.url if i else "home", default=(i == 0))
    for i, p in enumerate(registry)
]


def _to_default_page() -> None:
    st.switch_page(pages[0], query_params=dict(st.query_params))


# Streamlit serves the default page at "/" only and ignores its url path, so "/overview" (the path words/pages.toml
# gives it, and readers type) opened "Page not found": a hidden page at that path sends them to "/".
alias = st.Page(_to_default_page, title=pages[0].title, url_path=registry[0].url, visibility="hidden")
page = st.navigation([*pages, alias])
remember_page(page)  # citations put the page's own path under the public URL, when one is configured
language_switch()  # on every page, above its title
page.run()
