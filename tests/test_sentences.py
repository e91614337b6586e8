"""Sentence stage: boundaries, abbreviations, ordinals and quoted titles, cases in a data table."""
from __future__ import annotations

import pytest

from conftest import read_tsv
from extract.stages.sentences import split_sentences


@pytest.mark.parametrize("case", read_tsv("sentence_cases.tsv"), ids=lambda c: c["text"][:30])
def test_split_sentences(case):
    text = case["text"]
    found = [text[s.start:s.end] for s in split_sentences(text, 0, len(text), case["lang"])]
    assert found == case["sentences"].split(" || ")
