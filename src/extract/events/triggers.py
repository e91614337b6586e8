"""Finds event triggers in a sentence: stems matched on folded text, minus excluded words, minus words
inside entity mentions, minus weak triggers that yield to another type's trigger in the same sentence."""
from __future__ import annotations

from ..document import Mention
from .drafts import Draft, Unit
from .lexicon import EventLexicon


def _inside_mention(start: int, end: int, mentions: list[Mention]) -> bool:
    # A trigger word inside a name (`Forum Réfugiés`, `Migration Conference Ltd`) is part of that name.
    return any(m.start <= start and end <= m.end and m.label != "DATE" for m in mentions)


def find_triggers(folded: str, unit: Unit, lex: EventLexicon, mentions: list[Mention]) -> tuple[list[Draft], list[Draft]]:
    """(kept drafts, dropped weak drafts) of the sentence, in text order."""
    found: list[Draft] = []
    for etype, tl in lex.types.items():
        excluded: list[tuple[int, int]] | None = None  # read once a trigger word is found
        for pattern, weak in ((tl.triggers, False), (tl.weak_triggers, True)):
            if pattern is None:
                continue
            for m in pattern.finditer(folded, unit.start, unit.end):
                if m.end() > unit.end or _inside_mention(m.start(), m.end(), mentions):
                    continue
                if tl.exclude is not None:
                    # An excluded phrase covers the trigger word wherever it starts (`vid sitt sammanträde`), unless
                    # the trigger is a longer phrase that reaches past it (`συνεδρίαση της ομάδας εργασίας`, a
                    # network's session, where `συνεδρίαση` alone is a council's).
                    if excluded is None:
                        excluded = [(x.start(), x.end()) for x in tl.exclude.finditer(folded, unit.start, unit.end)]
                    at_start = tl.exclude.match(folded, m.start())
                    if any(a <= m.start() < b and m.end() <= b for a, b in excluded) \
                            or (at_start is not None and m.end() <= at_start.end()):
                        continue
                found.append(Draft(etype, m.start(), m.end(), unit, weak=weak))
    found = _drop_overlaps(found)
    strong_types = {d.type for d in found if not d.weak}
    kept, dropped = [], []
    for d in found:
        # A weak trigger beside a strong one of its own type (`is a member ... and participates`) is the same event.
        yields = (*lex.types[d.type].yields_to, d.type)
        (dropped if d.weak and strong_types.intersection(yields) else kept).append(d)
    return kept, dropped


def _drop_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Where trigger matches overlap, keep the strong one, then the longest."""
    drafts.sort(key=lambda d: (d.weak, -(d.end - d.start), d.start))
    kept: list[Draft] = []
    for d in drafts:
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)
