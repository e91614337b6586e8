"""What each event type may hold: the entity labels each role takes, which roles are filled without a cue
(nearest candidate in the sentence), and which arguments an event needs to be kept."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeSpec:
    roles: dict[str, tuple[str, ...]]  # role -> entity labels it takes (Name takes a text span)
    fallback: tuple[str, ...]  # roles filled by the nearest candidate where no cue names one
    needs_any: tuple[str, ...]  # an event without any of these is dropped
    needs_all: tuple[str, ...] = ()
    single: tuple[str, ...] = ("Name", "Date")  # roles with one value per event


SPECS: dict[str, TypeSpec] = {
    "Meeting": TypeSpec(
        {"Name": (), "Date": ("DATE",), "Place": ("LOC",), "Organizer": ("ORG", "LOC"),
         "Participant": ("ORG", "LOC", "PER"), "Funder": ("ORG",)},
        fallback=("Date", "Participant:PER"),
        needs_any=("Name", "Date", "Place", "Organizer", "Participant", "Funder")),
    "Project": TypeSpec(
        {"Name": (), "Date": ("DATE",), "Funder": ("ORG",), "Coordinator": ("ORG", "LOC"),
         "Partner": ("ORG", "LOC")},
        fallback=("Date",),
        needs_any=("Name", "Funder", "Coordinator", "Partner")),
    "Membership": TypeSpec(
        {"Member": ("ORG", "LOC"), "Network": ("ORG",), "Date": ("DATE",)},
        fallback=("Date", "Network"),
        needs_any=("Member",), needs_all=("Member", "Network"),
        single=("Date", "Network")),
    "Founding": TypeSpec(
        {"Org": ("ORG",), "Date": ("DATE",), "Founder": ("ORG", "LOC", "PER"), "Place": ("LOC",)},
        fallback=("Date", "Org"),
        needs_any=("Org",), single=("Date", "Org")),
    "Publication": TypeSpec(
        {"Name": (), "Publisher": ("ORG", "LOC", "PER"), "Date": ("DATE",)},
        fallback=("Date",),
        needs_any=("Name", "Publisher")),
}


def labels_for(event_type: str, role: str) -> tuple[str, ...]:
    return SPECS[event_type].roles.get(role, ())
