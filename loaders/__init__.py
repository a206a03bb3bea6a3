"""Reading and validating the data package; no Streamlit here (see loaders.cache)."""
