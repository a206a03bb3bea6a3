"""Entry point: page config and navigation. Run with `make run`."""
import streamlit as st

from settings import APP_TITLE, PAGE_SECTIONS, PAGES

st.set_page_config(page_title=APP_TITLE, page_icon=":material/bar_chart:", layout="wide")

pages = {path: st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0))
         for i, (path, title, icon, url) in enumerate(PAGES)}
navigation = st.navigation({section: [pages[p] for p in paths if p in pages] for section, paths in PAGE_SECTIONS.items()})
navigation.run()
