"""figures/ builds every figure without Streamlit,
and its catalog lists each once with a key, page, title and defaults."""

import json
import re
import subprocess
import sys

import pytest

from figures import Entry, Figure, catalog
from figures.params import COMPARE_MEASURES, JAPAN_MEASURES, label_for
from shaping.words import pages
from tests.conftest import REAL_DATA, ROOT

BLOCKED = """
import json, sys
sys.modules["streamlit"] = None          # any 'import streamlit', however deep, now raises ImportError
from pathlib import Path

import figures
from loaders.tables import check_package

check = check_package(Path(sys.argv[1]))
built = {}
for entry in figures.catalog(check):
    figure = entry.build(check)
    built[entry.key] = [
        type(figure).__name__, len(figure.rows), type(figure.chart).__name__, figure.title == entry.title
    ]
others = [("japan-rounds", {"measure": "count"}), ("japan-other", {"log": False}),
          ("compare", {"measure": "count", "log": True}), ("homeless-one-night", {"view": "per_100k"})]
entries = {e.key: e for e in figures.catalog(check)}
for key, params in others:
    built[key + " " + json.dumps(params)] = [type(entries[key].build(check, **params)).__name__, 0, "", True]
print(json.dumps({"built": built, "streamlit_modules": sorted(m for m in sys.modules if m.startswith("streamlit."))}))
"""


@pytest.fixture(scope="module")
def check(real_check):
    return real_check


@pytest.mark.slow  # a fresh Python process: seconds of imports
def test_every_catalog_entry_builds_with_streamlit_blocked():
    run = subprocess.run(
        [sys.executable, "-c", BLOCKED, str(REAL_DATA)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["streamlit_modules"] == []
    built = result["built"]
    assert len(built) >= 13
    for key, (kind, rows, chart, titled) in built.items():
        assert kind == "Figure", key
        assert titled, f"{key}: the catalog's title is not the built figure's title"
        if " " not in key:
            assert rows > 0 and chart == "Figure", key  # a plotly Figure, drawn from rows


def test_no_module_of_figures_imports_streamlit():
    for path in (ROOT / "figures").glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+streamlit\b", path.read_text(), re.M), path.name


def test_catalog_keys_are_unique_and_pages_are_navigation_pages(check):
    entries = catalog(check)
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))
    url_paths = [p.url for p in pages()]
    assert {e.page for e in entries} <= set(url_paths)
    assert [e.page for e in entries] == sorted((e.page for e in entries), key=url_paths.index)  # navigation order
    assert all(isinstance(e, Entry) and e.title for e in entries)


def test_claim_check_has_an_entry_per_claim_figure(check):
    claims = check.table("claims")
    entries = [e for e in catalog(check) if e.page == "claims"]
    assert {e.params["claim_id"] for e in entries} <= set(claims["claim_id"])
    assert len({e.params["claim_id"] for e in entries}) >= len(claims) - 1  # every claim with numbers
    assert all(e.key == f"claim-{e.params['claim_id']}-{e.params['kind']}" for e in entries)
    assert entries[0].query == {} and entries[-1].query == {"claims_page": "3"}
    assert entries[-1].link() == f"claims?claims_page=3#{entries[-1].key}"


def test_catalog_reads_the_data_folder_by_default(check, monkeypatch):
    monkeypatch.setenv("HIKIKOMORI_DATA_DIR", str(REAL_DATA))
    assert [e.key for e in catalog()] == [e.key for e in catalog(check)]


def test_default_parameters_are_the_pages_defaults(check):
    entries = {e.key: e for e in catalog(check)}
    assert label_for(JAPAN_MEASURES, entries["japan-rounds"].params["measure"]) == list(JAPAN_MEASURES)[0]
    assert label_for(COMPARE_MEASURES, entries["compare"].params["measure"]) == list(COMPARE_MEASURES)[0]
    assert entries["japan-other"].params == {"log": True} and entries["compare"].params["log"] is False
    count_view = entries["japan-rounds"].build(check, measure="count")
    assert (
        isinstance(count_view, Figure)
        and count_view.title.endswith("(people)")
        and count_view.rows["value"].notna().all()
    )


def test_compare_builder_refuses_unknown_parameters_and_says_when_nothing_matches(check):
    entry = next(e for e in catalog(check) if e.key == "compare")
    with pytest.raises(TypeError, match="scales"):
        entry.build(check, scales=True)
    assert entry.build(check, countries=()) is None


def test_claim_rows_are_shaped_once_per_package(real_check):
    """Every claim's figure starts from the same shaped rows: made once for a package, again for another package."""
    from dataclasses import replace

    from figures.claims import evidence

    first = evidence(real_check)
    assert evidence(real_check) is first
    other = replace(real_check, frames=dict(real_check.frames))
    assert evidence(other) is not first
    assert evidence(other).rows.equals(first.rows)


NEW_BUILDER = '''
from figures.figure import declare


@declare("new-figure", "japan")
def build(check):
    """A builder no list names."""
'''


def test_a_new_builder_module_is_declared_without_naming_it_anywhere(tmp_path, monkeypatch):
    # A module dropped into the figures package declares its figure: no registry or import line to update.
    import figures
    from figures.figure import DECLARED

    catalog_module = sys.modules["figures.catalog"]  # the module (figures.catalog is also its function's name)

    (tmp_path / "zz_new_builder.py").write_text(NEW_BUILDER)
    monkeypatch.setattr(figures, "__path__", [*figures.__path__, str(tmp_path)])
    before = dict(DECLARED)
    try:
        catalog_module._import_builders()
        assert DECLARED["new-figure"].page == "japan"
        assert DECLARED["new-figure"].builder.__module__ == "figures.zz_new_builder"
    finally:
        DECLARED.clear()
        DECLARED.update(before)
        sys.modules.pop("figures.zz_new_builder", None)
