"""Finds an event's own name next to its trigger: a quoted title (`конференция „Интегриращи градове“`),
a capitalised run around a capitalised trigger (`11. CLIP Konferansı ve Buluşması`), an acronym beside
a project word (`проект ИНТЕГРА`, `the LION project`), or the title of its item in a list of projects
(`Språkbron – Projektet leds av ...`, a subheading `Κοινός Τόπος` above its paragraph)."""
from __future__ import annotations

import re

from ..document import Mention
from ..resources import lang_resource
from .drafts import LINE_GOES_ON, Draft, NameSpan
from ..textfold import apostrophe_suffix_start, fold_accents as fold
from .lexicon import EventLexicon

# Swedish and Finnish open a quote with ” as well as close it.
_QUOTED = re.compile(r"[„“”\"«‘‹]([^„“”\"«»‘’‹›\n]{2,160}?)[“”\"»’‘›]")
_TOKEN = re.compile(r"\S+")
_ORDINAL = re.compile(r"^(?:\d{1,3}(?:\.|-?[^\W\d_]{1,4})|[IVXLC]{1,6}\.?)$")
_NAME_WORD = re.compile(r"^[\w.\-&+]+$")
_EDGE_PUNCT = "\"'“”„«»‘’()[]{}.,;:!?"
_ACRONYM_TYPES = ("Project", "Publication")

KIND_QUOTED, KIND_RUN, KIND_ACRONYM = 3, 2, 1
_NOT_IN_RUN = ("LOC", "PER", "DATE")


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _covered(start: int, end: int, mentions: list[Mention], labels=("LOC", "PER", "DATE", "ORG")) -> Mention | None:
    return next((m for m in mentions if m.start < end and start < m.end and m.label in labels), None)


def find_name(draft: Draft, text: str, mentions: list[Mention], lex: EventLexicon) -> NameSpan | None:
    for finder in (_quoted, _run, _acronym, _item_title):
        span = finder(draft, text, mentions, lex)
        if span is not None:
            return span
    return None


ITEM_TITLE_MAX_WORDS = 6
MIN_TITLED_ITEMS = 2  # a page lists projects by title; one title alone may be any lead-in
# A paragraph's opening title set off by a dash or a colon (`Vägen in – Örebro kommun är ...`, `Komşu Kapısı: ...`).
_TITLE_LEAD = re.compile(r"[^\W\d_][^\n:–—.!?]{1,80}?(?=\s[–—]\s|:\s)")


_TITLES_READ: dict[tuple[str, str | None], dict[int, tuple[int, int]]] = {}  # the last page's, for its other drafts


def _titled_paragraphs(text: str, lex: EventLexicon) -> dict[int, tuple[int, int]]:
    """Paragraph start -> its title, for the paragraphs of a list of projects: each opens with a short title
    (a line of its own above it, or words before a dash or a colon) and speaks of a project."""
    key = (text, lex.lang)
    if key not in _TITLES_READ:
        _TITLES_READ.clear()
        _TITLES_READ[key] = _read_titles(text, lex)
    return _TITLES_READ[key]


def _read_titles(text: str, lex: EventLexicon) -> dict[int, tuple[int, int]]:
    projects = lex.types.get("Project")
    if projects is None or projects.triggers is None:
        return {}
    found: dict[int, tuple[int, int]] = {}
    for para in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        lines = para.group().split("\n")
        body_start = para.start()
        title: tuple[int, int] | None = None
        if len(lines) > 1 and _title_words(lines[0]) and _title_case(lines[0]):
            title = (para.start(), para.start() + len(lines[0].rstrip()))
            body_start = para.start() + len(lines[0]) + 1
        else:
            lead = _TITLE_LEAD.match(text, para.start(), para.end())
            if lead is not None and _title_words(lead.group()):
                title = (lead.start(), lead.start() + len(lead.group().rstrip()))
        if title is not None and projects.triggers.search(fold(text[body_start:para.end()]).lower()) \
                and not _speaks_of_events(fold(text[title[0]:title[1]]).lower(), lex):
            found[body_start] = title
    return found if len(found) >= MIN_TITLED_ITEMS else {}


def _speaks_of_events(title: str, lex: EventLexicon) -> bool:
    """A news heading (`Отменен семинар`, `Sıradaki toplantı İzmir'de`), not a project's title."""
    return any(spec.triggers is not None and spec.triggers.search(title) for spec in lex.types.values())


def _title_case(line: str) -> bool:
    """Every longer word capitalised (`Πόρτες Ανοιχτές`): a title, not a news heading (`X heyeti Adana'da`)."""
    return all(w[:1].isupper() for w in re.findall(r"[^\W\d_]{4,}", line))


def _title_words(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= ITEM_TITLE_MAX_WORDS and line[:1].isupper() and not line.rstrip().endswith(LINE_GOES_ON) \
        and not any(ch.isdigit() for ch in line)  # `Снимка 2`, `Genel Kurul 4-5 Haziran'da`: a caption or a dated heading


def _item_title(draft: Draft, text: str, mentions: list[Mention], lex: EventLexicon) -> NameSpan | None:
    """A project in a list of titled items (`Språkbron – 10,3 miljoner kronor går till ...`, a subheading
    `Κοινός Τόπος` above its paragraph) is named by its item's title, where no mention holds the title."""
    if draft.type != "Project":
        return None
    paragraph = text.rfind("\n\n", 0, draft.start)
    paragraph = 0 if paragraph < 0 else paragraph + 2
    titles = _titled_paragraphs(text, lex)
    title = titles.get(paragraph) or next((t for start, t in titles.items() if t[1] + 1 == start and start <= draft.start
                                           and "\n\n" not in text[start:draft.start]), None)
    if title is None or any(m.start < title[1] and title[0] < m.end for m in mentions):
        return None  # a name in the title (`Kültürlerarası Şehirler heyeti Adana'da`) makes it a news heading
    return NameSpan(title[0], title[1], (KIND_ACRONYM, 0, -title[0]))


QUOTED_AFTER_OWNER_WORDS = 3


def _quoted(draft: Draft, text: str, mentions: list[Mention], lex: EventLexicon) -> NameSpan | None:
    u = draft.unit
    for q in _QUOTED.finditer(text, u.start, u.end):
        start, end = q.start(1), q.end(1)
        inner = text[start:end]
        start += len(inner) - len(inner.lstrip())
        end -= len(inner) - len(inner.rstrip())
        if any(m.start == start and m.end == end and m.label != "DATE" for m in mentions):
            continue  # a quoted organisation name is that organisation, not the event's title
        # Right after the trigger (`конференция „X“`) or after its owner (`проекта на общината „X“`), or one
        # word before it (`the “X” conference`).
        between = text[_word_end(text, draft.end):q.start()] if q.start() >= draft.end else ""
        gap = QUOTED_AFTER_OWNER_WORDS if draft.type == "Project" else 0
        after = q.start() >= draft.end and len(re.findall(r"\w+", between)) <= gap \
            and not re.search(r"[,.;:!?]", between)
        before = q.end() <= draft.start and len(re.findall(r"\w+", text[q.end():draft.start])) <= 1
        if (after or before) and "\n" not in text[min(q.end(), draft.end):max(q.start(), draft.start)]:
            upper = _mostly_upper(text[start:end])
            return NameSpan(start, end, (KIND_QUOTED, 0 if upper else 1, -start))
    return None


def _word_end(text: str, i: int) -> int:
    while i < len(text) and text[i].isalnum():
        i += 1
    return i


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT and not _ORDINAL.match(text[start:end]):
        end -= 1
    return start, end


def _run(draft: Draft, text: str, mentions: list[Mention], lex: EventLexicon) -> NameSpan | None:
    """A title-cased run around the trigger, or one led by an ordinal (`9. CLIP konferansında`)."""
    u = draft.unit
    if _mostly_upper(text[u.start:u.end]):
        return None  # an all-capitals headline gives no case clues
    toks = _tokens(text, u.start, u.end)
    k = next((i for i, (s, e) in enumerate(toks) if s <= draft.start < e), None)
    if k is None:
        return None
    first = k
    while first > 0:
        s, e = toks[first - 1]
        word = text[s:e]
        if "\n" in text[e:toks[first][0]] or _covered(s, e, mentions, ("LOC", "PER", "DATE")):
            break
        if _ORDINAL.match(word):
            first -= 1
            continue
        bare_s, bare_e = _strip(text, s, e)
        if (bare_s, bare_e) != (s, e) or not _NAME_WORD.match(word) or not word[:1].isupper() or first - 1 == 0:
            break  # punctuation ends the run; the sentence's first word is capitalised anyway
        first -= 1
    has_ordinal = first < k and bool(_ORDINAL.match(text[toks[first][0]:toks[first][1]]))
    if has_ordinal and first == k - 1:
        return None  # `7. Toplantı Tutanağı`, `9ης Συνεδρίασης`: a meeting counted, not named
    if not has_ordinal and (k == 0 or lex.capitalised_nouns or not text[draft.start].isupper()):
        return None  # a capital that only starts the sentence (or marks any noun) says nothing
    last = k
    i = k + 1
    inside: Mention | None = None  # the organisation a joiner led the run into (`του Δικτύου Πόλεων για την Ένταξη`)
    while i < len(toks):
        s, e = toks[i]
        if "\n" in text[toks[i - 1][1]:s] or text[toks[i - 1][1] - 1] in ",;:.":
            break
        if inside is not None and s < inside.end:
            last, i = i, i + 1  # the rest of that organisation's name, whatever its case
            continue
        word = fold(text[s:e])
        # An organisation may follow a joiner that is no list conjunction (`Συνέδριο του Δικτύου ...`,
        # not `Konferansı Stutgart Belediyesi ve ...`); a place, person or date ends the name.
        if word in lex.name_joiners and i + 1 < len(toks) and text[toks[i + 1][0]].isupper() \
                and not _covered(*toks[i + 1], mentions, _NOT_IN_RUN):
            org = _covered(*toks[i + 1], mentions, ("ORG",))
            if org is not None and lex.list_joiners.match(" " + word + " ") \
                    and lex.list_joiners.match(" " + word + " ").group("conj"):
                break
            inside = org
            i += 2
            last = i - 1
            continue
        if text[s].isupper() and _NAME_WORD.match(text[slice(*_strip(text, s, e))]) and not _covered(s, e, mentions):
            last = i
            i += 1
            continue
        break
    if first == k and last == k:
        return None
    start, end = _strip(text, toks[first][0], toks[last][1])
    if lang_resource(u.lang, "text").get("apostrophe_suffix"):
        # `Genel Kurul Toplantısı'na`: the case ending after the apostrophe is no part of the name (guide).
        cut = apostrophe_suffix_start(text, start, end)
        if cut is not None and cut > draft.start:
            end = cut
    if not (start <= draft.start and draft.end <= end):
        return None
    return NameSpan(start, end, (KIND_RUN, last - first + 1, -start))


def _acronym(draft: Draft, text: str, mentions: list[Mention], lex: EventLexicon) -> NameSpan | None:
    """A project's upper-case name right after or before the project word."""
    if draft.type not in _ACRONYM_TYPES:
        return None
    u = draft.unit
    word_end = draft.end
    while word_end < u.end and text[word_end].isalnum():
        word_end += 1
    nxt = re.compile(r"[ \t]+(\S+)").match(text, word_end, u.end)
    candidates = []
    run_after = _upper_run_after(text, word_end, u.end)
    if run_after is not None and not _mostly_upper(text[u.start:u.end]):
        candidates.append(run_after)
    if nxt:
        candidates.append(_strip(text, nxt.start(1), nxt.end(1)))
    word_start = draft.start
    while word_start > u.start and text[word_start - 1].isalnum():
        word_start -= 1
    # Up to four upper-case words right before the project word (`ORTAK ZEMİN projesi`, `NEW NEIGHBOURS
    # project`): capitals all through are the name's own, even at the start of a line.
    run = None if _mostly_upper(text[u.start:u.end]) else _upper_run_before(text, u.start, word_start)
    if run is not None:
        candidates.append(run)
    prv = re.compile(r"(\S+)[ \t]+$").search(text, u.start, word_start)
    if prv and prv.start(1) > u.start:
        candidates.append(_strip(text, prv.start(1), prv.end(1)))
    for s, e in candidates:
        word = text[s:e]
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters) and _free_for_name(s, e, mentions):
            return NameSpan(s, e, (KIND_ACRONYM, 1, -s))
    if nxt:  # a capitalised single word right after the project word (`проекта Кънекшън`)
        s, e = candidates[0]
        word = text[s:e]
        if word[:1].isupper() and len(word) >= 3 and _free_for_name(s, e, mentions) and draft.type == "Project":
            return NameSpan(s, e, (KIND_ACRONYM, 0, -s))
    return None


def _in_capitals(word: str) -> bool:
    return all(c.isupper() for c in word if c.isalpha())


_WORD_BEFORE = re.compile(r"([^\W\d_][\w\-+&]*)[ \t]+$")
UPPER_RUN_MAX_WORDS = 4


def _upper_run_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The words in capitals right before `hi` (at most four, at least three letters in all)."""
    start = None
    for _ in range(UPPER_RUN_MAX_WORDS):
        word = _WORD_BEFORE.search(text, lo, hi if start is None else start)
        if word is None or not _in_capitals(word.group(1)):
            break
        start = word.start(1)
        if start == lo:
            break
    if start is None:
        return None
    end = hi - len(text[start:hi]) + len(text[start:hi].rstrip())
    letters = [c for c in text[start:end] if c.isalpha()]
    return (start, end) if len(letters) >= 3 else None


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w\-+&]*)")


def _upper_run_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Two to four words in capitals right after `lo` (`projektet LOCAL VOICES, som ...`)."""
    end, words = lo, 0
    for _ in range(UPPER_RUN_MAX_WORDS):
        word = _WORD_AFTER.match(text, end, hi)
        if word is None or not _in_capitals(word.group(1)):
            break
        end, words = word.end(1), words + 1
    if words < 2:
        return None  # one word is the single-word case below
    start = _WORD_AFTER.match(text, lo, hi).start(1)
    return start, end


def _free_for_name(start: int, end: int, mentions: list[Mention]) -> bool:
    """No name covers the word, or only the model's guess that the word is an organisation or a person
    (`проект ИНТЕГРА`, `EQUAL CITIES projesini`: the project word says what it names); a lexicon body (`CLIP`)
    stays a body."""
    cover = [m for m in mentions if m.start < end and start < m.end]
    return all(m.source == "model" and m.label in ("ORG", "PER") and (m.start, m.end) == (start, end) for m in cover)
