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
from .tables import build_tables
from .writer import write_json, write_tables, write_texts

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


def write_brat(docs: list[Document], out: Path) -> None:
    """OUT/brat/DOC_ID.txt + .ann: predictions to open and correct in brat or INCEpTION."""
    for doc in docs:
        if doc.ok:
            write_document(doc, out / "brat")


def run(inputs: list[Path], out: Path, config: RunConfig, progress: bool | None = None) -> tuple[int, dict]:
    """Process a batch; returns (exit code, run summary). Exit 1 when any document has status error."""
    t0 = time.perf_counter()
    items = discover(inputs)
    docs: list[Document] = list(run_items(items, config, progress=progress))
    t_process = time.perf_counter() - t0
    out = Path(out)
    tables = build_tables(docs)
    write_tables(tables, out, config.formats)
    write_texts(docs, out)
    write_brat(docs, out)
    status = Counter(d.status for d in docs)
    words = sum(len(d.text.split()) for d in docs if d.ok)
    stage_seconds: Counter = Counter()
    for d in docs:
        stage_seconds.update(d.timings)
    summary = {
        "version": __version__,
        "python": platform.python_version(),
        "inputs": [str(p) for p in inputs],
        "config": config.to_json(),
        "models": model_cards(config.models_dir, {lang for d in docs for lang in d.langs}),
        "counts": {
            "documents": len(docs),
            "status": dict(sorted(status.items())),
            "words": words,
            "mentions": dict(sorted(Counter(m.label for d in docs for m in d.mentions).items())),
            "entities": tables["entities"].num_rows,
            "events": dict(sorted(Counter(e.type for d in docs for e in d.events).items())),
            "langs": dict(sorted(Counter(d.lang for d in docs if d.lang).items())),
        },
        "timings": {
            "wall_seconds": round(time.perf_counter() - t0, 3),
            "process_seconds": round(t_process, 3),
            "stage_cpu_seconds": {k: round(v, 3) for k, v in sorted(stage_seconds.items())},
            "words_per_second": round(words / t_process, 1) if t_process else None,
        },
        "errors": [{"doc_id": d.doc_id, "status": d.status, "error": d.error} for d in docs if d.status in ("error", "skipped")],
    }
    write_json(out / "run.json", summary)
    code = EXIT_DOC_ERRORS if status.get("error") else EXIT_OK
    return code, summary
