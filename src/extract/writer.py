"""Writes a run's outputs atomically: each table as Parquet and CSV, the texts offsets refer to, run.json."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq



def atomic_write(path: Path, write) -> None:
    """Call write(tmp_path) on a temporary file in the same folder, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))


def write_tables(tables: dict[str, pa.Table], out: Path, formats: tuple[str, ...]) -> None:
    for name, table in tables.items():
        if "parquet" in formats:
            atomic_write(out / f"{name}.parquet", lambda tmp, t=table: pq.write_table(t, tmp, compression="zstd"))
        if "csv" in formats:
            atomic_write(out / f"{name}.csv", lambda tmp, t=table: pacsv.write_csv(t, tmp))


def write_json(path: Path, data: dict) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
