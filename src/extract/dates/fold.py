"""Length-preserving text folding for date matching: lowercase, one dash, one apostrophe, Greek unaccented.

Matching runs on the folded text so that `3 ДЕКЕМВРИ 2019 Г.`, `ΔΕΚΕΜΒΡΙΟΥ` and `KASIM` match the same
patterns as their lowercase forms; every character maps to exactly one character, so a match's offsets in
the folded text are its offsets in the original. Greek loses its accents (capitals are written without
them); other scripts keep theirs (`dün` is no `Dun`): accentless month spellings are added as forms instead.
"""
from __future__ import annotations

import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u0060\u2032"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Folded to one letter each: Turkish dotless/dotted i (so `KASIM` meets `Kasım`), Greek final sigma.
_SPECIAL = {"ı": "i", "İ": "i", "ς": "σ"}


def strip_accents(text: str) -> str:
    """`text` without combining marks (`décembre` -> `decembre`); may change the length."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _is_greek(char: str) -> bool:
    return "\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff"


def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = char
    if _is_greek(char):
        stripped = strip_accents(char)
        base = stripped if len(stripped) == 1 else char
    lower = base.lower()
    if len(lower) != 1:
        return base
    return _SPECIAL.get(lower, lower)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin, Greek, Cyrillic and their extensions; other scripts pass through unchanged.
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0x530)) + list(range(0x1E00, 0x2000)):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(c): " " for c in _SPACES})
    return table


FOLD_TABLE = _build_table()


def fold(text: str) -> str:
    """The folded text, same length as `text`."""
    return text.translate(FOLD_TABLE)
