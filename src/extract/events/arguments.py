"""Attaches arguments to the drafts of one sentence: first by the language's cue words (with lists
chained through commas and conjunctions), then the roles that take the nearest candidate without a cue."""
from __future__ import annotations

import re

from ..document import Mention
from .drafts import Draft, Unit
from .merge import entity_key, speaks_for
from ..textfold import fold_accents as fold
from .lexicon import EventLexicon
from ..entities.venues import before_house_number, is_venue
from .networks import MEETING_KINDS, is_council, is_institution, is_network, is_region
from .patterns import Cue
from .roles import END_DATE_TYPES, POINT_TYPES, SPECS, labels_for

_WORD = re.compile(r"\w+")
# A clause or sentence break stops a cue from reaching an argument.
_BREAK = re.compile(r"[;!?\n\r]|(?<!\d)\.(?:\s|$)|:\s")
NETWORK_OWNER_GAP = 2  # words between an owner and its network (`Europarådets nätverk Intercultural Cities`)
DEFAULT_REACH = 16  # words (outside names) between a trigger and a name that takes its type's default role
LIST_DEFAULT_MIN = 3  # items a list needs before its names take a type's list role without a cue
_LIST_MARK = re.compile(r"[,;()/\-–—\"“”„«»]")
_BRACKET = re.compile(r"[()]")
_CLOSING = re.compile(r"^\s*\)")  # the bracket closing the earlier name's acronym marks no list
# A list item's mark: a dash, bullet or square, or a number with a dot or bracket.
BULLET = r"(?:[-–—•*■▪·]|\d{1,2}[.)])"
_LIST_OPENING = re.compile(rf"[ \t]*:[ \t]*\n[ \t]*{BULLET}[ \t]+")  # a colon, a line break, a bullet
_TAIL_STOP = set(" \t\n\r,;.:!?(\"“”«»")
_TAIL_STRIP = re.compile(r"[’'\)\]\-]")


def _outside(lo: int, hi: int, cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [lo, hi) outside the cut spans."""
    parts, pos = [], lo
    for a, b in sorted(cut):
        if b <= pos or a >= hi:
            continue
        if a > pos:
            parts.append((pos, a))
        pos = max(pos, b)
    if pos < hi:
        parts.append((pos, hi))
    return parts


def _day_precise(value: str | None) -> bool:
    """A TIMEX value naming days (`2022-03-07`, `2022-03-07/2022-03-08`), not months or years."""
    return bool(value) and all(len(part) == 10 for part in value.split("/") if part != "..")


def gap_words(text: str, start: int, end: int) -> int | None:
    """Words between two offsets, or None where a clause break lies between them."""
    between = text[start:end]
    if _BREAK.search(between):
        return None
    return len(_WORD.findall(between))


def tail(text: str, mention: Mention) -> str:
    """The mention's last word with any suffix glued after the span (`İstanbul’da` -> `istanbulda`)."""
    words = text[mention.start:tail_end(text, mention)].split()
    return fold(_TAIL_STRIP.sub("", words[-1])) if words else ""


def has_suffix(text: str, mention: Mention, suffix: str) -> bool:
    """The case suffix is glued after the span (`CLIP’e`) or fused into a lower-case word (`Merkezinde`);
    an acronym's own last letters (`GOE`) are no suffix."""
    end = tail_end(text, mention)
    word = tail(text, mention)
    if not word.endswith(suffix) or len(word) <= len(suffix):
        return False
    if any(c.isalpha() for c in text[mention.end:end]):
        return True
    # Fused only into the common noun that ends a multiword name (`Sanat Merkezinde`); a one-word proper
    # name takes its suffix after an apostrophe, so `Kanada` ends in `da` without a locative.
    words = mention.text.split()
    return len(words) > 1 and not words[-1].isupper() and len(words[-1]) > len(suffix) + 2


def tail_end(text: str, mention: Mention) -> int:
    """Where the mention's last word ends, a suffix glued after the span included."""
    j = mention.end
    while j < len(text) and text[j] not in _TAIL_STOP:
        j += 1
    return j


class SentenceArguments:
    """Argument attachment for one sentence; `mentions` are the sentence's mentions in text order."""

    def __init__(self, text: str, folded: str, unit: Unit, mentions: list[Mention], lex: EventLexicon,
                 earlier: list[Mention] | None = None):
        self.text, self.folded, self.unit, self.lex = text, folded, unit, lex
        self.mentions = mentions
        self.earlier = earlier or []  # the document's mentions before this sentence, in text order
        self.claimed: dict[str, set[int]] = {}  # event type -> ids of mentions a cue gave a role
        self._unit_text = folded[unit.start:unit.end]
        # ids of the names no role may take: the places a seat cue names (`sekretariat i Bryssel`), the people a
        # credit line names (`Foto: Sara Lundqvist`)
        self.seated = self._named_by(self.lex.seat, ("LOC",)) | self._named_by(self.lex.credits, ("PER",))

    # --- cues ---------------------------------------------------------------------------------
    def attach_cues(self, drafts: list[Draft], dropped: list[Draft]) -> None:
        # Types with a trigger of their own come first: a name they took is not also a follow-up's.
        follow_only = {d.type for d in drafts} - {d.type for d in drafts if not d.implicit}
        for etype in sorted({d.type for d in drafts}, key=lambda t: (t in follow_only, t)):
            taken: set[int] = set(self.seated)  # one role per mention and event type: the most specific cue wins
            taken_at: dict[int, int] = {}  # mention id -> where the cue that took it starts
            # `organised by X` is passive: the same words may not also read as active `X organised`.
            after_hits = self._after_cue_hits(etype)
            passive = [(c.role, s, e) for c, s, e in after_hits if len(c.pattern.split()) > 2]  # verb + agent + `_`
            for cue in self.lex.types[etype].cues:  # most specific first (see TypeLexicon)
                labels = labels_for(etype, cue.role)
                # A bare preposition (`in _`, `by _`) in a sentence that only follows an event says where or by
                # whom something else is (`v Brně žije ...`); there it needs a verb of its own (`se tiendront au _`).
                # A case ending alone (`_-da`) is the bare preposition of languages that fuse it.
                # A one-word cue after its argument is a verb (`_ gezdi`, "visited"), no preposition.
                one_word = cue.words is None or (len(cue.pattern.split()) <= 2 and cue.side == "after")
                bare_preposition = one_word and (cue.role == "Place" or (cue.role == "Founder" and cue.side == "after"))
                for pos, chain in self._cue_hits(cue, labels, taken, taken_at, after_hits):
                    if cue.side == "before" and cue.words is not None and any(
                            r == cue.role and s <= pos < e for r, s, e in passive):
                        continue
                    if any(w.type == etype and w.start <= pos < w.end for w in dropped):
                        continue  # the cue is the very word that was not read as this type's trigger
                    if cue.side == "before" and self._after_passive_aux(pos):
                        continue  # `X was founded in 2006 by Y`: X is what was founded, not who founded it
                    # ... unless the sentence already spoke of the event through a cue of its own (`Община Русе
                    # посрещна в Доходното здание ...`).
                    holders = [d for d in drafts if cue.role in SPECS[d.type].roles
                               and not (d.implicit and bare_preposition and not d.cue_args)]
                    # A trigger in the sentence anchors its cues before any event the sentence only follows.
                    holders = [d for d in holders if not d.implicit] or holders
                    if not holders:
                        continue
                    target = min(holders, key=lambda d: (abs(d.start - pos), d.start))
                    if target.type != etype:
                        continue  # the cue (`co-funded by`) belongs to a nearer trigger of another type
                    if cue.words is None and self._names_next(chain[0]):
                        continue  # `İstanbul'daki Esenyurt Belediyesi`: the ending says where the next name is
                    if cue.role == "Network":
                        chain = [self._network_beside(m) for m in chain]
                    if target.implicit:
                        others = set().union(*(ids for t, ids in self.claimed.items() if t != etype))
                        chain = [m for m in chain if id(m) not in others]
                    for m in chain:
                        if cue.role == "Member" and is_network(m, self.lex, self.folded) and not self._other_network(m):
                            continue  # a network named beside a membership verb is the network joined
                        if cue.role == "Member" and (is_institution(m) or is_council(m, self.lex)):
                            continue  # the Council of Europe runs a network, a city council decides: no members
                        # A city said to host a meeting is where it happened (`Rotterdam is gastheer`).
                        role = SPECS[etype].relabel.get((cue.role, m.label), cue.role)
                        target.add(role, m, by_cue=True)
                        self.claimed.setdefault(etype, set()).add(id(m))
                        taken.add(id(m))
                        taken_at.setdefault(id(m), pos)

    def join_venue_towns(self, drafts: list[Draft]) -> None:
        """A venue and its town written together (`в Регионалния исторически музей в Шумен`, `Malmö Live,
        Malmö`, `İzmir'deki ... Sanat Merkezi'nde`) are one setting: an event that took either place takes both."""
        lang = self.unit.lang
        locs = [m for m in self.mentions if m.label == "LOC" and id(m) not in self.seated]
        for m, n in zip(locs, locs[1:]):
            if self.mentions.index(n) != self.mentions.index(m) + 1 or is_region(m, lang) or is_region(n, lang):
                continue
            venue_first = is_venue(m.text, lang) and not is_venue(n.text, lang)
            town_first = is_venue(n.text, lang) and not is_venue(m.text, lang) and self._qualified(m) is n
            if not (venue_first and self._place_link(m, n, drafts) or town_first):
                continue
            for d in drafts:
                if "Place" not in SPECS[d.type].roles:
                    continue
                places = {id(x) for r, x in d.args if r == "Place"}
                if id(m) in places and id(n) not in places:
                    d.add("Place", n, by_cue=True)
                elif id(n) in places and id(m) not in places:
                    d.add("Place", m, by_cue=True)

    def share_founding_setting(self, drafts: list[Draft]) -> None:
        """`created at a founding assembly in the museum in Shumen`: a body founded at a meeting the same sentence
        names was founded where that meeting was, and the meeting was held where the body was founded."""
        own = [d for d in drafts if not d.implicit]
        for founding in (d for d in own if d.type == "Founding"):
            for meeting in (d for d in own if d.type == "Meeting"):
                for a, b in ((founding, meeting), (meeting, founding)):
                    if not b.has("Place"):
                        for m in [m for r, m in a.args if r == "Place"]:
                            b.add("Place", m, by_cue=False)

    def _place_link(self, m: Mention, n: Mention, drafts: list[Draft]) -> bool:
        """Only a comma or a Place cue's words (`в`, `στη`, `i`) stand between the two names."""
        a, b = m.end, n.start
        while a < b and self.folded[a] in " \t,":
            a += 1
        while b > a and self.folded[b - 1] in " \t":
            b -= 1
        if a == b:
            return "," in self.text[m.end:n.start]
        cues = {c.pattern: c for d in drafts for c in self.lex.types[d.type].cues if c.role == "Place"
                and c.side == "after"}
        return any(c.words.fullmatch(self.folded, a, b) for c in cues.values())

    def _named_by(self, cues: list[Cue], labels: tuple[str, ...]) -> set[int]:
        """Ids of the mentions (of these labels) the cues name in the sentence."""
        return {id(m) for cue in cues for _, chain in self._cue_hits(cue, labels, set(), None, []) for m in chain}

    def _unknown_body(self, m: Mention) -> bool:
        """An organisation only the model saw, no lexicon body or network: after a place cue (`at the Mansion
        House`, `au Lieu Unique`) it is far more often a venue the model mislabelled."""
        return m.label == "ORG" and m.source == "model" and not m.attrs.get("kind") \
            and not is_network(m, self.lex, self.folded) and not is_institution(m)

    def _names_next(self, m: Mention) -> bool:
        """A body's name follows right after the mention's attributive ending (`İstanbul'daki Esenyurt
        Belediyesi`); a plain locative before a name (`Ankara Palas’ta Türkiye Belediyeler Birliğinin ev
        sahipliğinde`) still says where."""
        nxt = self._qualified(m)
        return nxt is not None and nxt.label != "LOC"

    def _qualified(self, m: Mention) -> Mention | None:
        """The name right after `m` where `m` ends in an attributive ending (`İzmir'deki`), else None."""
        if not any(has_suffix(self.text, m, x) for x in self.lex.attributive_suffixes):
            return None
        end = tail_end(self.text, m)
        nxt = next((n for n in self.mentions if n.start >= end), None)
        return nxt if nxt is not None and not self.text[end:nxt.start].strip() else None

    def prune_settings(self, drafts: list[Draft]) -> None:
        """Countries are settings: one beside a city or venue of the same event is not its place (`Türkiye'de
        ... Mersin'de toplanan`), a country takes part in no meeting (`delegates from all over Italy`), and the
        countries a network's members come from are no members of a network of cities."""
        lang = self.unit.lang
        for d in drafts:
            places = [m for r, m in d.args if r == "Place"]
            city_place = any(not is_region(m, lang) for m in places)
            d.args = [(r, m) for r, m in d.args
                      if not ((r == "Place" and (city_place or d.type == "Meeting") or r in ("Participant", "Member")) and is_region(m, lang))]
            # A street of an address (`EBB Kültür Salonu, Cumhuriyet Bulvarı No: 12, İzmir`) beside the venue
            # or town is where the venue stands, not a place of its own.
            streets = {id(m) for m in places if before_house_number(self.text, m.end)}
            if streets and len(streets) < len(places):
                d.args = [(r, m) for r, m in d.args if not (r == "Place" and id(m) in streets)]

    def _after_passive_aux(self, pos: int) -> bool:
        aux = self.lex.passive_aux
        return aux is not None and aux.search(self.folded[max(self.unit.start, pos - 40):pos]) is not None

    def _other_network(self, m: Mention) -> bool:
        """Another network than `m` in the sentence (`RECI forma parte del programa Ciudades Interculturales`)."""
        return any(n is not m and n.entity_id != m.entity_id and is_network(n, self.lex, self.folded)
                   for n in self.mentions)

    def _network_beside(self, m: Mention) -> Mention:
        """`member of the Council of Europe's Intercultural Cities network`: the owner named before a
        network stands for it only where no network follows."""
        if is_network(m, self.lex, self.folded):
            return m
        nxt = next((n for n in self.mentions if n.start >= m.end), None)
        if nxt is not None and is_network(nxt, self.lex, self.folded):
            gap = gap_words(self.text, tail_end(self.text, m), nxt.start)
            if gap is not None and gap <= NETWORK_OWNER_GAP:
                return nxt
        return m

    def _after_cue_hits(self, etype: str) -> list[tuple[Cue, int, int]]:
        """Where the type's cues that precede their argument (`organised by _`) match in the sentence."""
        return [(c, h.start(), h.end()) for c in self.lex.types[etype].cues
                if c.side == "after" and (not c.anchor or c.anchor in self._unit_text)
                for h in c.words.finditer(self.folded, self.unit.start, self.unit.end)]

    def places_by_cue(self, etype: str) -> list[list[Mention]]:
        """The LOC chains the type's Place cues find in the sentence, whatever the sentence's triggers."""
        after_hits = self._after_cue_hits(etype)
        return [chain for cue in self.lex.types[etype].cues if cue.role == "Place"
                for _, chain in self._cue_hits(cue, ("LOC",), set(self.seated), None, after_hits)]

    def welcomed_places(self) -> list[list[Mention]]:
        """The LOC chains a welcome cue names (`varmt välkomna till Malmö och till Slagthuset`)."""
        return [chain for cue in self.lex.welcome
                for _, chain in self._cue_hits(cue, ("LOC",), set(self.seated), None, [])]

    def _cue_hits(self, cue: Cue, labels: tuple[str, ...], taken: set[int], taken_at: dict[int, int] | None,
                  after_hits: list[tuple[Cue, int, int]]):
        """(cue offset, [mentions]) for each place the cue finds an argument; `after_hits` are all the type's
        after-cue matches, so that another role's cue nearer a name stops this one."""
        u = self.unit
        if cue.anchor and cue.anchor not in self._unit_text:
            return
        single_word = cue.words is not None and len(cue.pattern.replace("_", "").split()) == 1
        max_gap = 1 if single_word and cue.side == "after" else self.lex.max_gap_words
        if cue.side == "after":
            for hit in cue.words.finditer(self.folded, u.start, u.end):
                for m in self.mentions:
                    if m.start < hit.start() or m.end <= hit.end():
                        continue
                    if m.start < hit.end():
                        # The cue's last word is the name's own head (`από τον Δήμο` in `τον Δήμο Αθηναίων`):
                        # a shorter cue reads it; skipping to the next name would pick the wrong one.
                        break
                    if _LIST_OPENING.fullmatch(self.text, hit.end(), m.start):
                        gap = 0  # `partners were:` and a bullet list
                    else:
                        gap = gap_words(self.text, hit.end(), m.start)
                    if gap is None or gap - self._words_in_mentions(hit.end(), m.start) > max_gap:
                        break
                    if any(c.role != cue.role and hit.end() <= s and e <= m.start for c, s, e in after_hits):
                        break  # another role's cue stands nearer the name (`του δικτύου θα γίνει ... στο Ηράκλειο`)
                    if m.label in labels or (cue.role == "Place" and self._unknown_body(m)):
                        if id(m) not in taken:  # a name a more specific cue took stops this one
                            yield hit.start(), self._chain(m, labels, forward=True) if m.label in labels else [m]
                        break
            return
        if cue.words is None:  # suffix only: the argument's own ending is the cue
            for m in self.mentions:
                if m.label in labels and id(m) not in taken and has_suffix(self.text, m, cue.suffix):
                    yield m.start, self._chain(m, labels, forward=False)
            return
        for hit in cue.words.finditer(self.folded, u.start, u.end):
            before = [m for m in self.mentions if m.end <= hit.start() and m.label in labels]
            passed: list[Mention] = []  # networks the scan stepped over (`Gaziantep ... EUROCITIES ağının üyesi`)
            for m in reversed(before):
                gap = gap_words(self.text, tail_end(self.text, m), hit.start())
                skipped = self._words_in_mentions(m.end, hit.start(), skip=labels) + sum(
                    len(_WORD.findall(n.text)) for n in passed)
                if gap is None or gap - skipped > max_gap:
                    break
                if cue.role == "Member" and is_network(m, self.lex, self.folded) and not cue.suffix:
                    passed.append(m)
                    continue
                if id(m) in taken:
                    if (taken_at or {}).get(id(m)) == hit.start():
                        break  # a longer cue at these very words (`_ tarafından kuruldu`) took its name
                    continue  # verb-final clauses: the subject stands before the object a cue took
                if cue.suffix and not has_suffix(self.text, m, cue.suffix):
                    break  # the case ending belongs on the nearest name
                if not cue.suffix and any(has_suffix(self.text, m, x) for x in self.lex.oblique_suffixes):
                    continue  # `Türkiye’den ... katıldı`: a name in an oblique case is not the verb's subject; an earlier one may be
                yield hit.start(), self._chain(m, labels, forward=False)
                break

    def _words_in_mentions(self, start: int, end: int, skip: tuple[str, ...] = ()) -> int:
        # Words of other mentions (a date between the argument and its verb) do not count as distance.
        return sum(len(_WORD.findall(m.text)) for m in self.mentions
                   if start <= m.start and m.end <= end and m.label not in skip)

    def _chain(self, first: Mention, labels: tuple[str, ...], forward: bool) -> list[Mention]:
        """The mention and the list it heads: `X, Y and Z`, `X (ACR)`."""
        chain = [first]
        order = self.mentions if forward else list(reversed(self.mentions))
        idx = order.index(first)
        conjunction_seen = False
        skipped: list[tuple[int, int]] = []  # bracketed countries after a list item (`Гюргево (Румъния)`)
        for nxt in order[idx + 1:]:
            prev = chain[-1]
            if self._locator(nxt):
                skipped.append((self.text.rindex("(", 0, nxt.start), self.text.index(")", nxt.end) + 1))
                continue
            lo, hi = (prev.end, nxt.start) if forward else (nxt.end, prev.start)
            between = "".join(self.folded[a:b] for a, b in _outside(lo, hi, skipped))
            joint = self.lex.list_joiners.match(between)
            if nxt.label not in labels or joint is None:
                break
            # Two names side by side, or joined by an article alone (`(ΤΑΜΕ) της Ευρωπαϊκής Ένωσης`), are no list.
            if not joint.group("conj") and not _LIST_MARK.search(_CLOSING.sub("", between, count=1)):
                break
            # Backwards, a bare comma joins a list only beyond its conjunction (`A, B and C verb`);
            # `Gaziantep Belediyesi, AB tarafından finanse edilen` is a subject before a clause.
            if not forward and not joint.group("conj") and not conjunction_seen and not _BRACKET.search(between):
                break
            conjunction_seen = conjunction_seen or bool(joint.group("conj"))
            chain.append(nxt)
        return chain

    def _locator(self, m: Mention) -> bool:
        """A country in brackets right after a city, saying where the city lies."""
        if not is_region(m, self.unit.lang):
            return False
        return self.text[max(0, m.start - 2):m.start].strip() == "(" and self.text[m.end:m.end + 1] == ")"

    # --- roles without a cue ------------------------------------------------------------------
    def attach_fallbacks(self, drafts: list[Draft], previous_unit_mentions: list[Mention]) -> None:
        for role_spec in dict.fromkeys(r for d in drafts for r in SPECS[d.type].fallback):  # in a fixed order
            role, _, label = role_spec.partition(":")
            holders = [d for d in drafts if role_spec in SPECS[d.type].fallback
                       and (not d.implicit or role_spec == "Participant:PER" or self._speaks_of(d, role))]
            if not holders:
                continue
            claimed = set().union(*(self.claimed.get(d.type, set()) for d in holders))
            free = [m for m in self.mentions if id(m) not in claimed and id(m) not in self.seated]
            if role in ("Date", "Network", "Org"):
                self._nearest_one(role, holders, free, previous_unit_mentions)
                continue
            for m in free:
                if m.label == label or (label == "network" and is_network(m, self.lex, self.folded, MEETING_KINDS)):
                    min(holders, key=lambda d: abs(d.start - m.start)).add(role, m, by_cue=False)

    def attach_defaults(self, drafts: list[Draft]) -> None:
        """Cities and bodies the sentence names beside a trigger with no cue for them take the type's default
        role (`founded in 1986 by the mayors of six cities: Barcelona, ...`), for the nearest trigger whose
        type has one. Left out: names any draft of the sentence already holds, countries and continents
        (a setting, not an actor), networks where members are meant, and a body right beside a named person
        (`IOM’un program yöneticisi Daniela Rossi`: the person takes part, the guide says)."""
        holders = [d for d in drafts if not d.implicit and (SPECS[d.type].default or SPECS[d.type].list_default)]
        if not holders:
            return
        listed = self._listed_ids()
        held = {id(m) for d in drafts for _, m in d.args}
        held |= set().union(*self.claimed.values()) if self.claimed else set()
        held |= self.seated
        held_entities = {m.entity_id for d in drafts for _, m in d.args if m.entity_id}
        people = [m for m in self.mentions if m.label == "PER"]
        for m in self.mentions:
            if m.label not in ("ORG", "LOC") or id(m) in held or (m.entity_id and m.entity_id in held_entities):
                continue  # a name already given a role, under this form or another (`МБГИ` for the network)
            if is_region(m, self.unit.lang) or is_venue(m.text, self.unit.lang):
                continue
            if any(has_suffix(self.text, m, x) for x in self.lex.oblique_suffixes):
                continue  # `İstanbul’da kuruldu`: a name in an oblique case is a setting or a source, not an actor
            if any(speaks_for(self.text, p, m) for p in people):
                continue
            target = min(holders, key=lambda d: abs(d.start - m.start))
            if any(d.name is not None and d.name.start <= m.start < d.name.end for d in holders):
                continue
            if self._words_between(m, target) > DEFAULT_REACH:
                continue  # far from the trigger in a long sentence, a name belongs to another clause
            role = SPECS[target.type].default or (SPECS[target.type].list_default if id(m) in listed else None)
            if role is None:
                continue
            if role == "Member" and (is_network(m, self.lex, self.folded) or is_institution(m) or is_council(m, self.lex)):
                continue
            if m.label not in labels_for(target.type, role):
                continue
            if role == "Publisher" and (m.label != "ORG" or target.has("Publisher")
                                        or self._nearer_body(m, target)):
                continue  # a publication without a cue for its author takes the one body nearest to it
            target.add(role, m, by_cue=False)

    def split_dated_members(self, drafts: list[Draft]) -> list[Draft]:
        """`Габрово (март), Шумен (юни)`, `• Borlänge (mars)`: a member with its own date in brackets joined
        then; each becomes a draft of its own with that Date (the list's other members keep the shared one)."""
        out: list[Draft] = []
        for d in drafts:
            if d.type != "Membership":
                continue
            dated = [(m, date) for r, m in d.args if r == "Member" and (date := self._bracketed_date(m)) is not None]
            if not dated:
                continue
            own_dates = {id(date) for _, date in dated}
            networks = [m for r, m in d.args if r == "Network"]
            for member, date in dated:
                single = Draft(d.type, d.start, d.end, d.unit, weak=d.weak)
                for role, m in [("Member", member), ("Date", date)] + [("Network", n) for n in networks]:
                    single.add(role, m, by_cue=True)
                out.append(single)
            taken = {id(m) for m, _ in dated} | own_dates
            d.args = [(r, m) for r, m in d.args if id(m) not in taken]
        return out

    def _bracketed_date(self, m: Mention) -> Mention | None:
        nxt = next((n for n in self.mentions if n.start >= m.end), None)
        if nxt is None or nxt.label != "DATE":
            return None
        if self.text[m.end:nxt.start].strip() != "(" or not self.text[nxt.end:nxt.end + 2].strip().startswith(")"):
            return None
        return nxt

    def attach_speaker(self, drafts: list[Draft], own_body: Mention | None) -> None:
        """`Vi gick med i Intercultural Cities 2017`: in a sentence in the first person, the page's own body
        is the member that joined (guide: "we" on a body's own page)."""
        if own_body is None or self.lex.first_person is None:
            return
        if not self._outside_names(self.lex.first_person):
            return
        for d in drafts:
            if d.type == "Membership" and not d.implicit and not d.has("Member"):
                d.add("Member", own_body, by_cue=False)

    def _words_between(self, m: Mention, d: Draft) -> int:
        a, b = (m.end, d.start) if m.end <= d.start else (d.end, m.start)
        return len(_WORD.findall(self.text[a:b])) - self._words_in_mentions(a, b)

    def _nearer_body(self, m: Mention, d: Draft) -> bool:
        """Another organisation stands nearer the trigger than `m`."""
        return any(o is not m and o.label == "ORG" and abs(o.start - d.start) < abs(m.start - d.start)
                   for o in self.mentions)

    def _listed_ids(self) -> set[int]:
        """Ids of the cities and bodies that stand in a list of three or more (`Gent, Lipsko, Tampere a Vídeň`)."""
        listed: set[int] = set()
        for m in self.mentions:
            if m.label in ("ORG", "LOC") and id(m) not in listed:
                chain = [c for c in self._chain(m, ("ORG", "LOC"), forward=True) if not is_region(c, self.unit.lang)]
                if len(chain) >= LIST_DEFAULT_MIN:
                    listed.update(id(c) for c in chain)
        return listed

    @staticmethod
    def _speaks_of(d: Draft, role: str) -> bool:
        """A sentence that only follows a meeting gives it a date where a cue showed that the sentence is
        about that meeting (`Il 18 e 19 ottobre la Sala del Tricolore ha accolto ...`) and it has none yet."""
        root = d.refers_to
        return role == "Date" and d.type == "Meeting" and d.cue_args > 0 and root is not None and not root.has("Date")

    def _nearest_one(self, role: str, holders: list[Draft], free: list[Mention], previous: list[Mention]) -> None:
        for d in holders:
            if d.has(role):
                continue
            taken = {id(m) for _, m in d.args}
            labels = labels_for(d.type, role)
            cands = [m for m in free if m.label in labels and id(m) not in taken]
            if role == "Network":
                cands = [m for m in cands if is_network(m, self.lex, self.folded)]
            if role == "Date" and d.type in POINT_TYPES:
                # `member since 2011` is a span of time, not the day a meeting happened.
                cands = [m for m in cands if ".." not in (m.value or "")]
            if role == "Date" and d.type in END_DATE_TYPES and any(h.type == "Meeting" for h in holders):
                # `the partners met on 7-8 March (in the project ...)`: the days are the meeting's.
                cands = [m for m in cands if not _day_precise(m.value)]
            if role == "Date" and len([m for m in self.mentions if m.label == "DATE"]) > 1:
                # A date belongs to the trigger it is closest to; the sentence's only date is all its events'.
                cands = [m for m in cands if min(holders, key=lambda h: abs(h.start - m.start)) is d]
            if role == "Org" and self._names_network():
                # `the network was founded by ...`: the founded body is a network the sentence names, else the
                # one the text spoke of (`Асоциацията беше учредена ... от общините ...`), not any body.
                networks = [m for m in cands if is_network(m, self.lex, self.folded)]
                spoken_of = None if networks else self._network_spoken_of()
                cands = networks or ([spoken_of] if spoken_of is not None else cands)
            if cands:
                best = min(cands, key=lambda m: abs(m.start - d.start))
                d.add(role, best, by_cue=False)
                if role == "Date" and d.type in END_DATE_TYPES:
                    # A project runs from one date to another (`from 2019 ... until June 2022`).
                    for m in cands:
                        if m is not best and (m.value or "").startswith("../"):
                            d.add(role, m, by_cue=False)
            elif role in ("Network", "Org") and (role == "Network" or self._names_network()):
                # `joined the network` / `the network was founded`: the network the text spoke of last.
                earlier = self._network_spoken_of()
                if earlier is not None:
                    d.add(role, earlier, by_cue=False)
            elif role == "Org":
                # "It was founded in 2018 ...": the founded body is the previous sentence's subject.
                first_org = next((m for m in previous if m.label == "ORG"), None)
                if first_org is not None:
                    d.add(role, first_org, by_cue=False)

    def _network_spoken_of(self) -> Mention | None:
        """`the network` of a sentence: the network the text has named most often so far (the page's
        subject, not a body named in passing), the latest of equals; its last mention stands for it."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.earlier:
            if is_network(m, self.lex, self.folded):
                key = entity_key(m)
                counts[key] = counts.get(key, 0) + 1
                last[key] = m
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], last[k].start))
        return last[best]

    def _names_network(self) -> bool:
        """The sentence has a network word outside any name (`the network`, `мрежата`, `das Netzwerk`)."""
        return self.lex.network_words is not None and self._outside_names(self.lex.network_words)

    def _outside_names(self, pattern: re.Pattern) -> bool:
        """The pattern matches somewhere in the sentence outside its names."""
        return any(not any(m.start <= h.start() < m.end for m in self.mentions)
                   for h in pattern.finditer(self.folded, self.unit.start, self.unit.end))
