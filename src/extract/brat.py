"""Read and write brat standoff (.ann): the gold format, and the export of the pipeline's predictions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .document import LABELS, Document, Entity, Event, EventArgument, Mention

NAME_TYPE = "Name"
TIMEX_PREFIX = "TIMEX:"
GEONAMES_PREFIX = "GeoNames:"
_ROLE_NUMBER = re.compile(r"^(.*?)(\d*)$")
_COMMENT_KEY = re.compile(r"^#\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")


class BratError(ValueError):
    """A line of an .ann file that cannot be read; carries the line number."""

    def __init__(self, line_no: int, message: str):
        super().__init__(f"line {line_no}: {message}")
        self.line_no = line_no


@dataclass
class TextBound:
    id: str
    type: str
    start: int
    end: int
    text: str
    line_no: int = 0


@dataclass
class Normalization:
    id: str
    target: str
    ref: str  # "TIMEX:2019-12" or "GeoNames:2800866"
    text: str = ""
    line_no: int = 0

    @property
    def db(self) -> str:
        return self.ref.split(":", 1)[0]

    @property
    def key(self) -> str:
        return self.ref.split(":", 1)[1] if ":" in self.ref else ""


@dataclass
class BratEvent:
    id: str
    type: str
    trigger: str
    args: list[tuple[str, str]]  # (role as written, e.g. Organizer2; target id)
    line_no: int = 0


@dataclass
class Annotation:
    """Everything in one .ann file, in its own terms (ids, not objects)."""
    textbounds: dict[str, TextBound] = field(default_factory=dict)
    normalizations: list[Normalization] = field(default_factory=list)
    events: dict[str, BratEvent] = field(default_factory=dict)
    equivs: list[tuple[list[str], int]] = field(default_factory=list)  # (ids, line number)
    comments: dict[str, str] = field(default_factory=dict)  # `# key: value` lines

    @property
    def lang(self) -> str | None:
        return self.comments.get("lang")


def base_role(role: str) -> str:
    """`Organizer2` -> `Organizer`: brat numbers repeated roles."""
    return _ROLE_NUMBER.match(role).group(1)


def parse_ann(content: str) -> Annotation:
    """Parse .ann text; raises BratError on a malformed line."""
    ann = Annotation()
    for line_no, raw in enumerate(content.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = _COMMENT_KEY.match(line)
            if m:
                ann.comments.setdefault(m.group(1).lower(), m.group(2))
            continue
        cols = line.split("\t")
        ident = cols[0]
        if ident.startswith("T"):
            ann.textbounds[ident] = _parse_textbound(cols, line_no)
        elif ident.startswith("N"):
            ann.normalizations.append(_parse_normalization(cols, line_no))
        elif ident.startswith("E"):
            ann.events[ident] = _parse_event(cols, line_no)
        elif ident.startswith("*"):
            parts = cols[1].split() if len(cols) > 1 else []
            if len(parts) < 3 or parts[0] != "Equiv":
                raise BratError(line_no, f"expected '*\\tEquiv T1 T2 ...', got {line!r}")
            ann.equivs.append((parts[1:], line_no))
        else:
            raise BratError(line_no, f"unknown annotation kind {ident!r}")
    return ann


def _parse_textbound(cols: list[str], line_no: int) -> TextBound:
    if len(cols) < 3:
        raise BratError(line_no, "text-bound line needs 'ID\\tTYPE START END\\tTEXT'")
    head = cols[1].split()
    if len(head) != 3 or not head[1].isdigit() or not head[2].isdigit():
        # Discontinuous spans (`0 5;8 12`) are not used in this project's gold.
        raise BratError(line_no, f"expected 'TYPE START END', got {cols[1]!r}")
    return TextBound(cols[0], head[0], int(head[1]), int(head[2]), "\t".join(cols[2:]), line_no)


def _parse_normalization(cols: list[str], line_no: int) -> Normalization:
    head = cols[1].split() if len(cols) > 1 else []
    if len(head) != 3 or head[0] != "Reference" or ":" not in head[2]:
        raise BratError(line_no, f"expected 'N#\\tReference T# DB:KEY\\tTEXT', got {cols[1:]!r}")
    return Normalization(cols[0], head[1], head[2], cols[2] if len(cols) > 2 else "", line_no)


def _parse_event(cols: list[str], line_no: int) -> BratEvent:
    parts = cols[1].split() if len(cols) > 1 else []
    if not parts or ":" not in parts[0]:
        raise BratError(line_no, f"expected 'E#\\tTYPE:T# ROLE:ID ...', got {cols[1:]!r}")
    etype, trigger = parts[0].split(":", 1)
    args = []
    for part in parts[1:]:
        if ":" not in part:
            raise BratError(line_no, f"event argument {part!r} is not ROLE:ID")
        role, target = part.split(":", 1)
        args.append((role, target))
    return BratEvent(cols[0], etype, trigger, args, line_no)


def read_ann(path: Path) -> Annotation:
    return parse_ann(Path(path).read_text(encoding="utf-8"))


# --- Annotation -> Document ------------------------------------------------------------------

def clusters_of(ann: Annotation) -> dict[str, str]:
    """Map each entity span id to its cluster id: Equiv groups joined transitively, else itself."""
    parent = {tid: tid for tid, tb in ann.textbounds.items() if tb.type in LABELS}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ids, _ in ann.equivs:
        known = [i for i in ids if i in parent]
        for other in known[1:]:
            a, b = find(known[0]), find(other)
            if a != b:
                # The smallest id names the cluster, so the mapping is stable.
                parent[max(a, b, key=_id_order)] = min(a, b, key=_id_order)
    return {tid: find(tid) for tid in parent}


def _id_order(tid: str) -> tuple[int, str]:
    digits = "".join(ch for ch in tid if ch.isdigit())
    return (int(digits) if digits else 0, tid)


def to_document(ann: Annotation, text: str, doc_id: str, path: str = "") -> Document:
    """Gold Document: entity spans as mentions (DATE value from TIMEX), Equiv clusters as entities
    (GeoNames id from a Reference on any of their spans), events with their arguments."""
    doc = Document(doc_id=doc_id, path=path, text=text, lang=ann.lang, doc_date=ann.comments.get("doc_date"))
    if ann.lang:
        doc.langs = [ann.lang]
    timex = {n.target: n.key for n in ann.normalizations if n.db == TIMEX_PREFIX[:-1]}
    geonames = {n.target: n.key for n in ann.normalizations if n.db == GEONAMES_PREFIX[:-1]}
    cluster = clusters_of(ann)
    by_id: dict[str, Mention] = {}
    for tid, tb in sorted(ann.textbounds.items(), key=lambda kv: (kv[1].start, kv[1].end, _id_order(kv[0]))):
        if tb.type not in LABELS:
            continue
        m = Mention(tb.start, tb.end, tb.text, tb.type, source="gold", value=timex.get(tid), mention_id=tid)
        if tb.type != "DATE":
            m.entity_id = cluster[tid]
            ent = doc.entities.setdefault(m.entity_id, Entity(m.entity_id, tb.type, tb.text))
            ent.aliases.add(tb.text)
            ent.n_mentions += 1
            if tid in geonames and geonames[tid].isdigit():
                ent.geonames_id = int(geonames[tid])
        doc.mentions.append(m)
        by_id[tid] = m
    for eid, ev in sorted(ann.events.items(), key=lambda kv: _id_order(kv[0])):
        trig = ann.textbounds.get(ev.trigger)
        event = Event(ev.type, trig.start if trig else 0, trig.end if trig else 0, trig.text if trig else "",
                      event_id=eid)
        for role, target in ev.args:
            tb = ann.textbounds.get(target)
            if tb is None:
                continue  # the checker reports dangling arguments; the scorer skips them
            mention = by_id.get(target)
            value = mention.value if mention and mention.label == "DATE" else tb.text
            event.args.append(EventArgument(base_role(role), tb.start, tb.end, tb.text, value=value,
                                            mention_id=target if mention else None,
                                            entity_id=mention.entity_id if mention else None))
        doc.events.append(event)
    return doc


def read_document(txt_path: Path) -> Document:
    """Gold Document from `NAME.txt` + `NAME.ann` (the doc id is NAME)."""
    txt_path = Path(txt_path)
    text = txt_path.read_text(encoding="utf-8")
    ann = read_ann(txt_path.with_suffix(".ann"))
    return to_document(ann, text, txt_path.stem, str(txt_path))


# --- Document -> .ann ------------------------------------------------------------------------

def _clean(text: str) -> str:
    # brat keeps one annotation per line: a span's text must not break it.
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def format_document(doc: Document) -> str:
    """brat standoff for a (predicted) Document: mentions, DATE TIMEX values, GeoNames references,
    Equiv clusters of mentions of one entity, event triggers, Name spans and events with roles."""
    lines = [f"# lang: {doc.lang}"] if doc.lang else []
    t_ids: dict[tuple[str, int, int], str] = {}
    notes: list[str] = []

    def span_id(label: str, start: int, end: int) -> str:
        key = (label, start, end)
        if key not in t_ids:
            t_ids[key] = f"T{len(t_ids) + 1}"
            lines.append(f"{t_ids[key]}\t{label} {start} {end}\t{_clean(doc.text[start:end])}")
        return t_ids[key]

    members: dict[str, list[str]] = {}
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        tid = span_id(m.label, m.start, m.end)
        if m.label == "DATE" and m.value:
            notes.append(f"Reference {tid} {TIMEX_PREFIX}{m.value}\t{_clean(m.text)}")
        if m.entity_id:
            if tid not in members.setdefault(m.entity_id, []):
                members[m.entity_id].append(tid)
            ent = doc.entities.get(m.entity_id)
            if ent and ent.geonames_id and m.label == "LOC":
                notes.append(f"Reference {tid} {GEONAMES_PREFIX}{ent.geonames_id}\t{_clean(ent.name)}")
    for i, note in enumerate(notes, 1):
        lines.append(f"N{i}\t{note}")
    for ids in members.values():
        if len(ids) > 1:
            lines.append("*\tEquiv " + " ".join(ids))
    for n, ev in enumerate(doc.events, 1):
        trigger = span_id(ev.type, ev.trigger_start, ev.trigger_end)
        counts: dict[str, int] = {}
        parts = [f"{ev.type}:{trigger}"]
        for arg in ev.args:
            label = _arg_label(doc, arg)
            counts[arg.role] = counts.get(arg.role, 0) + 1
            role = arg.role if counts[arg.role] == 1 else f"{arg.role}{counts[arg.role]}"
            parts.append(f"{role}:{span_id(label, arg.start, arg.end)}")
        lines.append(f"E{n}\t" + " ".join(parts))
    return "\n".join(lines) + "\n"


def _arg_label(doc: Document, arg: EventArgument) -> str:
    if arg.role == NAME_TYPE:
        return NAME_TYPE
    for m in doc.mentions:
        if (m.start, m.end) == (arg.start, arg.end) and (arg.mention_id is None or m.mention_id == arg.mention_id):
            return m.label
    return NAME_TYPE  # an argument without an entity span behind it is a free-text span


def write_document(doc: Document, out_dir: Path) -> Path:
    """Write `OUT_DIR/DOC_ID.txt` + `.ann` (brat reads them side by side; a doc id with folders, as
    relative input paths give, keeps them); returns the .ann path."""
    txt_path = Path(out_dir) / f"{doc.doc_id}.txt"
    txt_path.parent.mkdir(parents=True, exist_ok=True)
    txt_path.write_text(doc.text, encoding="utf-8", newline="")
    ann_path = txt_path.with_suffix(".ann")
    ann_path.write_text(format_document(doc), encoding="utf-8")
    return ann_path
