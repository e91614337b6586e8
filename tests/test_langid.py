"""Language stage: paragraph languages, short-paragraph smoothing, mixed pages, unsupported languages."""
from __future__ import annotations

import pytest

from conftest import read_tsv
from extract.config import RunConfig
from extract.document import Document
from extract.registry import build_stage

CONFIG = RunConfig()


def _run(text: str, config: RunConfig = CONFIG) -> Document:
    doc = Document("d", "<test>", text=text)
    for name in ("segment", "langid"):
        build_stage(name, config)(doc)
    return doc


@pytest.mark.parametrize("case", read_tsv("langid_cases.tsv"), ids=lambda c: c["lang"] + ":" + c["text"][:20])
def test_paragraph_language(case):
    doc = _run(case["text"])
    assert doc.lang == case["lang"]


def test_mixed_page_keeps_each_paragraph_language():
    text = ("Město Brno hostilo konferenci sítě Integrating Cities, které se zúčastnili zástupci dvaceti měst.\n\n"
            "The city of Brno hosted the Integrating Cities conference, attended by representatives of twenty cities.")
    doc = _run(text)
    assert [p.lang for p in doc.paragraphs] == ["cs", "en"]
    assert set(doc.langs) == {"cs", "en"}
    assert doc.lang == "cs"  # the language the page starts in, when the two are about as long


def test_short_heading_takes_the_language_of_its_text():
    doc = _run("OM PROJEKTET\n\nProjektidén är baserad på tidigare samarbeten mellan städer och internationella relationer.")
    assert [p.lang for p in doc.paragraphs] == ["sv", "sv"] and doc.langs == ["sv"]


def test_language_outside_the_run_is_skipped_with_a_clear_error():
    doc = _run("Die Stadt Stuttgart hat die Konferenz des Netzwerks gemeinsam mit der Stadtverwaltung organisiert und "
               "viele Gäste aus ganz Europa begrüßt.", RunConfig(langs=("tr", "bg", "el", "sv")))
    assert doc.status == "skipped" and "unsupported language: de" in doc.error


def test_deterministic():
    text = "Il Comune di Bologna ha ospitato la riunione annuale della rete delle città."
    assert {(_run(text).lang, _run(text).lang_score) for _ in range(3)} == {(_run(text).lang, _run(text).lang_score)}


@pytest.mark.parametrize("text,declared,lang,source", [
    # A page of names: n-grams read Dutch or Spanish; the page's own `<html lang>` is believed.
    ("Cities meet in Ghent", "en", "en", "declared"),
    ("Malmo joins Intercultural Cities", "en", "en", "declared"),
    # A long page identified with confidence keeps its language: CMS templates often declare the wrong one.
    ("Malmö stad har gått med i nätverket Intercultural Cities. Kommunfullmäktige fattade beslutet i mars "
     "efter en lång diskussion om hur staden ska arbeta med integration och mångfald i alla stadsdelar, "
     "och arbetet leds av stadens integrationsstrateg tillsammans med förvaltningarna. Nästa år väntas "
     "staden stå värd för nätverkets årliga möte.", "en", "sv", "identified"),
    # A declared language outside the run is not taken.
    ("Cities meet in Ghent", "ja", "nl", "identified"),
])
def test_short_page_takes_its_declared_language(text, declared, lang, source):
    doc = Document("d", "<test>", text=text, declared_lang=declared)
    for name in ("segment", "langid"):
        build_stage(name, CONFIG)(doc)
    assert (doc.lang, doc.lang_source) == (lang, source)
    assert all(p.lang == lang for p in doc.paragraphs)
