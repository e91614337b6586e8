"""Tests of the gold checker (cases in tests/data/gold_check_cases.toml and timex_values.tsv) and of the gold set itself."""
from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from extract.gold import check_dir, check_pair, main, timex_problem

DATA = Path(__file__).parent / "data"
GOLD = Path(__file__).parent.parent / "gold"
SEEDS = Path(__file__).parent.parent / "seeds"
CASES = tomllib.loads((DATA / "gold_check_cases.toml").read_text(encoding="utf-8"))["case"]


def _rows(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_case(case, tmp_path):
    (tmp_path / "doc.txt").write_text(case["text"], encoding="utf-8")
    (tmp_path / "doc.ann").write_text(case["ann"].replace("<TAB>", "\t"), encoding="utf-8")
    problems = [str(p) for p in check_pair(tmp_path / "doc.txt", tmp_path / "doc.ann")]
    if case["expect"]:
        assert any(case["expect"] in p for p in problems), problems
    else:
        assert problems == []


@pytest.mark.parametrize("value,valid,why", _rows("timex_values.tsv"))
def test_timex_grammar(value, valid, why):
    assert (timex_problem(value) is None) == (valid == "yes"), why


def test_missing_partner_file_is_reported(tmp_path):
    (tmp_path / "lonely.txt").write_text("x", encoding="utf-8")
    n_docs, problems = check_dir(tmp_path)
    assert n_docs == 1 and "no annotation file" in str(problems[0])


def test_cli_exit_status(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("CLIP", encoding="utf-8")
    (tmp_path / "a.ann").write_text("# lang: en\nT1\tORG 0 4\tCLIP\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    (tmp_path / "a.ann").write_text("# lang: en\nT1\tORG 0 3\tCLIP\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert "a.ann:2: T1: text 'CLIP'" in capsys.readouterr().out


SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_gold_is_clean_and_byte_exact(name):
    assert (GOLD / f"{name}.txt").read_bytes() == (SEEDS / f"{name}.txt").read_bytes()
    assert [str(p) for p in check_pair(GOLD / f"{name}.txt", GOLD / f"{name}.ann")] == []


def test_whole_gold_folder_is_clean():
    n_docs, problems = check_dir(GOLD)
    assert n_docs >= len(SEED_NAMES)
    assert problems == [], "\n".join(map(str, problems))
