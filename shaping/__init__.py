"""Pure data shaping for the pages: numbers, sentences, comparability, citations, charts. No Streamlit."""
