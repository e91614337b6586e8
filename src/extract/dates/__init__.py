"""Multilingual temporal tagger: DATE expressions and their TIMEX values (see `tagger.find_dates`)."""
from .tagger import find_dates, scan

__all__ = ["find_dates", "scan"]
