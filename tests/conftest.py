"""Shared fixtures: the repo paths and a pipeline with every stage, built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO / "gold"
DATA = Path(__file__).resolve().parent / "data"


def read_tsv(name: str) -> list[dict]:
    """Rows of a tab-separated case table under tests/data (header line; lines starting with # skipped)."""
    lines = [l for l in (DATA / name).read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (l.split("\t") + [""] * len(header))[:len(header)])) for l in lines[1:]]


@pytest.fixture(scope="session")
def pipeline():
    from extract.config import RunConfig
    from extract.pipeline import Pipeline

    return Pipeline(RunConfig())


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """The whole pipeline over seeds/ once, written to a temporary output folder."""
    from extract.config import RunConfig
    from extract.runner import run

    out = tmp_path_factory.mktemp("seed_run")
    code, summary = run([SEEDS], out, RunConfig(), progress=False)
    return out, code, summary
