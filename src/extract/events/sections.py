"""News round-ups put the town of an item in its sub-heading (`Jönköping: Workshop om ...`, `Χανιά | Διήμερο
εργαστήριο`, `Габрово`, `Общото събрание – наесен в Бургас`): the town a sub-heading names becomes the Place
of the first meeting of the item under it where no sentence of the item names a town."""
from __future__ import annotations

import re
from typing import Callable

from ..document import Mention
from ..entities.venues import is_venue
from .arguments import SentenceArguments
from .drafts import Draft, Unit
from .lexicon import EventLexicon
from .networks import is_region, is_town

HEADING_MAX_WORDS = 14
_BULLET = re.compile(r"^[\s■□▪•●◆*#>\-–—]*")
# What may follow a town that opens a sub-heading: a separator, or nothing (the town alone).
_AFTER_LEADING_TOWN = re.compile(r"^\s*(?:[:|–—\-]|$)")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",")


def _is_heading(text: str, unit: Unit, mentions: list[Mention]) -> bool:
    """A short line of its own, set off by a blank line before it (or the page start), with no date (a
    dateline is no heading) and a paragraph after it."""
    line = text[unit.start:unit.end].strip()
    if not line or "\n" in line or line.endswith(_SENTENCE_END) or len(line.split()) > HEADING_MAX_WORDS:
        return False
    before = text[:unit.start].rstrip(" \t")
    if before and not before.endswith("\n\n"):
        return False
    if not text[unit.end:].lstrip(" \t").startswith("\n"):
        return False
    return not any(m.label == "DATE" and unit.start <= m.start < unit.end for m in mentions)


def _heading_town(text: str, folded: str, unit: Unit, in_unit: list[Mention], lex: EventLexicon) -> Mention | None:
    line_start = unit.start + _BULLET.match(text[unit.start:unit.end]).end()
    lead = next((m for m in in_unit if m.start == line_start and m.label == "LOC"), None)
    if lead is not None and _AFTER_LEADING_TOWN.match(text[lead.end:unit.end]):
        candidates = [[lead]]
    else:
        candidates = SentenceArguments(text, folded, unit, in_unit, lex).places_by_cue("Meeting")
    for chain in candidates:
        town = next((m for m in chain if not is_region(m, unit.lang) and not is_venue(m.text, unit.lang)), None)
        if town is not None:
            return town
    return None


def _has_town(d: Draft) -> bool:
    return any(r == "Place" and is_town(m, d.unit.lang) and not is_venue(m.text, d.unit.lang) for r, m in d.args)


def mark_section_starts(text: str, units: list[Unit], mentions: list[Mention], drafts: list[Draft]) -> None:
    """On a round-up page (two or more sub-headings), a meeting named in a sub-heading (`Nätverksmöte i Umeå`)
    is the item below it, not the one before: its draft starts a new event."""
    headings = [u for u in units if _is_heading(text, u, mentions)]
    if len(headings) < 2:
        return
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        in_heading = [d for d in drafts if d.unit.index == heading.index and not d.virtual]
        for d in in_heading:
            d.distinct = True
        # The item's first mention of that meeting below the heading is the same one (`SKR bjuder in till
        # nästa nätverksmöte`), even where the item calls it the next.
        for etype in {d.type for d in in_heading}:
            first = next((d for d in drafts if d.type == etype and not d.virtual
                          and heading.end <= d.start < end), None)
            if first is not None:
                first.distinct = False


def add_section_towns(text: str, folded: str, units: list[Unit], mentions: list[Mention], drafts: list[Draft],
                      lexicon_of: Callable[[str | None], EventLexicon | None]) -> None:
    headings = [u for u in units if _is_heading(text, u, mentions)]
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        meetings = [d for d in drafts if d.type == "Meeting" and heading.start <= d.unit.start < end]
        lex = lexicon_of(heading.lang)
        if not meetings or any(_has_town(d) for d in meetings) or lex is None or "Meeting" not in lex.types:
            continue
        in_unit = [m for m in mentions if heading.start <= m.start and m.end <= heading.end]
        town = _heading_town(text, folded, heading, in_unit, lex)
        if town is not None:
            first = next((d for d in meetings if not d.virtual), meetings[0])
            first.add("Place", town, by_cue=False)
