"""Every figure of the dashboard as a pure builder (no Streamlit anywhere in this package).

Each builder takes the validated package check (or frames shaped from it, e.g. homelessness.homeless_rows) and the
view's parameters, and returns the finished Figure the card draws.
"""
from figures.figure import Figure

__all__ = ["Figure"]
