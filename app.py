"""Entry point: page config and navigation. Run with `make run`."""

import streamlit as st

import settings
from shaping.words import app_title, served_pages
from ui.page import remember_page

st.set_page_config(page_title=app_title(), page_icon="📊", layout="wide")

# A flat page list: Streamlit's sectioned sidebar puts <div>s inside its <ul>, which screen readers
# (and axe's list rules) reject. The public edition (HIKIKOMORI_UPLOADS=off, `make serve`) has no upload page.
pages = [
    st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url, default=(i == 0)) for i, p in enumerate(served_pages(settings.UPLOADS, settings.UPLOAD_PAGE))
]
page = st.navigation(pages)
remember_page(page)  # citations put the page's own path under the public URL, when one is configured
page.run()
