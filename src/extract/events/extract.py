"""Event extraction for one document: sentence units, topic gate, triggers, arguments, names, merging."""
from __future__ import annotations

import re
from typing import Callable

from ..document import Document, Event, Mention
from .arguments import BULLET, SentenceArguments
from .directory import add_directory_memberships
from .drafts import SENTENCE_END, Draft, Unit
from .editions import add_edition_drafts
from .headline import add_dateline_town, add_headline_place, add_welcome_places
from ..textfold import fold_accents as fold
from .lexicon import EventLexicon, load_lexicon
from .merge import CLAUSE_END, merge_drafts
from .names import find_name
from .networks import is_council, is_institution, is_network
from .sections import (PAGE_HEAD_UNITS, add_section_towns, fill_page_head, mark_off_field, mark_section_starts,
                       sub_headings)
from .topic import on_topic
from .triggers import find_triggers

# A sentence refers back ("It was organised by ...") to an event at most this many sentences before.
ANAPHORA_REACH = 2
ANAPHORA_WITHIN_WORDS = 2
NEXT_WITHIN_WORDS = 2


_BULLET_LINE = re.compile(rf"[ \t]*{BULLET}[ \t]+")


# A bullet of a list of names (`– Община Солун (Гърция);`, `• Borlänge (mars)`); a longer bullet is an item
# of its own (`• Workshop om stadsplanering, Malmö, 16 mars.`).
LIST_ITEM_MAX_WORDS = 8
_HEADING_MAX_WORDS = 5


_LINE_ENDS = SENTENCE_END + (":",)


def _opens_list(line: str) -> bool:
    """A sentence ending in a colon, or a short heading with no sentence end (`Nya medlemmar`)."""
    line = line.strip()
    return line.endswith(":") or (len(line.split()) <= _HEADING_MAX_WORDS and not line.endswith(SENTENCE_END))


def _attendance_heading(line: str, lang: str | None, lexicon_of: Callable[[str | None], EventLexicon | None]) -> bool:
    """A line that is nothing but the heading of an attendance list (`Närvarande`, `Παρόντες`, `Присъстваха:`)."""
    lex = lexicon_of(lang)
    heading = fold(line.strip().rstrip(":").strip())
    return bool(lex is not None and lex.attendance is not None and lex.attendance.fullmatch(heading))


def units_of(doc: Document, lexicon_of: Callable[[str | None], EventLexicon | None] = load_lexicon) -> list[Unit]:
    """Sentences, else paragraphs, else the whole text; each with its language. A sentence that ends in a
    colon (or a short heading) and the short bullet lines right after it are one unit (`в консорциума
    участваха:` / `– Община Солун;`, `Nya medlemmar` / `• Borlänge (mars)`)."""
    spans = [(s.start, s.end, s.lang) for s in doc.sentences] or \
            [(p.start, p.end, p.lang) for p in doc.paragraphs] or [(0, len(doc.text), doc.lang)]
    joined: list[list] = []
    in_list = attendance = False
    for start, end, lang in spans:
        previous = joined[-1] if joined else None
        line = doc.text[start:end]
        # an item is a bullet line, or under an attendance heading (`Närvarande`, `Παρόντες`) any line with no
        # sentence end (`Ingrid Solberg, Stavanger kommune`)
        bullet = previous is not None and doc.text[previous[1]:start].count("\n") == 1 \
            and (_BULLET_LINE.match(doc.text, start) is not None
                 or (attendance and not line.rstrip().endswith(_LINE_ENDS))) \
            and len(line.split()) <= LIST_ITEM_MAX_WORDS
        if bullet and (in_list or _opens_list(doc.text[previous[0]:previous[1]])):
            previous[1] = end
            in_list = True
        else:
            joined.append([start, end, lang])
            in_list, attendance = False, _attendance_heading(line, lang or doc.lang_at(start) or doc.lang, lexicon_of)
    return [Unit(i, s, e, lang or doc.lang_at(s) or doc.lang) for i, (s, e, lang) in enumerate(joined)]


def _follow_up_drafts(folded: str, unit: Unit, lex: EventLexicon, recent: list[Draft], kept: list[Draft]) -> list[Draft]:
    """Drafts standing for the recent events in a sentence that refers back to them: by an anaphor at its
    start (`Тя беше организирана от ...`), or, with cue roles only (and named people at a meeting), for
    each recent event whose type has no trigger of its own in the sentence (`Gastgeberin war die Stadt
    Stuttgart`). The most recent event comes first, so it wins a cue that fits two of them."""
    roots: list[Draft] = []
    for d in reversed(recent):
        root = d.refers_to or d
        if all(r.type != root.type for r in roots):
            roots.append(root)
    if not roots:
        return []
    own_types = {d.type for d in kept}
    out: list[Draft] = []
    hit = lex.anaphora.search(folded, unit.start, unit.end) if lex.anaphora is not None else None
    if hit is not None and hit.group().endswith(":"):
        # A label line (`Място: ...`, `Tarih: ...`) goes on with the meeting it describes, before any other
        # recent event (a project or membership named in the text above it).
        roots.sort(key=lambda r: r.type != "Meeting")
    if hit is not None and len(folded[unit.start:hit.start()].split()) <= ANAPHORA_WITHIN_WORDS \
            and roots[0].type not in own_types:
        out.append(Draft(roots[0].type, hit.start(), hit.end(), unit, refers_to=roots[0]))
        own_types.add(roots[0].type)
    out += [Draft(r.type, unit.start, unit.start, unit, refers_to=r, implicit=True)
            for r in roots if r.type not in own_types]
    return out


def _fold_into_names(kept: list[Draft]) -> list[Draft]:
    """A trigger word inside another trigger's name (`... Konferansı ve Buluşması`, `Olağan Genel Kurul
    Toplantısı`) is part of that name: its draft joins the draft whose name holds it, arguments and all."""
    out: list[Draft] = []
    for d in kept:
        owner = next((o for o in out if o.type == d.type and o.name is not None
                      and o.name.start <= d.start and d.end <= o.name.end), None)
        if owner is None:
            out.append(d)
            continue
        for role, m in d.args:
            owner.add(role, m, by_cue=False)
        owner.cue_args += d.cue_args
    return out


def _is_next(folded: str, draft: Draft, lex: EventLexicon) -> bool:
    """`the next assembly`, `la próxima asamblea`: a next-word just before the trigger."""
    if lex.next_words is None:
        return False
    before = folded[max(draft.unit.start, draft.start - 40):draft.start]
    return any(len(before[h.end():].split()) <= NEXT_WITHIN_WORDS for h in lex.next_words.finditer(before))


def _drop_former_plan(folded: str, unit: Unit, lex: EventLexicon, in_unit: list[Mention], kept: list[Draft]) -> None:
    """`som skulle ha hållits i Malmö den 24 april, skjuts upp till den 14 maj`: in a sentence that moves a
    meeting, the dates and places of the former plan (from a former-plan word to the end of its clause) are
    no Date or Place (guide: postponed meetings, a meeting moved)."""
    if lex.moved_words is None or lex.former_words is None \
            or not lex.moved_words.search(folded, unit.start, unit.end):
        return
    former: set[int] = set()
    for hit in lex.former_words.finditer(folded, unit.start, unit.end):
        end = CLAUSE_END.search(folded, hit.end(), unit.end)
        stop = end.start() if end else unit.end
        former |= {id(m) for m in in_unit if m.label in ("DATE", "LOC") and hit.end() <= m.start < stop}
    for d in kept:
        d.args = [(r, m) for r, m in d.args if not (r in ("Date", "Place") and id(m) in former)]


def _date_from_before(folded: str, d: Draft, lex: EventLexicon, previous: list[Mention], scene_setting: bool) -> None:
    """A meeting or founding without a date of its own takes the previous sentence's date where the sentence
    says `then` (`Damals gründeten ...`), or, for a meeting, where the previous sentence only set the scene
    (`On 21 February the hall was full. The project's launch meeting ...`): a sentence of the same paragraph
    without an event of its own."""
    if d.virtual or d.type not in ("Meeting", "Founding") or d.has("Date"):
        return
    dates = [m for m in previous if m.label == "DATE"]
    if not dates:
        return
    then = lex.then_words is not None and lex.then_words.search(folded, d.unit.start, d.unit.end) is not None
    if then or (d.type == "Meeting" and scene_setting and len(dates) == 1):
        d.add("Date", dates[-1], by_cue=False)


def _introduced(text: str, folded: str, previous: Unit, previous_mentions: list[Mention], kept: list[Draft],
                lex: EventLexicon, mentions: list[Mention]) -> list[Draft]:
    """`Arrival Cities, a network led by Amadora, has ended. The project ran from 2015 ...`: a sentence that
    opens with a definite trigger refers back to the sentence before it, which introduced the event without
    a trigger word; that sentence's cue roles go to the event (a draft standing for it there, placed after
    it so that merging finds the event first)."""
    first = next((d for d in kept if not d.virtual), None)
    if first is None or len(folded[first.unit.start:first.start].split()) > ANAPHORA_WITHIN_WORDS:
        return []
    stand_in = Draft(first.type, previous.start, previous.start, previous, refers_to=first, implicit=True)
    earlier = [m for m in mentions if m.end <= previous.start]
    args = SentenceArguments(text, folded, previous, previous_mentions, lex, earlier)
    args.attach_cues([stand_in], [])
    args.prune_settings([stand_in])
    return [stand_in] if stand_in.args else []


def _own_body(mentions: list[Mention], units: list[Unit], lex: EventLexicon, folded: str) -> Mention | None:
    """The body whose page it is: the first organisation of the page's first lines that is no network,
    institution or council (`Norrköpings kommun` in an interview's lead, `Gaziantep Büyükşehir Belediyesi` in
    a calendar's header)."""
    end = units[min(PAGE_HEAD_UNITS, len(units)) - 1].end if units else 0
    bodies = [m for m in mentions if m.end <= end and m.label == "ORG" and not is_network(m, lex, folded)
              and not is_institution(m) and not is_council(m, lex)]
    # A municipality the lexicon's patterns found beats a department named before it (`дирекция ... на
    # Столична община`).
    return next((m for m in bodies if m.attrs.get("kind") == "municipality"), bodies[0] if bodies else None)


def extract_events(doc: Document, lexicon_of: Callable[[str | None], EventLexicon | None] = load_lexicon) -> list[Event]:
    text = doc.text
    folded = fold(text)
    units = units_of(doc, lexicon_of)
    if not on_topic(folded, units, lexicon_of):
        return []
    mentions = sorted((m for m in doc.mentions if m.label in ("ORG", "LOC", "PER", "DATE")),
                      key=lambda m: (m.start, m.end))
    drafts: list[Draft] = []
    previous_mentions: list[Mention] = []
    previous_had_drafts = False
    previous_end = 0
    previous_unit: Unit | None = None
    own_bodies: dict[str, Mention | None] = {}  # language -> the page's own body, found once
    for unit in units:
        lex = lexicon_of(unit.lang)
        in_unit = [m for m in mentions if unit.start <= m.start and m.end <= unit.end]
        if lex is None:
            previous_mentions, previous_had_drafts, previous_end, previous_unit = in_unit, False, unit.end, None
            continue
        kept, dropped = find_triggers(folded, unit, lex, in_unit)
        recent = [d for d in drafts if unit.index - d.unit.index <= ANAPHORA_REACH]
        kept = sorted([*_follow_up_drafts(folded, unit, lex, recent, kept), *kept], key=lambda d: d.start)
        scene_setting = not previous_had_drafts and "\n" not in text[previous_end:unit.start]
        introduced = _introduced(text, folded, previous_unit, previous_mentions, kept, lex, mentions) \
            if kept and scene_setting and previous_unit is not None else []
        if kept:
            earlier = [m for m in mentions if m.end <= unit.start]
            args = SentenceArguments(text, folded, unit, in_unit, lex, earlier)
            args.attach_cues(kept, dropped)
            args.join_venue_towns(kept)
            args.share_founding_setting(kept)
            args.attach_fallbacks(kept, previous_mentions)
            args.attach_defaults(kept)
            if lex.lang not in own_bodies:
                own_bodies[lex.lang] = _own_body(mentions, units, lex, folded)
            args.attach_speaker(kept, own_bodies[lex.lang])
            args.prune_settings(kept)
            _drop_former_plan(folded, unit, lex, in_unit, kept)
            kept += args.split_dated_members(kept)
            for d in kept:
                d.distinct = _is_next(folded, d, lex)
                _date_from_before(folded, d, lex, previous_mentions, scene_setting)
                if not d.virtual:
                    d.name = find_name(d, text, in_unit, lex)
            # A mention that is an event's own name is no actor of the sentence's events (`проект ИНТЕГРА`).
            named = {(d.name.start, d.name.end) for d in kept if d.name is not None}
            for d in kept:
                d.args = [(r, m) for r, m in d.args if (m.start, m.end) not in named]
            for d in kept:
                present = lex.types[d.type].present
                if d.type == "Membership" and doc.doc_date and present is not None \
                        and present.search(folded, unit.start, unit.end):
                    d.as_of = doc.doc_date
            drafts.extend(_fold_into_names(kept))
            drafts.extend(introduced)
        previous_mentions, previous_had_drafts = in_unit, any(not d.virtual for d in kept)
        previous_end, previous_unit = unit.end, unit
    drafts = add_directory_memberships(text, folded, units, mentions, drafts, lexicon_of)
    drafts = add_edition_drafts(text, folded, units, mentions, drafts, lexicon_of)
    headings = sub_headings(text, units, mentions)
    add_section_towns(text, folded, headings, mentions, drafts, lexicon_of)
    mark_section_starts(text, units, headings, mentions, drafts)
    fill_page_head(text, units, mentions, drafts)
    mark_off_field(text, folded, units, headings, mentions, drafts, lexicon_of)
    events = merge_drafts(text, drafts)
    add_headline_place(text, folded, units, mentions, drafts, events, lexicon_of)
    add_welcome_places(text, folded, units, mentions, events, lexicon_of)
    add_dateline_town(text, units, mentions, events)
    return events
