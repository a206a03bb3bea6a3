"""The Streamlit cache wrapper notices an edited CSV on the next call, without a restart, and validates only then."""

from loaders import cache
from tests.conftest import set_cell


def test_edited_file_is_picked_up(package, monkeypatch):
    monkeypatch.setenv("HIKIKOMORI_DATA_DIR", str(package))
    calls = []
    check_package = cache.check_package

    def counting(folder):
        calls.append(folder)
        return check_package(folder)

    monkeypatch.setattr(cache, "check_package", counting)
    cache._checked.clear()
    assert cache.cached_package().all_problems() == []
    assert cache.cached_package().all_problems() == []
    assert len(calls) == 1  # unchanged content: served from the cache
    set_cell(package, "population", 1, "value", "336806232")
    assert cache.cached_package().table("population")["value"].tolist() == [336806232]
    assert len(calls) == 2
    set_cell(package, "population", 1, "value", "oops")
    assert [p.column for p in cache.cached_package().problems["population"]] == ["value"]
    assert len(calls) == 3
