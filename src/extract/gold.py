"""Check gold brat files against the labelling guide: `python -m extract.gold check gold/`."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .brat import GEONAMES_PREFIX, NAME_TYPE, TIMEX_PREFIX, Annotation, BratError, base_role, parse_ann
from .document import EVENT_TYPES, LABELS

ENTITY = set(LABELS) - {"DATE"}
# Roles per event type and the span types each role may point to (docs/annotation-guide.md, Events).
ROLES: dict[str, dict[str, set[str]]] = {
    "Meeting": {"Name": {NAME_TYPE}, "Date": {"DATE"}, "Place": {"LOC", "ORG"},
                "Organizer": ENTITY, "Participant": ENTITY, "Funder": {"ORG", "LOC"}},
    "Project": {"Name": {NAME_TYPE}, "Date": {"DATE"}, "Funder": {"ORG", "LOC"},
                "Coordinator": {"ORG", "LOC"}, "Partner": {"ORG", "LOC"}},
    "Membership": {"Member": {"ORG", "LOC"}, "Network": {"ORG"}, "Date": {"DATE"}},
    "Founding": {"Org": {"ORG"}, "Date": {"DATE"}, "Founder": ENTITY, "Place": {"LOC"}},
    "Publication": {"Name": {NAME_TYPE}, "Publisher": {"ORG", "LOC", "PER"}, "Date": {"DATE"}},
}
assert set(ROLES) == set(EVENT_TYPES)
SPAN_TYPES = set(LABELS) | {NAME_TYPE} | set(EVENT_TYPES)

_POINT = r"(?:\d{4}|XXXX)(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_REF = r"(?:PRESENT_REF|PAST_REF|FUTURE_REF)"
TIMEX_VALUE = re.compile(rf"^(?:{_REF}|{_POINT}|(?:{_POINT}|\.\.)/(?:{_POINT}|\.\.))$")
LANG_CODE = re.compile(r"^[a-z]{2}$")
# A span edge that the guide keeps outside: whitespace, quotation marks, brackets, final punctuation.
_BAD_EDGE = set(" \t\n\r\u00a0\"'«»“”„‘’‚‹›()[]{}.,;:!?")


@dataclass
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def timex_problem(value: str) -> str | None:
    """Why a TIMEX value breaks the guide's grammar (None when valid)."""
    if not TIMEX_VALUE.match(value):
        return f"TIMEX value {value!r} does not follow the guide (ISO date, range a/b, '..', *_REF)"
    points = value.split("/")
    for p in points:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
            try:
                dt.date.fromisoformat(p)
            except ValueError:
                return f"TIMEX value {value!r}: {p} is not a calendar day"
    if len(points) == 2:
        if points == ["..", ".."]:
            return f"TIMEX value {value!r}: a range needs at least one end"
        a, b = points
        if a[:4].isdigit() and b[:4].isdigit() and b < a[: len(b)]:
            return f"TIMEX value {value!r}: range ends before it starts"
    return None


def check_annotation(ann: Annotation, text: str, path: Path) -> list[Problem]:
    problems: list[Problem] = []

    def add(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    if not ann.lang:
        add(1, "missing '# lang: xx' comment line (the gold language)")
    elif not LANG_CODE.match(ann.lang):
        add(1, f"language {ann.lang!r} is not an ISO 639-1 code")
    tbs = ann.textbounds
    for tb in tbs.values():
        if tb.type not in SPAN_TYPES:
            add(tb.line_no, f"{tb.id}: span type {tb.type!r} is not one of {sorted(SPAN_TYPES)}")
        if not (0 <= tb.start < tb.end <= len(text)):
            add(tb.line_no, f"{tb.id}: offsets {tb.start}-{tb.end} are outside the text (length {len(text)})")
            continue
        if text[tb.start:tb.end] != tb.text:
            add(tb.line_no, f"{tb.id}: text {tb.text!r} != document text {text[tb.start:tb.end]!r} at {tb.start}-{tb.end}")
        elif tb.type in LABELS and (tb.text[0] in _BAD_EDGE or tb.text[-1] in _BAD_EDGE) \
                and not tb.text.endswith("."):
            add(tb.line_no, f"{tb.id}: span {tb.text!r} starts or ends with space, quote, bracket or punctuation")
    _check_overlaps(ann, add)
    _check_normalizations(ann, add)
    _check_events(ann, add)
    for ids, line_no in ann.equivs:
        missing = [i for i in ids if i not in tbs or tbs[i].type not in ENTITY]
        if missing:
            add(line_no, f"Equiv names {missing} that are not ORG/LOC/PER spans")
        elif len({tbs[i].type for i in ids}) > 1:
            add(line_no, f"Equiv joins spans of different types: {[tbs[i].type for i in ids]}")
    return problems


def _check_overlaps(ann: Annotation, add) -> None:
    # No nesting among entity spans (the guide's "no nesting"); Name and trigger spans may overlap them.
    spans = sorted((tb for tb in ann.textbounds.values() if tb.type in LABELS), key=lambda t: (t.start, t.end))
    for a, b in zip(spans, spans[1:]):
        if b.start < a.end:
            add(b.line_no, f"{b.id} ({b.type} {b.text!r}) overlaps {a.id} ({a.type} {a.text!r})")


def _check_normalizations(ann: Annotation, add) -> None:
    tbs = ann.textbounds
    timexed: dict[str, int] = {}
    for n in ann.normalizations:
        tb = tbs.get(n.target)
        if tb is None:
            add(n.line_no, f"{n.id} points to {n.target}, which does not exist")
            continue
        if n.ref.startswith(TIMEX_PREFIX):
            if tb.type != "DATE":
                add(n.line_no, f"{n.id}: TIMEX on {n.target}, a {tb.type} span (only DATE spans get TIMEX)")
            timexed[n.target] = timexed.get(n.target, 0) + 1
            why = timex_problem(n.key)
            if why:
                add(n.line_no, f"{n.id}: {why}")
        elif n.ref.startswith(GEONAMES_PREFIX):
            if tb.type != "LOC":
                add(n.line_no, f"{n.id}: GeoNames reference on {n.target}, a {tb.type} span (only LOC)")
            if not n.key.isdigit():
                add(n.line_no, f"{n.id}: GeoNames id {n.key!r} is not a number")
        else:
            add(n.line_no, f"{n.id}: reference {n.ref!r} is neither TIMEX: nor GeoNames:")
    for tb in tbs.values():
        if tb.type == "DATE" and timexed.get(tb.id, 0) != 1:
            add(tb.line_no, f"{tb.id}: DATE {tb.text!r} has {timexed.get(tb.id, 0)} TIMEX values (needs exactly 1)")


def _check_events(ann: Annotation, add) -> None:
    tbs = ann.textbounds
    used: set[str] = set()
    for ev in ann.events.values():
        trig = tbs.get(ev.trigger)
        used.add(ev.trigger)
        if ev.type not in ROLES:
            add(ev.line_no, f"{ev.id}: event type {ev.type!r} is not one of {sorted(ROLES)}")
            continue
        if trig is None:
            add(ev.line_no, f"{ev.id}: trigger {ev.trigger} does not exist")
        elif trig.type != ev.type:
            add(ev.line_no, f"{ev.id}: trigger {ev.trigger} is a {trig.type} span, not {ev.type}")
        seen_roles: set[str] = set()
        for role, target in ev.args:
            used.add(target)
            base = base_role(role)
            if role in seen_roles:
                add(ev.line_no, f"{ev.id}: role {role} given twice (number repeats: {base}2, {base}3)")
            seen_roles.add(role)
            if base not in ROLES[ev.type]:
                add(ev.line_no, f"{ev.id}: role {role!r} is not allowed for {ev.type} ({sorted(ROLES[ev.type])})")
                continue
            tb = tbs.get(target)
            if tb is None:
                add(ev.line_no, f"{ev.id}: argument {role}:{target} points to a span that does not exist")
            elif tb.type not in ROLES[ev.type][base]:
                add(ev.line_no, f"{ev.id}: {role} is a {tb.type} span ({tb.text!r}); "
                                f"{ev.type}.{base} takes {sorted(ROLES[ev.type][base])}")
    for tb in tbs.values():
        if (tb.type in EVENT_TYPES or tb.type == NAME_TYPE) and tb.id not in used:
            add(tb.line_no, f"{tb.id}: {tb.type} span {tb.text!r} is not used by any event")


def check_pair(txt_path: Path, ann_path: Path) -> list[Problem]:
    if not txt_path.exists():
        return [Problem(ann_path, 0, f"no text file {txt_path.name} next to it")]
    if not ann_path.exists():
        return [Problem(txt_path, 0, f"no annotation file {ann_path.name} next to it")]
    try:
        text = txt_path.read_text(encoding="utf-8")
        ann = parse_ann(ann_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return [Problem(ann_path, 0, f"not UTF-8: {exc}")]
    except BratError as exc:
        return [Problem(ann_path, exc.line_no, str(exc).split(": ", 1)[1])]
    return check_annotation(ann, text, ann_path)


def check_dir(gold_dir: Path) -> tuple[int, list[Problem]]:
    """(number of documents, problems) for every NAME.txt / NAME.ann pair in `gold_dir`."""
    gold_dir = Path(gold_dir)
    stems = sorted({p.stem for p in gold_dir.glob("*.txt")} | {p.stem for p in gold_dir.glob("*.ann")})
    problems: list[Problem] = []
    for stem in stems:
        problems += check_pair(gold_dir / f"{stem}.txt", gold_dir / f"{stem}.ann")
    return len(stems), problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.gold", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every NAME.txt/NAME.ann pair in a folder")
    check.add_argument("folder", type=Path, nargs="?", default=Path("gold"))
    args = parser.parse_args(argv)
    n_docs, problems = check_dir(args.folder)
    for problem in problems:
        print(problem)
    print(f"{n_docs} documents, {len(problems)} problems", file=sys.stderr)
    return 1 if problems or n_docs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
