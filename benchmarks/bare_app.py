"""The baseline for benchmarks/run.py: the least a Streamlit page showing this data can do.

One page: read data/recluse_estimates.csv with pandas, offer the same kind of widget the Compare page
has (a "Scale" segmented control, Linear or Logarithmic) and draw one Plotly chart with st.plotly_chart
(BARE_CHARTS=N draws it N times). BARE_PAGE=claims instead draws the finished charts the dashboard's page of that
url shows at its default view (the same figures, built once per server and kept, as the dashboard keeps them), with
the card's Plotly config and nothing else: the baseline "a bare page drawing the same finished charts".
Not part of the dashboard; run it only through the benchmark.
"""

import os
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "recluse_estimates.csv"


@st.cache_resource
def finished_charts(page: str) -> list[go.Figure]:
    """The charts of the dashboard page `page` at its default view (the first screen), as its cards draw them."""
    sys.path.insert(0, str(ROOT))
    from figures import catalog
    from figures.finished import finish
    from loaders.tables import check_package

    check = check_package(ROOT / "data")
    shown = [entry.build(check) for entry in catalog(check, page) if not entry.query.get("claims_page")]
    return [finish(figure, check).chart for figure in shown if figure is not None]


st.set_page_config(page_title="Bare benchmark app", layout="wide")
st.title("Bare benchmark app")
estimates = pd.read_csv(DATA)
scale = st.segmented_control("Scale", ["Linear", "Logarithmic"], default="Linear", key="scale", required=True)
if os.environ.get("BARE_PAGE"):
    config = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}  # ui/card.py's
    for i, chart in enumerate(finished_charts(os.environ["BARE_PAGE"])):
        st.plotly_chart(chart, width="stretch", key=f"chart-{i}", config=config, theme=None)
else:
    rows = estimates[estimates["value"].notna()]
    fig = go.Figure(go.Scatter(x=rows["value"], y=rows["estimate_id"], mode="markers", name="Estimates"))
    fig.update_layout(height=230 + 22 * len(rows), xaxis_title="Number (people, or households where stated)")
    fig.update_xaxes(type="log" if scale == "Logarithmic" else "linear")
    for i in range(int(os.environ.get("BARE_CHARTS", "1"))):
        st.plotly_chart(fig, width="stretch", key=f"chart-{i}")
