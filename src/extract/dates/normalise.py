"""TIMEX values (ISO 8601 at the precision written) for points, ranges, open ranges and relative dates.

Nothing is invented: a year the text does not give comes from the anchor (the document date) or is
`XXXX`; a relative date without an anchor is `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_ANCHOR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Point:
    """A calendar date at the precision written: year only, year-month or a day (year may be unknown)."""
    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def valid(self) -> bool:
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None:
            if self.month is None:
                return False
            # a yearless 29 February is a real date: check it against a leap year
            last = calendar.monthrange(self.year or 2000, self.month)[1]
            return 1 <= self.day <= last
        return True

    def with_year(self, year: int | None) -> Point:
        return self if self.year is not None else Point(year, self.month, self.day)

    def key(self, year: int = 0) -> tuple[int, int, int]:
        """Sort key; `year` stands in where the year is unknown."""
        return (self.year if self.year is not None else year, self.month or 0, self.day or 0)


def parse_anchor(doc_date: str | None) -> Point | None:
    """The anchor as a Point (`2019-12-03`, `2019-12`, `2019`, or an ISO timestamp); None if unusable."""
    if not doc_date:
        return None
    m = _ANCHOR.match(doc_date.strip())
    if not m:
        return None
    point = Point(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)
    return point if point.valid() else None


def point_value(point: Point, anchor: Point | None = None) -> str:
    year = point.year if point.year is not None else (anchor.year if anchor else None)
    text = f"{year:04d}" if year is not None else "XXXX"
    if point.month:
        text += f"-{point.month:02d}"
        if point.day:
            text += f"-{point.day:02d}"
    return text


def range_value(begin: Point, finish: Point, anchor: Point | None = None) -> str:
    return f"{point_value(begin, anchor)}/{point_value(finish, anchor)}"


def open_value(point: Point, side: str, anchor: Point | None = None) -> str:
    """`since` gives `2018/..`, `until` gives `../2019-12`."""
    value = point_value(point, anchor)
    return f"{value}/.." if side == "since" else f"../{value}"


def relative_value(unit: str, offset: int, anchor: Point | None) -> str:
    """A relative date resolved against the anchor, or a *_REF value where the anchor lacks the precision."""
    needs = {"day": "day", "month": "month", "year": "year"}[unit]
    have = anchor.precision if anchor else None
    order = ("year", "month", "day")
    if have is None or order.index(have) < order.index(needs):
        return "PRESENT_REF" if offset == 0 else "PAST_REF" if offset < 0 else "FUTURE_REF"
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "month":
        months = anchor.year * 12 + (anchor.month - 1) + offset
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return (dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(days=offset)).isoformat()


def month_shift_value(month: int, shift: str, anchor: Point | None) -> str:
    """`last November` / `next March`: the latest such month before the document date's month, or the first
    after it; `XXXX-MM` without a document month."""
    if anchor is None or anchor.month is None:
        return point_value(Point(None, month))
    if shift == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return point_value(Point(year, month))


# A bare weekday names a day at most this many days after the document date, else the one before it: news
# tells of days past (`В понеделник започна ...` on a Friday), and a coming day is most often two days off.
WEEKDAY_AHEAD = 2


def weekday_value(weekday: int, shift: str | None, anchor: Point | None,
                  context: Point | None = None, context_weekday: int | None = None) -> str | None:
    """A weekday (0 = Monday) as the day it names. Against the document date: the nearest such day (at most
    WEEKDAY_AHEAD days ahead), or the next / last one where the text says so (`kommenden Sonntag`). Without
    one: the first such day from the last day date the text gave (a schedule runs forward: `sabato 14
    settembre ... lunedì`).
    None where neither is known (the guide's values have no week-based form)."""
    if anchor is not None and anchor.precision == "day":
        day = dt.date(anchor.year, anchor.month, anchor.day)
        ahead = (weekday - day.weekday()) % 7
        if shift == "next":
            delta = ahead or 7
        elif shift == "last":
            delta = ahead - 7 if ahead else -7
        else:
            delta = ahead if ahead <= WEEKDAY_AHEAD else ahead - 7
        return (day + dt.timedelta(days=delta)).isoformat()
    if context is None or context_weekday is None or context.day is None:
        return None
    ahead = (weekday - context_weekday) % 7
    # the year may be unknown: a leap year stands in, only for the length of February
    base = dt.date(context.year or 2000, context.month, context.day) + dt.timedelta(days=ahead)
    return point_value(Point(base.year if context.year else None, base.month, base.day))
