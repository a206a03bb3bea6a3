"""Entry point: page config and navigation. Run with `make run`."""
import streamlit as st

from settings import APP_TITLE, PAGES

st.set_page_config(page_title=APP_TITLE, page_icon="📊", layout="wide")

# A flat page list: Streamlit's sectioned sidebar puts <div>s inside its <ul>, which screen readers
# (and axe's list rules) reject.
pages = [st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0)) for i, (path, title, icon, url) in enumerate(PAGES)]
st.navigation(pages).run()
