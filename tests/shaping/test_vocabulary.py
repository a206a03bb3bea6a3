"""The vocabulary the code reads from the package: the words readers saw before it moved out of settings.py, the
row choices that became columns, and no silent fallback to a raw code."""

import pandas as pd
import pytest

from shaping.estimates import annotate
from shaping.health import counterpoints, forest_rows
from shaping.vocabulary import Vocabulary, strict_map


def test_words_and_row_choices_come_from_the_package(vocab):
    assert vocab.concept("reclusive")["label"] == "Reclusive (Korea: 은둔)"
    assert (
        vocab.concept("hikikomori_in_household")["quote_phrase"]
        == "had a family member {ages} who was socially withdrawn (hikikomori)"
    )
    assert vocab.label("recluse_estimates", "method", "survey_projection") == "projection from survey data"
    assert vocab.label("sources", "source_type", "advocacy") == "advocacy group"
    assert vocab.label("claims", "verdict", "origin_unverified") == "Origin unverified"
    # a projection by others is not a survey of its own: drawn hollow, beside the survey it projects
    assert vocab.methods("survey") == {"national_survey", "regional_survey", "student_survey", "household_survey"}
    assert vocab.methods("headline") == {"national_survey", "household_survey", "student_survey", "regional_survey"}
    ranks = vocab.headline_ranks()
    assert sorted(ranks, key=ranks.get)[:3] == ["hikikomori_broad", "hikikomori", "reclusive"]


def test_counterpoints_are_the_rows_marked_in_the_data(real_check, vocab):
    forest = forest_rows(real_check.table("isolation_health_risks"), vocab)
    assert set(counterpoints(forest)["source_id"]) == {"h-steptoe-2013", "h-jech-2019"}


def test_a_value_with_no_label_is_an_error_not_its_code(real_check, vocab):
    labels = vocab.labels[~((vocab.labels["field"] == "method") & (vocab.labels["value"] == "press_figure"))]
    missing = Vocabulary.from_frames(real_check.table("concepts"), labels)
    with pytest.raises(KeyError, match="press_figure"):
        annotate(real_check.table("recluse_estimates"), missing)
    with pytest.raises(KeyError, match="zzz"):
        strict_map(pd.Series(["a", "zzz"]), {"a": "A"}, "label")
