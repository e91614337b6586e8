"""Conversion of corpus items (tagged sentences, character-offset documents) to spaCy Docs with project labels."""
from __future__ import annotations

import hashlib
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex
from spacy.vocab import Vocab

from .readers import CharDocument, TaggedSentence
from .tagmap import TagMap, iob_spans


def sentence_to_doc(vocab: Vocab, sentence: TaggedSentence, tagmap: TagMap) -> Doc:
    """A Doc whose tokens are the corpus tokens, separated by single spaces, with mapped IOB2 entities.

    spaCy's Corpus re-tokenizes `doc.text` with the language's tokenizer when training and aligns the
    entities by character, so the model sees the same tokenization it will see at inference.
    """
    spaces = [True] * len(sentence.words)
    spaces[-1] = False
    return Doc(vocab, words=sentence.words, spaces=spaces,
               ents=tagmap.map_iob(sentence.words, sentence.tags))


def training_nlp(spacy_lang: str, extra_suffixes: tuple[str, ...] = ()) -> Language:
    """The blank pipeline whose tokenizer the data is cut with; extra suffix patterns are added to the
    language's own, and they are saved with the trained model's tokenizer."""
    nlp = spacy.blank(spacy_lang)
    if extra_suffixes:
        nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes) + list(extra_suffixes)).search
    return nlp


def retokenized_sentence_doc(nlp: Language, sentence: TaggedSentence, tagmap: TagMap,
                             trim_suffixes: tuple[str, ...]) -> Doc:
    """Like `sentence_to_doc`, but cut by `nlp`'s tokenizer, with a split-off suffix token (matching one
    of `trim_suffixes`) left out of the end of an entity, as the guide wants (`İstanbul'da` -> `İstanbul`)."""
    text = " ".join(sentence.words)
    starts, offset = [], 0
    for word in sentence.words:
        starts.append(offset)
        offset += len(word) + 1
    suffix = re.compile("|".join(trim_suffixes)) if trim_suffixes else None
    doc = nlp.make_doc(text)
    entities, missing = [], []
    for first, last, label in iob_spans(tagmap.map_iob(sentence.words, sentence.tags)):
        start, end = starts[first], starts[last - 1] + len(sentence.words[last - 1])
        span = doc.char_span(start, end, label=label)
        if span is None:
            loose = doc.char_span(start, end, alignment_mode="expand")
            if loose is not None:
                missing.append(loose)
            continue
        while suffix and len(span) > 1 and suffix.fullmatch(span[-1].text):
            span = Span(doc, span.start, span.end - 1, label=label)
        entities.append(span)
    doc.set_ents(entities, missing=missing, default="outside")
    return doc


def chardoc_to_doc(nlp: Language, document: CharDocument, tagmap: TagMap) -> tuple[Doc, int]:
    """Tokenize a character-offset document and set its mapped entities.

    Returns the Doc and the number of entities whose offsets do not fall on token boundaries; their
    tokens are marked missing (neither entity nor O) rather than guessed. Overlapping mentions keep
    the earlier (then longer) one, since spaCy entities cannot nest.
    """
    doc = nlp.make_doc(document.text)
    entities: list[Span] = []
    missing: list[Span] = []
    taken = [False] * len(doc)
    for entity in sorted(document.entities, key=lambda e: (e.start, -(e.end - e.start))):
        label = tagmap.label(entity.label, document.text[entity.start:entity.end])
        if label is None:
            continue
        span = doc.char_span(entity.start, entity.end, label=label)
        if span is None:
            loose = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if loose is not None and not any(taken[loose.start:loose.end]):
                missing.append(loose)
                for i in range(loose.start, loose.end):
                    taken[i] = True
            continue
        if any(taken[span.start:span.end]):
            continue
        entities.append(span)
        for i in range(span.start, span.end):
            taken[i] = True
    doc.set_ents(entities, missing=missing, default="outside")
    return doc, len(missing)


def in_carved_share(key: str, share: float) -> bool:
    """Deterministic membership of a carved dev split, stable across runs and machines."""
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 10_000
    return bucket < share * 10_000
