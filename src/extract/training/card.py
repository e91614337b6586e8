"""Model cards: card.json (read by the driver to decide replacement) and MODEL_CARD.md beside each model."""
from __future__ import annotations

import json
from pathlib import Path

CARD_JSON = "card.json"
CARD_MD = "MODEL_CARD.md"


def read_card(model_dir: Path) -> dict | None:
    path = model_dir / CARD_JSON
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _score_rows(result: dict) -> list[str]:
    rows = [f"| {label} | {v['p']:.1f} | {v['r']:.1f} | {v['f']:.1f} | {v['support']} |"
            for label, v in result["per_label"].items()]
    rows.append(f"| **all** | **{result['p']:.1f}** | **{result['r']:.1f}** | **{result['f']:.1f}** | "
                f"{sum(v['support'] for v in result['per_label'].values())} |")
    return rows


def render_markdown(card: dict) -> str:
    lines = [f"# NER model `{card['lang']}` (spaCy lang `{card['spacy_lang']}`)", "",
             f"Labels: {', '.join(card['labels'])}. Pipeline: {', '.join(card['pipeline'])} "
             f"(spaCy {card['spacy_version']}). Size on disk: {card['size_bytes'] / 1e6:.1f} MB. "
             f"Inference: {card['dev']['words_per_s']} words/s on one CPU thread (dev set).", "",
             "## Training data", "",
             "| corpus | licence | quality | train items / words | train entities | dev |",
             "|---|---|---|---|---|---|"]
    for s in card["corpora"]:
        lines.append(f"| {s['title']} (`{s['corpus']}`, {s['corpus_lang']}) | {s['licence']} | {s['quality']} | "
                     f"{s['train']['items']} / {s['train']['words']} | "
                     f"{', '.join(f'{k} {v}' for k, v in s['train']['entities'].items())} | "
                     f"{s['dev']}{' (selection)' if s.get('select') else ''} |")
    lines += ["", "## Tag mapping (corpus tag → label; `-` = dropped, tokens become O)", ""]
    for s in card["corpora"]:
        tag_map = s["tag_map"]
        if tag_map and all(isinstance(v, dict) for v in tag_map.values()):
            lines.append(f"- `{s['corpus']}`: the mappings of its sources (see their language cards)")
            continue
        pairs = ", ".join(f"{tag}→{label or '-'}" for tag, label in tag_map.items())
        extra = f"; {', '.join(s['capitalized_only'])} only when capitalised" if s.get("capitalized_only") else ""
        lines.append(f"- `{s['corpus']}`: {pairs}{extra}")
    lines += ["", f"## Dev scores (strict spans), model-selection dev: {card['dev']['docs']} items, "
              f"{card['dev']['words']} words", "", "| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    lines += _score_rows(card["dev"])
    for name, result in card.get("dev_by_corpus", {}).items():
        lines += ["", f"### dev of `{name}` ({result['docs']} items)", "",
                  "| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
        lines += _score_rows(result)
    t = card["training"]
    lines += ["", "## Training", "",
              f"{t['steps']} steps (best at step {t['best_step']}), {t['seconds']:.0f} s wall clock on one thread, "
              f"stopped by: {t['stopped_by']}. Config: `configs/ner/ner.cfg` with overrides "
              f"`{json.dumps(t['overrides'])}`. Trained {card['created']}.", ""]
    return "\n".join(lines)


def write_card(model_dir: Path, card: dict) -> None:
    (model_dir / CARD_JSON).write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (model_dir / CARD_MD).write_text(render_markdown(card), encoding="utf-8")
