"""Length-preserving text folding shared by the rule stages: patterns match folded text, and because every
character maps to exactly one character a match's offsets in the folded text are its offsets in the original.

`fold` lowercases, unifies dashes, apostrophes and spaces, folds Turkish dotted/dotless i and Greek final
sigma, and drops Greek accents (capitals are written without them); other scripts keep their accents
(`dün` is not `Dun`). `fold_accents` also drops the accents of every script, for rules written without them.
"""
from __future__ import annotations

import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u0060\u2032"
# A case suffix written after an apostrophe at the end of a span (`İstanbul’da`, `Toplantısı'na`).
_APOSTROPHE_SUFFIX = re.compile("['" + APOSTROPHES + r"]\w+$")
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Folded to one letter each: Turkish dotless/dotted i (so `KASIM` meets `Kasım`), Greek final sigma.
_SPECIAL = {"ı": "i", "İ": "i", "ς": "σ"}
# Latin, Greek, Cyrillic and their extensions; other scripts pass through unchanged.
_FOLDED_RANGES = list(range(0x41, 0x5B)) + list(range(0xC0, 0x530)) + list(range(0x1E00, 0x2000))


def strip_accents(text: str) -> str:
    """`text` without combining marks (`décembre` -> `decembre`); may change the length."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _is_greek(char: str) -> bool:
    return "\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff"


def _fold_char(char: str, all_accents: bool) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = char
    if all_accents or _is_greek(char):
        stripped = strip_accents(char)
        base = stripped if len(stripped) == 1 else char
    lower = base.lower()
    if len(lower) != 1:
        return base
    return _SPECIAL.get(lower, lower)


def _build_table(all_accents: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in _FOLDED_RANGES:
        folded = _fold_char(chr(code), all_accents)
        if folded != chr(code):
            table[code] = folded
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): "'" for c in APOSTROPHES})
    table.update({ord(c): " " for c in _SPACES})
    return table


_TABLE = _build_table(all_accents=False)
_TABLE_NO_ACCENTS = _build_table(all_accents=True)


def fold(text: str) -> str:
    """Lower case, unified punctuation, no Greek accents; same length as `text`."""
    return text.translate(_TABLE)


def fold_accents(text: str) -> str:
    """As `fold`, and without the accents of any script; same length as `text`."""
    return text.translate(_TABLE_NO_ACCENTS)


def written_in_lower_case(text: str, word: str) -> bool:
    """The text also writes the word in lower case, as a word of its own (`Üyeler ...` / `yeni üyeler`): a
    capital at a sentence or line start that says nothing about a name."""
    return re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text) is not None


def apostrophe_suffix_start(text: str, start: int, end: int) -> int | None:
    """Where a case suffix after an apostrophe ends `text[start:end]` (`İstanbul’da` -> the apostrophe's
    offset), or None; a span that is nothing but the suffix has none."""
    m = _APOSTROPHE_SUFFIX.search(text, start, end)
    return m.start() if m is not None and m.start() > start else None
