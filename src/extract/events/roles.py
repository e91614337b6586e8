"""What each event type may hold: the entity labels each role takes, which roles are filled without a cue
(nearest candidate in the sentence), and which arguments an event needs to be kept."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TypeSpec:
    roles: dict[str, tuple[str, ...]]  # role -> entity labels it takes (Name takes a text span)
    fallback: tuple[str, ...]  # roles filled by the nearest candidate where no cue names one
    needs_any: tuple[str, ...]  # an event without any of these is dropped
    needs_all: tuple[str, ...] = ()
    single: tuple[str, ...] = ("Name", "Date")  # roles with one value per event
    # The role a city or body takes when the sentence names it beside the trigger and no cue gave it a role:
    # a founding sentence's bodies are founders, a membership sentence's are members.
    default: str | None = None
    # The role the items of a list of three or more cities or bodies take beside the trigger without a cue
    # (`Partnery projektu jsou vedle Plzně města Gent, Lipsko, Tampere a Vídeň`).
    list_default: str | None = None
    # (role a cue gave, label of the argument) -> the role it takes instead
    relabel: dict[tuple[str, str], str] = field(default_factory=dict)


SPECS: dict[str, TypeSpec] = {
    "Meeting": TypeSpec(
        {"Name": (), "Date": ("DATE",), "Place": ("LOC",), "Organizer": ("ORG", "LOC"),
         "Participant": ("ORG", "LOC", "PER"), "Funder": ("ORG",)},
        # A network named beside its meeting is a Participant unless a cue says it organised it (guide).
        fallback=("Date", "Participant:PER", "Participant:network"),
        needs_any=("Name", "Date", "Place", "Organizer", "Participant", "Funder"),
        # A bare city `hosting` a meeting is where it happened; its municipality (ORG) is the Organizer.
        relabel={("Organizer", "LOC"): "Place"}),
    "Project": TypeSpec(
        {"Name": (), "Date": ("DATE",), "Funder": ("ORG",), "Coordinator": ("ORG", "LOC"),
         "Partner": ("ORG", "LOC")},
        fallback=("Date",),
        needs_any=("Name", "Funder", "Coordinator", "Partner"),
        list_default="Partner"),
    "Membership": TypeSpec(
        {"Member": ("ORG", "LOC"), "Network": ("ORG",), "Date": ("DATE",)},
        fallback=("Date", "Network"),
        needs_any=("Member",), needs_all=("Member", "Network"), default="Member",
        single=("Date",)),
    "Founding": TypeSpec(
        {"Org": ("ORG",), "Date": ("DATE",), "Founder": ("ORG", "LOC", "PER"), "Place": ("LOC",)},
        fallback=("Date", "Org"),
        needs_any=("Org",), single=("Date", "Org"), default="Founder"),
    "Publication": TypeSpec(
        {"Name": (), "Publisher": ("ORG", "LOC", "PER"), "Date": ("DATE",)},
        fallback=("Date",),
        needs_any=("Name", "Publisher"), default="Publisher"),
}


# Types that happen at a point or stretch of days, never over an open range (`since 2011`).
POINT_TYPES = ("Meeting", "Founding", "Publication")
# Types whose Date may be a start and an end (`from 2019 ... until June 2022`).
END_DATE_TYPES = ("Project",)


def labels_for(event_type: str, role: str) -> tuple[str, ...]:
    return SPECS[event_type].roles.get(role, ())
