"""Compiles one language's date resources into regular expressions over folded text, once per language.

`Grammar.atoms` is one alternation of named branches, longest forms first (at a given start the first
branch that matches wins). The context patterns look just before or after an atom: prepositions that
make it an open range, words that make a 4-digit number a quantity, a weekday that belongs to the date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import DateResources, date_resources

SPACE = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # words of one date may wrap a line, not a paragraph
GAP = r"[ \t]*"
YEAR = r"(?:1\d\d\d|20\d\d)(?!\d)"  # bare numbers are held to 1900-2099 by the tagger
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
# A number glued to other digits by a separator is part of something else (a version, a phone number).
NOT_AFTER_NUMBER = r"(?<!\w)(?<!\d[.,:/])"
# Symbols that make an adjacent 4-digit number a quantity or a reference, in any language.
NUMBER_SIGNS_BEFORE = r"[№#§€$£]|n[°º]"
NUMBER_SIGNS_AFTER = r"[%€$£‰°]|/\d"  # `2015/2366/ΕΕ` is a directive number

# Branch names in match order; the tagger reads each branch's groups by these prefixes.
BRANCHES = ("iso", "num", "nmy", "ddm", "dmy", "mdy", "mmy", "my", "ymd", "ygm", "yy", "y", "mrel", "mnar", "msh", "mon",
            "wd", "relm", "nar", "rel")


def any_of(forms, boundary: bool = True) -> str:
    """An alternation of literal folded forms, longest first; spaces match any run of spaces."""
    forms = sorted({f for f in forms if f}, key=len, reverse=True)
    if not forms:
        return r"(?!x)x"  # matches nothing
    parts = []
    for form in forms:
        body = SPACE.join(re.escape(w) for w in form.split())
        if boundary and (form[-1].isalnum() or form[-1] == "_"):
            body += r"(?!\w)"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Grammar:
    res: DateResources
    atoms: re.Pattern
    joint: re.Pattern  # the text between two atoms that makes them one range
    day_joint: re.Pattern  # the same, or a day connector (`and`): two days named one after the other
    before: re.Pattern  # open-range preposition or quantity word right before an atom
    after: re.Pattern  # open-range postposition right after an atom (Turkish `beri`, `kadar`)
    after_guard: re.Pattern  # a unit or sign right after a bare year
    street_before: re.Pattern  # a street word right before an atom (`οδός`, `ул.`): the date names a street
    street_after: re.Pattern  # a street word or a house number right after an atom (`Caddesi`, `36`)
    weekday: re.Pattern  # a weekday right before a date
    branch_names: tuple[str, ...]  # the branches compiled into `atoms`, in match order


def _month(name: str, res: DateResources) -> str:
    full = any_of(res.months)
    abbr = any_of(res.month_abbreviations, boundary=False)
    return rf"(?P<{name}>{full}|{abbr}(?:\.|(?!\w)))"


def _year_spec(p: str, res: DateResources) -> str:
    prefix = rf"(?:(?P<{p}_ypre>{any_of(res.words('year_prefixes'))}){SPACE})?"
    suffix = rf"(?:{GAP}(?P<{p}_ysuf>{any_of(res.words('year_suffixes'))}))?"
    return rf"{prefix}(?P<{p}_y>{YEAR}){suffix}"


def _day(name: str, res: DateResources) -> str:
    return rf"(?P<{name}>{DAY})(?:{any_of(res.words('day_suffixes'), boundary=False)})?"


def _connector(words: tuple[str, ...], endings: tuple[str, ...] = ()) -> str:
    """What links the two ends of a range: a dash, a connector word, or (after the left end's apostrophe) a
    case ending for "from" (`Ocak 2023’ten Aralık 2024`)."""
    ending = rf"|['’]{any_of(endings)}{SPACE}" if endings else ""
    return rf"(?:{GAP}-{GAP}|{SPACE}{any_of(words)}{SPACE}{ending})"


def _day_connector(res: DateResources) -> str:
    # Between two days of one month "and" makes a range too (`17 και 18 Οκτωβρίου`).
    return _connector(res.words('range_connectors') + res.words('day_connectors'))


def _branches(res: DateResources) -> dict[str, str]:
    connector = _connector(res.words('range_connectors'))
    day_connector = _day_connector(res)
    shift = any_of(res.words("next_modifiers") + res.words("last_modifiers"))
    day_month = rf"(?:{SPACE}{any_of(res.words('day_month_joiners'))})?{GAP}"
    month_year = rf"(?:{GAP},)?{SPACE}(?:{any_of(res.words('month_year_joiners'))}{SPACE})?"
    month_suffix = rf"(?:{SPACE}(?P<mon_suf>{any_of(res.words('month_suffixes'))}))?"
    ysuf = rf"(?:{GAP}{any_of(res.words('year_suffixes'))})?"
    month_word = rf"(?:{SPACE}{any_of(res.words('month_suffixes'))})?"  # `Mayıs ayında`, where no group needs it
    narrative = any_of(res.narrative_years)
    relative_years = any_of([p for p, (unit, _) in res.relative.items() if unit == "year"])
    branches = {
        "iso": rf"(?P<iso_y>{YEAR})(?P<iso_sep>[-/.])(?P<iso_m>0[1-9]|1[0-2])(?P=iso_sep)"
               rf"(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d])",
        "num": rf"(?:(?P<num_d0>{DAY})\.?{GAP}-{GAP})?(?P<num_a>\d{{1,2}})(?P<num_sep>[./-])(?P<num_b>\d{{1,2}})"
               rf"(?P=num_sep)(?P<num_y>{YEAR})(?![.,]\d){ysuf}",
        "nmy": rf"(?P<nmy_m>0[1-9]|1[0-2])[./](?P<nmy_y>{YEAR})(?![.,/]\d){ysuf}",
        "ddm": rf"{_day('ddm_d1', res)}{day_connector}{_day('ddm_d2', res)}{day_month}{_month('ddm_m', res)}"
               rf"(?:{month_year}{_year_spec('ddm', res)})?",
        "dmy": rf"{_day('dmy_d', res)}{day_month}{_month('dmy_m', res)}(?:{month_year}{_year_spec('dmy', res)})?",
        "mdy": rf"{_month('mdy_m', res)}{SPACE}{_day('mdy_d1', res)}(?:{connector}{_day('mdy_d2', res)})?"
               rf"(?:{GAP},?{SPACE}{_year_spec('mdy', res)})?",
        "mmy": rf"{_month('mmy_m1', res)}{connector}{_month('mmy_m2', res)}{month_year}{_year_spec('mmy', res)}",
        "my": rf"{_month('my_m', res)}{month_year}{_year_spec('my', res)}",
        "ymd": rf"(?P<ymd_y>{YEAR})\.?{SPACE}{_month('ymd_m', res)}(?:{SPACE}{_day('ymd_d', res)})?",
        # a month named as the year's (`2025 yılının Mayıs ayında`)
        "ygm": rf"(?P<ygm_y>{YEAR}){SPACE}{any_of(res.words('year_of_month'))}{SPACE}{_month('ygm_m', res)}{month_word}",
        "yy": rf"{_year_spec('yy1', res)}(?:{GAP}/{GAP}|{connector}){_year_spec('yy2', res)}",
        "y": _year_spec("y", res),
        # a year named from the story (`oktober samma år`, `aynı yılın Haziran ayında`, `Året därpå`)
        "mnar": rf"{_month('mnar_m', res)}{SPACE}(?P<mnar_p>{narrative})",
        # a month of a relative year (`mars nästa år`, `ноември миналата година`, `gelecek yılın mart ayında`)
        "mrel": rf"{_month('mrel_m', res)}{month_year}(?P<mrel_p>{relative_years})",
        # the last or next such month (`περασμένο Νοέμβριο`, `geçen kasım`, `novembre dernier`)
        "msh": rf"(?:(?P<msh_pre>{shift}){SPACE}{_month('msh_m', res)}|{_month('msh_m2', res)}{SPACE}(?P<msh_post>{shift})){month_word}",
        "mon": rf"{_month('mon_m', res)}{month_suffix}",
        # a weekday alone names a day (guide); `kommenden Sonntag`, `lundi prochain` keep their modifier
        "wd": rf"(?:(?P<wd_pre>{shift}){SPACE})?(?P<wd_w>{any_of(res.weekday_names)})(?:{SPACE}(?P<wd_post>{shift}))?",
        "relm": rf"(?P<relm_p>{relative_years}){SPACE}{_month('relm_m', res)}{month_word}",
        "nar": rf"(?P<nar_p>{narrative})(?:{SPACE}{_month('nar_m', res)}{month_word})?",
        "rel": rf"(?P<rel_p>{any_of(res.relative)})",
    }
    if not res.month_first:
        del branches["mdy"]
    if not res.year_first:
        del branches["ymd"]
    return branches


def _compile_atoms(res: DateResources) -> tuple[re.Pattern, tuple[str, ...]]:
    branches = _branches(res)
    names = tuple(name for name in BRANCHES if name in branches)
    body = "|".join(rf"(?P<{name}>{branches[name]})" for name in names)
    return re.compile(rf"{NOT_AFTER_NUMBER}(?:{body})"), names


@lru_cache(maxsize=None)
def grammar(lang: str | None) -> Grammar:
    """The compiled grammar of `lang` (cached: built once per language and process)."""
    res = date_resources(lang)
    atoms, names = _compile_atoms(res)
    articles = rf"(?:{any_of(res.words('articles'))}{SPACE})?"
    before = (
        rf"(?<!\w)(?:(?P<since>{any_of(res.words('since_before'))})|(?P<since_coarse>"
        rf"{any_of(res.words('since_before_coarse'))})|(?P<until>{any_of(res.words('until_before'))})|"
        rf"(?P<guard>{any_of(res.words('not_year_before'), boundary=False)}|{NUMBER_SIGNS_BEFORE})\.?)"
        rf"{GAP}:?{GAP}\n?{GAP}{articles}\Z"  # a field's label may end in the word (`Medlem sedan: 2019`)
    )
    after = (
        rf"(?:'\w+)?{SPACE}(?:(?P<since>{any_of(res.words('since_after'))})|"
        rf"(?P<until>{any_of(res.words('until_after'))}))"
    )
    after_guard = rf"{GAP}(?:{NUMBER_SIGNS_AFTER}|{any_of(res.words('not_year_after'))})"
    joint = _connector(res.words('range_connectors'), res.words('range_from_endings'))
    quote = r"[\"'„“”«»‘’]?"
    # a number or numeral the grammar reads as no day may stand between the street word and the month
    street_numeral = rf"(?:(?:\d+\w{{0,3}}|[ivxlc]+|\w{{1,2}}[΄'’]){GAP})?"
    street_before = rf"(?<!\w){any_of(res.words('street_before'))}\.?{GAP}{quote}{GAP}{street_numeral}\Z"
    # a house number: marked (`No: 5`, `αρ. 12`), or bare and closing the address part (`Γ΄ Σεπτεμβρίου 36,`)
    street_after = (
        rf"{quote}{GAP}(?:(?P<street_word>{any_of(res.words('street_after'))})|"
        rf"(?P<number_sign>[^\W\d_]{{1,3}}[.:]{GAP})\d{{1,3}}[a-z]?(?=[\s,;)]|\Z)|"
        rf"\d{{1,3}}[a-z]?(?={GAP}(?:[,;)]|\n|\Z)))"
    )
    weekday = (
        rf"(?<!\w)(?P<wd_name>{any_of(res.weekdays, boundary=False)})\.?{GAP},?{SPACE}"
        rf"{articles}\Z"
    )
    return Grammar(
        res=res,
        atoms=atoms,
        joint=re.compile(joint),
        day_joint=re.compile(_day_connector(res)),
        before=re.compile(before),
        after=re.compile(after),
        after_guard=re.compile(after_guard),
        street_before=re.compile(street_before),
        street_after=re.compile(street_after),
        weekday=re.compile(weekday),
        branch_names=names,
    )
