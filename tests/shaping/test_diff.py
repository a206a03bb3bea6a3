"""Row-level diff between the current table and a candidate."""

import pandas as pd

from shaping.diff import table_diff


def frame(rows):
    return pd.DataFrame(rows, columns=["estimate_id", "value", "note"]).astype({"value": "Int64"})


def test_added_removed_and_changed_cells():
    old = frame([["a", 1, "x"], ["b", 2, "y"], ["c", None, "z"]])
    new = frame([["a", 1, "x"], ["b", 3, "y2"], ["d", 4, "w"]])
    diff = table_diff(old, new, "estimate_id")
    assert diff.added["estimate_id"].tolist() == ["d"]
    assert diff.removed["estimate_id"].tolist() == ["c"]
    assert diff.changed.to_dict("records") == [
        {"estimate_id": "b", "column": "value", "old": "2", "new": "3"},
        {"estimate_id": "b", "column": "note", "old": "y", "new": "y2"},
    ]
    assert diff.summary() == "1 row added, 1 row removed, 2 cells changed in 1 row."


def test_identical_tables_have_no_diff(real_check):
    estimates = real_check.table("recluse_estimates")
    assert table_diff(estimates, estimates.copy(), "estimate_id").empty


def test_missing_and_empty_compare_equal():
    old = frame([["a", None, None]])
    new = frame([["a", None, ""]])
    assert table_diff(old, new, "estimate_id").changed.empty
