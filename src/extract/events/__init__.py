"""Rule-based event extraction: triggers, argument attachment by cue words, document-level merging, topic gate."""
from .extract import extract_events
from .lexicon import EventLexicon, load_lexicon

__all__ = ["extract_events", "EventLexicon", "load_lexicon"]
