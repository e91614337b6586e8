"""Tells which NER DATE spans are no DATE per the guide: durations, clock times and vague periods.

Only spans the tagger did not cover come here, so a span that still holds a duration word, a clock time
or a vague-period phrase is read as that (`24 months`, `2 ετών`, `10:30`, `τα τελευταία χρόνια`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..textfold import fold
from .grammar import any_of
from .resources import date_resources

_CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?!\d)|(?<!\d)(?:[01]?\d|2[0-3])[ \t]*h(?!\w)")


@lru_cache(maxsize=None)
def _patterns(lang: str | None) -> re.Pattern:
    res = date_resources(lang)
    vague = any_of(res.words("vague_words") + res.words("duration_words"))
    clock = any_of(res.words("clock_words"))
    return re.compile(rf"(?<!\w)(?:{vague}|{clock})")


def is_not_date(text: str, lang: str | None) -> bool:
    """True for a duration, a clock time or a vague period."""
    folded = fold(text)
    return bool(_CLOCK.search(folded) or _patterns(lang).search(folded))
