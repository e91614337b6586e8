"""Dates stage: the temporal tagger per paragraph, merged with the NER model's DATE spans (see `dates/`).

The anchor for yearless and relative dates is `doc.doc_date` (command line or metadata); where it is unset,
a dateline found in the text sets it (`doc_date_source = "dateline"`), else a year alone in the title
(`Året som gått 2023`, `doc_date_source = "title"`, a year anchor); without one, a yearless date takes the
year of the last full date before it, else values keep `XXXX` and relative dates become PRESENT_REF /
PAST_REF / FUTURE_REF. After an item's own dateline further down (a feed's post, a press digest's item:
`NWT, 12 mars 2025`, `ДОБРИЧ, 5 ноември`), relative and yearless dates read from that day instead; a
reader's date overrides only the page's own dateline at the top. A year the story names (`oktober samma
år`) counts from the last year written.
A paragraph whose language differs from the document's is read in both: short lines such as a dateline
are where language identification fails most, and a date read in either language is kept.
"""
from __future__ import annotations

from bisect import bisect_right

from ..config import RunConfig
from ..dates.dateline import TOP_CHARS, find_dateline, find_title_year, section_datelines
from ..textfold import fold
from ..dates.merge import merge_dates
from ..dates.normalise import Point, parse_anchor
from ..dates.tagger import narrative_context, scan_with_streets, to_mention, weekday_context
from ..document import Document
from ..registry import register_stage


@register_stage("dates")
class DateStage:
    def __init__(self, config: RunConfig):
        self.config = config

    def __call__(self, doc: Document) -> None:
        text = doc.text
        blocks = [(p.start, p.end, p.lang or doc.lang) for p in doc.paragraphs] or [(0, len(text), doc.lang)]
        folded = fold(text)
        given = bool(doc.doc_date)  # by the reader (command line, metadata), over the page's own dateline
        if not doc.doc_date:
            dateline = find_dateline(text, blocks, folded, doc.lang)
            if dateline:
                doc.doc_date, doc.doc_date_source = dateline, "dateline"
            elif (year := find_title_year(text, blocks, folded, doc.lang)):
                doc.doc_date, doc.doc_date_source = year, "title"
        anchor = parse_anchor(doc.doc_date)
        atoms, streets = [], []
        for start, end, lang in blocks:
            block_atoms, block_streets = self._scan_block(text, folded, start, end, lang, doc.lang)
            atoms += block_atoms
            streets += block_streets
        # a bare weekday reads from the last day date before it, a story's year from the last year written,
        # in whichever paragraph
        atoms = narrative_context(weekday_context(atoms), anchor)
        # an item's own dateline anchors the dates after it (a feed's posts, a press digest's items)
        sections = section_datelines(text, atoms, anchor.year if anchor else None)
        if given:  # the page's own dateline at its top gives way to the reader's date
            sections = [(end, day) for end, day in sections if end > TOP_CHARS]
        ends, days = [end for end, _ in sections], [parse_anchor(day) for _, day in sections]
        tagged = [to_mention(atom, text, _anchor_at(atom.start, ends, days, anchor)) for atom in atoms]
        doc.mentions = merge_dates(doc.mentions, tagged, doc.lang_at, anchor, streets)

    @staticmethod
    def _scan_block(text: str, folded: str, start: int, end: int, lang: str | None, doc_lang: str | None):
        atoms, streets = scan_with_streets(text, lang, start, end, folded=folded)
        if doc_lang and doc_lang != lang:
            # the document language's reading adds the dates the paragraph language did not see
            extra, extra_streets = scan_with_streets(text, doc_lang, start, end, folded=folded)
            atoms = _union(atoms, extra)
            streets += extra_streets
        return atoms, streets


def _anchor_at(offset: int, ends: list[int], days: list[Point | None], anchor: Point | None) -> Point | None:
    """The day of the last item dateline whose line ends before `offset` (`ends` ascending), else the
    document's anchor."""
    i = bisect_right(ends, offset)
    return days[i - 1] if i else anchor


def _union(first: list, second: list) -> list:
    """Atoms of both readings; where two overlap, the longer one."""
    chosen = list(first)
    for atom in second:
        rivals = [a for a in chosen if a.start < atom.end and atom.start < a.end]
        if all(atom.end - atom.start > a.end - a.start for a in rivals):
            chosen = [a for a in chosen if a not in rivals] + [atom]
    return sorted(chosen, key=lambda a: a.start)
