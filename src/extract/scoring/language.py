"""Language identification accuracy: the predicted document language against the gold `# lang:` line."""
from __future__ import annotations

from ..document import Document


def score_language(pairs: list[tuple[Document, Document]]) -> dict:
    scored = [(g, p) for g, p in pairs if g.lang]
    errors = [{"doc": g.doc_id, "gold": g.lang, "pred": p.lang} for g, p in scored if g.lang != p.lang]
    n = len(scored)
    return {"accuracy": round((n - len(errors)) / n, 4) if n else None, "n": n, "errors": errors}
