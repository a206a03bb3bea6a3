#!/usr/bin/env python3
"""What st.plotly_chart spends per chart after the figure is built, with the json and the orjson engine (issue 14's trial).

For every catalog figure (finished, as the card draws it) it repeats Streamlit's two steps, measured in CPU time:
`plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)` (a deep copy to a dict) and
`plotly.io.to_json(..., validate=False, engine=...)`. orjson is not a requirement; to try it:

    .venv/bin/pip install orjson && .venv/bin/python benchmarks/chart_json.py && .venv/bin/pip uninstall -y orjson
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import plotly.io as pio  # noqa: E402
import plotly.tools as tools  # noqa: E402

from figures import catalog  # noqa: E402
from figures.finished import finish  # noqa: E402
from loaders.tables import check_package  # noqa: E402

REPS = 20


def cpu_ms(step, charts) -> float:
    """CPU milliseconds for one pass of step over every chart, averaged over REPS passes."""
    began = time.process_time()
    for _ in range(REPS):
        for chart in charts:
            step(chart)
    return (time.process_time() - began) / REPS * 1000


def main() -> None:
    check = check_package(ROOT / "data")
    charts = [finish(entry.build(check), check).chart for entry in catalog(check)]
    engines = ["json"]
    try:
        import orjson  # noqa: F401

        engines.append("orjson")
    except ImportError:
        print("orjson is not installed: only the json engine is measured")
    for _ in range(2):
        copy = cpu_ms(lambda c: tools.return_figure_from_figure_or_data(c, validate_figure=True), charts)
        line = f"{len(charts)} charts, CPU ms per pass: copy to dict {copy:.1f}"
        for engine in engines:
            both = cpu_ms(lambda c, e=engine: pio.to_json(tools.return_figure_from_figure_or_data(c, validate_figure=True), validate=False, engine=e), charts)
            line += f"; copy + to_json ({engine}) {both:.1f}"
        print(line)


if __name__ == "__main__":
    main()
