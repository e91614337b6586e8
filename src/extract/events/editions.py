"""A list of a meeting's editions, one line each (`2016 – Graz`, `• Μάιος 2023 – Τρίπολη, με οικοδεσπότη τον
Δήμο Τρίπολης`), under a sentence that names the meetings and opens the list (`De senaste
generalförsamlingarna har hållits i:`): each line is a Meeting of its own with the line's date and town,
sharing the lead's trigger and its actors; the lead's general statement (`every year the network holds its
conference`) is no meeting of its own."""
from __future__ import annotations

import re
from typing import Callable

from ..document import Mention
from .arguments import BULLET, SentenceArguments
from .drafts import Draft, Unit
from .lexicon import EventLexicon
from .networks import is_region

# A line that opens with its date, then a dash, then the rest (`2019 – Λειψία (Γερμανία)`).
_DASH = re.compile(r"[ \t]*[–—-][ \t]*")
_BULLET_LEAD = re.compile(rf"[ \t]*(?:{BULLET}[ \t]+)?")
EDITION_MAX_WORDS = 10  # after the date: a town, a country, a host (`Τρίπολη, με οικοδεσπότη τον Δήμο Τρίπολης`)
MIN_EDITIONS = 2
LEAD_REACH = 2  # the meeting word is in the sentence that opens the list or at most this many before it
_ACTORS = ("Organizer", "Participant", "Funder")


def _edition_date(text: str, unit: Unit, dates_at: dict[int, Mention]) -> Mention | None:
    """The line's date, where the unit is one line that opens with it and goes on after a dash."""
    line = text[unit.start:unit.end]
    if "\n" in line.strip() or text[max(0, unit.start - 1):unit.start] not in ("", "\n"):
        return None
    lead = _BULLET_LEAD.match(text, unit.start).end()
    date = dates_at.get(lead)
    if date is None:
        return None
    dash = _DASH.match(text, date.end)
    if dash is None or dash.end() >= unit.end or len(text[dash.end():unit.end].split()) > EDITION_MAX_WORDS:
        return None
    return date


def _ends_in_colon(text: str, unit: Unit) -> bool:
    return text[unit.start:unit.end].rstrip().endswith(":")


def add_edition_drafts(text: str, folded: str, units: list[Unit], mentions: list[Mention], drafts: list[Draft],
                       lexicon_of: Callable[[str | None], EventLexicon | None]) -> list[Draft]:
    """The drafts with each list of editions read as above."""
    by_unit: dict[int, list[Draft]] = {}
    for d in drafts:
        if not d.virtual:  # a follow-up stand-in on a line is no trigger of its own
            by_unit.setdefault(d.unit.index, []).append(d)
    dates_at = {m.start: m for m in mentions if m.label == "DATE"}  # looked up per line, not scanned
    dropped: set[int] = set()
    editions: list[tuple[int, list[Draft]]] = []  # (start of the list's first line, its drafts)
    i = 0
    while i < len(units):
        run: list[tuple[Unit, Mention]] = []
        j = i
        while j < len(units) and not by_unit.get(units[j].index):
            date = _edition_date(text, units[j], dates_at)
            if date is None:
                break
            run.append((units[j], date))
            j += 1
        if len(run) < MIN_EDITIONS or i == 0 or not _ends_in_colon(text, units[i - 1]):
            i = max(j, i + 1)
            continue
        leads = [d for u in units[max(0, i - 1 - LEAD_REACH):i] for d in by_unit.get(u.index, [])
                 if d.type == "Meeting"]
        if leads:
            lead = leads[-1]
            if not lead.has("Date") and not any(d.refers_to is lead for d in drafts):
                dropped.add(id(lead))
            lines = {unit.index for unit, _ in run}
            dropped |= {id(d) for d in drafts if d.unit.index in lines}
            editions.append((run[0][0].start,
                             [_edition(text, folded, unit, date, lead, mentions, lexicon_of) for unit, date in run]))
        i = j
    out: list[Draft] = []
    for d in drafts:  # the drafts' order is kept: a follow-up comes after the draft it refers to
        while editions and d.unit.start >= editions[0][0]:
            out.extend(editions.pop(0)[1])
        if id(d) not in dropped:
            out.append(d)
    for _, made in editions:
        out.extend(made)
    return out


def _edition(text: str, folded: str, unit: Unit, date: Mention, lead: Draft, mentions: list[Mention],
             lexicon_of: Callable[[str | None], EventLexicon | None]) -> Draft:
    draft = Draft("Meeting", lead.start, lead.end, unit, distinct=True)
    in_unit = [m for m in mentions if unit.start <= m.start and m.end <= unit.end]
    lex = lexicon_of(unit.lang) or lexicon_of(lead.unit.lang)
    if lex is not None and "Meeting" in lex.types:
        SentenceArguments(text, folded, unit, in_unit, lex).attach_cues([draft], [])  # `με οικοδεσπότη τον _`
    draft.args = [(r, m) for r, m in draft.args if r not in ("Date", "Place")]
    draft.add("Date", date, by_cue=False)
    # The town written right after the dash (the country in brackets after it has no role).
    town = next((m for m in in_unit if m.start > date.end and m.label == "LOC"), None)
    if town is not None and not is_region(town, unit.lang) \
            and not text[date.end:town.start].strip(" \t–—-"):
        draft.add("Place", town, by_cue=False)
    for role, m in lead.args:
        if role in _ACTORS and not draft.has(role):
            draft.add(role, m, by_cue=False)
    return draft
