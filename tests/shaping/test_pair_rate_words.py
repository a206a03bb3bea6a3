"""The one-night summary says whom each derived rate divides by: an all-ages count 'per 100,000 residents of all
ages', a youth count 'per 100,000 residents of the same ages' (Japan's all-ages street count read as a band)."""

import pandas as pd
import pytest

import i18n
from shaping.homelessness import annotate, latest_pair, pair_sentence, with_per_100k
from tests.shaping.test_homelessness_and_health import _count, _population

DIVIDED_BY = {  # (all ages, same ages)
    "en": ("per 100,000 residents of all ages", "per 100,000 residents of the same ages"),
    "ja": ("全年齢の住民10万人あたり", "同じ年齢層の住民10万人あたり"),
}


@pytest.mark.parametrize("lang", DIVIDED_BY)
def test_an_all_ages_rate_says_all_residents(vocab, lang):
    counts = pd.DataFrame(
        [
            _count("us-youth", "USA", None, 24, 2023, 34703),
            _count("jp-all", "JPN", None, None, 2023, 3065, "daytime_street_count"),
        ]
    )
    population = pd.DataFrame(
        [_population("USA", 2023, 0, 24, 104000000), _population("JPN", 2023, None, None, 124352000)]
    )
    with i18n.language(lang):
        rows = with_per_100k(annotate(counts, vocab), population)
        sentence = pair_sentence(latest_pair(rows))
    all_ages, same_ages = DIVIDED_BY[lang]
    assert rows["per_100k"].notna().all()  # both counts have the population of their ages and year
    assert sentence.count(all_ages) == 1 and sentence.count(same_ages) == 1
