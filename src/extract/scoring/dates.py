"""DATE value accuracy: the share of gold DATE spans matched by a predicted DATE (overlapping span)
whose TIMEX value equals the gold value."""
from __future__ import annotations

from ..document import Document
from .ner import match_mentions


def score_dates(pairs: list[tuple[Document, Document]]) -> dict:
    n = correct = 0
    errors = []
    for gold, pred in pairs:
        g = [m for m in gold.mentions if m.label == "DATE"]
        p = [m for m in pred.mentions if m.label == "DATE"]
        for gm, pm in match_mentions(g, p, "overlap"):
            n += 1
            if (pm.value or "") == (gm.value or ""):
                correct += 1
            else:
                errors.append({"doc": gold.doc_id, "text": gm.text, "gold": gm.value, "pred": pm.value})
    return {"value_accuracy": round(correct / n, 4) if n else None, "n_matched": n, "correct": correct,
            "n_gold": sum(1 for gold, _ in pairs for m in gold.mentions if m.label == "DATE"), "errors": errors}
