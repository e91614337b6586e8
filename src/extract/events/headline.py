"""A page's head often alone says where its meeting was. The town a trigger-less headline names through a
place cue (`Städtekoalition gegen Rassismus tagte in Graz`, `Akdeniz kentleri ... Mersin’de buluştu`) becomes
the Place of the page's first meeting where that meeting has no town of its own; the dateline's town
(`Eskilstuna, 14 november 2024`) becomes the town of a meeting whose Places are only venues; and the town or
venue a speech welcomes its guests to (`varmt välkomna till Malmö och till Slagthuset`) is a Place of the
page's first meeting, the one the speech was given at."""
from __future__ import annotations

import re
from typing import Callable

from ..document import Event, Mention
from ..entities.venues import is_venue
from .arguments import SentenceArguments
from .drafts import SENTENCE_END, Draft, Unit
from .lexicon import EventLexicon
from .merge import argument_of
from .networks import is_region, is_town

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


def _page_meeting(events: list[Event]) -> Event | None:
    """The page's first meeting: the one its headline or speech is about."""
    return next((e for e in events if e.type == "Meeting"), None)


def add_headline_place(text: str, folded: str, units: list[Unit], mentions: list[Mention], drafts: list[Draft],
                       events: list[Event], lexicon_of: Callable[[str | None], EventLexicon | None]) -> None:
    meeting = _page_meeting(events)
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


# A dateline: the town, then a comma or a dash, then the date (`Eskilstuna, 14 november 2024`, `Nilüfer, 21.11.2024 –`).
_DATELINE_JOIN = re.compile(r"[ \t]*(?:,|[–—-])[ \t]*")


def dateline_town(text: str, units: list[Unit], mentions: list[Mention]) -> tuple[Mention, str | None] | None:
    """The town a dateline among the page's first lines opens with, where a date follows it, and the line's
    language."""
    for unit in units[:HEADLINE_WITHIN_UNITS + 1]:
        line_start = text.rfind("\n", 0, unit.start) + 1
        first = next((m for m in mentions if m.start >= line_start), None)
        if first is None or first.start != line_start or first.label != "LOC" or "\n" in text[line_start:first.end]:
            continue
        join = _DATELINE_JOIN.match(text, first.end)
        after = next((m for m in mentions if m.start > first.start), None)
        if join and after is not None and after.label == "DATE" and after.start == join.end() \
                and is_town(first, unit.lang):
            return first, unit.lang
    return None


def add_dateline_town(text: str, units: list[Unit], mentions: list[Mention], events: list[Event]) -> None:
    """Venues the page names without their town (`på Välkomstcentrum Nyfors`) are in the dateline's town:
    it is the Place of each meeting whose Places are all venues."""
    found = dateline_town(text, units, mentions)
    if found is None:
        return
    town, lang = found
    for event in events:
        places = [a for a in event.args if a.role == "Place"]
        if event.type == "Meeting" and places and all(is_venue(a.text, lang) for a in places):
            event.args.append(argument_of("Place", town))


def add_welcome_places(text: str, folded: str, units: list[Unit], mentions: list[Mention], events: list[Event],
                       lexicon_of: Callable[[str | None], EventLexicon | None]) -> None:
    meeting = _page_meeting(events)
    if meeting is None:
        return
    for unit in units:
        lex = lexicon_of(unit.lang)
        # the cue words are looked for first: most sentences welcome no one
        if lex is None or not any(c.words is not None and c.words.search(folded, unit.start, unit.end)
                                  for c in lex.welcome):
            continue
        in_unit = [m for m in mentions if unit.start <= m.start and m.end <= unit.end]
        chains = SentenceArguments(text, folded, unit, in_unit, lex).welcomed_places()
        for m in (m for chain in chains for m in chain):
            if not any(a.start == m.start for a in meeting.args):
                meeting.args.append(argument_of("Place", m))
        if chains:
            return  # the first welcome is the speech's; a later one may greet another meeting's guests
