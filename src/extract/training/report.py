"""Results tables of the installed NER models, from their card.json files, for docs/models.md.

    python -m extract.training.report [--write docs/models.md]

With --write, the text between the `<!-- results:start -->` and `<!-- results:end -->` markers is replaced.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..config import default_models_dir
from .card import read_card
from .recipes import available_langs

START, END = "<!-- results:start -->", "<!-- results:end -->"
LABEL_ORDER = ("PER", "ORG", "LOC", "DATE")


def _f(result: dict, label: str) -> str:
    value = result["per_label"].get(label)
    return f"{value['f']:.1f}" if value else "–"


def results_markdown(models_dir: Path) -> str:
    order = {lang: i for i, lang in enumerate(available_langs())}
    folders = sorted((p for p in models_dir.iterdir() if p.is_dir()), key=lambda p: (order.get(p.name, 99), p.name))
    cards = [c for c in (read_card(p) for p in folders) if c]
    lines = ["| lang | training data (items) | selection dev | P | R | F1 | " + " | ".join(f"F1 {l}" for l in LABEL_ORDER)
             + " | size MB | words/s | steps | train min |",
             "|---" * (10 + len(LABEL_ORDER)) + "|"]
    for card in cards:
        mixed = [s for s in card["corpora"] if s["dev"] == "sample"]
        if mixed:
            data = (f"equal samples of {len(mixed)} languages "
                    f"({sum(s['train']['items'] for s in mixed)} items, {card['train_stats']['words']} words)")
            selection = "samples of their selection devs"
        else:
            data = ", ".join(f"{s['corpus']} {s['train']['items']}" for s in card["corpora"])
            selection = "+".join(s["corpus"] for s in card["corpora"] if s.get("select"))
        dev = card["dev"]
        lines.append(f"| {card['lang']} | {data} | {selection} | {dev['p']:.1f} | {dev['r']:.1f} | **{dev['f']:.1f}** | "
                     + " | ".join(_f(dev, l) for l in LABEL_ORDER)
                     + f" | {card['size_bytes'] / 1e6:.1f} | {dev['words_per_s']} | {card['training']['steps']} | "
                     f"{card['training']['seconds'] / 60:.1f} |")
    others = [(card["lang"], name, result) for card in cards for name, result in card.get("dev_by_corpus", {}).items()
              if len(card.get("dev_by_corpus", {})) > 1]
    if others:
        lines += ["", "Each source's own dev set (same models):", "",
                  "| lang | dev of | items | P | R | F1 | " + " | ".join(f"F1 {l}" for l in LABEL_ORDER) + " |",
                  "|---" * (5 + len(LABEL_ORDER)) + "|"]
        for lang, name, r in others:
            lines.append(f"| {lang} | {name} | {r['docs']} | {r['p']:.1f} | {r['r']:.1f} | {r['f']:.1f} | "
                         + " | ".join(_f(r, l) for l in LABEL_ORDER) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=default_models_dir())
    parser.add_argument("--write", type=Path, help="markdown file whose results section is replaced")
    args = parser.parse_args(argv)
    table = results_markdown(args.models_dir)
    if not args.write:
        print(table)
        return
    text = args.write.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    args.write.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
