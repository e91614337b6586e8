"""Command line: `extract run INPUT... -o OUT` (also `python -m extract run ...`)."""
from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path

from . import __version__
from .config import DEFAULT_LANGS, RunConfig, default_models_dir

EPILOG = """\
exit status: 0 every document was processed (ok, empty or skipped); 1 at least one document has status
error (its row in documents.csv says why; the tables are still written); 2 bad command line.

examples:
  extract run seeds -o outputs/seeds
  extract run batch/ more.html -o outputs/run1 --workers 2 --doc-date 2019-12-10
"""


def _langs(value: str) -> tuple[str, ...]:
    langs = tuple(x.strip() for x in value.split(",") if x.strip())
    bad = [x for x in langs if not re.fullmatch(r"[a-z]{2}", x)]
    if bad or not langs:
        raise argparse.ArgumentTypeError(f"languages are ISO 639-1 codes separated by commas, got {value!r}")
    return langs


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(x.strip() for x in value.split(",") if x.strip())
    if not formats or any(f not in ("csv", "parquet") for f in formats):
        raise argparse.ArgumentTypeError("--format takes csv, parquet or csv,parquet")
    return formats


def _day(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"--doc-date takes YYYY-MM-DD, got {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extract", description=__doc__)
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="run the pipeline on files or folders and write the tables",
        description="Language detection, NER, date normalisation, entity linking and event extraction over "
                    "every .txt, .md, .html and .htm file given (folders recursively); writes documents, "
                    "mentions, entities, events and event_args as CSV and Parquet, plus texts/, brat/ and run.json.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    run.add_argument("-o", "--out", type=Path, required=True, help="output folder (created if missing)")
    run.add_argument("--langs", type=_langs, default=DEFAULT_LANGS,
                     help="languages this run supports, e.g. tr,bg,el,sv (default: the EU languages and "
                          f"Turkish: {','.join(DEFAULT_LANGS)}); documents in other languages get status skipped")
    run.add_argument("--workers", type=int, default=1, help="worker processes (default 1); output is identical")
    run.add_argument("--format", type=_formats, default=("csv", "parquet"), dest="formats",
                     help="table formats: csv, parquet or csv,parquet (default)")
    run.add_argument("--doc-date", type=_day, help="document date YYYY-MM-DD for dates without a year and "
                     "relative dates (default: a dateline in the text or the HTML metadata)")
    run.add_argument("--models", type=Path, default=default_models_dir(), help="folder of trained models (default: %(default)s)")
    run.add_argument("--ner-backend", choices=("spacy", "stanza"), default="spacy",
                     help="spacy: the project's models (default); stanza: official Stanza models from --stanza-dir "
                          "(optional extra: pip install '.[stanza]')")
    run.add_argument("--stanza-dir", type=Path, help="local stanza_resources folder for --ner-backend stanza")
    run.add_argument("--langid-backend", choices=("langdetect", "lingua", "combo"), default=RunConfig.langid_backend,
                     help="language identifier (default %(default)s; combo adds lingua for short paragraphs)")
    run.add_argument("--max-mb", type=float, default=20.0, help="skip files larger than this (default 20 MB)")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on stderr (default: only on a terminal)")
    run.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    run.add_argument("-q", "--quiet", action="store_true", help="errors only")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    missing = [str(p) for p in args.inputs if not p.exists() and not p.is_symlink()]
    if missing:
        parser.error(f"input not found: {', '.join(missing)}")
    if args.ner_backend == "stanza" and args.stanza_dir is None:
        args.stanza_dir = Path.home() / "stanza_resources"
    config = RunConfig(langs=args.langs, doc_date=args.doc_date, models_dir=args.models,
                       ner_backend=args.ner_backend, stanza_dir=args.stanza_dir, langid_backend=args.langid_backend,
                       max_bytes=int(args.max_mb * 1_000_000), workers=args.workers, formats=args.formats)
    from .runner import run

    code, summary = run(args.inputs, args.out, config, progress=args.progress)
    counts = summary["counts"]
    if not args.quiet:
        print(f"{counts['documents']} documents {counts['status']}; mentions {counts['mentions']}; "
              f"events {counts['events']}; {summary['timings']['words_per_second']} words/s -> {args.out}",
              file=sys.stderr)
        for err in summary["errors"]:
            print(f"  {err['status']}: {err['doc_id']}: {err['error']}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
