"""working_words: what counts as a checker's working language in text a reader sees."""

import pytest

from loaders.rules import working_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Should become 3.", ["should become"]),
        ("The committed HEAD row had no CI.", ["HEAD", "commit"]),
        ("An uncommitted edit in the working tree.", ["commit", "working tree"]),
        ("Already fixed in main.", ["fixed in", "main"]),
        ("Value proposed by the register.", ["proposed", "register"]),
        ("The audit's expert_estimate problem.", ["audit"]),
        ("See /work/main/data/evidence.csv.", ["main", "a file path"]),
        ("As recluse_estimates.csv says.", ["a file path"]),
    ],
)
def test_working_language_is_found(text, words):
    assert working_words(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "Randomly sampled from the resident register; interviews in 2022.",
        "The report gives 1.2%; its table 3 gives 1.14% (0.63–1.66%).",
        "Read at https://www.stat.go.jp/data/jinsui/2022np/index.html, table 1.",
        "Students only: a lifetime measure, not a current state.",
        "Headed by the survey's publisher.",
    ],
)
def test_plain_reader_words_pass(text):
    assert working_words(text) == []
