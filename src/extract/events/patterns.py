"""Compiles the word patterns of the events.toml files.

A pattern is words separated by spaces; a word ending in `*` is a stem (any ending may follow), one that
also starts with `*` may stand inside a compound. In a cue,
`_` marks where the argument stands: `_ tarafından` (the argument comes before the cue words),
`organised by _` (after them); `_-da` asks the argument's last word to end in the suffix `da`
(fused or after an apostrophe) and may be followed by cue words (`_-in konferans*`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textfold import fold_accents as fold

_GAP = r"[\s,\-–—'’]{1,4}"  # between the words of one pattern


def word_regex(word: str) -> str:
    """`konferans*` a stem; `*konferenz*` also inside a compound (`Jahreskonferenz`)."""
    word = fold(word.strip())
    head = ""
    if word.startswith("*") and len(word) > 1:
        head, word = r"\w*", word[1:]
    if word.endswith("*"):
        return head + re.escape(word[:-1]) + r"\w*"
    return head + re.escape(word) + r"(?!\w)"


def phrase_regex(phrase: str, slack: bool = False) -> str:
    """`slack`: one more word may stand between two of the phrase's words (`organizado conjuntamente por`)."""
    words = phrase.split()
    # A possessive (`_'s report`) is glued to the name before it, so it may follow a letter.
    start = "" if words and words[0].startswith("'") else r"(?<!\w)"
    gap = rf"{_GAP}(?:\w+{_GAP})?" if slack else _GAP
    return start + gap.join(word_regex(w) for w in words)


def alternation(phrases: list[str]) -> re.Pattern | None:
    """One regex matching any of the phrases (longest first so the longest alternative wins)."""
    phrases = [p for p in phrases if p.strip()]
    if not phrases:
        return None
    ordered = sorted(phrases, key=lambda p: -len(p))
    return re.compile("|".join(f"(?:{phrase_regex(p)})" for p in ordered))


@dataclass(frozen=True)
class Cue:
    """A cue for one role: the argument stands before (`side == "before"`) or after the cue words."""
    role: str
    side: str
    words: re.Pattern | None
    suffix: str | None
    pattern: str
    anchor: str = ""  # the cue's longest literal piece: a sentence without it cannot match (a quick test)


def _anchor(words: str) -> str:
    pieces = [p for w in words.split() for p in fold(w).split("*") if p and p != "_" and not p.startswith("_")]
    return max(pieces, key=len) if pieces else ""


def compile_cue(role: str, pattern: str) -> Cue:
    text = pattern.strip()
    if text.count("_") != 1:
        # A second `_` would be matched as a literal underscore: the cue would silently never fire.
        raise ValueError(f"cue {pattern!r} for {role} needs exactly one '_', at its start or end")
    if text.startswith("_"):
        rest = text[1:]
        suffix = None
        if rest.startswith("-"):
            head, _, rest = rest[1:].partition(" ")
            suffix = fold(head)
        rest = rest.strip()
        return Cue(role, "before", re.compile(phrase_regex(rest)) if rest else None, suffix, pattern, _anchor(rest))
    if text.endswith("_"):
        return Cue(role, "after", re.compile(phrase_regex(text[:-1].strip(), slack=True)), None, pattern,
                   _anchor(text[:-1]))
    raise ValueError(f"cue {pattern!r} for {role} has no '_' at its start or end")
