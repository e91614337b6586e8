"""Date knowledge of one language: CLDR month and weekday names (through Babel) plus `lang/<code>/dates.toml`.

Every form is stored folded (see `fold.py`), the way the patterns meet the text. A language without a
`dates.toml` still gets its CLDR names; a code Babel does not know gets none (numeric dates and years only).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import lang_resource
from ..textfold import fold, strip_accents

_WIDTHS = ("wide", "abbreviated")
_CONTEXTS = ("format", "stand-alone")
# No weeks: the guide's TIMEX grammar has days, months and years only.
_RELATIVE_UNITS = ("day", "month", "year")


@dataclass(frozen=True)
class DateResources:
    lang: str | None
    months: dict[str, int] = field(default_factory=dict)  # folded full form -> month number
    month_abbreviations: dict[str, int] = field(default_factory=dict)  # folded, without the final dot
    bare_months: frozenset[str] = frozenset()  # full forms that are a DATE on their own
    weekdays: frozenset[str] = frozenset()  # every weekday form, for `Tuesday, 3 December`
    weekday_names: dict[str, int] = field(default_factory=dict)  # full forms -> 0 (Monday) .. 6
    bare_weekdays: frozenset[str] = frozenset()  # full forms that are a DATE on their own
    relative: dict[str, tuple[str, int]] = field(default_factory=dict)  # phrase -> (unit, offset)
    # phrase -> years after the last year the text wrote (`samma år` 0, `året därpå` 1)
    narrative_years: dict[str, int] = field(default_factory=dict)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the TOML word lists, folded
    numeric_order: str = "dmy"
    month_first: bool = False  # `May 3, 2020` is read too
    year_first: bool = False  # `2019. december 3.` is read too
    bare_month_ok: bool = True

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())


# TOML word lists the grammar uses; each is optional in a language file.
LIST_KEYS = (
    "day_suffixes", "day_month_joiners", "month_year_joiners", "year_prefixes", "year_suffixes",
    "month_suffixes", "range_connectors", "since_before", "since_before_coarse", "until_before",
    "since_after", "until_after", "articles", "not_year_before", "not_year_after", "duration_words",
    "vague_words", "clock_words", "dateline_cues", "bare_month_exclude", "day_connectors",
    "next_modifiers", "last_modifiers", "bare_weekday_exclude", "year_of_month", "range_from_endings",
    "street_before", "street_after",
)


def _cldr_order(lang: str) -> str:
    """Order of day, month and year in the locale's long date format (`dmy`, `mdy`, `ymd`), CLDR via Babel."""
    try:
        from babel.dates import get_date_format

        pattern = get_date_format("long", locale=lang).pattern
    except Exception:
        return "dmy"
    pattern = pattern.split("'")[::2]  # drop quoted literals such as 'de' or 'gada'
    found = {field: "".join(pattern).find(char) for field, char in (("d", "d"), ("m", "M"), ("y", "y"))}
    return "".join(sorted((f for f in found if found[f] >= 0), key=found.get)) or "dmy"


def _cldr_names(lang: str) -> tuple[dict[str, int], dict[str, int], set[str], dict[str, int]]:
    """Full and abbreviated month forms, all weekday forms, full weekday forms from CLDR (empty for
    unknown locales)."""
    try:
        from babel import Locale
        from babel.dates import get_day_names, get_month_names

        locale = Locale.parse(lang)
    except Exception:  # unknown or malformed code: no names, numeric dates still work
        return {}, {}, set(), {}
    full: dict[str, int] = {}
    weekday_names: dict[str, int] = {}
    abbreviated: dict[str, int] = {}
    weekdays: set[str] = set()
    for context in _CONTEXTS:
        for number, name in get_month_names("wide", context, locale=locale).items():
            full[fold(name)] = number
        for number, name in get_month_names("abbreviated", context, locale=locale).items():
            abbreviated[fold(name).rstrip(".")] = number
        for number, name in get_day_names("wide", context, locale=locale).items():
            weekday_names[fold(name)] = number
        for width in _WIDTHS:
            weekdays.update(fold(n).rstrip(".") for n in get_day_names(width, context, locale=locale).values())
    return full, abbreviated, weekdays, weekday_names


def _parse_relative(spec: str) -> tuple[str, int]:
    unit, _, offset = spec.partition(":")
    if unit not in _RELATIVE_UNITS:
        raise ValueError(f"relative date unit must be one of {_RELATIVE_UNITS}: {spec!r}")
    return unit, int(offset or 0)


@lru_cache(maxsize=None)
def date_resources(lang: str | None) -> DateResources:
    """The folded date resources of `lang`, built once per process."""
    if not lang:
        return DateResources(lang=None)
    data = lang_resource(lang, "dates")
    full, abbreviated, weekdays, weekday_names = _cldr_names(lang)
    for number, forms in data.get("months", {}).items():
        full.update({fold(f): int(number) for f in forms})
    for number, forms in data.get("month_abbreviations", {}).items():
        abbreviated.update({fold(f).rstrip("."): int(number) for f in forms})
    for number, forms in data.get("weekdays", {}).items():  # 1 = Monday, as in ISO 8601
        weekday_names.update({fold(f): int(number) - 1 for f in forms})
    weekdays.update(weekday_names)
    # Accentless spellings (`DECEMBRE`, `subat`) are months too: month words are distinctive enough.
    full.update({strip_accents(k): v for k, v in list(full.items())})
    abbreviated.update({strip_accents(k): v for k, v in list(abbreviated.items())})
    weekdays.update({strip_accents(w) for w in list(weekdays)})
    weekday_names.update({strip_accents(k): v for k, v in list(weekday_names.items())})
    # A form that is also a full name (`mai`, `May`) is matched as a full name only.
    abbreviated = {k: v for k, v in abbreviated.items() if k not in full and k}
    lists = {key: tuple(fold(w) for w in data.get(key, ())) for key in LIST_KEYS}
    exclude = set(lists["bare_month_exclude"])
    bare_ok = bool(data.get("bare_months", True))
    return DateResources(
        lang=lang,
        months=full,
        month_abbreviations=abbreviated,
        bare_months=frozenset(f for f in full if f not in exclude and strip_accents(f) not in exclude),
        weekdays=frozenset(w for w in weekdays if w),
        weekday_names=weekday_names,
        bare_weekdays=frozenset(w for w in weekday_names if w not in set(lists["bare_weekday_exclude"])),
        relative={fold(k): _parse_relative(v) for k, v in data.get("relative", {}).items()},
        narrative_years={fold(k): int(v) for k, v in data.get("narrative_years", {}).items()},
        lists=lists,
        numeric_order=data.get("numeric_order", "dmy"),
        month_first=bool(data.get("month_first", _cldr_order(lang) == "mdy")),
        year_first=bool(data.get("year_first", _cldr_order(lang).startswith("y"))),
        bare_month_ok=bare_ok,
    )
