"""The pipeline: reads inputs and passes each Document through the configured stages, in one or more workers."""
from __future__ import annotations

import logging
import multiprocessing as mp
import sys
import time
import traceback
from pathlib import Path
from typing import Iterable, Iterator

from .config import RunConfig
from .document import Document
from .reader import InputFile, discover, read_document
from .registry import build_stage

log = logging.getLogger(__name__)


class Pipeline:
    """Stages built once from the configuration; `process` runs them over one document."""

    def __init__(self, config: RunConfig | None = None):
        self.config = config or RunConfig()
        self.stages = [build_stage(name, self.config) for name in self.config.stages]

    def read(self, item: InputFile) -> Document:
        t0 = time.perf_counter()
        doc = read_document(item, self.config.max_bytes)
        if self.config.doc_date:
            doc.doc_date, doc.doc_date_source = self.config.doc_date, "cli"
        doc.timings["read"] = time.perf_counter() - t0
        return doc

    def process(self, doc: Document) -> Document:
        for stage in self.stages:
            if not doc.ok:
                break
            t0 = time.perf_counter()
            try:
                stage(doc)
            except Exception as exc:  # one document's failure must not stop the batch
                log.debug("stage %s failed on %s\n%s", stage.name, doc.doc_id, traceback.format_exc())
                doc.fail("error", f"{stage.name} stage failed: {type(exc).__name__}: {exc}")
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + time.perf_counter() - t0
        return doc

    def process_item(self, item: InputFile) -> Document:
        return self.process(self.read(item))

    def process_text(self, text: str, doc_id: str = "text", doc_date: str | None = None) -> Document:
        """Run the stages over a string (tests, notebooks)."""
        doc = Document(doc_id=doc_id, path="<string>", text=text, doc_date=doc_date or self.config.doc_date)
        if doc.doc_date:
            doc.doc_date_source = "cli"
        if not text.strip():
            doc.fail("empty", "no text")
        return self.process(doc)

    def process_paths(self, paths: Iterable[Path], root: Path | None = None) -> list[Document]:
        """Process files (or folders) in this process; doc_ids are relative to `root` where given."""
        paths = [Path(p) for p in paths]
        if root is None:
            items = discover(paths)
        else:
            base = Path(root).resolve()
            items = [InputFile(p, p.resolve().relative_to(base).with_suffix("").as_posix()) for p in paths]
        return [self.process_item(item) for item in items]


# --- parallel execution -------------------------------------------------------------------------------
_WORKER: Pipeline | None = None


def _init_worker(config: RunConfig) -> None:
    global _WORKER
    _WORKER = Pipeline(config)  # models load lazily, once per worker, only for languages present


def _work(item: InputFile) -> Document:
    assert _WORKER is not None
    return _WORKER.process_item(item)


def run_items(items: list[InputFile], config: RunConfig, progress: bool | None = None) -> Iterator[Document]:
    """Documents in input order, processed by `config.workers` processes; output equals one worker's."""
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(items), unit="doc", disable=not show, file=sys.stderr, smoothing=0.1)
    try:
        if config.workers <= 1:
            pipe = Pipeline(config)
            for item in items:
                yield pipe.process_item(item)
                bar.update()
        else:
            ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            with ctx.Pool(config.workers, initializer=_init_worker, initargs=(config,)) as pool:
                for doc in pool.imap(_work, items, chunksize=4):
                    yield doc
                    bar.update()
    finally:
        bar.close()
