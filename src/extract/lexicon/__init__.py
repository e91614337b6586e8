"""The domain lexicon: curated multilingual names of networks, EU bodies and funds, and their matcher."""
from .entries import LexEntry, entries_by_key, load_entries
from .langrules import LangRules, lang_rules
from .matcher import LexiconMatcher

__all__ = ["LexEntry", "LexiconMatcher", "LangRules", "entries_by_key", "lang_rules", "load_entries"]
