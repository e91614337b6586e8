"""The events stage: meetings, projects, memberships, foundings and publications with their roles
(rules and per-language lexicons in `extract/events/` and `lang/<code>/events.toml`)."""
from __future__ import annotations

from ..document import Document
from ..events import extract_events, load_lexicon
from ..registry import register_stage


@register_stage("events")
class EventsStage:
    def __init__(self, config):
        self.config = config

    def __call__(self, doc: Document) -> None:
        if doc.ok:
            # load_lexicon caches each language's compiled lexicon for the life of the worker.
            doc.events = extract_events(doc, load_lexicon)
