"""Development score of the event stage alone: gold entity spans as input (NER taken as perfect), events
compared with the gold events. `python -m extract.events.devscore gold/ [--errors] [--doc NAME]`."""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

from ..brat import read_document
from ..dates.dateline import find_dateline
from ..config import RunConfig
from ..document import Document
from ..lexicon import LexiconMatcher
from ..registry import build_stage
from ..scoring.events import score_event_level, score_tuples
from .extract import extract_events


def gold_langs(ann_path: Path) -> list[str]:
    """The languages a gold file's `# langs:` comment lists (mixed-language documents)."""
    for line in ann_path.read_text(encoding="utf-8").splitlines()[:5]:
        if line.startswith("# langs:"):
            return [c.strip() for c in line.partition(":")[2].split(",") if c.strip()]
    return []


def input_from_gold(gold: Document, langs: list[str] | None = None) -> Document:
    """The gold document with its entity mentions (canonical name = the entity's name) and no events,
    segmented into paragraphs and sentences, as the earlier stages would leave it: paragraphs in the gold
    language (identified one by one where the gold lists several), the dateline as the document date."""
    doc = Document(gold.doc_id, gold.path, text=gold.text, lang=gold.lang, doc_date=gold.doc_date,
                   langs=list(gold.langs))
    doc.mentions = copy.deepcopy(gold.mentions)
    for m in doc.mentions:
        if m.label != "DATE":
            ent = gold.entities.get(m.entity_id)
            m.value = ent.name if ent else m.text
    config = RunConfig()
    build_stage("segment", config)(doc)
    langs = langs or [gold.lang]
    if len(langs) > 1:
        build_stage("langid", config)(doc)
        doc.status, doc.error, doc.lang = "ok", None, gold.lang
    for p in doc.paragraphs:
        p.lang = p.lang if p.lang in langs else gold.lang
    build_stage("sentences", config)(doc)
    for s in doc.sentences:
        s.lang = doc.lang_at(s.start)
    _add_lexicon_kinds(doc)
    if not doc.doc_date:
        blocks = [(p.start, p.end, p.lang) for p in doc.paragraphs]
        doc.doc_date = find_dateline(doc.text, blocks, doc_lang=doc.lang)
    return doc


def _add_lexicon_kinds(doc: Document) -> None:
    """Gold mentions that the lexicon layer would have found give its kind, as NER leaves them in the
    pipeline (`Rady Evropy` is an international body, so no member of a network)."""
    by_span = {}
    for para in doc.paragraphs:
        for found in LexiconMatcher.for_lang(para.lang or doc.lang).find(doc.text, para.start, para.end):
            by_span[(found.start, found.end, found.label)] = found.attrs
    for m in doc.mentions:
        attrs = by_span.get((m.start, m.end, m.label))
        if attrs is not None:
            m.attrs = {**attrs, **m.attrs}


def _row(name: str, prf: dict) -> str:
    return f"{name:32s} P={prf['p']:.3f} R={prf['r']:.3f} F1={prf['f1']:.3f}  (tp={prf['tp']} fp={prf['fp']} fn={prf['fn']})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--errors", action="store_true", help="list missed and spurious tuples")
    ap.add_argument("--doc", help="only documents whose name contains this")
    ap.add_argument("--events", action="store_true", help="print each predicted event with its arguments")
    args = ap.parse_args(argv)
    pairs = []
    for path in sorted(args.gold_dir.glob("*.txt")):
        if not path.with_suffix(".ann").exists() or (args.doc and args.doc not in path.stem):
            continue
        gold = read_document(path)
        pred = input_from_gold(gold, gold_langs(path.with_suffix(".ann")))
        pred.events = extract_events(pred)
        pairs.append((gold, pred))
    tuples = score_tuples(pairs)
    print(f"documents: {len(pairs)}")
    print(_row("overall", tuples["overall"]))
    for etype, prf in tuples["by_type"].items():
        if prf["tp"] + prf["fp"] + prf["fn"]:
            print(_row(etype, prf))
    for role, prf in tuples["by_role"].items():
        print(_row("  " + role, prf))
    level = score_event_level(pairs)
    print(_row("event level: events", level["events"]))
    print(_row("event level: args in matched", level["args_in_matched"]))
    if args.events:
        for gold, pred in pairs:
            for e in pred.events:
                print(f"{gold.doc_id} {e.type} [{e.trigger}@{e.trigger_start}] "
                      + "; ".join(f"{a.role}={a.value if a.role == 'Date' else a.text}" for a in e.args))
    if args.errors:
        for e in tuples["errors"]:
            print(f"{e['kind']:9s} {e['doc']:28s} {e['tuple']:24s} {e['arg']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
