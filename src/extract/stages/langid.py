"""Language stage: a language per paragraph (mixed pages are real), then the document's language and list.

Paragraphs too short to judge (titles, bullets, a date line) take the language of the nearest judged
paragraph before them (else after them), so a two-word heading does not become a third language.
"""
from __future__ import annotations

from ..document import Document
from ..langid import Identifier, dominant_script
from ..registry import register_stage

MIN_LETTERS = 25  # below this a paragraph's own guess is not trusted (word pairs are noisy)
MIN_SHARE = 0.1  # a language enters `langs` with at least this share of the judged letters


@register_stage("langid")
class LangIdStage:
    def __init__(self, config):
        self.config = config
        self.identifier = Identifier(tuple(config.langs), backend=config.langid_backend)

    def __call__(self, doc: Document) -> None:
        foreign, score = self.identifier.unsupported(doc.text[:5000])
        if foreign:
            doc.lang, doc.lang_score, doc.langs = foreign, score, [foreign]
            doc.fail("skipped", f"unsupported language: {foreign} (this run supports {', '.join(self.config.langs)}; see --langs)")
            return
        letters_by_lang: dict[str, int] = {}
        judged: list[int] = []
        for i, para in enumerate(doc.paragraphs):
            text = doc.text[para.start:para.end]
            _, letters = dominant_script(text)
            if letters < MIN_LETTERS:
                continue
            para.lang, para.lang_score = self.identifier.identify(text)
            if para.lang:
                judged.append(i)
                letters_by_lang[para.lang] = letters_by_lang.get(para.lang, 0) + letters
        if not judged:
            # Only short paragraphs: judge the whole text at once.
            lang, score = self.identifier.identify(doc.text)
            for para in doc.paragraphs:
                para.lang, para.lang_score = lang, score
            doc.lang, doc.lang_score, doc.langs = lang, score, [lang] if lang else []
        else:
            self._fill_short(doc, judged)
            total = sum(letters_by_lang.values())
            ranked = sorted(letters_by_lang.items(), key=lambda kv: (-kv[1], kv[0]))
            doc.lang = ranked[0][0]
            scores = [p.lang_score for p in doc.paragraphs if p.lang == doc.lang and p.lang_score]
            doc.lang_score = round(sum(scores) / len(scores), 4) if scores else 0.0
            doc.langs = [lang for lang, n in ranked if n / total >= MIN_SHARE] or [doc.lang]
        if doc.lang is None:
            doc.fail("skipped", "no language could be identified (no letters in a supported script)")

    @staticmethod
    def _fill_short(doc: Document, judged: list[int]) -> None:
        paras = doc.paragraphs
        for i, para in enumerate(paras):
            if para.lang:
                continue
            before = [j for j in judged if j < i]
            source = paras[before[-1]] if before else paras[judged[0]]
            para.lang, para.lang_score = source.lang, 0.0
