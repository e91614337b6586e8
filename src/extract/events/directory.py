"""Member directories: a network's page listing its members one entry each, an entry being a block of short
lines, most of them fields (`Medlem sedan: 2021`, `Статут: пълноправен член`, `Φορέας: Δήμος Αθηναίων`).
Each entry that gives a member's status is a Membership of the page's network: the member is the entry's
body (the first organisation outside its contact field, else the place that heads the entry) and the date is
the entry's own. Founders, observers and applicants are listed too but are no members joining (the guide's
decision on member directories), and a word of theirs in the entry keeps it from being one."""
from __future__ import annotations

import re
from typing import Callable

from ..document import Mention
from .drafts import Draft, Unit
from .lexicon import EventLexicon
from .networks import is_network

_FIELD = re.compile(r"[^\W\d_][^\n:]{0,30}:\s+\S")  # `Medlem sedan: 2021`, `Καθεστώς: πλήρες μέλος · ...`
_BLOCK_GAP = re.compile(r"\n[ \t]*\n")
MIN_FIELDS = 2  # lines of an entry that are fields
MIN_ENTRIES = 2  # entries that make a page a directory


def _blocks(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for gap in _BLOCK_GAP.finditer(text):
        out.append((start, gap.start()))
        start = gap.end()
    out.append((start, len(text)))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _entry_fields(text: str, start: int, end: int) -> int:
    return sum(bool(_FIELD.match(text, a, b)) for a, b in _lines(text, start, end))


def _member(text: str, folded: str, start: int, end: int, in_entry: list[Mention], lex: EventLexicon) -> Mention | None:
    """The entry's body: its first organisation outside a contact field, else the first name on its head line."""
    contact = [(a, b) for a, b in _lines(text, start, end)
               if lex.directory_contact is not None and lex.directory_contact.match(folded, a, b)]
    outside = [m for m in in_entry if not any(a <= m.start < b for a, b in contact)]
    bodies = [m for m in outside if m.label == "ORG" and not is_network(m, lex, folded)]
    if bodies:
        return bodies[0]
    head_end = text.find("\n", start, end)
    head = [m for m in outside if m.label in ("ORG", "LOC") and m.end <= (head_end if head_end >= 0 else end)]
    return head[0] if head else None


def _lexicon_at(units: list[Unit], start: int, end: int, lexicon_of) -> tuple[Unit | None, EventLexicon | None]:
    unit = next((u for u in units if u.start <= start < u.end or start <= u.start < end), None)
    return unit, (lexicon_of(unit.lang) if unit is not None else None)


def add_directory_memberships(text: str, folded: str, units: list[Unit], mentions: list[Mention],
                              drafts: list[Draft], lexicon_of: Callable[[str | None], EventLexicon | None]) -> list[Draft]:
    """The drafts with each directory entry's Membership in place of those its sentences gave; the drafts
    unchanged where the page lists no members."""
    entries = []  # (start, end, unit, lexicon, the status word's match)
    for start, end in _blocks(text):
        if _entry_fields(text, start, end) < MIN_FIELDS:
            continue
        unit, lex = _lexicon_at(units, start, end, lexicon_of)
        status = lex.directory_member.search(folded, start, end) if lex and lex.directory_member else None
        if status is not None:
            entries.append((start, end, unit, lex, status))
    if len(entries) < MIN_ENTRIES:
        return drafts
    networks = [m for m in mentions if m.start < entries[0][0]]  # the page's network is named before its list
    network_of: dict[str, Mention | None] = {}  # language -> the page's network, found once
    added: list[Draft] = []
    for start, end, unit, lex, status in entries:
        if lex.directory_not_member is not None and lex.directory_not_member.search(folded, start, end):
            continue
        in_entry = [m for m in mentions if start <= m.start and m.end <= end]
        member = _member(text, folded, start, end, in_entry, lex)
        if lex.lang not in network_of:
            network_of[lex.lang] = next((m for m in networks if is_network(m, lex, folded)), None)
        network = network_of[lex.lang]
        if member is None or network is None:
            continue
        draft = Draft("Membership", status.start(), status.end(), unit)
        draft.add("Member", member, by_cue=True)
        draft.add("Network", network, by_cue=True)
        date = next((m for m in in_entry if m.label == "DATE"), None)
        if date is not None:
            draft.add("Date", date, by_cue=True)
        added.append(draft)
    spans = [(start, end) for start, end, *_ in entries]
    dropped = {id(d) for d in drafts if d.type == "Membership" and any(a <= d.start < b for a, b in spans)}
    kept = [d for d in drafts if id(d) not in dropped and not (d.refers_to is not None and id(d.refers_to) in dropped)]
    for draft in added:  # in text order among the others, which merging reads in order
        at = next((i for i, d in enumerate(kept) if d.start > draft.start), len(kept))
        kept.insert(at, draft)
    return kept
