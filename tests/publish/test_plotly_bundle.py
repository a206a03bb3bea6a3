"""Which plotly.js `make site` ships: npm's basic bundle, pinned at the Python package's plotly.js version, when it is
installed and holds every trace type drawn; otherwise the Python package's full bundle, saying why in one line.
(tests/e2e/test_static_site.py reads the basic bundle's own trace registry in Chromium.)"""

import json

import plotly.graph_objects as go
import pytest

from publish import build
from publish.build import BASIC_JS, PLOTLY_JS, build_site, plotly_bundle, plotly_version
from tests.conftest import ROOT, STATIC_BASE, STATIC_TODAY

PACKAGE = "plotly.js-basic-dist-min"


def fake_basic(folder, version: str):
    path = folder / "plotly-basic.min.js"
    path.write_text(
        f"/**\n* plotly.js (basic - minified) v{version}\n* Copyright 2012-2026, Plotly, Inc.\n*/\nvar Plotly = {{}};\n"
    )
    return path


def test_the_pin_is_exact_and_the_python_packages_plotly_js_release():
    wanted = plotly_version(PLOTLY_JS)
    assert wanted, f"no version in the header of {PLOTLY_JS}"
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"][PACKAGE]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"][f"node_modules/{PACKAGE}"]["version"]
    assert pinned == locked and pinned[0].isdigit(), (
        "pin the basic bundle exactly (no ^ or ~), as package-lock.json has it"
    )
    assert pinned.split(".")[:2] == wanted.split(".")[:2], (
        f"package.json pins {PACKAGE} {pinned}; the Python plotly ships plotly.js {wanted}"
    )
    if BASIC_JS.exists():
        assert plotly_version(BASIC_JS) == pinned, "node_modules is stale: run npm ci (make e2e-tools)"


def test_the_basic_bundle_is_chosen_only_when_it_can_draw_every_chart(tmp_path):
    version = plotly_version(PLOTLY_JS)
    basic = fake_basic(tmp_path, version)
    lines = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    bars = go.Figure(go.Bar(x=["a"], y=[1]))
    assert plotly_bundle([lines, bars], basic) == (basic, None)
    heat = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]]))
    chosen, why = plotly_bundle([lines, heat], basic)
    assert chosen == PLOTLY_JS and "heatmap" in why and "full plotly.js" in why
    major = int(version.split(".")[0])
    chosen, why = plotly_bundle([lines], fake_basic(tmp_path, f"{major + 1}.0.0"))
    assert chosen == PLOTLY_JS and version in why
    chosen, why = plotly_bundle([lines], tmp_path / "absent" / "plotly-basic.min.js")
    assert chosen == PLOTLY_JS and "not installed" in why


def test_without_npm_make_site_ships_the_full_bundle_and_says_so_once(tmp_path, real_check, monkeypatch, capsys):
    monkeypatch.setattr(build, "BASIC_JS", tmp_path / "node_modules" / PACKAGE / "plotly-basic.min.js")
    out = tmp_path / "site"
    build_site(real_check, out, STATIC_BASE, images=False, today=STATIC_TODAY)
    shipped = list((out / "assets").glob("plotly-*.min.js"))
    assert len(shipped) == 1 and shipped[0].read_bytes() == PLOTLY_JS.read_bytes()
    said = capsys.readouterr()
    assert (
        len([line for line in said.err.splitlines() if "full plotly.js" in line]) == 1
        and "full plotly.js" not in said.out
    )
    page = (out / "figures" / "japan-rounds" / "index.html").read_text(encoding="utf-8")
    assert f'data-plotly="../../assets/{shipped[0].name}"' in page


def test_with_npm_make_site_ships_the_basic_bundle_under_a_hashed_name(site):
    if not BASIC_JS.exists():
        pytest.skip(f"{BASIC_JS} not installed: run `npm ci` (make e2e-tools)")
    out, _ = site
    shipped = list((out / "assets").glob("plotly-*.min.js"))
    assert len(shipped) == 1 and shipped[0].read_bytes() == BASIC_JS.read_bytes()
    assert shipped[0].stat().st_size < PLOTLY_JS.stat().st_size / 2
    assert shipped[0].name != "plotly.min.js" and len(shipped[0].name.split("-")[1].split(".")[0]) == 12
