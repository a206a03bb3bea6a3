"""Entry point: page config and navigation. Run with `make run`."""

import streamlit as st

from settings import APP_TITLE, PAGES
from ui.page import remember_page

st.set_page_config(page_title=APP_TITLE, page_icon="📊", layout="wide")

# A flat page list: Streamlit's sectioned sidebar puts <div>s inside its <ul>, which screen readers
# (and axe's list rules) reject.
pages = [st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0)) for i, (path, title, icon, url) in enumerate(PAGES)]
page = st.navigation(pages)
remember_page(page)  # citations put the page's own path under the public URL, when one is configured
page.run()
