"""Event scores: document-level tuples (type, role, argument) P/R/F1 per type and role, and event-level
matching (predicted to gold events of one type by shared arguments, then argument F1 inside the pairs).

An argument matches when the spans overlap (any mention of the same entity counts) or the normalised
values agree: the TIMEX value for Date, else the entity's canonical name or the span's own text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import EVENT_TYPES, Document, Event, EventArgument
from .prf import PRF, max_matching, overlaps

_EDGE = re.compile(r"^[\s\"'«»“”„‘’‚()\[\]]+|[\s\"'«»“”„‘’‚()\[\].,;:!?]+$")


def normalise(text: str | None) -> str:
    return " ".join(_EDGE.sub("", text or "").casefold().split())


@dataclass(frozen=True)
class Arg:
    """One event argument as the scorer sees it."""
    role: str
    key: tuple  # identity within a document: the entity, the date value or the normalised text
    spans: tuple[tuple[int, int], ...]
    values: frozenset[str]

    def matches(self, other: "Arg") -> bool:
        if self.role != other.role:
            return False
        if self.values & other.values:
            return True
        return any(overlaps(a, b, c, d) for a, b in self.spans for c, d in other.spans)


def to_arg(doc: Document, arg: EventArgument, gold: bool) -> Arg:
    span = ((arg.start, arg.end),)
    entity_id = arg.entity_id or next((m.entity_id for m in doc.mentions
                                       if arg.mention_id and m.mention_id == arg.mention_id), None)
    if arg.role == "Date":
        value = arg.value or ""
        return Arg(arg.role, ("date", value or normalise(arg.text)), span, frozenset({value} if value else ()))
    if entity_id:
        spans = span + tuple((m.start, m.end) for m in doc.mentions if m.entity_id == entity_id)
        entity = doc.entities.get(entity_id)
        if gold:
            # Any surface form of the gold entity is an acceptable canonical name.
            names = {m.text for m in doc.mentions if m.entity_id == entity_id}
        else:
            names = {arg.text, arg.value or "", entity.name if entity else ""}
        return Arg(arg.role, ("entity", entity_id), spans, frozenset(n for n in map(normalise, names) if n))
    text = normalise(arg.value if (arg.value and not gold) else arg.text)
    values = {normalise(arg.text), normalise(arg.value)} - {""}
    return Arg(arg.role, ("text", text), span, frozenset(values))


def event_args(doc: Document, event: Event, gold: bool) -> list[Arg]:
    seen, out = set(), []
    for a in event.args:
        arg = to_arg(doc, a, gold)
        if (arg.role, arg.key) not in seen:
            seen.add((arg.role, arg.key))
            out.append(arg)
    return out


def document_tuples(doc: Document, gold: bool) -> dict[tuple[str, str], list[Arg]]:
    """(type, role) -> the distinct arguments filling that role in any event of that type."""
    out: dict[tuple[str, str], dict[tuple, Arg]] = {}
    for event in doc.events:
        for arg in event_args(doc, event, gold):
            out.setdefault((event.type, arg.role), {}).setdefault(arg.key, arg)
    return {k: list(v.values()) for k, v in out.items()}


def score_tuples(pairs: list[tuple[Document, Document]]) -> dict:
    overall, by_type, by_role = PRF(), {t: PRF() for t in EVENT_TYPES}, {}
    errors = []
    for gold, pred in pairs:
        g_tuples, p_tuples = document_tuples(gold, True), document_tuples(pred, False)
        for key in sorted(set(g_tuples) | set(p_tuples)):
            g, p = g_tuples.get(key, []), p_tuples.get(key, [])
            matched = max_matching(g, p, lambda a, b: a.matches(b))
            counts = dict(tp=len(matched), fp=len(p) - len(matched), fn=len(g) - len(matched))
            overall.add(**counts)
            by_type.setdefault(key[0], PRF()).add(**counts)
            by_role.setdefault(f"{key[0]}.{key[1]}", PRF()).add(**counts)
            hit_g, hit_p = {i for i, _ in matched}, {j for _, j in matched}
            errors += [{"doc": gold.doc_id, "kind": "missed", "tuple": f"{key[0]}.{key[1]}", "arg": sorted(a.values)}
                       for i, a in enumerate(g) if i not in hit_g]
            errors += [{"doc": gold.doc_id, "kind": "spurious", "tuple": f"{key[0]}.{key[1]}", "arg": sorted(a.values)}
                       for j, a in enumerate(p) if j not in hit_p]
    return {"overall": overall.to_dict(), "by_type": {k: v.to_dict() for k, v in by_type.items()},
            "by_role": {k: v.to_dict() for k, v in sorted(by_role.items())}, "errors": errors}


def pair_events(gold: Document, pred: Document) -> tuple[list[tuple[str, list[Arg], list[Arg], int]], list[str], list[str]]:
    """Greedy pairing of predicted with gold events of the same type, most shared arguments first
    (a trigger overlap breaks ties and pairs argument-less events). Returns the pairs as
    (type, gold args, pred args, matched args) and the types of all gold and all predicted events."""
    g_events = [(e, event_args(gold, e, True)) for e in gold.events]
    p_events = [(e, event_args(pred, e, False)) for e in pred.events]
    candidates = []
    for i, (ge, ga) in enumerate(g_events):
        for j, (pe, pa) in enumerate(p_events):
            if ge.type != pe.type:
                continue
            shared = len(max_matching(ga, pa, lambda a, b: a.matches(b)))
            trigger = overlaps(ge.trigger_start, ge.trigger_end, pe.trigger_start, pe.trigger_end)
            score = shared + (0.5 if trigger else 0.0)
            if score > 0:
                candidates.append((score, i, j, shared))
    used_g, used_p, pairs = set(), set(), []
    for score, i, j, shared in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((g_events[i][0].type, g_events[i][1], p_events[j][1], shared))
    return pairs, [e.type for e, _ in g_events], [e.type for e, _ in p_events]


def score_event_level(pairs: list[tuple[Document, Document]]) -> dict:
    events, args = PRF(), PRF()
    by_type: dict[str, PRF] = {}
    for gold, pred in pairs:
        matched, g_types, p_types = pair_events(gold, pred)
        events.add(tp=len(matched), fp=len(p_types) - len(matched), fn=len(g_types) - len(matched))
        for etype in sorted(set(g_types) | set(p_types)):
            n = sum(1 for m in matched if m[0] == etype)
            by_type.setdefault(etype, PRF()).add(tp=n, fp=p_types.count(etype) - n, fn=g_types.count(etype) - n)
        for _, g_args, p_args, shared in matched:
            args.add(tp=shared, fp=len(p_args) - shared, fn=len(g_args) - shared)
    return {"events": events.to_dict(), "args_in_matched": args.to_dict(),
            "events_by_type": {k: v.to_dict() for k, v in sorted(by_type.items())}}
