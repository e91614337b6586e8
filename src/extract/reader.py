"""Input discovery and decoding: turns files and folders into Documents with text, or a clear error."""
from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .document import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
# Sidecar files that live next to inputs and are not documents (brat annotations of gold texts).
IGNORED_SUFFIXES = {".ann"}

# Legacy single-byte encodings that real pages in the project's languages use; charset detection is
# restricted to these (after the Unicode encodings) because unrestricted guessing confuses them with
# unrelated code pages.
LEGACY_ENCODINGS = ["cp1251", "cp1253", "cp1254", "iso8859_7", "iso8859_9", "cp1250", "iso8859_2", "cp1252", "latin_1"]

BOMS = [
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]


class InputError(Exception):
    """A document-level problem: the document gets status `error` (or `skipped`) with this message."""

    def __init__(self, message: str, status: str = "error"):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class InputFile:
    path: Path
    doc_id: str


def discover(inputs: list[Path]) -> list[InputFile]:
    """Expand files and folders (recursively, following links once) into input files with unique doc_ids.

    doc_id is the path relative to the input folder without its extension (a file given directly: its
    stem). Where two files would share a doc_id (a.txt and a.html) the later one keeps its extension.
    """
    found: list[InputFile] = []
    for root in inputs:
        root = Path(root)
        if root.is_dir():
            for path in _walk(root):
                rel = path.relative_to(root)
                found.append(InputFile(path, rel.with_suffix("").as_posix()))
        else:
            # A missing or unreadable path given by the user is still a document row (status error).
            found.append(InputFile(root, Path(root.name).with_suffix("").as_posix()))
    seen: set[str] = set()
    unique: list[InputFile] = []
    for item in found:
        doc_id = item.doc_id
        if doc_id in seen:
            doc_id = item.doc_id + item.path.suffix
            n = 2
            while doc_id in seen:
                doc_id, n = f"{item.doc_id}{item.path.suffix}~{n}", n + 1
        seen.add(doc_id)
        unique.append(InputFile(item.path, doc_id))
    return unique


def _walk(root: Path):
    """Files below root in sorted order; a symlinked folder is entered once (symlink loops end there)."""
    visited: set[str] = set()
    stack = [root]
    out: list[Path] = []
    while stack:
        folder = stack.pop()
        try:
            real = os.path.realpath(folder)
        except OSError:
            continue
        if real in visited:
            log.warning("not entering %s again: a symlink loop or a second link to the same folder", folder)
            continue
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            log.warning("cannot list %s: %s", folder, exc)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            elif path.suffix.lower() not in IGNORED_SUFFIXES:
                out.append(path)
    return sorted(out)


def read_document(item: InputFile, max_bytes: int) -> Document:
    """Read and decode one input; problems become the document's status and error, never exceptions."""
    doc = Document(doc_id=item.doc_id, path=str(item.path))
    try:
        _read_into(doc, item.path, max_bytes)
    except InputError as exc:
        doc.fail(exc.status, str(exc))
    except OSError as exc:
        doc.fail("error", f"cannot read file: {exc.strerror or exc}")
    return doc


def _read_into(doc: Document, path: Path, max_bytes: int) -> None:
    suffix = path.suffix.lower()
    if path.is_symlink() and not path.exists():
        raise InputError("cannot read file: broken symbolic link or symlink loop")
    if path.is_dir():
        raise InputError("is a folder, not a file")
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"unsupported file type {suffix or '(none)'}: supported are .txt .md .html .htm", "skipped")
    doc.source_format = TEXT_SUFFIXES[suffix]
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"file too large: {size / 1e6:.1f} MB > limit {max_bytes / 1e6:.1f} MB (--max-mb)", "skipped")
    data = path.read_bytes()
    doc.sha256 = hashlib.sha256(data).hexdigest()
    text, doc.encoding = decode_bytes(data)
    if doc.source_format == "html":
        doc.declared_lang = declared_language(text)
        text, meta_date = html_to_text(text)
        if meta_date:
            doc.doc_date, doc.doc_date_source = meta_date, "metadata"
    doc.text = text
    if not text.strip():
        doc.fail("empty", "no text" if doc.source_format != "html" else "no main text found in the HTML")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: BOMs first, then strict UTF-8, then legacy code pages; reject binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable bytes: invalid {encoding} after its byte-order mark ({exc.reason} at byte {exc.start})")
    if not data:
        return "", "utf-8"
    if _looks_binary(data):
        raise InputError("binary file: contains NUL or control bytes, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(2, len(sample) // 100)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """The legacy code page under which the text reads best: least noise (charset-normalizer), then the
    largest share of letters from the identified language's alphabet (lang/<code>/text.toml), since Turkish
    read as cp1252 is as clean to charset-normalizer as read as cp1254."""
    from charset_normalizer import from_bytes

    from .config import DEFAULT_LANGS
    from .langid import Identifier
    from .resources import lang_resource

    results = list(from_bytes(data, cp_isolation=LEGACY_ENCODINGS))
    if not results:
        raise InputError("undecodable bytes: not UTF-8/UTF-16 and no supported legacy encoding fits")
    least = min(r.chaos for r in results)
    if least > 0.3:
        # charset-normalizer accepts text with a high share of odd characters; that is not text.
        raise InputError(f"undecodable bytes: every legacy encoding gives noise ({least:.0%} chaos or more)")
    identifier = Identifier(DEFAULT_LANGS)
    sample = data[:4000]
    candidates = [r for r in results if r.chaos <= least + 0.15]

    def readability(r):
        text = sample.decode(r.encoding, errors="replace")
        lang, score = identifier.identify(text)
        alphabet = set(lang_resource(lang, "text").get("alphabet", ""))
        letters = [ch for ch in text.lower() if ch.isalpha()]
        in_alphabet = sum(ch in alphabet for ch in letters) / len(letters) if alphabet and letters else 0.0
        return (round(in_alphabet, 3), round(score, 3), -r.chaos, -LEGACY_ENCODINGS.index(_python_name(r.encoding)))

    best = max(candidates, key=readability)
    return str(best), best.encoding


def _python_name(encoding: str) -> str:
    import codecs

    name = codecs.lookup(encoding).name.replace("-", "_")
    names = {codecs.lookup(e).name.replace("-", "_"): e for e in LEGACY_ENCODINGS}
    return names.get(name, LEGACY_ENCODINGS[-1])


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of a page (trafilatura) and its publication date from the page metadata, if any."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False, with_metadata=False) or ""
    date = None
    try:
        meta = trafilatura.extract_metadata(html)
        date = getattr(meta, "date", None) if meta else None
    except Exception:  # metadata is optional; a malformed head must not cost the document its text
        date = None
    if date and not _is_iso_day(date):
        date = None
    return text, date


_DECLARED = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?![A-Za-z])"
                       r"|<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?"
                       r"\bcontent\s*=\s*[\"']?([A-Za-z]{2,3})(?![A-Za-z])", re.IGNORECASE)


def declared_language(html: str) -> str | None:
    """The language a page declares for itself (`<html lang="sv-SE">` -> sv), read from its head."""
    hit = _DECLARED.search(html[:20_000])
    return (hit.group(1) or hit.group(2)).lower() if hit else None


def _is_iso_day(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
