"""The temporal tagger against tests/data/dates_cases.tsv, and the dates stage's merge and anchor logic."""
from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from extract.config import RunConfig
from extract.dates import find_dates
from extract.dates.normalise import Point, parse_anchor, relative_value, weekday_value
from extract.document import Document, Mention, Paragraph
from extract.registry import build_stage

DATA = Path(__file__).parent / "data"


def _cases() -> list[dict]:
    with (DATA / "dates_cases.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


CASES = _cases()
STAGE_CASES = tomllib.loads((DATA / "dates_stage_cases.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['span'] or 'none'}:{c['text'][:30]}" for c in CASES])
def test_tagger_case(case):
    mentions = find_dates(case["text"], case["lang"], case["doc_date"] or None)
    for m in mentions:
        assert case["text"][m.start:m.end] == m.text and m.label == "DATE" and m.source == "rule"
    if not case["span"]:
        assert [(m.text, m.value) for m in mentions] == []
        return
    start = case["text"].index(case["span"])
    found = [(m.start, m.text, m.value) for m in mentions]
    assert (start, case["span"], case["value"]) in found


def test_case_table_covers_every_language():
    counts: dict[str, int] = {}
    for case in CASES:
        counts[case["lang"]] = counts.get(case["lang"], 0) + 1
    assert all(counts.get(lang, 0) >= 15 for lang in ("tr", "bg", "el", "sv"))
    assert all(counts.get(lang, 0) >= 5 for lang in ("de", "fr", "it", "es", "nl", "pl", "pt", "en", "cs"))


SEED_LANGS = {"000": "tr", "001": "bg", "002": "el", "003": "bg", "004": "sv"}


def test_seed_dates():
    seeds = Path(__file__).parent.parent / "seeds"
    found = {}
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name[:3]] = [(m.text, m.value) for m in find_dates(text, SEED_LANGS[path.name[:3]], None)]
    assert found["000"] == [("31 Ekim-1 Kasım 2011", "2011-10-31/2011-11-01"), ("2009 yılında", "2009"),
                            ("2012", "2012"), ("2009 yılında", "2009")]
    assert found["001"] == []
    assert found["002"] == [("Ιανουάριο του 2018", "2018-01"), ("σήμερα", "PRESENT_REF"),
                            ("Δεκέμβριο του 2019", "../2019-12")]
    assert found["003"] == [("3 декември 2019 г.", "2019-12-03")]
    assert found["004"] == []


@pytest.mark.parametrize("unit,offset,anchor,expected", [
    ("day", -1, "2020-03-01", "2020-02-29"),
    ("month", -1, "2020-01-15", "2019-12"),
    ("year", 1, "2020-01-15", "2021"),
    ("day", 0, "2019", "PRESENT_REF"),
    ("year", -1, None, "PAST_REF"),
    ("month", 2, None, "FUTURE_REF"),
])
def test_relative_values(unit, offset, anchor, expected):
    assert relative_value(unit, offset, parse_anchor(anchor)) == expected


@pytest.mark.parametrize("weekday,shift,anchor,context,expected", [
    (5, None, "2019-09-15", None, "2019-09-14"),  # Samstag, said on a Sunday: the day before
    (1, None, "2019-09-15", None, "2019-09-17"),  # Dienstag: two days ahead is nearer than five back
    (6, "next", "2019-09-15", None, "2019-09-22"),  # kommenden Sonntag, said on a Sunday
    (6, "last", "2019-09-15", None, "2019-09-08"),
    (0, None, None, (Point(None, 9, 14), 5), "XXXX-09-16"),  # lunedì after sabato 14 settembre
    (0, None, None, None, None),
])
def test_weekday_values(weekday, shift, anchor, context, expected):
    ref, ref_weekday = context or (None, None)
    assert weekday_value(weekday, shift, parse_anchor(anchor), ref, ref_weekday) == expected


def test_anchor_parsing():
    assert parse_anchor("2019-12-03T10:00:00Z") == Point(2019, 12, 3)
    assert parse_anchor("2019-02-30") is None
    assert parse_anchor("") is None


def _place(text: str, span: str) -> tuple[int, int]:
    start = text.index(span)
    return start, start + len(span)


def _run_stage(text: str, lang: str, mentions=(), doc_date: str = "", doc_date_source: str = "") -> Document:
    doc = Document("d1", "d1.txt", text=text, lang=lang)
    doc.paragraphs = [Paragraph(0, len(text), lang)]
    doc.doc_date = doc_date or None
    doc.doc_date_source = doc_date_source or None
    doc.mentions = list(mentions)
    build_stage("dates", RunConfig())(doc)
    return doc


@pytest.mark.parametrize("case", STAGE_CASES["merge"], ids=[c["name"] for c in STAGE_CASES["merge"]])
def test_stage_merge(case):
    text = case["text"]
    mentions = [Mention(*_place(text, span), span, "DATE", source="model") for span in case.get("model", [])]
    mentions += [Mention(*_place(text, span), span, label, source="lexicon") for span, label in case.get("names", [])]
    mentions += [Mention(*_place(text, span), span, label, source="model") for span, label in case.get("model_names", [])]
    doc = _run_stage(text, case["lang"], mentions, case.get("doc_date", ""))
    dates = [(m.text, m.value or "") for m in doc.mentions if m.label == "DATE"]
    assert dates == [tuple(e) for e in case["expect"]]
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)
    kept = [m.text for m in doc.mentions if m.label != "DATE"]
    assert kept == [span for span, _ in case.get("names", [])] + case.get("expect_names", [])


@pytest.mark.parametrize("case", STAGE_CASES["anchor"], ids=[c["name"] for c in STAGE_CASES["anchor"]])
def test_stage_anchor(case):
    doc = _run_stage(case["text"], case["lang"], doc_date=case["doc_date"],
                     doc_date_source=case.get("doc_date_source", ""))
    assert (doc.doc_date or "") == case["expect_date"]
    assert (doc.doc_date_source or "") == case["expect_source"]
    assert (case["span"], case["value"]) in [(m.text, m.value) for m in doc.mentions]


def test_stage_reads_each_paragraph_in_its_language():
    text = "Toplantı 12 Kasım 2019'da yapıldı.\nСрещата е на 3 декември 2019 г."
    doc = Document("d2", "d2.txt", text=text, lang="tr")
    doc.paragraphs = [Paragraph(0, 34, "tr"), Paragraph(35, len(text), "bg")]
    build_stage("dates", RunConfig())(doc)
    assert [(m.text, m.value) for m in doc.mentions] == [("12 Kasım 2019", "2019-11-12"),
                                                         ("3 декември 2019 г.", "2019-12-03")]


def test_stage_runs_twice_without_duplicates():
    doc = _run_stage("Published on 3 May 2020.", "en")
    build_stage("dates", RunConfig())(doc)
    assert [(m.text, m.source) for m in doc.mentions] == [("3 May 2020", "rule")]
