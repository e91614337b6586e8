"""The topic gate: a document yields events only where it speaks of the field (integration, migrants,
city networks, municipal cooperation), counted with each language's `topic` cue stems."""
from __future__ import annotations

from typing import Callable

from .drafts import Unit
from .lexicon import EventLexicon

# Two cues, so that one passing "city" or "municipality" on a sports or weather page is not enough.
MIN_TOPIC_HITS = 2


def topic_hits(folded: str, units: list[Unit], lexicon_of: Callable[[str | None], EventLexicon | None]) -> int:
    hits = 0
    for u in units:
        lex = lexicon_of(u.lang)
        if lex is not None and lex.topic is not None:
            hits += sum(1 for _ in lex.topic.finditer(folded, u.start, u.end))
    return hits


def on_topic(folded: str, units: list[Unit], lexicon_of) -> bool:
    return topic_hits(folded, units, lexicon_of) >= MIN_TOPIC_HITS
