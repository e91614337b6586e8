"""Document-level merging: drafts that refer to one happening become one Event (an anaphoric sentence's
draft joins the event it refers to; a later mention joins an earlier event of its type unless their names
or dates differ), each listed member becomes its own Membership, and events lacking the arguments their
type needs are dropped."""
from __future__ import annotations

import re

from ..document import Event, EventArgument, Mention
from .drafts import Draft
from ..textfold import fold_accents as fold
from .roles import END_DATE_TYPES, SPECS


PERSON_BODY_GAP = 3  # words between a person and the body they speak for (`from the network`, `IOM’un program yöneticisi`)
_WORDS = re.compile(r"\w+")
CLAUSE_END = re.compile(r"[.;:!?\n]|,\s")


def entity_key(m: Mention | EventArgument) -> str:
    """What names one entity across mentions and arguments: its entity id, else its folded value."""
    return m.entity_id or fold(m.value or m.text)


def _calendar_dated(m: Mention) -> bool:
    """The date has a calendar value (`2023-10-12`, `2024-05`), not only PAST_REF or a vague period."""
    return (m.value or "")[:1].isdigit()


def _name_tokens(text: str, d: Draft) -> set[str] | None:
    if d.name is None:
        return None
    return set(fold(text[d.name.start:d.name.end]).split())


def _within(point: str, span: str) -> bool:
    """A date falls in a closed range (`2019-10-14` in `2019-10-13/2019-10-14`: the forum's second day), each
    bound compared at the precision both have (`2019-10-14` is within `2019-09/2019-10`)."""
    first, _, last = span.partition("/")
    if not (first[:1].isdigit() and last[:1].isdigit()):
        return False
    lo, hi = min(len(point), len(first)), min(len(point), len(last))
    return first[:lo] <= point[:lo] and point[:hi] <= last[:hi]


def _dates_agree(a: str | None, b: str | None, same_word: bool = False) -> bool:
    """Two dates of one happening: one the start of the other, or (the same trigger word written again, `the
    forum's second day, 14 October`) one a day of the other's range."""
    if not a or not b or not a[:1].isdigit() or not b[:1].isdigit():
        return True
    if same_word and (_within(a.split("/")[0], b) or _within(b.split("/")[0], a)):
        return True
    a, b = a.split("/")[0], b.split("/")[0]
    return a.startswith(b) or b.startswith(a)


SAME_WORD_PREFIX = 4  # `forum` / `Forumun`, `konferencja` / `konferencji`: one trigger word, inflected


def _same_word(text: str, a: Draft, b: Draft) -> bool:
    x, y = fold(text[a.start:a.end]), fold(text[b.start:b.end])
    return len(x) >= SAME_WORD_PREFIX and x[:SAME_WORD_PREFIX] == y[:SAME_WORD_PREFIX]


def _compatible(text: str, group: list[Draft], d: Draft) -> bool:
    # Names in another language of the page (a summary in English) cannot be compared word by word.
    names = [n for n in (_name_tokens(text, g) for g in group if g.unit.lang == d.unit.lang) if n]
    mine = _name_tokens(text, d)
    if mine and names and not (mine <= names[0] or names[0] <= mine):
        return False
    # Only a date with a calendar value can tell two happenings apart (`son iki yılda`, PAST_REF cannot).
    date, my_date = _first_dated(group), _first_dated([d])
    same_word = any(_same_word(text, g, d) for g in group if not g.virtual)
    return _dates_agree(date.value if date else None, my_date.value if my_date else None, same_word)


def _relative(m: Mention) -> bool:
    """A date read from a relative word (`тази година`, `yesterday`), which a date written out beats."""
    return m.attrs.get("date_form") == "rel"


def _first_dated(drafts: list[Draft]) -> Mention | None:
    return next((m for d in drafts for r, m in d.args if r == "Date" and _calendar_dated(m)), None)


def group_drafts(text: str, drafts: list[Draft]) -> list[list[Draft]]:
    groups: list[list[Draft]] = []
    owner: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.virtual and id(d.refers_to) in owner:
            if d.off_field != owner[id(d.refers_to)][0].off_field:
                continue  # the next item of a digest says nothing of the other local news before it, and back
            owner[id(d.refers_to)].append(d)
            owner[id(d)] = owner[id(d.refers_to)]
            continue
        target = None
        if d.type != "Membership" and not d.distinct:
            # Other local news of a digest (a residents' meeting) is never the same happening as an item of the field.
            target = next((g for g in reversed(groups) if g[0].type == d.type and g[0].off_field == d.off_field
                           and _compatible(text, g, d)), None)
        if target is None:
            target = []
            groups.append(target)
        target.append(d)
        owner[id(d)] = target
    return groups


def argument_of(role: str, m: Mention) -> EventArgument:
    return EventArgument(role, m.start, m.end, m.text, value=m.value or m.text,
                         mention_id=m.mention_id, entity_id=m.entity_id)


def _build(text: str, group: list[Draft], etype: str) -> Event | None:
    spec = SPECS[etype]
    named = [d for d in group if d.name is not None]
    head = max(named, key=lambda d: d.name.rank) if named else next(d for d in group if not d.virtual)
    args: list[EventArgument] = []
    seen: set[tuple[str, str]] = set()
    if named:
        n = head.name
        args.append(EventArgument("Name", n.start, n.end, text[n.start:n.end]))
        # The same event named again in another language of the page (`Města pro integraci` /
        # `Cities for Integration`) is a second Name.
        langs = {head.unit.lang}
        for d in sorted(named, key=lambda d: d.name.rank, reverse=True):
            if d.unit.lang not in langs:
                langs.add(d.unit.lang)
                args.append(EventArgument("Name", d.name.start, d.name.end, text[d.name.start:d.name.end]))
    dropped = _bodies_of_people(text, group) if etype == "Meeting" else set()
    for role in spec.roles:
        # A value a cue gave (`membership takes effect from 1 January`) wins a single role over the nearest
        # date of an earlier sentence (the council's decision); a calendar date wins over one with no calendar
        # value (`in the last two years`, PAST_REF), and a date written out over one read from a relative word
        # (`тази година се проведе на 5 и 6 март`: the days, not `this year`).
        candidates = sorted(((d, r, m) for d in group for r, m in d.args if r == role),
                            key=lambda x: (role in spec.single and (role, id(x[2])) not in x[0].cued,
                                           role == "Date" and not _calendar_dated(x[2]),
                                           role == "Date" and _relative(x[2])))
        for d, r, m in candidates:
            if (role, entity_key(m)) in seen or (role == "Participant" and id(m) in dropped):
                continue
            if role == "Participant" and ("Organizer", entity_key(m)) in seen:
                continue  # the body that holds the meeting is not also among those who take part in it
            if role in spec.single and any(a.role == role for a in args) and not _end_date(
                    etype, role, m, [a for a in args if a.role == role]):
                continue
            seen.add((role, entity_key(m)))
            args.append(argument_of(role, m))
    if etype == "Membership" and not any(a.role == "Date" for a in args):
        as_of = next((d.as_of for d in group if d.as_of), None)
        if as_of:
            args.append(EventArgument("Date", head.start, head.start, "", value=as_of))
    roles = {a.role for a in args}
    if not roles.intersection(spec.needs_any) or not roles.issuperset(spec.needs_all):
        return None
    cue_args = sum(d.cue_args for d in group)
    return Event(etype, head.start, head.end, text[head.start:head.end], head.unit.start, head.unit.end,
                 score=round(min(1.0, 0.5 + 0.1 * cue_args + 0.1 * bool(named)), 2), args=args)


def _bodies_of_people(text: str, group: list[Draft]) -> set[int]:
    """A body is a Participant only where no person is named for it (guide): `Лора Шмит от мрежата
    ЕВРОСИТИС`, `Piotr Zieliński z ZMP` keep the person and drop the body named right after them."""
    participants = [m for d in group for r, m in d.args if r == "Participant"]
    people = [m for m in participants if m.label == "PER"]
    return {id(m) for m in participants if m.label != "PER" and any(
        speaks_for(text, p, m) for p in people)}


def speaks_for(text: str, person: Mention, body: Mention) -> bool:
    """The person is named right beside the body, so the person, not the body, takes part (guide): the body
    after the person (`Piotr Zieliński z ZMP`) or before, where a comma may only close the body's phrase (`Bologna's councillor Andrei Popescu`, `la concejala de
    Ciudadanía de Barcelona, Núria Vidal`)."""
    if person.end <= body.start:
        between = text[person.end:body.start]
        return len(_WORDS.findall(between)) <= PERSON_BODY_GAP and not CLAUSE_END.search(between)
    between = text[body.end:person.start]
    return len(_WORDS.findall(between)) <= PERSON_BODY_GAP and not CLAUSE_END.search(between.rstrip().rstrip(","))


def _end_date(etype: str, role: str, m: Mention, held: list[EventArgument]) -> bool:
    """A second Date that closes the event's span where the type runs from one to another: an open end
    (`../2022-06`), or another point than the one held, written apart (`started in February 2022 and will end
    in January 2024`: two Dates, as the guide has it)."""
    if role != "Date" or etype not in END_DATE_TYPES or len(held) != 1:
        return False
    value, start = m.value or "", held[0].value or ""
    if value.startswith("../"):
        return True
    points = (value, start)
    return all(p[:4].isdigit() and "/" not in p for p in points) and value != start


def _split_members(event: Event) -> list[Event]:
    """One Membership per listed member and network joined, each with the shared date."""
    members = [a for a in event.args if a.role == "Member"]
    networks = [a for a in event.args if a.role == "Network"]
    shared = [a for a in event.args if a.role not in ("Member", "Network")]
    return [Event(event.type, event.trigger_start, event.trigger_end, event.trigger, event.sentence_start,
                  event.sentence_end, event.score, [m, n, *shared]) for m in members for n in networks]


def _membership_key(e: Event) -> tuple:
    member, network = e.first("Member"), e.first("Network")
    return (entity_key(member) if member else None), (entity_key(network) if network else None)


def _founding_members(events: list[Event]) -> set[tuple]:
    """(founder mention, founded body) pairs: `founding members were A, B` makes A and B founders of the
    body, and the same words must not make them its members as well (guide: founding members)."""
    pairs = set()
    for e in events:
        org = e.first("Org")
        if e.type == "Founding" and org is not None:
            pairs |= {((a.start, a.end), entity_key(org)) for a in e.args if a.role == "Founder"}
    return pairs


def merge_drafts(text: str, drafts: list[Draft]) -> list[Event]:
    events: list[Event] = []
    # A happening only items of other local news speak of is no event of the field.
    groups = [g for g in group_drafts(text, drafts) if not all(d.off_field for d in g)]
    built = [e for e in (_build(text, group, group[0].type) for group in groups) if e is not None]
    founders = _founding_members(built)
    memberships: dict[tuple, Event] = {}
    for event in built:
        if event.type != "Membership":
            events.append(event)
            continue
        for single in _split_members(event):
            key = _membership_key(single)
            if key[0] == key[1]:
                continue  # a network is not its own member
            member = single.first("Member")
            if ((member.start, member.end), key[1]) in founders:
                continue
            known = memberships.get(key)
            if known is None:
                memberships[key] = single
                events.append(single)
            elif known.first("Date") is None and single.first("Date") is not None:
                known.args.append(single.first("Date"))
    events.sort(key=lambda e: (e.trigger_start, e.type))
    for i, e in enumerate(events, 1):
        e.event_id = f"E{i}"
    return events
