"""A whole run: discover inputs, process them, write the tables, texts, brat files and run.json."""
from __future__ import annotations

import json
import logging
import platform
import time
from collections import Counter
from pathlib import Path

from . import __version__
from .brat import write_document
from .config import RunConfig
from .document import Document
from .pipeline import run_items
from .reader import discover
from .tables import TableRows
from .writer import write_json, write_tables, write_text

log = logging.getLogger(__name__)

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE = 0, 1, 2


def model_cards(models_dir: Path, langs: set[str]) -> dict[str, dict]:
    """Name and version of the model each language of the run used (its own, or the multilingual one)."""
    from .stages.ner import SpacyModels

    models = SpacyModels(models_dir)
    cards = {}
    for lang in sorted(langs):
        path = models.model_dir_for(lang)
        if path is not None:
            data = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            cards[lang] = {"model": path.name, "name": data.get("name"), "version": data.get("version"),
                           "spacy_version": data.get("spacy_version")}
    return cards


class RunTally:
    """The run's counts and timings, added up one document at a time."""

    def __init__(self) -> None:
        self.documents = 0
        self.status: Counter = Counter()
        self.words = 0
        self.stage_seconds: Counter = Counter()
        self.mentions: Counter = Counter()
        self.events: Counter = Counter()
        self.langs: Counter = Counter()
        self.doc_langs: set[str] = set()
        self.errors: list[dict] = []

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.status[doc.status] += 1
        self.words += len(doc.text.split()) if doc.ok else 0
        self.stage_seconds.update(doc.timings)
        self.mentions.update(m.label for m in doc.mentions)
        self.events.update(e.type for e in doc.events)
        if doc.lang:
            self.langs[doc.lang] += 1
        self.doc_langs.update(doc.langs)
        if doc.status in ("error", "skipped"):
            self.errors.append({"doc_id": doc.doc_id, "status": doc.status, "error": doc.error})


def write_document_files(doc: Document, out: Path) -> None:
    """OUT/texts/DOC_ID.txt, the exact text every offset refers to, and OUT/brat/DOC_ID.txt + .ann, the
    predictions to open and correct in brat or INCEpTION."""
    if doc.text:
        write_text(out / "texts" / f"{doc.doc_id}.txt", doc.text)
    if doc.ok:
        write_document(doc, out / "brat")


def run(inputs: list[Path], out: Path, config: RunConfig, progress: bool | None = None) -> tuple[int, dict]:
    """Process a batch; returns (exit code, run summary). Exit 1 when any document has status error.
    Each document's rows, text and brat files are taken as it comes, so memory holds rows, not Documents."""
    t0 = time.perf_counter()
    out = Path(out)
    items = discover(inputs)
    rows, tally = TableRows(), RunTally()
    for doc in run_items(items, config, progress=progress):
        rows.add(doc)
        tally.add(doc)
        write_document_files(doc, out)
    t_process = time.perf_counter() - t0
    tables = rows.tables()
    write_tables(tables, out, config.formats)
    summary = {
        "version": __version__,
        "python": platform.python_version(),
        "inputs": [str(p) for p in inputs],
        "config": config.to_json(),
        "models": model_cards(config.models_dir, tally.doc_langs),
        "counts": {
            "documents": tally.documents,
            "status": dict(sorted(tally.status.items())),
            "words": tally.words,
            "mentions": dict(sorted(tally.mentions.items())),
            "entities": tables["entities"].num_rows,
            "events": dict(sorted(tally.events.items())),
            "langs": dict(sorted(tally.langs.items())),
        },
        "timings": {
            "wall_seconds": round(time.perf_counter() - t0, 3),
            "process_seconds": round(t_process, 3),
            "stage_cpu_seconds": {k: round(v, 3) for k, v in sorted(tally.stage_seconds.items())},
            "words_per_second": round(tally.words / t_process, 1) if t_process else None,
        },
        "errors": tally.errors,
    }
    write_json(out / "run.json", summary)
    code = EXIT_DOC_ERRORS if tally.status.get("error") else EXIT_OK
    return code, summary
