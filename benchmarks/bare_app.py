"""The baseline for benchmarks/run.py: the least a Streamlit page showing this data can do.

One page: read data/recluse_estimates.csv with pandas, offer the same kind of widget the Compare page
has (a "Scale" segmented control, Linear or Logarithmic) and draw one Plotly chart with st.plotly_chart
(BARE_CHARTS=N draws it N times: the baseline for a dashboard page with N charts).
Not part of the dashboard; run it only through the benchmark.
"""

import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

DATA = Path(__file__).resolve().parent.parent / "data" / "recluse_estimates.csv"

st.set_page_config(page_title="Bare benchmark app", layout="wide")
st.title("Bare benchmark app")
estimates = pd.read_csv(DATA)
scale = st.segmented_control("Scale", ["Linear", "Logarithmic"], default="Linear", key="scale", required=True)
rows = estimates[estimates["value"].notna()]
fig = go.Figure(go.Scatter(x=rows["value"], y=rows["estimate_id"], mode="markers", name="Estimates"))
fig.update_layout(height=230 + 22 * len(rows), xaxis_title="Number (people, or households where stated)")
fig.update_xaxes(type="log" if scale == "Logarithmic" else "linear")
for i in range(int(os.environ.get("BARE_CHARTS", "1"))):
    st.plotly_chart(fig, width="stretch", key=f"chart-{i}")
