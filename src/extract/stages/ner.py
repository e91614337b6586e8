"""NER stage: the trained spaCy pipeline of each paragraph's language plus the domain lexicon layer.

Models live in `models/<lang>/` (trained by `make models`); a language without its own model uses the
multilingual `models/xx/`. Lexicon matches (networks, EU bodies, funds, municipality patterns) are precise,
so they win over an overlapping model span, except where the model found a longer name of the same type
around them (the guide labels the whole name). Last, the gazetteer's place spotter adds the places both
missed.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..document import Document, Mention, Sentence
from ..dates.dateline import opens_with_cue
from ..entities.spotter import find_places
from ..entities.venues import (after_venue_word, capitalised_venue_word_before, find_venues, is_venue,
                               names_after_venue_words, names_before_venue_nouns, region_word_after,
                               venue_words_after)
from ..events.lexicon import load_lexicon
from ..lexicon import LexiconMatcher, lang_rules
from ..lexicon.normalise import norm
from ..registry import register_stage
from ..resources import lang_resource
from ..textfold import apostrophe_suffix_start, fold_accents, written_in_lower_case
from .common_words import is_common_word, load_common_words
from .person_names import load_given_names, named_person, full_name_at, person_after_body, spotted_people

log = logging.getLogger(__name__)

_EDGE = "\"'“”„«»‘’‚‹›()[]{}<>.,;:!?·•*–—-/@# \t\n"  # `@SKR`, `#ICC`: a handle's sign is no part of the name
_LIST_NUMBER = re.compile(r"\d{1,2}\.[ \t]+")
_WEB_ADDRESS = re.compile(r"\w\.[a-z]{2,}\b")


def trim_span(text: str, start: int, end: int, lang: str | None) -> tuple[int, int]:
    """Span bounds per the guide: no quotes, brackets or punctuation at the edges; a case suffix after an
    apostrophe (Turkish) or colon (Swedish) stays outside."""
    conventions = lang_resource(lang, "text")
    surface = text[start:end]
    if conventions.get("apostrophe_suffix"):
        end = apostrophe_suffix_start(text, start, end) or end
    if conventions.get("colon_suffix"):
        m = re.search(r":\w{1,3}$", surface)
        if m and m.start() > 0:
            end = start + m.start()
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        if text[end - 1] == "." and _ends_with_abbreviation(text[start:end]):
            break
        end -= 1
    # Unbalanced closing bracket/quote inside (e.g. `CLIP(Avrupa ...)` cut in the middle) is left as is:
    # only edges are trimmed, so the text still equals doc.text[start:end].
    return start, end


def model_span(text: str, start: int, end: int, lang: str | None) -> tuple[int, int]:
    """A model's span made to follow the guide: an acronym in brackets after a name is a span of its own,
    so an unclosed bracket ends the name; a leading article of the language is not part of the name."""
    conventions = lang_resource(lang, "text")
    start, end = trim_span(text, start, end, lang)
    surface = text[start:end]
    # A colon between words ends a headline's subject (`Nantes : les inscriptions sont ouvertes`).
    colon = re.search(r"\s?:\s", surface)
    if colon:
        start, end = trim_span(text, start, start + colon.start(), lang)
        surface = text[start:end]
    # A list item's number opening a line (`1. Anadolu Ajansı | 17.11.2025`, `4. Çanakkale Belediyesinin ...`)
    item = _LIST_NUMBER.match(text, start) if start == 0 or text[start - 1] == "\n" else None
    if item and item.end() < end:
        start = item.end()
        surface = text[start:end]
    if "(" in surface and ")" not in surface[surface.index("("):]:
        end = start + surface.index("(")
        start, end = trim_span(text, start, end, lang)
    articles = conventions.get("articles", [])
    if articles:
        m = re.match(r"(\w+['’]?)\s*", text[start:end])
        if m and m.group(1).lower() in articles and m.end() < end - start:
            if m.group(1)[-1] in "'’" or text[start + len(m.group(1))].isspace():
                start += m.end()
    if not conventions.get("lowercase_heads"):
        # `representantes de Sabadell`, `barrio de Egia`: lower-case words before the name are no part of it
        # (in Greek a name may open with one: `υπουργείο Εξωτερικών`).
        for word in re.finditer(r"\S+\s*", text[start:end]):
            token = word.group().strip()
            if not token[:1].islower():
                if word.start() > 0 and token[:1].isupper():
                    start += word.start()
                break
    return start, end


def _capitalised_words(surface: str) -> list[re.Match] | None:
    """The words of a span, where every one opens with a capital; None where one does not."""
    words = list(re.finditer(r"\S+", surface))
    return words if all(w.group()[:1].isupper() for w in words) else None


@lru_cache(maxsize=None)
def _title_run(lang: str | None) -> re.Pattern | None:
    """One or more of the language's abbreviated person titles (`Doç. Dr. `) after a space."""
    titles = lang_resource(lang, "text").get("person_titles", [])
    if not titles:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?:(?<=\s)|^)(?:(?:{alternatives})\.?\s+)+")


def split_at_person_title(text: str, start: int, end: int, lang: str | None) -> tuple[int, tuple[int, int] | None] | None:
    """A model's ORG or LOC span that runs over a person's title (`Ankara Üniversitesinden Doç. Dr. Elif Şahin`):
    (where the body's name ends, the person's span or None); None where the span holds no title."""
    pattern = _title_run(lang)
    run = pattern.search(text[start:end]) if pattern is not None else None
    if run is None or run.start() == 0:
        return None
    body_end = start + len(text[start:start + run.start()].rstrip())
    words = _capitalised_words(text[start + run.end():end])
    person = None
    if words and 2 <= len(words) <= 3:
        person = (start + run.end(), start + run.end() + words[-1].end())
    return body_end, person


def _town_before_person(text: str, start: int, end: int, lang: str | None) -> int | None:
    """Where a town the gazetteer knows ends, at the start of a model's PER span of three or more words after an
    office of a town (`кметът на Лисабон Мигел Ферейра`): the town, then its officer's full name; None where the
    span is one person's name."""
    offices = lang_resource(lang, "entities").get("names", {}).get("office_of", [])
    before = fold_accents(text[max(0, start - 40):start]).lower().rstrip()
    if not any(before.endswith(fold_accents(o).lower()) and (len(before) == len(o) or not before[-len(o) - 1].isalnum())
               for o in offices):
        return None  # only after an office of a town (`кметът на`, `mayor of`): `Florence Nightingale Graham` is one name
    words = _capitalised_words(text[start:end])
    if not words or len(words) < 3:
        return None
    town_end = start + words[0].end()
    return town_end if _bare_place(text, start, town_end, lang) and text[town_end] == " " else None


@lru_cache(maxsize=None)
def _offices_after(lang: str | None) -> frozenset[str]:
    return frozenset(fold_accents(o).lower() for o in lang_resource(lang, "entities").get("names", {}).get("office_after", []))


def _town_office(text: str, start: int, end: int, lang: str | None) -> tuple[int, int | None] | None:
    """A model span opening with a town the gazetteer knows and an office of that town written after it
    (`Stockholms borgarråd`, `Uppsalas kommunalråd Erik Sjöholm`): (where the town ends, where the officer's
    name starts or None); None where the span is no such thing."""
    offices = _offices_after(lang)
    words = list(re.finditer(r"\S+", text[start:end]))
    if not offices or len(words) < 2 or fold_accents(words[1].group()).lower() not in offices:
        return None
    town_end = start + words[0].end()
    if not _bare_place(text, start, town_end, lang):
        return None
    return town_end, (start + words[2].start() if len(words) >= 4 else None)


def _event_words(lang: str | None, kind: str):
    """A word list of the language's event lexicon: a Meeting type's triggers or the network words."""
    lex = load_lexicon(lang)
    if lex is None:
        return None
    if kind == "network":
        return lex.network_words
    spec = lex.types.get(kind)
    return spec.triggers if spec is not None else None


def is_meeting_name(surface: str, lang: str | None) -> bool:
    """A name holding a meeting word of its language (conference, Konferansı, συνέδριο): an event's name."""
    pattern = _event_words(lang, "Meeting")
    return bool(pattern and pattern.search(fold_accents(surface)))


def ends_with_project_word(surface: str, lang: str | None) -> bool:
    """A name followed by its language's word for project (`ORTAK ZEMİN projesi`): the project's Name and its
    trigger, which the model read as one organisation."""
    pattern = _event_words(lang, "Project")
    folded = fold_accents(surface)
    return bool(pattern and any(0 < m.start() and m.end() == len(folded) for m in pattern.finditer(folded)))


_OPENING_QUOTES = "«“„\"'‘"


def after_project_word(text: str, start: int, lang: str | None) -> bool:
    """A name written right after its language's word for project, quoted or not (`το έργο «NEW NEIGHBOURS»`,
    `projektet LOCAL VOICES`): the project's Name, which the events stage reads; the guide labels no entity."""
    pattern = _event_words(lang, "Project")
    if not pattern:
        return False
    before = text[max(0, start - 40):start].rstrip().rstrip(_OPENING_QUOTES).rstrip()
    folded = fold_accents(before)
    return any(m.end() == len(folded) and (m.start() == 0 or not folded[m.start() - 1].isalnum())
               for m in pattern.finditer(folded))


def is_kind_word(surface: str, lang: str | None) -> bool:
    """The span is nothing but a word for a kind of body (`Δίκτυο`, `Network`)."""
    pattern = _event_words(lang, "network")
    return bool(pattern and pattern.fullmatch(fold_accents(surface)))


def names_a_network_kind(surface: str, lang: str | None) -> bool:
    """Words that say what kind of body a name is (`network`, `Städtenetzwerk`, `δίκτυο`)."""
    pattern = _event_words(lang, "network")
    return bool(pattern and pattern.search(fold_accents(surface)))


def _bare_place(text: str, start: int, end: int, lang: str | None) -> bool:
    """The span is exactly a place name the gazetteer's spotter accepts."""
    return any(m.start == start and m.end == end for m in find_places(text, start, end, lang, set()))


FIELD_LABEL_MAX_WORDS = 2


_LABEL_LINE = re.compile(rf"[^\W\d_][^\n:]{{0,40}}:")  # `Plats:`, `Ev sahibi:` opening a line


def _field_label(text: str, start: int, end: int, lang: str | None) -> bool:
    """The span opens a line of a form, a colon after it and a line beside it opening the same way (`Дата: ...` /
    `Място: Харманли`, `Arrangör: SKR`): the label of a field, not a name. A headline's subject is written so
    on a line of its own (`BBC: ...`, `Bursa: ...`), as is a place the gazetteer knows."""
    if not (start == 0 or text[start - 1] == "\n") or not text[end:end + 2].lstrip(" ").startswith(":"):
        return False
    if len(text[start:end].split()) > FIELD_LABEL_MAX_WORDS or _bare_place(text, start, end, lang):
        return False
    before = text.rfind("\n", 0, max(0, start - 1)) + 1
    after = text.find("\n", end) + 1
    return (start > 0 and _LABEL_LINE.match(text, before, start - 1) is not None) or \
        (0 < after < len(text) and _LABEL_LINE.match(text, after) is not None)


def _shouting(line: str) -> bool:
    """A line written in capitals (a headline), judged on its letters."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def _whole_compound(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that stops at a hyphen inside a word (`Cluj-[Napoca]`) takes the whole hyphenated word."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 2
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def _place_list(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """The places of a span that is a list of places the gazetteer knows, joined by commas or the
    language's conjunctions (`Bologna, Espoo`, `Nantes et de Villeurbanne`); empty where it is not one."""
    places = find_places(text, start, end, lang, set())
    lex = load_lexicon(lang)
    if len(places) < 2 or places[0].start != start or places[-1].end != end or lex is None:
        return []
    if all(lex.list_joiners.match(fold_accents(text[a.end:b.start])) for a, b in zip(places, places[1:])):
        return [(m.start, m.end) for m in places]
    return []


def _all_lower(surface: str) -> bool:
    """No capital letter and no digit in the span, and no web address (`naftemporiki.gr` is a name)."""
    return not any(ch.isupper() or ch.isdigit() for ch in surface) and _WEB_ADDRESS.search(surface) is None


def _ends_with_abbreviation(surface: str) -> bool:
    """A final period that belongs to the name: a short capitalised last word of a longer name ("Acme Co.")."""
    words = surface[:-1].split()
    return len(words) >= 2 and len(words[-1]) <= 3 and words[-1][:1].isupper() and words[-1].isalpha()


class SpacyModels:
    """Loads each language's spaCy pipeline once, on first use."""

    def __init__(self, models_dir: Path):
        self.models_dir = Path(models_dir)
        self._cache: dict[str, object] = {}
        self.versions: dict[str, str] = {}

    def model_dir_for(self, lang: str) -> Path | None:
        for candidate in (lang, "xx"):
            path = self.models_dir / candidate
            if (path / "meta.json").is_file():
                return path
        return None

    def get(self, lang: str):
        if lang in self._cache:
            return self._cache[lang]
        path = self.model_dir_for(lang)
        nlp = None
        if path is not None:
            import spacy

            nlp = spacy.load(path)
            nlp.max_length = 5_000_000
            self.versions[lang] = f"{path.name}:{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
        else:
            log.warning("no NER model for %s in %s: lexicon layer only", lang, self.models_dir)
        self._cache[lang] = nlp
        return nlp


class StanzaModels:
    """Official Stanza NER models from a local stanza_resources folder; never downloads."""

    LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "DATE": "DATE"}

    def __init__(self, stanza_dir: Path | None):
        try:
            import stanza  # noqa: F401
        except ImportError:
            raise SystemExit("--ner-backend stanza needs the optional extra: pip install '.[stanza]'") from None
        self.stanza_dir = Path(stanza_dir) if stanza_dir else Path.home() / "stanza_resources"
        if not (self.stanza_dir / "resources.json").is_file():
            raise SystemExit(
                f"--ner-backend stanza: no Stanza models in {self.stanza_dir} (resources.json missing). "
                "Install them on a machine with network access (python -c \"import stanza; "
                "stanza.download('bg', processors='tokenize,ner')\"), copy the stanza_resources folder here "
                "and pass --stanza-dir PATH. Nothing is downloaded at run time.")
        self._cache: dict[str, object] = {}
        self.versions: dict[str, str] = {}

    def get(self, lang: str):
        if lang not in self._cache:
            import stanza

            if not (self.stanza_dir / lang).is_dir():
                log.warning("no Stanza model for %s in %s", lang, self.stanza_dir)
                self._cache[lang] = None
            else:
                self._cache[lang] = stanza.Pipeline(lang, dir=str(self.stanza_dir), processors="tokenize,ner",
                                                    download_method=None, logging_level="WARN")
                self.versions[lang] = f"stanza:{lang}"
        return self._cache[lang]


def sentence_ends(sentences: list[Sentence]) -> Callable[[int], int | None]:
    """offset -> end of the sentence holding it (None outside every sentence); a bisect per lookup."""
    starts = [s.start for s in sentences]

    def end_at(offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        return sentences[i].end if i >= 0 and offset < sentences[i].end else None
    return end_at


@register_stage("ner")
class NerStage:
    def __init__(self, config):
        self.config = config
        if config.ner_backend == "stanza":
            self.models = StanzaModels(config.stanza_dir)
        else:
            self.models = SpacyModels(config.models_dir)

    def __call__(self, doc: Document) -> None:
        end_at = sentence_ends(doc.sentences)  # a name never runs into the next sentence
        by_lang: dict[str, list] = {}
        for para in doc.paragraphs:
            lang = para.lang or doc.lang
            if lang in self.config.langs:
                by_lang.setdefault(lang, []).append(para)
        found: list[Mention] = []
        for lang in sorted(by_lang):
            paras = by_lang[lang]
            found.extend(self._model_mentions(doc.text, paras, lang, end_at))
            lexicon = LexiconMatcher.for_lang(lang)
            for para in paras:
                for m in lexicon.find(doc.text, para.start, para.end):
                    m.attrs.setdefault("lang", lang)
                    found.append(m)
        starts = {sentence.start for sentence in doc.sentences}
        kept = [m for m in resolve_overlaps(found)
                if not _common_word_opening(doc.text, m, starts) and not _shouted_words(doc.text, m)]
        given = load_given_names(self.config.models_dir)
        kept = [p for m in kept for p in people_by_given_names(doc.text, m, given)]
        surnames = {m.text.rsplit(None, 1)[-1] for m in kept if m.label == "PER" and " " in m.text}
        common, names = load_common_words(self.config.models_dir), surnames | given
        kept = [m for m in kept if not _lone_word_person(doc.text, m, starts, surnames)
                and not _corpus_common_word(doc.text, m, starts, common, names)]
        for lang in sorted(by_lang):
            kept = with_venues(doc.text, by_lang[lang], lang, kept)
        # Places the gazetteer knows, only where neither the model nor the lexicon found anything, and not
        # where the word opens a person's full name (`Karin Falk`, `Sofie Jansen`: alternate names of Erzurum
        # and Sofia), which the spotter of names below reads.
        for lang in sorted(by_lang):
            for para in by_lang[lang]:
                for m in find_places(doc.text, para.start, para.end, lang, starts):
                    if not any(k.start < m.end and m.start < k.end for k in kept) \
                            and full_name_at(doc.text, m.start, given) is None:
                        kept.append(m)
        read = [p for paras in by_lang.values() for p in paras]
        kept = towns_named_by_bodies(doc.text, kept, read, common)
        kept.extend(defined_acronyms(doc.text, kept, read))
        kept.extend(repeated_names(doc.text, kept, read))
        kept.extend(people_after_bodies(doc.text, kept))
        kept.extend(spotted_people(doc.text, read, kept, given))
        kept = [_with_region_word(doc.text, m) for m in kept]
        doc.mentions.extend(sorted(kept, key=lambda m: (m.start, m.end)))

    def _model_mentions(self, text: str, paras, lang: str, end_at) -> list[Mention]:
        nlp = self.models.get(lang)
        if nlp is None:
            return []
        out = []
        if isinstance(self.models, StanzaModels):
            for para in paras:
                for ent in nlp(text[para.start:para.end]).ents:
                    start = para.start + ent.start_char
                    out.extend(self._mention(text, start, para.start + ent.end_char, StanzaModels.LABELS.get(ent.type),
                                             lang, 1.0, end_at(start)))
            return out
        # The models learnt names from their capitals; in a line written all in capitals every word looks
        # like one (`РЕГИОНИ, ГРАДОВЕ`), so such lines get the lexicon, the spotter and the date rules only.
        paras = [p for p in paras if not _shouting(text[p.start:p.end])]
        texts = [text[p.start:p.end] for p in paras]
        for para, sdoc in zip(paras, nlp.pipe(texts, batch_size=64)):
            for ent in sdoc.ents:
                start = para.start + ent.start_char
                out.extend(self._mention(text, start, para.start + ent.end_char, ent.label_, lang, 1.0,
                                         end_at(start)))
        return out

    @staticmethod
    def _mention(text, start, end, label, lang, score, limit: int | None = None) -> list[Mention]:
        if label not in ("ORG", "LOC", "PER", "DATE"):
            return []
        start, end = model_span(text, start, min(end, limit or end), lang)
        if end <= start or not any(ch.isalnum() for ch in text[start:end]):
            return []
        town = _town_before_person(text, start, end, lang) if label == "PER" else None
        if town is not None:  # `кметът на Созопол Калоян Демирев`: the town, then its mayor
            return [Mention(start, town, text[start:town], "LOC", source="model", score=score, attrs={"lang": lang}),
                    *NerStage._mention(text, town + 1, end, label, lang, score)]
        office = _town_office(text, start, end, lang) if label != "DATE" else None
        if office is not None:  # `Stockholms borgarråd`: the town; the officer named after it is a person
            town_end, person_start = office
            person = NerStage._mention(text, person_start, end, "PER", lang, score) if person_start else []
            return [Mention(start, town_end, text[start:town_end], "LOC", source="model", score=score,
                            attrs={"lang": lang}), *person]
        split = split_at_person_title(text, start, end, lang) if label in ("ORG", "LOC") else None
        if split is not None:
            body_end, person = split
            people = [Mention(*person, text[person[0]:person[1]], "PER", source="model", score=score,
                              attrs={"lang": lang})] if person else []
            return NerStage._mention(text, start, body_end, label, lang, score) + people
        start, end = _whole_compound(text, start, end)
        surface = text[start:end]
        if label == "PER" and any(ch.isdigit() for ch in surface):
            return []  # `1. Açılış`, `4.3 Göç`, `Γ΄ Σεπτεμβρίου 36`: a heading's number or an address, no name
        possessive = _possessive_words(surface, lang)
        if label == "PER" and possessive:  # a title or body of "ours" (`Daire Başkanımız`, `Birliğimizin`) is no name
            after = possessive[-1]
            return NerStage._mention(text, start + after, end, label, lang, score) \
                if len(surface[after:].split()) >= 2 else []
        if label in ("ORG", "LOC") and possessive and possessive[0] == _first_word_end(surface) < len(surface):
            # `Ağımızın Göç Çalışma Grubu`: "our network's" before the name; one closing the name stays
            # (`Göç Dairesi Başkanlığımızca`)
            return NerStage._mention(text, start + possessive[0], end, label, lang, score)
        if label == "LOC" and " " in surface:
            places = _place_list(text, start, end, lang)
            if places:  # `Bologna, Espoo`: a list of places the model read as one
                return [Mention(a, b, text[a:b], "LOC", source="model", score=score, attrs={"lang": lang})
                        for a, b in places]
        if label != "DATE" and _all_lower(surface):
            return []  # a name has a capital somewhere; `adhesión de cuatro`, `site du réseau` are phrases
        if label != "DATE" and opens_with_cue(surface, lang):
            return []  # `Veröffentlicht am 28.11.2019`: a dateline, whose date the date rules read
        if label != "DATE" and _field_label(text, start, end, lang):
            return []
        if label in ("ORG", "PER", "LOC"):
            venue_end = venue_words_after(text, end, lang, place=label == "LOC")
            if venue_end is not None:  # `Ahmed Adnan Saygun Sanat Merkezi`: a building named after a person
                end, surface, label = venue_end, text[start:venue_end], "LOC"
        if label in ("ORG", "PER", "LOC"):
            venue_start = capitalised_venue_word_before(text, start, lang)
            if venue_start is not None:
                start, surface, label = venue_start, text[venue_start:end], "LOC"
        if label in ("ORG", "PER") and (is_venue(surface, lang, trailing=False) or after_venue_word(text, start, lang)):
            label = "LOC"  # the guide: venues and buildings are places
        if label in ("ORG", "PER") and _bare_place(text, start, end, lang):
            label = "LOC"  # the guide: a bare city or country name is a LOC, even when it acts
        if label in ("ORG", "LOC", "PER") and is_meeting_name(surface, lang) and not is_venue(surface, lang):
            return []  # `11. CLIP Konferansı ve Buluşması`, `3. Göç ve Kent Forumu`: an event's Name
        if label in ("ORG", "LOC", "PER") and ends_with_project_word(surface, lang):
            return []
        if label == "ORG" and after_project_word(text, start, lang):
            return []
        if label == "ORG" and is_kind_word(text[start:end], lang):
            return []  # `Δίκτυο`, `Network` alone: a common noun that opens a sentence or a title
        return [Mention(start, end, text[start:end], label, source="model", score=score, attrs={"lang": lang})]


POSSESSIVE_MIN_STEM = 3  # `Ağı|mızın`, `Başkanı|mız`; a surname such as `Temiz` is no possessive


def _possessive_words(surface: str, lang: str | None) -> list[int]:
    """Where the span goes on after each word carrying a possessive ending of the first person that the
    language lists (`names.possessive_endings`: tr `Başkanımız`, `Ağımızın`); empty where none does."""
    endings = tuple(lang_resource(lang, "entities").get("names", {}).get("possessive_endings", []))
    found = []
    for word in re.finditer(r"\w+", surface) if endings else ():
        key = fold_accents(word.group()).lower()
        if any(key.endswith(e) and len(key) - len(e) >= POSSESSIVE_MIN_STEM for e in endings):
            found.append(word.end() + len(surface[word.end():]) - len(surface[word.end():].lstrip(" ,")))
    return found


def _first_word_end(surface: str) -> int:
    """Where the span goes on after its first word."""
    first = re.match(r"\w+[ ,]*", surface)
    return first.end() if first else 0


def people_by_given_names(text: str, m: Mention, given: frozenset[str]) -> list[Mention]:
    """A model span mended where a given name opens a person's full name in it: a full name read as a place
    or body is a PER; a body or title before the person (`Столична община Деница Маринова`, `Vekili Halil
    Demirtaş`) is cut off, and kept only where it is more than one common word; a given name the model read
    alone (`Karin`) runs on over its surname."""
    if m.source == "lexicon" and m.attrs.get("kind") == "unit":
        return _unit_before_person(text, m, given)
    if m.source != "model" or m.label == "DATE":
        return [m]
    lang = m.attrs.get("lang")
    if named_person(text, m, given) and not names_a_network_kind(m.text, lang):
        return [replace(m, label="PER")]
    if " " not in m.text:
        end = full_name_at(text, m.start, given)
        return [_respan(text, m, m.start, end, "PER")] if end is not None and end > m.end else [m]
    cut = person_after_body(text, m, given)
    if cut is None or names_a_network_kind(text[cut[1]:m.end], lang):
        return [m]  # `Göç Alan Kentler Ağı`: a network's name, whatever given name (`Alan`) it holds
    lead_end, person_start = cut
    person = _respan(text, m, person_start, m.end, "PER")
    lead = text[m.start:lead_end]
    if m.label == "PER" or (" " not in lead and not _is_acronym(lead)):
        return [person]
    return [_respan(text, m, m.start, lead_end), person]


def _unit_before_person(text: str, m: Mention, given: frozenset[str]) -> list[Mention]:
    """A unit's name runs on over the person who heads it (`Τμήματος Ένταξης Μεταναστών Ιωάννης Τσολάκης`):
    the person is cut out, and the unit kept where more than its head word is left."""
    cut = person_after_body(text, m, given)
    if cut is None or cut[1] < m.attrs["head_end"]:
        return [m]  # `Göç Alan Kentler Ağı`: a name before its head is no person (`Alan`)
    lead_end, person_start = cut
    person = Mention(person_start, m.end, text[person_start:m.end], "PER", source="rule", attrs={"lang": m.attrs.get("lang")})
    lead = text[m.start:lead_end]
    return [person] if " " not in lead else [_respan(text, m, m.start, lead_end), person]


def _respan(text: str, m: Mention, start: int, end: int, label: str | None = None) -> Mention:
    """The mention `m` over another stretch of the text (and with another label), its source, score and attributes kept."""
    return replace(m, start=start, end=end, text=text[start:end], label=label or m.label)


def with_venues(text: str, paras, lang: str, kept: list[Mention]) -> list[Mention]:
    """Venue names the venue words find (`Kadir Has Kongre ve Spor Merkezinde`, `Kulturhuset Spira`) are
    places (guide), replacing what the model or the gazetteer found inside them (`Spira`, `Kadir Has`);
    a lexicon body inside (`Kayseri Büyükşehir Belediyesi Kültür Merkezi`) or a mention reaching out of the
    venue keeps the text as it is."""
    for para in paras:
        if _shouting(text[para.start:para.end]):
            continue
        for start, end in find_venues(text, para.start, para.end, lang):
            inside = [k for k in kept if k.start < end and start < k.end]
            # A body opening the venue's name is named for itself (`Kayseri Büyükşehir Belediyesi Kültür
            # Merkezi`); one after the venue word is only its owner (`Πνευματικό Κέντρο Δήμου Ιωαννιτών`).
            if any(k.start < start or k.end > end or k.label == "DATE"
                   or (k.source == "lexicon" and k.label != "LOC" and k.start == start) for k in inside):
                continue
            kept = [k for k in kept if k not in inside]
            kept.append(Mention(start, end, text[start:end], "LOC", source="rule", score=0.8, attrs={"lang": lang}))
        # Venue names the words around them tell (`хотел „Маринела“`, `Arbetets museum`), only where nothing
        # but the model's guesses were found there (`Arbetets` as a body, `Globus1` as a person).
        for start, end in [*names_before_venue_nouns(text, para.start, para.end, lang),
                           *names_after_venue_words(text, para.start, para.end, lang)]:  # `залите на Морското казино`
            inside = [k for k in kept if k.start < end and start < k.end]
            if any(not (k.source == "model" and k.label != "DATE" and start <= k.start and k.end <= end) for k in inside):
                continue
            kept = [k for k in kept if k not in inside]
            kept.append(Mention(start, end, text[start:end], "LOC", source="rule", score=0.7, attrs={"lang": lang}))
    return sorted(kept, key=lambda m: (m.start, m.end))


def _with_region_word(text: str, m: Mention) -> Mention:
    """A place whose name runs on into a region word of its language (`Örebro län`) spans it."""
    end = region_word_after(text, m.end, m.attrs.get("lang")) if m.label == "LOC" else None
    if end is None:
        return m
    return _respan(text, m, m.start, end)


def _line_around(text: str, start: int, end: int) -> str:
    """The whole line the span is on."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]


def _opens_sentence_or_line(text: str, start: int, starts: set[int]) -> bool:
    return start in starts or start == 0 or text[start - 1] == "\n"


# What opens a field of a line before its first word: a time or number (`11:30 – 12:00`, `14:00`, `4.`), or
# anything up to a field separator (`19.12.2024 | `, `12 ноември 2024 – `, `Tepebaşı Belediyesi › `).
# A line's opening, or a field's after a separator; either may hold a one-word label (`Statü: Asil üye`).
_FIELD_OPENING = re.compile(r"(?:[\d\s.:/–—\-]*|.*\s[|–—•·›>])\s*(?:[^\W\d_]+:\s+)?")


def _opens_field(text: str, start: int) -> bool:
    """The word opens a line or a field of a calendar, programme or breadcrumb line."""
    line_start = text.rfind("\n", 0, start) + 1
    return _FIELD_OPENING.fullmatch(text, line_start, start) is not None


def _opens_unit(text: str, start: int, starts: set[int]) -> bool:
    """The word opens a sentence, a line or a field of a line: where any word is written with a capital."""
    return start in starts or _opens_field(text, start)


SHOUTED_MIN_LETTERS = 8  # an acronym is shorter; a longer word in capitals is a shouted common word


def _shouted_words(text: str, m: Mention) -> bool:
    """A model span all in capitals with a word too long for an acronym, alone on its line or in a line of
    fields (`ΕΠΕΡΧΟΜΕΝΕΣ`, `12–13 юни 2024 | Варна – ОТЛОЖЕНО`, `| Ιωάννινα – ΝΕΑ ΗΜΕΡΟΜΗΝΙΑ`): a section or
    status word of a calendar, not a name. Inside running text capitals may well be a name (`EUROBANK`)."""
    if m.source != "model" or m.label == "DATE":
        return False
    words = re.findall(r"[^\W\d_]+", m.text)
    if not (words and all(w.isupper() for w in words) and any(len(w) >= SHOUTED_MIN_LETTERS for w in words)):
        return False
    line = _line_around(text, m.start, m.end)
    return "|" in line or line.strip() == m.text


STEM_MIN = 5  # letters a stem needs before a lower-case occurrence of it marks a common word


def _common_word_opening(text: str, m: Mention, starts: set[int]) -> bool:
    """A one-word model span that opens a sentence or line and that the text also writes in lower case
    (`Üyeler ...`, `Haberler`, `Kommunen ...`): a common word whose capital only starts the sentence."""
    if m.source != "model" or " " in m.text or m.label == "DATE":
        return False
    if not _opens_sentence_or_line(text, m.start, starts):
        return False
    word = m.text.lower()
    if written_in_lower_case(text, word):
        return True
    # An inflected common noun (`Ziyaretin ...`, `Projenin ...`) whose stem the text writes in lower case
    # (`çalışma ziyareti`): the span's word minus an ending of up to three letters.
    stem = word[:max(STEM_MIN, len(word) - 3)]
    return len(word) > STEM_MIN and re.search(rf"(?<![\w’']){re.escape(stem)}", text) is not None


def _corpus_common_word(text: str, m: Mention, starts: set[int], common: dict[str, frozenset[str]],
                        names: set[str] | frozenset[str]) -> bool:
    """A one-word model span opening a sentence, line or field that the language's corpora write in lower
    case and rarely in a name (`Rapor, ...`, `Närvarande`, `Μίλησαν, ...`, `14:00 Γεύμα`): a common word;
    never a given name or the surname of a person the text names in full (`Kaplan`)."""
    if m.source != "model" or m.label == "DATE" or " " in m.text or m.text in names:
        return False
    if not _opens_unit(text, m.start, starts):
        return False
    return is_common_word(m.text, m.attrs.get("lang"), common)


LONE_WORD_LINE_WORDS = 8


def _lone_word_person(text: str, m: Mention, starts: set[int], surnames: set[str]) -> bool:
    """A one-word model PER opening a sentence, line or field (`Haberler`, `19.12.2024 | Online`, `11:30 Кафе
    пауза`, `Λήξη: ...`) that is no surname of a person the text names in full: a person is introduced with a
    first name, and only then called by the surname alone (`Selin Arıkan ... Arıkan, kentte ...`)."""
    if m.source != "model" or m.label != "PER" or " " in m.text:
        return False
    if not _opens_unit(text, m.start, starts):
        return False
    line = _line_around(text, m.start, m.end).rstrip()
    if line.endswith((".", "!", "?")) and len(line.split()) > LONE_WORD_LINE_WORDS:
        return False  # a sentence of running prose may well open with a surname introduced in one before it
    if text[m.end:m.end + 2].lstrip(" ").startswith(":"):
        return False  # a headline quoting its speaker (`Σολτς: Η Ελλάδα ...`); a form's label is `_field_label`'s
    return m.text not in surnames


PERSON_AFTER_BODY_WORDS = (2, 3)  # a first name and a surname, perhaps a second name


def people_after_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """A person named right after the body they come from in an ablative (`Limasol Belediyesinden Eleni Georgiou`,
    `Göç İdaresi Başkanlığından Burak Tekin`): two or three capitalised words after an ORG whose last word carries
    one of the language's `person_after_body_endings`, then a lower-case word or a punctuation mark, where nothing
    was found."""
    out: list[Mention] = []
    for m in found:
        lang = m.attrs.get("lang")
        endings = tuple(lang_resource(lang, "entities").get("names", {}).get("person_after_body_endings", []))
        if m.label != "ORG" or not endings or not fold_accents(m.text).lower().endswith(endings):
            continue
        words = list(re.finditer(r"[^\s,;.:()]+", text[m.end:m.end + 80]))
        n = 0
        while n < len(words) and n < PERSON_AFTER_BODY_WORDS[1] and words[n].group()[:1].isupper() \
                and (n == 0 or not text[m.end + words[n - 1].end():m.end + words[n].start()].strip()):
            n += 1
        gap_after = text[m.end + words[n - 1].end():m.end + words[n].start()] if 0 < n < len(words) else ""
        if n < PERSON_AFTER_BODY_WORDS[0] or (n < len(words) and not gap_after.strip() and words[n].group()[:1].isupper()):
            continue
        start, end = m.end + words[0].start(), m.end + words[n - 1].end()
        if text[m.end:start].strip() or any(k.start < end and start < k.end for k in found + out):
            continue
        out.append(Mention(start, end, text[start:end], "PER", source="rule", score=0.6, attrs={"lang": lang}))
    return out


def _descriptor_around(outer: Mention, inner: Mention) -> bool:
    """The words the model added around a lexicon name only say what kind of body it is (`Europäisches
    Städtenetzwerk CLIP`, `the CLIP network`): the guide labels the name alone."""
    lang = outer.attrs.get("lang")
    rest = outer.text[:inner.start - outer.start] + " " + outer.text[inner.end - outer.start:]
    if names_a_network_kind(rest, lang):
        return True
    # A common word (`Europese Commissie de plannen voor ...`, `EUROCITIES' working group`) is no part of
    # a name; the joiners names use (`of`, `van`, `για την`) are.
    lex = load_lexicon(lang)
    joiners = lex.name_joiners if lex is not None else frozenset()
    if any(w.islower() and len(w) >= 3 and fold_accents(w) not in joiners for w in re.findall(r"\w+", rest)):
        return True
    # A person named right after the body (`Столична община Деница Маринова`, a caption): two or more
    # capitalised words follow the lexicon name with no joiner, and nothing stands before it.
    after = outer.text[inner.end - outer.start:].split()
    return inner.start == outer.start and len(after) >= 2 and all(w[:1].isupper() and not w.isupper() for w in after)


def _free_occurrences(text: str, surface: str, spans: list[tuple[int, int]], paras) -> list[tuple[int, int]]:
    """Where the text has `surface` as whole words, inside the paragraphs read and clear of `spans` (which the
    found occurrences join, so a later, shorter name cannot take them)."""
    found = []
    for hit in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
        a, b = hit.span()
        if any(s < b and a < e for s, e in spans) or not any(p.start <= a and b <= p.end for p in paras):
            continue
        found.append((a, b))
        spans.append((a, b))
    return found


# A bracketed word after a name: `Göç Alan Kentler Ağı (GAKA)`, `(SNIS)`, `(SGDD-ASAM)`; an acronym if all
# its letters are capitals.
_BRACKETED_WORD = re.compile(r"\(([^\W_][\w\-]{1,19})\)")


def _is_acronym(word: str) -> bool:
    letters = word.replace("-", "")
    return letters.isalpha() and letters.isupper()


def defined_acronyms(text: str, found: list[Mention], paras) -> list[Mention]:
    """An acronym in brackets is a name (106 of the gold set's 107 are organisations), of the type of the
    name just before it where one was found, else ORG; where the text uses it again it is the same name."""
    spans = sorted((m.start, m.end) for m in found)
    added: list[Mention] = []
    for para in paras:
        for hit in _BRACKETED_WORD.finditer(text, para.start, para.end):
            acronym = hit.group(1)
            a, b = hit.span(1)
            if not _is_acronym(acronym) or any(s < b and a < e for s, e in spans):
                continue
            before = next((m for m in found if m.end <= hit.start() and not text[m.end:hit.start()].strip()), None)
            label = before.label if before is not None and before.label in ("ORG", "LOC") else "ORG"
            added += [Mention(x, y, acronym, label, source="rule", score=0.9)
                      for x, y in _free_occurrences(text, acronym, spans, paras)]
    return added


def repeated_names(text: str, found: list[Mention], paras) -> list[Mention]:
    """A name found once is the same name where the text repeats it (document-level consistency): a
    sentence-initial `Gent was ...` or a headline the model left out. Names of two or more letters with a
    capital, same label; never where another mention already stands; only inside the paragraphs read."""
    by_surface: dict[str, Mention] = {}
    for m in found:
        if m.label not in ("ORG", "LOC", "PER") or len(m.text) < 4 or not m.text[0].isupper() or m.text.isupper():
            continue
        # One word is repeated only where it is a place the gazetteer knows: `Projektets`, `Europese` are not.
        if len(m.text.split()) > 1 or (m.label == "LOC" and _bare_place(m.text, 0, len(m.text), m.attrs.get("lang"))):
            by_surface.setdefault(m.text, m)
    spans = sorted((m.start, m.end) for m in found)
    added: list[Mention] = []
    for surface, model in sorted(by_surface.items(), key=lambda kv: (-len(kv[0]), kv[0])):  # longest first
        added += [Mention(a, b, surface, model.label, source="rule", score=model.score, attrs=dict(model.attrs))
                  for a, b in _free_occurrences(text, surface, spans, paras)]
    return added


@lru_cache(maxsize=None)
def _municipality_head_words(lang: str | None) -> frozenset[str]:
    """The words of a language's municipality heads: `Büyükşehir` before `Belediyesi` names no town."""
    muni = lang_rules(lang).municipality
    return frozenset(word for heads in (muni.before, muni.after, muni.after_title) for head in heads for word, _ in head)


def _town_forms(m: Mention, common: dict[str, frozenset[str]]) -> set[str]:
    """The town a municipality's span names, as written there and in its dictionary forms (`Finspångs
    kommun` -> Finspångs, Finspång); none where that word is a common word (`Büyükşehir Belediyesi`)."""
    place, lang = m.attrs.get("place") or "", m.attrs.get("lang")
    if m.attrs.get("kind") != "municipality" or " " in place or not place[:1].isupper() \
            or is_common_word(place, lang, common) or norm(place) in _municipality_head_words(lang):
        return set()
    forms = {place}
    for inflected, base in lang_rules(lang).base_forms:
        if place.lower().endswith(inflected) and len(place) - len(inflected) >= 3:
            forms.add(place[:len(place) - len(inflected)] + base)
    return forms


def towns_named_by_bodies(text: str, found: list[Mention], paras, common: dict[str, frozenset[str]]) -> list[Mention]:
    """A town the document names in a municipality's name (`Община Харманли`, `Finspångs kommun`) is a
    place wherever the text names it alone, whatever its size: a one-word person or body the model read
    there is that place (`Botkyrka`), and an occurrence nothing else took is added."""
    towns = {form for m in found for form in _town_forms(m, common)}
    if not towns:
        return found
    kept = [_respan(text, m, m.start, m.end, "LOC") if m.source == "model" and m.label in ("PER", "ORG")
            and m.text in towns else m for m in found]
    spans = sorted((m.start, m.end) for m in kept)
    for town in sorted(towns, key=lambda t: (-len(t), t)):
        kept += [Mention(a, b, town, "LOC", source="rule", score=0.9, attrs={"kind": "town_of_body"})
                 for a, b in _free_occurrences(text, town, spans, paras)]
    return kept


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One span per stretch of text: lexicon spans beat model spans, except a longer model span of the
    same label around one lexicon span (not a unit's) that adds more than a word for its kind (`network`);
    among model spans the longer wins."""
    def rank(m: Mention):
        return (0 if m.source == "lexicon" else 1, -(m.end - m.start), m.start, m.label)

    kept: list[Mention] = []
    for m in sorted(mentions, key=rank):
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if not clash:
            kept.append(m)
            continue
        if m.source == "model" and m.label != "DATE" and len(clash) == 1 and all(
            k.source == "lexicon" and k.label == m.label and m.start <= k.start and k.end <= m.end
            and k.attrs.get("kind") != "unit"  # a unit's name ends where its rule ends it (`Heyette`, `του Δήμου`)
            and (m.end - m.start) > (k.end - k.start) for k in clash
        ) and not _descriptor_around(m, clash[0]):
            for k in clash:
                kept.remove(k)
            m.attrs.setdefault("contains_lexicon", [k.attrs.get("key") for k in clash])
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))
