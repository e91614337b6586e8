"""Headline figures of an evaluation (percentages) and their comparison with eval/baseline.json."""
from __future__ import annotations

import json
from pathlib import Path

CORE_LANGS = ("tr", "bg", "el", "sv")
TOLERANCE = 1.0  # points a headline figure may fall below the baseline before the accuracy test fails


def _pct(value) -> float | None:
    return round(100 * value, 2) if value is not None else None


def headline(report: dict) -> dict[str, float | None]:
    """The figures the accuracy test guards, in percent (None where nothing was scored)."""
    ner = report["ner"]["strict"]
    figures = {"ner_strict_f1": _pct(ner["overall"]["f1"])}
    for lang in CORE_LANGS:
        figures[f"ner_strict_f1_{lang}"] = _pct(ner["by_lang"][lang]["f1"]) if lang in ner["by_lang"] else None
    roles = report["events"]["tuples"]["by_role"]
    figures.update({
        "date_value_accuracy": _pct(report["dates"]["value_accuracy"]),
        "entity_bcubed_f1": _pct(report["entities"]["bcubed"]["f1"]),
        "place_linking_accuracy": _pct(report["linking"]["accuracy"]),
        "place_linking_accuracy_found": _pct(report["linking"].get("accuracy_found")),
        "event_tuple_f1": _pct(report["events"]["tuples"]["overall"]["f1"]),
        "meeting_date_f1": _pct(roles["Meeting.Date"]["f1"]) if "Meeting.Date" in roles else None,
        "meeting_place_f1": _pct(roles["Meeting.Place"]["f1"]) if "Meeting.Place" in roles else None,
    })
    return figures


def regressions(figures: dict, baseline: dict, tolerance: float = TOLERANCE) -> list[str]:
    """One line per headline figure more than `tolerance` points below its baseline."""
    out = []
    for name, floor in baseline.items():
        if floor is None:
            continue
        got = figures.get(name)
        if got is None or got < floor - tolerance:
            out.append(f"{name}: {got} < baseline {floor} - {tolerance}")
    return out


def read_baseline(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))["figures"]


def write_baseline(path: Path, figures: dict, note: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps({"note": note, "figures": figures}, indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
