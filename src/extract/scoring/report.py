"""Markdown rendering of an evaluation report (the tables `make eval` prints)."""
from __future__ import annotations


def _f(x) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _prf_row(name: str, d: dict) -> str:
    return f"| {name} | {_f(d['p'])} | {_f(d['r'])} | {_f(d['f1'])} | {d['tp']} | {d['fp']} | {d['fn']} |"


_PRF_HEAD = ["| | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]


def to_markdown(report: dict) -> str:
    lines = [f"# Evaluation on {report['gold_dir']} ({report['n_docs']} documents)", ""]
    if report.get("problems"):
        lines += ["Problems:", *[f"- {p}" for p in report["problems"]], ""]
    lines += ["## Headline (percent)", "", "| figure | value | baseline |", "|---|---|---|"]
    base = report.get("baseline") or {}
    for name, value in report["headline"].items():
        lines.append(f"| {name} | {'-' if value is None else value} | {base.get(name, '-')} |")
    lang = report["langid"]
    lines += ["", f"Language accuracy: {_f(lang['accuracy'])} ({lang['n']} documents)", ""]
    for mode in ("strict", "overlap"):
        ner = report["ner"][mode]
        lines += [f"## NER {mode}", "", *_PRF_HEAD, _prf_row("all", ner["overall"])]
        lines += [_prf_row(k, v) for k, v in ner["by_label"].items()]
        lines += [_prf_row(f"lang {k}", v) for k, v in ner["by_lang"].items()]
        lines.append("")
    d, e, link = report["dates"], report["entities"]["bcubed"], report["linking"]
    lines += [f"DATE value accuracy: {_f(d['value_accuracy'])} ({d['correct']}/{d['n_matched']} span-matched, "
              f"{d['n_gold']} gold DATEs)",
              f"Entity clustering B-cubed: P {_f(e['p'])} R {_f(e['r'])} F1 {_f(e['f1'])} ({e['n_mentions']} mentions)",
              f"Place linking accuracy: {_f(link['accuracy'])} ({link['correct']}/{link['n']} gold LOC with GeoNames id); "
              f"among the {link.get('found', 0)} found: {_f(link.get('accuracy_found'))}",
              ""]
    tuples = report["events"]["tuples"]
    lines += ["## Event tuples (type, role, argument)", "", *_PRF_HEAD, _prf_row("all", tuples["overall"])]
    lines += [_prf_row(k, v) for k, v in tuples["by_type"].items()]
    lines += [_prf_row(k, v) for k, v in tuples["by_role"].items()]
    level = report["events"]["event_level"]
    lines += ["", "## Event level", "", *_PRF_HEAD, _prf_row("events", level["events"]),
              _prf_row("args in matched events", level["args_in_matched"])]
    lines += [_prf_row(f"events {k}", v) for k, v in level["events_by_type"].items()]
    if report.get("corpora"):
        lines += ["", "## NER on corpus dev documents (strict / overlap F1)", "",
                  "| set | docs | gold mentions | strict P | strict R | strict F1 | overlap F1 |", "|---|---|---|---|---|---|---|"]
        for name, r in report["corpora"].items():
            if "skipped" in r:
                lines.append(f"| {name} | skipped: {r['skipped']} | | | | | |")
            else:
                s, o = r["strict"]["overall"], r["overlap"]["overall"]
                lines.append(f"| {name} | {r['n_docs']} | {r['n_gold_mentions']} | {_f(s['p'])} | {_f(s['r'])} | "
                             f"{_f(s['f1'])} | {_f(o['f1'])} |")
    return "\n".join(lines) + "\n"
