"""A page's headline often alone says where its meeting was (`Städtekoalition gegen Rassismus tagte in
Graz`, `Akdeniz kentleri ... Mersin’de buluştu`): the town a trigger-less headline names through a place cue
becomes the Place of the page's first meeting where that meeting has no town of its own."""
from __future__ import annotations

from typing import Callable

from ..document import Event, Mention
from ..entities.venues import is_venue
from .arguments import SentenceArguments
from .drafts import SENTENCE_END, Draft, Unit
from .lexicon import EventLexicon
from .merge import argument_of
from .networks import is_region

# The headline is among the page's first units (after a dateline or a `Published:` line at most).
HEADLINE_WITHIN_UNITS = 3


def headline_unit(text: str, units: list[Unit], mentions: list[Mention]) -> Unit | None:
    """The first line of the page that is neither a dateline (it holds a date) nor a sentence of the body."""
    for unit in units[:HEADLINE_WITHIN_UNITS]:
        line = text[unit.start:unit.end].strip()
        if any(m.label == "DATE" and unit.start <= m.start < unit.end for m in mentions):
            continue
        if not line or "\n" in line or line.endswith(SENTENCE_END):
            return None
        return unit
    return None


def add_headline_place(text: str, folded: str, units: list[Unit], mentions: list[Mention], drafts: list[Draft],
                       events: list[Event], lexicon_of: Callable[[str | None], EventLexicon | None]) -> None:
    meeting = next((e for e in events if e.type == "Meeting"), None)
    unit = headline_unit(text, units, mentions)
    if meeting is None or unit is None or any(d.unit.index == unit.index for d in drafts):
        return
    lex = lexicon_of(unit.lang)
    if lex is None or "Meeting" not in lex.types:
        return
    if any(a.role == "Place" and not is_venue(a.text, unit.lang) for a in meeting.args):
        return  # the body already says which town
    in_unit = [m for m in mentions if unit.start <= m.start and m.end <= unit.end]
    for chain in SentenceArguments(text, folded, unit, in_unit, lex).places_by_cue("Meeting"):
        town = next((m for m in chain if not is_region(m, unit.lang) and not is_venue(m.text, unit.lang)), None)
        if town is not None and not any(a.start == town.start for a in meeting.args):
            meeting.args.append(argument_of("Place", town))
            return
