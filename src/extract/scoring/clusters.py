"""Entity clustering B-cubed: over the gold ORG/LOC/PER mentions the pipeline found with the exact span,
how well the predicted entity ids group them as the gold clusters (brat Equiv) do. Clusters are per
document; a mention without a predicted entity id is its own cluster."""
from __future__ import annotations

from ..document import Document
from .ner import match_mentions

ENTITY_LABELS = ("ORG", "LOC", "PER")


def bcubed(gold_ids: list[str], pred_ids: list[str]) -> tuple[float, float, int]:
    """Summed per-mention B-cubed precision and recall (to be averaged by the caller) and the count."""
    p_sum = r_sum = 0.0
    n = len(gold_ids)
    for i in range(n):
        same_gold = {j for j in range(n) if gold_ids[j] == gold_ids[i]}
        same_pred = {j for j in range(n) if pred_ids[j] == pred_ids[i]}
        both = len(same_gold & same_pred)
        p_sum += both / len(same_pred)
        r_sum += both / len(same_gold)
    return p_sum, r_sum, n


def score_clusters(pairs: list[tuple[Document, Document]]) -> dict:
    p_total = r_total = 0.0
    n_total = 0
    for gold, pred in pairs:
        g = [m for m in gold.mentions if m.label in ENTITY_LABELS]
        p = [m for m in pred.mentions if m.label in ENTITY_LABELS]
        matched = match_mentions(g, p, "strict", same_label=False)
        gold_ids = [gm.entity_id or f"gold-{id(gm)}" for gm, _ in matched]
        pred_ids = [pm.entity_id or f"pred-{id(pm)}" for _, pm in matched]
        ps, rs, n = bcubed(gold_ids, pred_ids)
        p_total, r_total, n_total = p_total + ps, r_total + rs, n_total + n
    if not n_total:
        return {"p": None, "r": None, "f1": None, "n_mentions": 0}
    p, r = p_total / n_total, r_total / n_total
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "n_mentions": n_total}
