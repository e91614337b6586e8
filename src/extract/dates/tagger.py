"""The temporal tagger: finds DATE expressions in one language's text and gives each its TIMEX value.

Three steps over the folded text: the grammar's atoms (a date as written), joined into ranges where a
connector links two dates of the same precision (`20.11.2017 - 22.11.2017`, `31 Ekim-1 Kasım 2011`), then
the context: a weekday before a day date joins the span; an open-range preposition (`since`, `Μέχρι`)
or postposition (`beri`) stays outside the span and turns the value into `X/..` or `../X`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..document import Mention
from ..textfold import fold
from .grammar import Grammar, grammar
from .normalise import (Point, month_shift_value, open_value, parse_anchor, point_value, range_value,
                        relative_value, weekday_value)

_CONTEXT = 48  # characters looked at before an atom for a preposition or weekday
BARE_YEARS = range(1900, 2100)


@dataclass(frozen=True)
class Atom:
    """A date found in the text; `finish` is set for ranges, `relative` for relative words."""
    start: int
    end: int
    branch: str
    begin: Point | None = None
    finish: Point | None = None
    relative: tuple[str, int] | None = None
    open: str | None = None  # since | until
    marked: bool = True  # False for a bare 4-digit number, which needs the year guards
    weekday: int | None = None  # 0 = Monday: a bare weekday, or the weekday written before a date
    shift: str | None = None  # next | last: the modifier of a bare weekday
    context: Point | None = None  # the day the text spoke of last, for a bare weekday without anchor
    context_weekday: int | None = None
    last_weekday: int | None = None  # `Monday and Tuesday`: the weekday that ends a run of days
    narrative: int | None = None  # `samma år` 0, `året därpå` 1: years after the last year the text wrote
    story_year: int | None = None  # the year the story is in, where it and not the document date says it

    def value(self, anchor: Point | None) -> str | None:
        if self.story_year is not None:
            anchor = Point(self.story_year)
        if self.narrative is not None:
            return point_value(self.begin or Point(None), anchor if self.story_year is not None else None)
        if self.begin is None and self.weekday is not None:
            first = weekday_value(self.weekday, self.shift, anchor, self.context, self.context_weekday)
            if first is None or self.last_weekday is None:
                return first
            last = dt.date.fromisoformat(first) + dt.timedelta(days=(self.last_weekday - self.weekday) % 7)
            return f"{first}/{last.isoformat()}"
        if self.relative and self.begin is not None:  # a month of a relative year
            year = relative_value(*self.relative, anchor)
            return point_value(Point(int(year) if year.isdigit() else None, self.begin.month))
        if self.relative:
            return relative_value(*self.relative, anchor)
        if self.shift and self.begin is not None:  # the last or next such month
            return month_shift_value(self.begin.month, self.shift, anchor)
        if self.finish:
            return range_value(self.begin, self.finish, anchor)
        if self.open:
            return open_value(self.begin, self.open, anchor)
        return point_value(self.begin, anchor)


def _month(text: str | None, g: Grammar) -> int | None:
    if not text:
        return None
    form = text.rstrip(".")
    return g.res.months.get(form) or g.res.month_abbreviations.get(form)


def _int(m, name: str) -> int | None:
    text = m.group(name)
    return int(text) if text else None


def _read(m, g: Grammar, text: str, lenient: bool) -> Atom | None:
    """The atom a match stands for (read by its branch), or None where it is no valid date."""
    branch = next(name for name in g.branch_names if m.start(name) >= 0)
    start, end = m.span(branch)
    atom = Atom(start, end, branch)
    if branch == "iso":
        atom = replace(atom, begin=Point(_int(m, "iso_y"), _int(m, "iso_m"), _int(m, "iso_d")))
    elif branch == "num":
        a, b = _int(m, "num_a"), _int(m, "num_b")
        day, month = (b, a) if g.res.numeric_order == "mdy" else (a, b)
        year = _int(m, "num_y")
        atom = replace(atom, begin=Point(year, month, day))
        if m.group("num_d0"):
            atom = replace(atom, begin=Point(year, month, _int(m, "num_d0")), finish=Point(year, month, day))
    elif branch == "nmy":
        atom = replace(atom, begin=Point(_int(m, "nmy_y"), _int(m, "nmy_m")))
    elif branch in ("ddm", "mdy"):
        p = branch
        if branch == "mdy" and not lenient and _verb_like(m, "mdy_m", g, text):
            return None
        d1 = _int(m, f"{p}_d1")
        d2 = _int(m, f"{p}_d2")
        month, year = _month(m.group(f"{p}_m"), g), _int(m, f"{p}_y")
        atom = replace(atom, begin=Point(year, month, d1))
        if d2 is not None:
            atom = replace(atom, finish=Point(year, month, d2))
    elif branch == "dmy":
        atom = replace(atom, begin=Point(_int(m, "dmy_y"), _month(m.group("dmy_m"), g), _int(m, "dmy_d")))
    elif branch == "mmy":
        year = _int(m, "mmy_y")
        atom = replace(atom, begin=Point(year, _month(m.group("mmy_m1"), g)),
                       finish=Point(year, _month(m.group("mmy_m2"), g)))
    elif branch == "ymd":
        atom = replace(atom, begin=Point(_int(m, "ymd_y"), _month(m.group("ymd_m"), g), _int(m, "ymd_d")))
    elif branch == "ygm":
        atom = replace(atom, begin=Point(_int(m, "ygm_y"), _month(m.group("ygm_m"), g)))
    elif branch == "my":
        atom = replace(atom, begin=Point(_int(m, "my_y"), _month(m.group("my_m"), g)))
    elif branch == "yy":
        atom = replace(atom, begin=Point(_int(m, "yy1_y")), finish=Point(_int(m, "yy2_y")))
    elif branch == "y":
        marked = bool(m.group("y_ypre") or m.group("y_ysuf"))
        year = _int(m, "y_y")
        if not marked and year not in BARE_YEARS:
            return None
        atom = replace(atom, begin=Point(year), marked=marked)
    elif branch == "mon":
        form = m.group("mon_m").rstrip(".")
        standalone = form in g.res.bare_months and g.res.bare_month_ok
        if not (lenient or standalone or m.group("mon_suf")):
            return None
        atom = replace(atom, begin=Point(None, _month(form, g)))
    elif branch == "wd":
        form = m.group("wd_w")
        if not lenient and form not in g.res.bare_weekdays and text[m.start("wd_w")].islower():
            return None  # `τρίτη` "third", `pazar` "market": only capitalised forms are weekdays
        modifier = m.group("wd_pre") or m.group("wd_post")
        shift = _shift(modifier, g) if modifier else None
        return Atom(start, end, branch, weekday=g.res.weekday_names[form], shift=shift)
    elif branch in ("mrel", "relm"):
        atom = replace(atom, begin=Point(None, _month(m.group(f"{branch}_m"), g)),
                       relative=g.res.relative[" ".join(m.group(f"{branch}_p").split())])
    elif branch == "msh":
        month = _month(m.group("msh_m") or m.group("msh_m2"), g)
        atom = replace(atom, begin=Point(None, month), shift=_shift(m.group("msh_pre") or m.group("msh_post"), g))
    elif branch in ("mnar", "nar"):
        month = _month(m.group(f"{branch}_m"), g)
        atom = replace(atom, begin=Point(None, month) if month else None,
                       narrative=g.res.narrative_years[" ".join(m.group(f"{branch}_p").split())])
    elif branch == "rel":
        atom = replace(atom, relative=g.res.relative[" ".join(m.group("rel_p").split())])
    return atom if _valid(atom) else None


def _shift(modifier: str, g: Grammar) -> str:
    """`next` or `last`: the way a modifier (`kommenden`, `περασμένο`) turns a weekday or month."""
    return "next" if " ".join(modifier.split()) in g.res.words("next_modifiers") else "last"


def _verb_like(m, group: str, g: Grammar, text: str) -> bool:
    """A month word that is also a common word (`may`) leads a date only when capitalised (`May 3`)."""
    form = m.group(group).rstrip(".")
    return form in g.res.months and form not in g.res.bare_months and text[m.start(group)].islower()


def _valid(atom: Atom) -> bool:
    if atom.relative or atom.begin is None and (atom.weekday is not None or atom.narrative is not None):
        return True
    if atom.begin is None or not atom.begin.valid():
        return False
    if atom.finish is None:
        return True
    return atom.finish.valid() and atom.begin.key() < atom.finish.key()


def _guarded(atom: Atom, folded: str, g: Grammar) -> bool:
    """A bare 4-digit number that the words around it make a quantity, a reference or a price."""
    before = g.before.search(folded, max(0, atom.start - _CONTEXT), atom.start)
    if before and before.group("guard"):
        return True
    return bool(g.after_guard.match(folded, atom.end))


def _street_name(atom: Atom, folded: str, g: Grammar) -> bool:
    """A date that names a street (`οδός Γ΄ Σεπτεμβρίου 36`, `19 Mayıs Caddesi`, `ул. „6-ти септември“ 12`): a
    street word on either side, or a house number right after a date with no year of its own (a date and a
    count, `Σεπτέμβριο 12 δήμοι`, is a date: a bare number is a house number only where the address part ends)."""
    if g.street_before.search(folded, max(0, atom.start - _CONTEXT), atom.start):
        return True
    after = g.street_after.match(folded, atom.end)
    if after is None:
        return False
    return bool(after.group("street_word")) or atom.begin is not None and atom.begin.year is None


def _join(atoms: list[Atom], folded: str, g: Grammar) -> list[Atom]:
    """Two dates of the same precision linked by a range connector become one range; a yearless left end
    takes the year of the right end (`31 Ekim-1 Kasım 2011`)."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.finish is None and atom.finish is None
            and prev.begin is not None and atom.begin is not None
            and prev.relative is None and atom.relative is None
            and prev.narrative is None and atom.narrative is None
            and prev.begin.precision == atom.begin.precision
            and (prev.begin.year is None or atom.begin.year is not None)
            and g.joint.fullmatch(folded, prev.end, atom.start)
        ):
            begin = prev.begin.with_year(atom.begin.year)
            if begin.valid() and begin.key() < atom.begin.key():
                out[-1] = Atom(prev.start, atom.end, "range", begin=begin, finish=atom.begin)
                continue
        out.append(atom)
    return out


def _context(atom: Atom, folded: str, g: Grammar) -> Atom:
    """Weekday before a day date joins the span; an open-range word around a calendar date sets `open`.
    `until today` stays a plain relative date: it says "as of now", not a range."""
    if atom.relative or atom.begin is None or atom.narrative is not None:
        return atom
    window = max(0, atom.start - _CONTEXT)
    if atom.begin.precision == "day":
        weekday = g.weekday.search(folded, window, atom.start)
        if weekday:
            named = g.res.weekday_names.get(weekday.group("wd_name"))
            atom = replace(atom, start=weekday.start(), weekday=named)
    if atom.finish is not None:
        return atom
    before = g.before.search(folded, window, atom.start)
    side = None
    if before:
        if before.group("since") or (before.group("since_coarse") and atom.begin.precision != "day"):
            side = "since"
        elif before.group("until"):
            side = "until"
    else:
        after = g.after.match(folded, atom.end)
        if after:
            side = "since" if after.group("since") else "until"
    return replace(atom, open=side) if side else atom


def scan(text: str, lang: str | None, start: int = 0, end: int | None = None, *,
         folded: str | None = None, lenient: bool = False) -> list[Atom]:
    """The date atoms of `text[start:end]` (offsets into `text`); `folded` is `fold(text)` where the caller
    has it already. `lenient` drops the guards that keep bare numbers and ambiguous month words out (used
    on spans the NER model already calls DATE)."""
    return scan_with_streets(text, lang, start, end, folded=folded, lenient=lenient)[0]


def scan_with_streets(text: str, lang: str | None, start: int = 0, end: int | None = None, *,
                      folded: str | None = None, lenient: bool = False) -> tuple[list[Atom], list[tuple[int, int]]]:
    """`scan`, plus the spans of the dates that name a street (no DATE: a model DATE there is dropped too)."""
    g = grammar(lang)
    folded = fold(text) if folded is None else folded
    end = len(folded) if end is None else end
    atoms, streets = [], []
    for m in g.atoms.finditer(folded, start, end):
        atom = _read(m, g, text, lenient)
        if atom is None or (not atom.marked and not lenient and _guarded(atom, folded, g)):
            continue
        if _street_name(atom, folded, g):
            streets.append((atom.start, atom.end))
            continue
        atoms.append(atom)
    atoms = [_context(a, folded, g) for a in _join(atoms, folded, g)]
    return _weekday_runs(weekday_context(atoms), folded, g), streets


_DAY_NUMBER = re.compile(r"\s*(\d{1,2})\.?")


def _weekday_runs(atoms: list[Atom], folded: str, g: Grammar) -> list[Atom]:
    """Two days named one after the other are one span: `понеделник и вторник` (a run of weekdays), and
    `woensdag 10 en donderdag 11 mei` (a weekday and its day number before a full date)."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if prev is not None and prev.begin is None and prev.weekday is not None and prev.last_weekday is None:
            if atom.begin is None and atom.weekday is not None and atom.shift is None \
                    and g.day_joint.fullmatch(folded, prev.end, atom.start):
                out[-1] = replace(prev, end=atom.end, branch="weekday_run", last_weekday=atom.weekday)
                continue
            day_date = atom.weekday is not None and atom.finish is None and atom.begin is not None \
                and atom.begin.precision == "day"
            number = _DAY_NUMBER.match(folded, prev.end, atom.start)
            begin = None
            if day_date and number and g.day_joint.fullmatch(folded, number.end(), atom.start):
                begin = Point(atom.begin.year, atom.begin.month, int(number.group(1)))
            elif day_date and g.day_joint.fullmatch(folded, prev.end, atom.start):
                back = (atom.weekday - prev.weekday) % 7  # `Monday and Tuesday 3 May`: the day before
                if 0 < back < atom.begin.day:
                    begin = Point(atom.begin.year, atom.begin.month, atom.begin.day - back)
            if begin is not None:
                if begin.valid() and begin.key() < atom.begin.key():
                    out[-1] = Atom(prev.start, atom.end, "range", begin=begin, finish=atom.begin,
                                   weekday=prev.weekday)
                    continue
        out.append(atom)
    return out


def weekday_context(atoms: list[Atom]) -> list[Atom]:
    """A bare weekday inside a date's span (`Dienstag` of `Dienstag, den 3. Dezember`) goes; one that
    stands alone remembers the last day date before it, to be read from where there is no anchor."""
    out: list[Atom] = []
    last: Atom | None = None
    for atom in atoms:
        if atom.begin is None and atom.weekday is not None:
            if any(o.start <= atom.start and atom.end <= o.end for o in atoms if o is not atom):
                continue
            if last is not None:
                atom = replace(atom, context=last.finish or last.begin, context_weekday=_weekday_of(last))
        elif atom.begin is not None and atom.begin.precision == "day":
            last = atom
        out.append(atom)
    return out


def narrative_context(atoms: list[Atom], anchor: Point | None) -> list[Atom]:
    """The year of the story, where the text and not the document date gives it (HeidelTime's narrative
    reading): `samma år` / `året därpå` count from the last year written before them; a yearless date right
    after such a phrase is in its year (`Året därpå ... i april`); and without a document date a yearless
    date takes the year of the last full date before it (an invitation's `16-17 Ekim 2025` head line, then
    `1. gün – 16 Ekim`). Atoms in text order."""
    out: list[Atom] = []
    last_year = calendar_year = None  # the last year written; the last one written in a month or day date
    after_narrative = False
    for atom in atoms:
        written = atom.finish or atom.begin
        if atom.narrative is not None:
            if last_year is not None:
                atom = replace(atom, story_year=last_year + atom.narrative)
                last_year = atom.story_year
            after_narrative = last_year is not None
        elif atom.relative or written is None:
            after_narrative = False
        elif written.year is not None:
            last_year = written.year
            if written.precision != "year":
                calendar_year = written.year
            after_narrative = False
        elif after_narrative:
            atom = replace(atom, story_year=last_year)
        elif anchor is None and calendar_year is not None:
            atom = replace(atom, story_year=calendar_year)
        out.append(atom)
    return out


def _weekday_of(atom: Atom) -> int | None:
    """The weekday of a day date's last day, known from its year or from the weekday written with it."""
    day = atom.finish or atom.begin
    if day.year is not None:
        return dt.date(day.year, day.month, day.day).weekday()
    if atom.weekday is not None:
        return (atom.weekday + (day.day - atom.begin.day if atom.finish else 0)) % 7
    return None


def to_mention(atom: Atom, text: str, anchor: Point | None) -> Mention:
    return Mention(atom.start, atom.end, text[atom.start:atom.end], "DATE", source="rule",
                   value=atom.value(anchor), attrs={"date_form": atom.branch})


def find_dates(text: str, lang: str | None, doc_date: str | None = None) -> list[Mention]:
    """DATE mentions (label DATE, source rule, value TIMEX) in `text` of language `lang`; `doc_date`
    (YYYY-MM-DD) resolves yearless and relative dates."""
    anchor = parse_anchor(doc_date)
    return [to_mention(a, text, anchor) for a in narrative_context(scan(text, lang), anchor)]
