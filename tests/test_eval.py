"""Tests of the scorers on hand-built gold/predicted pairs (tests/data/eval_cases.toml) and of the
baseline comparison (tests/data/regression_cases.tsv)."""
from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from extract import brat
from extract.evaluate import read_gold, score
from extract.gold import check_annotation
from extract.scoring.headline import headline, regressions
from extract.scoring.report import to_markdown

DATA = Path(__file__).parent / "data"
GOLD = Path(__file__).parent.parent / "gold"
CASES = tomllib.loads((DATA / "eval_cases.toml").read_text(encoding="utf-8"))["case"]


def _doc(case: dict, side: str):
    content = case[side].replace("<TAB>", "\t")
    ann = brat.parse_ann(content)
    offsets = [str(p) for p in check_annotation(ann, case["text"], Path(side))
               if "document text" in p.message or "outside the text" in p.message]
    assert offsets == [], f"the case's own {side} offsets are wrong"
    return brat.to_document(ann, case["text"], case["name"])


def lookup(report: dict, path: str):
    """Follow a dotted path; keys that themselves hold dots (`Meeting.Date`) are tried whole first."""
    node, parts = report, path.split(".")
    while parts:
        for n in range(len(parts), 0, -1):
            key = ".".join(parts[:n])
            if isinstance(node, dict) and key in node:
                node, parts = node[key], parts[n:]
                break
        else:
            raise KeyError(f"{path}: no {parts[0]!r} in {sorted(node) if isinstance(node, dict) else node}")
    return node


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_scoring_case(case):
    report = score([(_doc(case, "gold"), _doc(case, "pred"))])
    for path, want in case["expect"].items():
        got = lookup(report, path)
        if want == "none":
            assert got is None, path
        else:
            assert got == pytest.approx(want, abs=1e-4), path


def _value(cell: str):
    return None if cell == "none" else float(cell)


def _rows(name: str):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return [r for r in csv.reader(handle, delimiter="\t") if r][1:]


@pytest.mark.parametrize("figure,base,got,fails,why", _rows("regression_cases.tsv"))
def test_regression_rule(figure, base, got, fails, why):
    found = regressions({figure: _value(got)}, {figure: _value(base)})
    assert bool(found) == (fails == "yes"), why


def test_gold_against_itself_is_perfect_and_renders():
    gold = read_gold(GOLD)
    assert len(gold) >= 5
    report = {"gold_dir": "gold", **score(list(zip(gold, gold)))}
    report["headline"] = figures = headline(report)
    assert all(v == 100.0 for v in figures.values() if v is not None), figures
    assert figures["ner_strict_f1_tr"] == 100.0 and figures["meeting_place_f1"] == 100.0
    text = to_markdown(report)
    assert "## Event tuples" in text and "| Meeting.Date |" in text


@pytest.mark.parametrize("words,tags,expected", _rows("joined_sentences.tsv"))
def test_corpus_sentences_join_with_exact_offsets(words, tags, expected):
    from extract.scoring.corpora import sentences_to_documents
    from extract.training.readers import TaggedSentence
    from extract.training.recipes import load_corpora
    sentences = [TaggedSentence(w.split(), t.split()) for w, t in zip(words.split(" || "), tags.split(" || "))]
    (doc,) = sentences_to_documents("t", sentences, load_corpora()["elner18"].tagmap)
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)
    assert "|".join(f"{m.label}:{m.text}" for m in doc.mentions) == expected
