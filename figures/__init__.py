"""Every figure of the dashboard as a pure builder (no Streamlit anywhere in this package), and their catalog.

Each builder takes the validated package check (or frames shaped from it, e.g. homelessness.homeless_rows) and the
view's parameters, and returns the finished Figure the card draws; figures.catalog() lists every figure with its key,
page, title and default parameters, and builds each from a PackageCheck.
"""

from figures.catalog import Entry, catalog
from figures.figure import Figure

__all__ = ["Entry", "Figure", "catalog"]
