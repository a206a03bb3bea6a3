"""Entry point: page config and navigation. Run with `make run`."""

import streamlit as st

import settings
from settings import APP_TITLE
from ui.page import remember_page

st.set_page_config(page_title=APP_TITLE, page_icon="📊", layout="wide")

# A flat page list: Streamlit's sectioned sidebar puts <div>s inside its <ul>, which screen readers
# (and axe's list rules) reject. The public edition (HIKIKOMORI_UPLOADS=off, `make serve`) has no upload page.
pages = [
    st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0)) for i, (path, title, icon, url) in enumerate(settings.served_pages(settings.UPLOADS))
]
page = st.navigation(pages)
remember_page(page)  # citations put the page's own path under the public URL, when one is configured
page.run()
