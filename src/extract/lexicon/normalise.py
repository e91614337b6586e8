"""Text normalisation shared by the lexicon and the entity stage: tokens, match keys, slugs."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Words (with combining marks, which \w does not cover) or single punctuation characters.
_TOKEN_RE = re.compile(r"[\w\u0300-\u036f]+|[^\w\s]")
# Quotes and apostrophes are skipped: quotes sit outside names and an apostrophe starts a case suffix.
QUOTES = set("\"'«»„“”‟‘’‚‛‹›`´")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})

# Latin letters that look like Cyrillic / Greek ones; mixed-script words ("AСОЦИАЦИЯ") are folded.
_LATIN_TO_CYRILLIC = str.maketrans("AaBCcEeHKMOoPpTXxYy", "АаВСсЕеНКМОоРрТХхУу")
_LATIN_TO_GREEK = str.maketrans("ABEHIKMNOPTXYZo", "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖο")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into `text`; quotes and apostrophes are left out."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)
            if m.group() not in QUOTES]


def same_line(text: str, a: Token, b: Token) -> bool:
    """No line break stands between tokens `a` and `b`."""
    return "\n" not in text[a.end:b.start]


def fold_mixed_script(word: str) -> str:
    """Map Latin look-alikes to Cyrillic or Greek when the word is otherwise in that script."""
    if word.isascii() or not any(c.isascii() and c.isalpha() for c in word):
        return word
    if any("\u0400" <= c <= "\u04ff" for c in word):
        return word.translate(_LATIN_TO_CYRILLIC)
    if any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in word):
        return word.translate(_LATIN_TO_GREEK)
    return word


@lru_cache(maxsize=1 << 16)  # the same words recur all through a batch
def norm(word: str) -> str:
    """Case- and accent-insensitive key of a word: İ/I/ı/i all become i, ς becomes σ, dashes '-'."""
    s = unicodedata.normalize("NFD", fold_mixed_script(word).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ı", "i").translate(_DASHES)


def norm_phrase(text: str) -> str:
    """Normalised words of a phrase joined by single spaces (punctuation kept as its own token)."""
    return " ".join(norm(t.text) for t in tokenize(text))


def slug(text: str) -> str:
    """ASCII-ish identifier part: normalised words joined by '-', other punctuation dropped."""
    words = [norm(t.text) for t in tokenize(text) if t.is_word]
    return "-".join(w for w in words if w)


def is_acronym(text: str) -> bool:
    """An all-capitals word of 2-8 letters (digits allowed), e.g. OSI, ΔΟΜ, АРС, ESF+ without '+'."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(text) <= 8 and len(letters) >= 2 and all(c.isupper() for c in letters) \
        and all(c.isalnum() for c in text)
