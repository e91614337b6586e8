"""Accuracy gate: the pipeline on the gold set must not fall more than one point below eval/baseline.json
on any headline figure. The full report is printed into the test log.
(Rewrite the baseline deliberately with `python -m extract.evaluate --write-baseline`.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import DEFAULT_BASELINE, DEFAULT_GOLD, evaluate
from extract.scoring.headline import read_baseline, regressions
from extract.scoring.report import to_markdown

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    try:
        from extract.pipeline import Pipeline  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"no pipeline to evaluate: {exc}")
    return evaluate(DEFAULT_GOLD, out_dir=tmp_path_factory.mktemp("eval"), baseline=None)


def test_report_is_printed(report, capsys):
    with capsys.disabled():
        print("\n" + to_markdown(report))
    assert report["n_docs"] >= 5


def test_no_headline_figure_below_baseline(report):
    if not Path(DEFAULT_BASELINE).exists():
        pytest.fail(f"{DEFAULT_BASELINE} is missing: write it with `python -m extract.evaluate --write-baseline`")
    found = regressions(report["headline"], read_baseline(DEFAULT_BASELINE))
    assert not found, "headline figures below eval/baseline.json:\n" + "\n".join(found)
