"""The document object that flows through the pipeline: each stage adds to it, none reaches back."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS = ("ORG", "LOC", "PER", "DATE")
EVENT_TYPES = ("Meeting", "Project", "Membership", "Founding", "Publication")
STATUSES = ("ok", "empty", "error", "skipped")


@dataclass
class Paragraph:
    """A block of text between blank lines / line breaks, with its own language."""
    start: int
    end: int
    lang: str | None = None
    lang_score: float = 0.0


@dataclass
class Sentence:
    start: int
    end: int
    lang: str | None = None


@dataclass
class Mention:
    """A text-bound entity span. `value` is the TIMEX value for DATE, else the canonical name."""
    start: int
    end: int
    text: str
    label: str
    source: str = "model"  # model | lexicon | rule
    score: float = 1.0
    value: str | None = None
    entity_id: str | None = None
    mention_id: str | None = None
    # Free-form attributes a stage may add (e.g. lexicon key, GeoNames candidate); not exported as-is.
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class EventArgument:
    role: str  # Name, Date, Place, Organizer, Participant, Funder, Coordinator, Partner, Member, Network, Org, Founder, Publisher
    start: int
    end: int
    text: str
    value: str | None = None
    mention_id: str | None = None
    entity_id: str | None = None


@dataclass
class Event:
    type: str
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence_start: int = 0
    sentence_end: int = 0
    score: float = 1.0
    args: list[EventArgument] = field(default_factory=list)
    event_id: str | None = None

    def first(self, role: str) -> EventArgument | None:
        return next((a for a in self.args if a.role == role), None)


@dataclass
class Entity:
    entity_id: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)
    country: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    city_id: str | None = None  # a municipality (ORG) -> the entity of its city (LOC)
    doc_ids: set[str] = field(default_factory=set)
    n_mentions: int = 0


@dataclass
class Document:
    doc_id: str
    path: str
    text: str = ""
    sha256: str = ""
    status: str = "ok"
    error: str | None = None
    source_format: str = "txt"  # txt | md | html
    encoding: str | None = None
    doc_date: str | None = None  # YYYY-MM-DD anchor for relative / yearless dates
    doc_date_source: str | None = None  # cli | dateline | title (a year alone) | metadata
    lang: str | None = None
    lang_score: float = 0.0
    lang_source: str | None = None  # identified | declared (the page's own language, on a short or unsure text)
    declared_lang: str | None = None  # what an HTML page says it is written in (`<html lang="sv">`)
    langs: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Entities this document's mentions link to, by entity_id; the tables merge them across documents.
    entities: dict[str, Entity] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def lang_at(self, offset: int) -> str | None:
        """Language of the paragraph holding `offset` (falls back to the document language)."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p.lang or self.lang
        return self.lang

    def fail(self, status: str, error: str) -> None:
        self.status, self.error = status, error
