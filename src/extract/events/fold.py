"""Length-preserving text folding (lower case, no accents, final sigma) so patterns match inflected,
upper-case or unaccented forms while match offsets stay valid in the original text."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    # 'İ'.lower() is two code points; keep one so offsets do not shift.
    low = low[0] if low else ch
    base = unicodedata.normalize("NFD", low)[0]
    return "σ" if base == "ς" else base


def fold(text: str) -> str:
    """Same length as `text`: character i of the result is the folded character i of the input."""
    return "".join(_fold_char(ch) for ch in text)
