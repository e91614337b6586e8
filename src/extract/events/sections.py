"""Pages made of items under short lines of their own. A news round-up puts the town of an item in its
sub-heading (`Jönköping: Workshop om ...`, `Χανιά | Διήμερο εργαστήριο`, `Габрово`, `Общото събрание – наесен в
Бургас`): that town becomes the Place of the first meeting of the item where no sentence of the item names a
town. An events calendar heads each entry with its date and place (`14–15 mars 2024 | Malmö Live, Malmö`):
they become the Date and Places of the entry's meeting, and each entry is its own event; an invitation's
line under its title does the same for the page's meeting (`16-17 Ekim 2025 | Selçuklu Kongre Merkezi, Konya`),
leaving out the street of an address. A municipal news
digest mixes items of the field with other local news (a residents' meeting, a road project, a sports club's
anniversary): an item that names neither a word of the field nor a network or institution yields no event of
its own."""
from __future__ import annotations

import re
from typing import Callable

from ..dates.dateline import opens_with_cue
from ..document import Mention
from ..entities.venues import in_street_address, is_venue
from .arguments import SentenceArguments
from .drafts import LINE_GOES_ON, SENTENCE_END, Draft, Unit
from .lexicon import EventLexicon
from .merge import entity_key
from .networks import holds_network, is_institution, is_network, is_region, is_town

HEADING_MAX_WORDS = 14
PAGE_HEAD_UNITS = 3  # the title, a header line and the lead
ENTRY_LEAD_WORDS = 2  # words a calendar entry's head may have before its date (`ERTELENDİ |`)
_BULLET = re.compile(r"^[\s■□▪•●◆*#>\-–—]*")
# What may follow a town that opens a sub-heading: a separator, or nothing (the town alone).
_AFTER_LEADING_TOWN = re.compile(r"^\s*(?:[:|–—\-]|$)")
_ENTRY_SEPARATOR = re.compile(r"\s[|·•]\s")  # between a date and a place on an entry's head line


def _line_of_its_own(text: str, unit: Unit) -> bool:
    """A short line set off by a blank line before it (or the page start), with a paragraph after it."""
    line = text[unit.start:unit.end].strip()
    if not line or "\n" in line or line.endswith(LINE_GOES_ON) or len(line.split()) > HEADING_MAX_WORDS:
        return False
    before = text[:unit.start].rstrip(" \t")
    if before and not before.endswith("\n\n"):
        return False
    return text[unit.end:].lstrip(" \t").startswith("\n")


def _dates_in(unit: Unit, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.label == "DATE" and unit.start <= m.start < unit.end]


def _is_heading(text: str, unit: Unit, mentions: list[Mention]) -> bool:
    """A sub-heading: a line of its own with no date (a dateline is no heading)."""
    return _line_of_its_own(text, unit) and not _dates_in(unit, mentions)


def sub_headings(text: str, units: list[Unit], mentions: list[Mention]) -> list[Unit]:
    """The page's sub-headings, found once for the rules below."""
    return [u for u in units if _is_heading(text, u, mentions)]


def _items(text: str, headings: list[Unit]) -> list[tuple[Unit, int]]:
    """Each heading with the end of its item: the next heading, else the page's end."""
    return list(zip(headings, [h.start for h in headings[1:]] + [len(text)]))


def _opening_date(text: str, unit: Unit, mentions: list[Mention]) -> Mention | None:
    """The line's first date where it opens the line (within its first words, after a status such as
    `ERTELENDİ |`)."""
    dates = _dates_in(unit, mentions)
    if not dates or len(re.findall(r"\w+", text[unit.start:dates[0].start])) > ENTRY_LEAD_WORDS:
        return None
    return dates[0]


def _is_entry_heading(text: str, unit: Unit, mentions: list[Mention]) -> bool:
    """A calendar entry's head: a line of its own that opens with its date and is no dateline
    (`Senast uppdaterad: 03.06.2024`)."""
    date = _opening_date(text, unit, mentions) if _line_of_its_own(text, unit) else None
    if date is None:
        return False
    lead = text[unit.start:date.start]
    if lead.rstrip().endswith(","):
        return False  # `Καβάλα, 15 Νοεμβρίου 2024`: a dateline, the town the page was written in
    return not opens_with_cue(lead.strip(), unit.lang)


def _page_head_entry(text: str, units: list[Unit], mentions: list[Mention]) -> Unit | None:
    """An invitation's or programme's line under its title that gives the meeting's date and place
    (`16-17 Ekim 2025 | Selçuklu Kongre Merkezi, Konya`, `2–3 april 2025 · Svenska Mässan, Göteborg`): among
    the page's first lines, before its first sentence, a line that opens with a date and goes on, after a
    separator, to a place."""
    for unit in units[:PAGE_HEAD_UNITS + 1]:
        line = text[unit.start:unit.end].strip()
        if not line or "\n" in line or line.endswith(SENTENCE_END):
            return None
        date = _opening_date(text, unit, mentions)
        if date is None:
            continue
        after = _ENTRY_SEPARATOR.search(text, date.end, unit.end)
        if after and any(m.label == "LOC" and after.end() <= m.start < unit.end for m in mentions):
            return unit
    return None


def fill_page_head(text: str, units: list[Unit], mentions: list[Mention], drafts: list[Draft]) -> None:
    """The page's first meeting (its title's) takes the date and places of the line under the title where it
    has none of its own; on a calendar each entry's head does this for its own entry instead."""
    head = _page_head_entry(text, units, mentions)
    if head is None or (_is_entry_heading(text, head, mentions)
                        and sum(_is_entry_heading(text, u, mentions) for u in units) > 1):
        return  # a calendar's first entry: mark_section_starts gives it to its entry's meeting
    first = next((d for d in drafts if d.type == "Meeting" and not d.virtual), None)
    if first is None or first.unit.index > head.index + 1:
        return  # the first meeting is not the title's (or the lead's under it)
    in_head = [m for m in mentions if head.start <= m.start and m.end <= head.end]
    _take_head(first, [first], in_head, [m for m in in_head if m.label == "LOC" and not is_region(m, head.lang)
                                         and not in_street_address(text, m.start, m.end)])


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


def mark_section_starts(text: str, units: list[Unit], headings: list[Unit], mentions: list[Mention],
                        drafts: list[Draft]) -> None:
    """On a round-up page (two or more sub-headings), a meeting named in a sub-heading (`Nätverksmöte i Umeå`)
    is the item below it, not the one before: its draft starts a new event."""
    subs = {u.index for u in headings}
    entries = {u.index for u in units if u.index not in subs and _is_entry_heading(text, u, mentions)}
    heads = [u for u in units if u.index in subs or u.index in entries]
    if len(heads) < 2:
        return
    for heading, end in _items(text, heads):
        if heading.index in entries:
            _fill_entry(heading, end, mentions, drafts)
            continue
        in_heading = [d for d in drafts if d.unit.index == heading.index and not d.virtual]
        for d in in_heading:
            d.distinct = True
        # The item's first mention of that meeting below the heading is the same one (`SKR bjuder in till
        # nästa nätverksmöte`), even where the item calls it the next.
        for etype in dict.fromkeys(d.type for d in in_heading):
            first = next((d for d in drafts if d.type == etype and not d.virtual
                          and heading.end <= d.start < end), None)
            if first is not None:
                first.distinct = False


def _fill_entry(heading: Unit, end: int, mentions: list[Mention], drafts: list[Draft]) -> None:
    """The entry's first meeting is a new event; the head's date is its Date where the entry gives none (a
    postponed meeting's new date is in the entry), and the head's towns and venues its Places where the entry
    names no town."""
    meetings = [d for d in drafts if d.type == "Meeting" and heading.start <= d.unit.start < end]
    first = next((d for d in meetings if not d.virtual), None)
    if first is None:
        return
    first.distinct = True
    head = [m for m in mentions if heading.start <= m.start and m.end <= heading.end]
    _take_head(first, meetings, head, [m for m in head if m.label == "LOC" and not is_region(m, heading.lang)])


def _take_head(first: Draft, meetings: list[Draft], head: list[Mention], places: list[Mention]) -> None:
    """A head line's date becomes the meeting's Date where none of its drafts has one, and its places the
    Places where none names a town."""
    if not any(d.has("Date") for d in meetings):
        first.add("Date", next(m for m in head if m.label == "DATE"), by_cue=False)
    if not any(_has_town(d) for d in meetings):
        for m in places:
            first.add("Place", m, by_cue=False)


def add_section_towns(text: str, folded: str, headings: list[Unit], mentions: list[Mention], drafts: list[Draft],
                      lexicon_of: Callable[[str | None], EventLexicon | None]) -> None:
    for heading, end in _items(text, headings):
        meetings = [d for d in drafts if d.type == "Meeting" and heading.start <= d.unit.start < end]
        lex = lexicon_of(heading.lang)
        if not meetings or any(_has_town(d) for d in meetings) or lex is None or "Meeting" not in lex.types:
            continue
        in_unit = [m for m in mentions if heading.start <= m.start and m.end <= heading.end]
        town = _heading_town(text, folded, heading, in_unit, lex)
        if town is not None:
            first = next((d for d in meetings if not d.virtual), meetings[0])
            first.add("Place", town, by_cue=False)


def mark_off_field(text: str, folded: str, units: list[Unit], headings: list[Unit], mentions: list[Mention],
                   drafts: list[Draft], lexicon_of: Callable[[str | None], EventLexicon | None]) -> None:
    """On a page of items under sub-headings whose head (title, header line, lead) does not name the field (a
    town's weekly news), the drafts of an item (its heading to the next) that has no word of the field and
    names no network or institution are other local news (guide: events of the field)."""
    if len(headings) < 2:
        return
    head_end = units[min(PAGE_HEAD_UNITS, len(units)) - 1].end
    if _speaks_of_field(folded, 0, head_end, units, mentions, lexicon_of):
        return  # a newsletter of the field (`Nyhetsbrev Integration i kommunen`): all its items are
    # The body whose newsletter it is (`Nyhetsbrev från Partnerskap Skåne`), unless a town's own news: an item
    # about that body's own meetings is its news, not other local news.
    # (the title and lines before the first item's heading; the title itself may read as a heading)
    first_item = next((h.start for h in headings if h.start >= units[0].end), head_end)
    publishers = {entity_key(m) for m in mentions if m.end <= min(head_end, first_item) and m.label == "ORG"
                  and m.attrs.get("kind") != "municipality"}
    for heading, end in _items(text, headings):
        in_item = [d for d in drafts if heading.start <= d.start < end]
        if not in_item or _speaks_of_field(folded, heading.start, end, units, mentions, lexicon_of) \
                or any(heading.start <= m.start < end and entity_key(m) in publishers for m in mentions):
            continue
        for d in in_item:
            d.off_field = True


def _speaks_of_field(folded: str, start: int, end: int, units: list[Unit], mentions: list[Mention],
                     lexicon_of: Callable[[str | None], EventLexicon | None]) -> bool:
    told = False
    for u in units:
        if u.end <= start or u.start >= end:
            continue
        lex = lexicon_of(u.lang)
        if lex is None or lex.field is None:
            continue  # a line taken for a language without the list (`Informationsmöte om ...` as Danish)
        told = True
        if lex.field.search(folded, u.start, u.end):
            return True
        if any(u.start <= m.start < u.end and (is_network(m, lex, folded) or is_institution(m) or holds_network(m))
               for m in mentions):
            return True
    return not told  # no line in a language with the list: no way to tell
