"""Lexicon matcher: names, inflected forms, acronyms and municipality patterns, by data tables."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.config import REPO_DIR
from extract.lexicon import LexiconMatcher, lang_rules, load_entries
from extract.lexicon.normalise import norm, tokenize

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _tag(m) -> str:
    return m.attrs.get("key") or m.attrs.get("kind")


@pytest.mark.parametrize("row", _rows("entities_lexicon.tsv"), ids=lambda r: f"{r['lang']}:{r['span']}")
def test_lexicon_cases(row):
    text = row["text"]
    found = LexiconMatcher.for_lang(row["lang"]).find(text)
    for m in found:
        assert text[m.start:m.end] == m.text and m.source == "lexicon"
    start = text.index(row["span"])
    hit = [m for m in found if (m.start, m.end) == (start, start + len(row["span"]))
           and m.label == row["label"] and _tag(m) == row["key_or_kind"]]
    assert bool(hit) == (row["expect"] == "yes"), [(m.text, m.label, _tag(m)) for m in found]


@pytest.mark.parametrize("row", _rows("entities_seed_spans.tsv"), ids=lambda r: f"{r['seed'][:3]}:{r['start']}")
def test_seed_spans(row):
    text = (REPO_DIR / "seeds" / row["seed"]).read_text(encoding="utf-8")
    found = LexiconMatcher.for_lang(row["lang"]).find(text)
    span = (int(row["start"]), int(row["end"]))
    assert any((m.start, m.end) == span and m.label == row["label"] and _tag(m) == row["key_or_kind"]
               for m in found), text[span[0]:span[1]]


def test_find_window_offsets_are_into_the_whole_text():
    text = "Önce Avrupa Birliği, sonra Avrupa Konseyi."
    start = text.index("sonra")
    found = LexiconMatcher.for_lang("tr").find(text, start, len(text))
    assert [(m.text, m.attrs["key"]) for m in found] == [("Avrupa Konseyi", "org:council-of-europe")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_no_two_entries_share_a_name_in_one_language():
    for lang in ("tr", "bg", "el", "sv", "de", "fr", "it", "es", "nl", "pl", "pt", "en", "cs"):
        matcher, seen = LexiconMatcher(lang), {}
        for entry in load_entries():
            for name in entry.names_for(lang):
                key = tuple(matcher._key(t) for t in tokenize(name))
                assert seen.setdefault(key, entry.key) == entry.key, (lang, name, seen[key], entry.key)


@pytest.mark.parametrize("word,expected", [("İSTANBUL", "istanbul"), ("Istanbul", "istanbul"), ("ıslak", "islak"),
                                           ("ΕΥΡΩΠΑΪΚΗΣ", "ευρωπαικησ"), ("AСОЦИАЦИЯ", "асоциация"), ("–", "-")])
def test_norm(word, expected):
    assert norm(word) == expected


def test_every_language_folder_parses():
    for lang in ("tr", "bg", "el", "sv", "de", "fr", "it", "es", "nl", "pl", "pt", "en", "cs"):
        rules = lang_rules(lang)
        assert rules.stem_suffixes and rules.municipality.before + rules.municipality.after, lang
