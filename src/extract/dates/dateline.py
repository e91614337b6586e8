"""Finds the document's own date (its dateline) to anchor yearless and relative dates.

A dateline is a day date right after a publication cue (`Published on`, `Yayın Tarihi`, `Δημοσιεύθηκε`),
or a day date in one of the first lines that makes up nearly all of it (`Brussels, 3 December 2019`) or
opens it before a dash (`София, 22 октомври 2021 г. – Седем общини ...`, `08.03.2019 – Avrupa ...`), or ends
a masthead line of fields (`Belediyesi | Basın Duyurusu | 16.10.2023`). Lines of the same kind further down
are the datelines of a page's items (`section_datelines`).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..textfold import fold
from .grammar import GAP, any_of
from .normalise import point_value
from .resources import date_resources
from .tagger import Atom, scan

_TOP_LINES = 5  # non-empty lines looked at for a standalone date
TOP_CHARS = 600
_CUE_REACH = 8  # characters allowed between a cue and its date (`:`, `on`, spaces)
_MAX_OTHER_WORDS = 3  # words a dateline may hold besides the date (a place, `News`)
_LEAD_DASH = re.compile(r"[ \t]*[-–—|]")  # the news-agency dash after a leading dateline
# A masthead line of fields ending in the date (`Eskişehir Büyükşehir Belediyesi | Basın Duyurusu | 16.10.2023`,
# `Бюлетин на кабинета на кмета, брой 10, 7 март 2025 г.`).
_FIELD_SEP = re.compile(r"[|·•,][ \t]*$")
_MAX_FIELD_WORDS = 12


@lru_cache(maxsize=None)
def _cue_pattern(lang: str | None) -> re.Pattern:
    return re.compile(rf"(?<!\w){any_of(date_resources(lang).words('dateline_cues'))}{GAP}:?")


def opens_with_cue(surface: str, lang: str | None) -> bool:
    """The text starts with a publication cue of the language (`Veröffentlicht am`, `Gepubliceerd:`)."""
    return _cue_pattern(lang).match(fold(surface)) is not None


_ISSUE_DAYS = 7  # the longest span of days a dateline may give (a weekly newsletter's `9-13 Eylül 2024`)


def _day_point(atom: Atom, year: int | None = None) -> str | None:
    """The day a dateline atom gives; a yearless one only where `year` is given. An issue dated by the days
    of its week (`14–18 Οκτωβρίου 2024`) gives the middle one: the nearest Monday or Friday to it is then
    the one inside the week."""
    if atom.begin is None or atom.relative or atom.open:
        return None
    begin = atom.begin if atom.begin.year is not None or year is None else atom.begin.with_year(year)
    if begin.precision != "day" or begin.year is None:
        return None
    if atom.finish is None:
        return point_value(begin)
    finish = atom.finish if atom.finish.year is not None or year is None else atom.finish.with_year(year)
    if finish.precision != "day" or finish.year is None:
        return None
    first = dt.date(begin.year, begin.month, begin.day)
    last = dt.date(finish.year, finish.month, finish.day)
    if not 0 < (last - first).days < _ISSUE_DAYS:
        return None
    return (first + (last - first) // 2).isoformat()


def _langs(lang: str | None, doc_lang: str | None) -> list[str | None]:
    """The paragraph's language, then the document's: a short dateline line is often misidentified."""
    return [lang] if doc_lang in (None, lang) else [lang, doc_lang]


def _after_cue(text: str, folded: str, blocks: list[tuple[int, int, str | None]], doc_lang: str | None) -> str | None:
    for start, end, block_lang in blocks:
        for lang in _langs(block_lang, doc_lang):
            found = _cue_date(text, folded, start, end, lang)
            if found:
                return found
    return None


def _cue_date(text: str, folded: str, start: int, end: int, lang: str | None) -> str | None:
    for cue in _cue_pattern(lang).finditer(folded, start, end):
        reach = min(end, cue.end() + 80)
        for atom in scan(text, lang, cue.end(), reach, folded=folded):
            if atom.start - cue.end() <= _CUE_REACH and _day_point(atom):
                return _day_point(atom)
            break
    return None


def _standalone_line(text: str, folded: str, blocks: list[tuple[int, int, str | None]],
                     doc_lang: str | None) -> str | None:
    seen = 0
    for start, end, block_lang in blocks:
        if start >= TOP_CHARS:
            break
        for line in re.finditer(r"[^\n]+", text[start:min(end, start + TOP_CHARS)]):
            if not line.group().strip():
                continue
            seen += 1
            if seen > _TOP_LINES:
                return None
            line_start, line_end = start + line.start(), start + line.end()
            atoms = [a for lang in _langs(block_lang, doc_lang)
                     for a in scan(text, lang, line_start, line_end, folded=folded)]
            day = _line_day(text, line_start, line_end, atoms)
            if day:
                return day
    return None


def _line_day(text: str, line_start: int, line_end: int, atoms: list[Atom], year: int | None = None) -> str | None:
    """The day of a line that is a dateline, given the line's date atoms: a day date that makes up nearly
    all of it, opens it before a dash, or ends a line of fields; a yearless one only where `year` is given."""
    for atom in atoms:
        day = _day_point(atom, year)
        if not day:
            continue
        before = len(re.findall(r"\w+", text[line_start:atom.start]))
        after = len(re.findall(r"\w+", text[atom.end:line_end]))
        leading = before <= _MAX_OTHER_WORDS and _LEAD_DASH.match(text, atom.end, line_end)
        last_field = after == 0 and before <= _MAX_FIELD_WORDS and _FIELD_SEP.search(text, line_start, atom.start)
        if before + after <= _MAX_OTHER_WORDS or leading or last_field:
            return day
    return None


def section_datelines(text: str, atoms: list[Atom], year: int | None) -> list[tuple[int, str]]:
    """The datelines of a page's items (a feed's posts, a press digest's items, a newsletter's stories),
    as (where the dateline's line ends, its day), read from the page's date atoms (in text order): relative
    and yearless dates after one read from it, as the item was written that day. A yearless one takes the
    year of the one before, else `year`."""
    by_line: dict[tuple[int, int], list[Atom]] = {}
    for atom in atoms:
        line_start = text.rfind("\n", 0, atom.start) + 1
        line_end = text.find("\n", atom.end)
        by_line.setdefault((line_start, len(text) if line_end < 0 else line_end), []).append(atom)
    found: list[tuple[int, str]] = []
    for (line_start, line_end), line_atoms in by_line.items():
        day = _line_day(text, line_start, line_end, line_atoms, int(found[-1][1][:4]) if found else year)
        if day:
            found.append((line_end, day))
    return found


_TITLE_LINES = 2  # the title, perhaps after a letterhead line
_TITLE_MAX_WORDS = 12


def find_title_year(text: str, blocks: list[tuple[int, int, str | None]], folded: str | None = None,
                    doc_lang: str | None = None) -> str | None:
    """The year a page's title gives where the page has no dateline (`Året som gått 2023`, `Απολογισμός
    2023`, `2023 yılı faaliyet özeti`): the only date of the first line, a year alone, or of the second where the
    first (a letterhead naming the body) has none. A year-in-review's yearless months are of that year."""
    folded = fold(text) if folded is None else folded
    lines = [(block_start + m.start(), block_start + m.end(), block_lang) for block_start, block_end, block_lang in blocks
             for m in re.finditer(r"[^\n]*\S[^\n]*", text[block_start:block_end])]
    for start, end, block_lang in lines[:_TITLE_LINES]:
        if len(re.findall(r"\w+", text[start:end])) > _TITLE_MAX_WORDS:
            return None
        atoms = [a for lang in _langs(block_lang, doc_lang) for a in scan(text, lang, start, end, folded=folded)]
        if not atoms:
            continue
        spans = {(a.start, a.end) for a in atoms}
        years = [a for a in atoms if a.begin is not None and a.begin.precision == "year" and a.finish is None
                 and not a.relative and not a.open]
        return f"{years[0].begin.year:04d}" if len(spans) == 1 and years else None
    return None


def find_dateline(text: str, blocks: list[tuple[int, int, str | None]], folded: str | None = None,
                  doc_lang: str | None = None) -> str | None:
    """The dateline's date as YYYY-MM-DD, or None. `blocks` are (start, end, lang) paragraphs."""
    folded = fold(text) if folded is None else folded
    return _after_cue(text, folded, blocks, doc_lang) or _standalone_line(text, folded, blocks, doc_lang)
