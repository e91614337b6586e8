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


def capitalised_venue_word_before(text: str, start: int, lang: str | None) -> int | None:
    """Where a name follows a capitalised venue word that is part of it (`Pavillon` + ` Joséphine`,
    `Hotel` + ` Conventum`): that word's start, or None."""
    hit = re.search(r"(\w+)[ \t]+$", text[max(0, start - 40):start])
    if hit is None or not hit.group(1)[:1].isupper() or not after_venue_word(text, start, lang):
        return None
    return start - len(hit.group())


def venue_words_after(text: str, end: int, lang: str | None) -> int | None:
    """Where a name runs on into venue words (`Ahmed Adnan Saygun` + ` Sanat Merkezi`): the end of those
    words, or None."""
    pattern = _venue_pattern(lang)
    if pattern is None:
        return None
    start = end
    while start < len(text) and text[start] in " \t":
        start += 1
    if start == end or start >= len(text) or not text[start].isupper():
        return None
    hit = pattern.match(fold_accents(text[start:start + 60]))
    if hit is None:
        return None
    stop = start + hit.end()
    while stop < len(text) and text[stop].isalpha():
        stop += 1
    return stop


def region_word_after(text: str, end: int, lang: str | None) -> int | None:
    """Where a place name runs on into a word that makes it a region (`Örebro` + ` län`): the word's end."""
    words = lang_resource(lang, "entities").get("regions", {}).get("after", [])
    if not words:
        return None
    hit = re.match(r"[ \t]+(\w+)", text[end:end + 40])
    if hit is None or hit.group(1).lower() not in words:
        return None
    return end + hit.end()
