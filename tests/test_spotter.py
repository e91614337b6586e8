"""Place spotter: capitalised names the gazetteer resolves, with the guards against common words."""
from __future__ import annotations

import pytest

from conftest import read_tsv
from extract.entities.spotter import find_places


@pytest.mark.parametrize("case", read_tsv("place_spotter_cases.tsv"), ids=lambda c: c["lang"] + ":" + c["text"][:25])
def test_find_places(case):
    text = case["text"]
    found = find_places(text, 0, len(text), case["lang"], sentence_starts={0})
    assert [m.text for m in found] == [p for p in case["places"].split("|") if p]
    assert all(text[m.start:m.end] == m.text and m.label == "LOC" for m in found)
