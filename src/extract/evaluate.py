"""Score the pipeline against the gold set (and optionally the corpora's dev documents):
`python -m extract.evaluate [--gold gold/] [--out outputs/eval] [--corpora] [--write-baseline]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import brat
from .config import REPO_DIR, RunConfig
from .document import Document
from .gold import check_dir
from .scoring.clusters import score_clusters
from .scoring.dates import score_dates
from .scoring.events import score_event_level, score_tuples
from .scoring.headline import headline, read_baseline, regressions, write_baseline
from .scoring.language import score_language
from .scoring.linking import score_linking
from .scoring.ner import score_ner
from .scoring.report import to_markdown

DEFAULT_GOLD = REPO_DIR / "gold"
DEFAULT_OUT = REPO_DIR / "outputs" / "eval"
DEFAULT_BASELINE = REPO_DIR / "eval" / "baseline.json"


def read_gold(gold_dir: Path) -> list[Document]:
    """Every readable NAME.txt + NAME.ann pair, as gold Documents (sorted by name); pairs that do not
    parse are left out here and reported by the checker."""
    docs = []
    for path in sorted(Path(gold_dir).glob("*.txt")):
        if path.with_suffix(".ann").exists():
            try:
                docs.append(brat.read_document(path))
            except (brat.BratError, UnicodeDecodeError):
                continue
    return docs


def score(pairs: list[tuple[Document, Document]]) -> dict:
    """All gold-set scores for (gold, predicted) document pairs; pure, so testable without the pipeline."""
    return {
        "n_docs": len(pairs),
        "langid": score_language(pairs),
        "ner": score_ner(pairs),
        "dates": score_dates(pairs),
        "entities": {"bcubed": score_clusters(pairs)},
        "linking": score_linking(pairs),
        "events": {"tuples": score_tuples(pairs), "event_level": score_event_level(pairs)},
    }


def predict(gold: list[Document], gold_dir: Path, config: RunConfig) -> list[Document]:
    """Run the pipeline on the gold texts; predicted documents come back in the gold order."""
    from .pipeline import Pipeline
    paths = [Path(d.path) for d in gold]
    docs = Pipeline(config).process_paths(paths, root=Path(gold_dir))
    by_name = {}
    for d in docs:
        by_name[Path(d.path).stem if d.path else d.doc_id] = d
        by_name.setdefault(d.doc_id, d)
    return [by_name.get(g.doc_id) or Document(g.doc_id, g.path, status="error", error="not returned") for g in gold]


def evaluate(gold_dir: Path = DEFAULT_GOLD, config: RunConfig | None = None, out_dir: Path | None = None,
             corpora: bool = False, corpora_limit: int = 0, baseline: Path | None = DEFAULT_BASELINE) -> dict:
    config = config or RunConfig()
    gold = read_gold(gold_dir)
    n_docs, gold_problems = check_dir(gold_dir)
    problems = [f"gold: {p}" for p in gold_problems]
    pred = predict(gold, gold_dir, config)
    for g, p in zip(gold, pred):
        if not p.ok:
            problems.append(f"{g.doc_id}: pipeline status {p.status}: {p.error}")
        elif p.text != g.text:
            # Offsets are only comparable on identical text; a reader that changes the text breaks scoring.
            problems.append(f"{g.doc_id}: pipeline text differs from the gold text ({len(p.text)} vs {len(g.text)} chars)")
    report = {"gold_dir": _shown(gold_dir), "stages": list(config.stages), **score(list(zip(gold, pred))),
              "problems": problems}
    report["headline"] = headline(report)
    if baseline and str(baseline) != "none" and Path(baseline).exists():
        report["baseline"] = read_baseline(baseline)
        report["regressions"] = regressions(report["headline"], report["baseline"])
    if corpora:
        from .scoring.corpora import score_corpora
        report["corpora"] = score_corpora(config, limit=corpora_limit)
    if out_dir:
        write_outputs(report, pred, Path(out_dir))
    return report


def _shown(path: Path) -> str:
    """A path as the report shows it: relative to the repository where it lies inside."""
    path = Path(path).resolve()
    return str(path.relative_to(REPO_DIR)) if path.is_relative_to(REPO_DIR) else str(path)


def write_outputs(report: dict, pred: list[Document], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "report.md").write_text(to_markdown(report), encoding="utf-8")
    for doc in pred:
        if doc.ok:
            brat.write_document(doc, out_dir / "brat")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.evaluate", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of NAME.txt + NAME.ann")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where report.md/json and brat/ go")
    parser.add_argument("--corpora", action="store_true", help="also score NER on the corpora's dev documents")
    parser.add_argument("--corpora-limit", type=int, default=0, help="at most this many documents per dev set")
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE,
                        help="headline figures to compare with (default: %(default)s; none: no comparison)")
    parser.add_argument("--write-baseline", action="store_true",
                        help="(re)write the baseline from this run's headline figures")
    parser.add_argument("--models-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    config = RunConfig(models_dir=args.models_dir) if args.models_dir else RunConfig()
    report = evaluate(args.gold, config, args.out, args.corpora, args.corpora_limit, args.baseline)
    print(to_markdown(report))
    if args.write_baseline:
        write_baseline(args.baseline, report["headline"],
                       f"headline figures (percent) of `python -m extract.evaluate --gold {_shown(args.gold)}`; "
                       "the accuracy test fails when one falls more than 1 point below")
        print(f"baseline written to {args.baseline}", file=sys.stderr)
    for line in report.get("regressions", []):
        print(f"REGRESSION {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
