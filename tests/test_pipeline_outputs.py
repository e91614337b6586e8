"""End to end on the seeds: every input has a row, offsets hold, tables are typed and runs are deterministic."""
from __future__ import annotations

import hashlib
import json

import pandas as pd
import pyarrow.parquet as pq

from conftest import SEEDS
from extract.config import RunConfig
from extract.runner import run
from extract.tables import SCHEMAS

TABLES = ("documents", "mentions", "entities", "events", "event_args")


def test_every_seed_has_an_ok_row_in_its_language(seed_run):
    out, code, _ = seed_run
    docs = pd.read_csv(out / "documents.csv")
    assert code == 0
    assert sorted(docs.doc_id) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert set(docs.status) == {"ok"}
    assert dict(zip(docs.doc_id.str[:3], docs.lang)) == {"000": "tr", "001": "bg", "002": "el", "003": "bg", "004": "sv"}


def test_every_span_matches_its_text(seed_run):
    out, _, _ = seed_run
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (out / "texts").glob("*.txt")}
    for table in ("mentions", "event_args"):
        df = pq.read_table(out / f"{table}.parquet").to_pandas()
        assert len(df) > 0, table
        for row in df.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text, (table, row)
    events = pq.read_table(out / "events.parquet").to_pandas()
    for row in events.itertuples():
        assert texts[row.doc_id][row.trigger_start:row.trigger_end] == row.trigger


def test_tables_have_the_contract_columns_and_types(seed_run):
    out, _, _ = seed_run
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(SCHEMAS[name], check_metadata=False), name
        assert list(pd.read_csv(out / f"{name}.csv", nrows=0).columns) == SCHEMAS[name].names
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert set(mentions.label) <= {"ORG", "LOC", "PER", "DATE"}
    assert set(mentions.source) <= {"model", "lexicon", "rule"}
    assert mentions.groupby("doc_id").mention_id.apply(lambda s: s.is_unique).all()
    run_json = json.loads((out / "run.json").read_text())
    assert run_json["counts"]["documents"] == 5 and "timings" in run_json and "config" in run_json


def _digests(out):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()
            and p.name != "run.json"}


def test_same_batch_twice_and_with_two_workers_gives_identical_tables(seed_run, tmp_path):
    out, _, _ = seed_run
    run([SEEDS], tmp_path / "again", RunConfig(), progress=False)
    run([SEEDS], tmp_path / "two", RunConfig(workers=2), progress=False)
    assert _digests(out) == _digests(tmp_path / "again") == _digests(tmp_path / "two")


def test_no_temporary_files_left_behind(seed_run):
    out, _, _ = seed_run
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
