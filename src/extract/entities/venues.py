"""Tells a venue or building name (`Stuttgarter Rathaus`, `Συνεδριακό Κέντρο`) by the venue words of its
language (`lang/<code>/entities.toml`, `[venues] words`): the guide labels such places LOC."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import lang_resource
from ..textfold import fold_accents


@lru_cache(maxsize=None)
def _venue_pattern(lang: str | None):
    words = lang_resource(lang, "entities").get("venues", {}).get("words", [])
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_accents(w)) for w in words) + ")")


def is_venue(surface: str, lang: str | None) -> bool:
    """A name with a venue or building word of its language."""
    pattern = _venue_pattern(lang)
    return bool(pattern and pattern.search(fold_accents(surface)))


def after_venue_word(text: str, start: int, lang: str | None) -> bool:
    """The word right before the offset is a venue word (`στο ξενοδοχείο Grand Serai`, `hotel Conventum`)."""
    pattern = _venue_pattern(lang)
    if pattern is None:
        return False
    words = fold_accents(text[max(0, start - 40):start]).split()
    return bool(words) and pattern.match(words[-1]) is not None
