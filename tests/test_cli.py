"""The command line: help, argument errors, and the exit status when a document fails."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from extract.cli import build_parser, main


def test_help_lists_the_options():
    help_text = build_parser()._subparsers._group_actions[0].choices["run"].format_help()
    for option in ("--langs", "--workers", "--format", "--doc-date", "-o", "exit status"):
        assert option in help_text


@pytest.mark.parametrize("argv", [
    ["run", "seeds", "-o", "x", "--doc-date", "2019-13-01"],
    ["run", "seeds", "-o", "x", "--format", "xlsx"],
    ["run", "seeds", "-o", "x", "--langs", "english"],
    ["run", "no/such/folder", "-o", "x"],
])
def test_bad_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_a_failed_document_gives_exit_1_and_the_batch_goes_on(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text("Η Αθήνα φιλοξένησε το συνέδριο του δικτύου πόλεων τον Μάιο του 2019.", encoding="utf-8")
    (batch / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "extract", "run", str(batch), "-o", str(out), "--format", "csv"],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    docs = pd.read_csv(out / "documents.csv").set_index("doc_id")
    assert docs.loc["good", "status"] == "ok" and docs.loc["bad", "status"] == "error"
    assert "binary" in docs.loc["bad", "error"]
    assert "bad" in proc.stderr
    assert not (out / "documents.parquet").exists()
