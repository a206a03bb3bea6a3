"""The Streamlit side of the dashboard: the figure card (card.py) and what every page does with the data (page.py)."""
