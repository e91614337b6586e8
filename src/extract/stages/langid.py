"""Language stage: a language per paragraph (mixed pages are real), then the document's language and list.

Paragraphs too short to judge (titles, bullets, a date line) take the language of the nearest judged
paragraph before them (else after them), so a two-word heading does not become a third language.
A page that declares its language (`<html lang="en">`) is taken at its word where its text is too short
for n-grams to be trusted (a page of names: `Cities meet in Ghent` reads as Dutch) or the guess is unsure.
"""
from __future__ import annotations

from ..document import Document
from ..langid import Identifier, dominant_script
from ..registry import register_stage

MIN_LETTERS = 25  # below this a paragraph's own guess is not trusted (word pairs are noisy)
SAMPLE_CHARS = 400  # the identifier reads at most this much of a paragraph
MIN_SHARE = 0.1  # a language enters `langs` with at least this share of the judged letters
UNSURE = 0.8  # below this probability a paragraph's language differing from the document's is not believed
CLOSE = 0.8  # two languages this close in letters: the document's language is the one it starts in
# Below this many letters a page's declared language beats the identifier (about 40 words): short pages
# are mostly names, which n-gram profiles read as any language.
SHORT_PAGE_LETTERS = 250


@register_stage("langid")
class LangIdStage:
    def __init__(self, config):
        self.config = config
        self.identifier = Identifier(tuple(config.langs), backend=config.langid_backend)

    def __call__(self, doc: Document) -> None:
        foreign, score = self.identifier.unsupported(doc.text[:SAMPLE_CHARS * 2])
        if foreign:
            doc.lang, doc.lang_score, doc.langs = foreign, score, [foreign]
            doc.fail("skipped", f"unsupported language: {foreign} (this run supports {', '.join(self.config.langs)}; see --langs)")
            return
        letters: dict[int, int] = {}
        for i, para in enumerate(doc.paragraphs):
            text = doc.text[para.start:para.end]
            n = dominant_script(text)[1]
            if n >= MIN_LETTERS:
                # A few sentences decide as well as the whole paragraph, at a fraction of the cost.
                para.lang, para.lang_score = self.identifier.identify(text[:SAMPLE_CHARS])
                if para.lang:
                    letters[i] = n
        if not letters:
            # Only short paragraphs: judge the whole text at once.
            lang, score = self.identifier.identify(doc.text)
            for para in doc.paragraphs:
                para.lang, para.lang_score = lang, score
            doc.lang, doc.lang_score, doc.langs = lang, score, [lang] if lang else []
        else:
            # The document's language is decided by the paragraphs identified with confidence.
            sure = {i: n for i, n in letters.items() if doc.paragraphs[i].lang_score >= UNSURE} or letters
            ranked = self._rank(doc, sure)
            doc.lang = ranked[0][0]
            if len(ranked) > 1 and ranked[1][1] >= CLOSE * ranked[0][1]:
                # A page and its translation: the language it starts in is the original.
                doc.lang = next(doc.paragraphs[i].lang for i in sorted(sure)
                                if doc.paragraphs[i].lang in (ranked[0][0], ranked[1][0]))
            # An unsure guess that differs from the document's language is not believed: a real second
            # language is recognised with confidence.
            for i in letters:
                para = doc.paragraphs[i]
                if para.lang != doc.lang and para.lang_score < UNSURE:
                    para.lang, para.lang_score = doc.lang, 0.0
            ranked = self._rank(doc, letters)
            total = sum(letters.values())
            doc.langs = [lang for lang, n in ranked if n / total >= MIN_SHARE] or [doc.lang]
            scores = [doc.paragraphs[i].lang_score for i in letters if doc.paragraphs[i].lang == doc.lang]
            doc.lang_score = round(sum(scores) / len(scores), 4) if scores else 0.0
            self._fill_short(doc, sorted(letters))
        doc.lang_source = "identified" if doc.lang else None
        self._trust_declared(doc, sum(letters.values()) or dominant_script(doc.text)[1])
        if doc.lang is None:
            doc.fail("skipped", "no language could be identified (no letters in a supported script)")

    def _trust_declared(self, doc: Document, letters: int) -> None:
        declared = doc.declared_lang
        if declared is None or declared == doc.lang or declared not in self.config.langs:
            return
        if doc.lang is not None and letters >= SHORT_PAGE_LETTERS and doc.lang_score >= UNSURE:
            return
        for para in doc.paragraphs:
            if para.lang == doc.lang or para.lang is None or para.lang_score < UNSURE:
                para.lang, para.lang_score = declared, 0.0
        doc.lang, doc.lang_score, doc.lang_source = declared, 0.0, "declared"
        doc.langs = [declared, *[x for x in doc.langs if x != declared and any(p.lang == x for p in doc.paragraphs)]]

    @staticmethod
    def _rank(doc: Document, letters: dict[int, int]) -> list[tuple[str, int]]:
        by_lang: dict[str, int] = {}
        for i, n in letters.items():
            by_lang[doc.paragraphs[i].lang] = by_lang.get(doc.paragraphs[i].lang, 0) + n
        return sorted(by_lang.items(), key=lambda kv: (-kv[1], kv[0]))

    @staticmethod
    def _fill_short(doc: Document, judged: list[int]) -> None:
        paras = doc.paragraphs
        for i, para in enumerate(paras):
            if para.lang:
                continue
            before = [j for j in judged if j < i]
            source = paras[before[-1]] if before else paras[judged[0]]
            para.lang, para.lang_score = source.lang, 0.0
