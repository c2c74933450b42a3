"""MUC-4 evaluation: eventcoder's records against MUC-4's answer templates (terrorist incidents
in Latin American news, 1989-1991).

``evaluate(path)`` takes the MUC-4 folder (its ``dev/`` set is used), a set folder such as
``dev/``, ``tst1/`` or ``tst2/`` (every ``key*`` file in it against every message file), or one
key file (its messages are read from the message files beside it).

Each message goes through ``extract_records`` with the dateline's date as publication date.
Records become response templates: incident type through ``data/muc4_types.yaml`` (records of
no MUC-4 type, or background/future status, make none), date, location, perpetrator
organisation (actor1 when it is a named group) and human-target effect (DEATH when killed > 0,
INJURY when injured > 0).

Template mapping, after MUC-4's scorer (the key's order does not matter: the scorer pairs
templates best first, template-doc 7.2), within one message:

1. a response and a key template are *compatible* when their incident types are equal or one
   of them is ATTACK (MUC-4's catch-all type), and at least one slot overlaps: date exact,
   location match, perpetrator organisation match, or a shared DEATH/INJURY effect;
2. pairs are taken best first (equal type before ATTACK-compatible, then more overlapping
   slots, then text order), each template at most once;
3. a key template marked OPTIONAL that nothing maps to counts neither as missed nor as
   possible; one that is mapped counts as matched.

Figures: template recall (matched / possible keys), precision (matched / responses), F1; over
matched templates the share with the right incident type, exact date, location, perpetrator
organisation and death/injury effect. Slot rules are on the helpers below.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path


from eventcoder.article import Article
from eventcoder.evaluate.parts import select
from eventcoder.evaluate.report import Case, Report, f1, share
from eventcoder.pipeline import process
from eventcoder.resources import load_yaml

#: How far before an "on or before" key date our date may fall and still be right.
ON_OR_BEFORE = timedelta(days=7)
SLOTS = ("type", "date", "location", "perpetrator", "effect")
_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
_MESSAGE_ID = re.compile(r"^([A-Z0-9]+-MUC\d-\d{4})\b.*$", re.M)
_DATELINE = re.compile(
    r",\s*(?:(\d{1,2})\s+([A-Z]{3})[A-Z]*|([A-Z]{3})[A-Z]*\s+(\d{1,2}))\.?(?:\s+(\d{2}|\d{4}))?\b")
_KEY_SLOT = re.compile(r"^(\d+)\.\s+(\S.*?)(?:\s{2,}(\S.*?))?\s*$")
_KEY_MORE = re.compile(r"^\s{8,}(\S.*?)\s*$")
_KEY_DATE = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_PLACE_TYPE = re.compile(r"\([A-Z ]+\)")
_NO_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class Template:
    """One MUC-4 template, as the key gives it or as built from one of our records."""

    message: str
    types: tuple[str, ...]  # alternatives; one for a response
    dates: tuple[tuple[date, date], ...] = ()  # alternatives, each an inclusive span
    date_anchors: tuple[date, ...] = ()  # the single date or "on or before" date of each
    location: str = ""  # key: names with their (TYPE) removed; response: our place name
    organisations: tuple[tuple[str, ...], ...] = ()  # per filler, its alternative strings
    death: bool | None = False  # None: the key marks it optional ("?"), either is right
    injury: bool | None = False
    optional: bool = False
    number: str = ""
    record: dict | None = None


@dataclass(slots=True)
class Message:
    id: str
    text: str
    published: date | None


@dataclass(slots=True)
class _Tally:
    possible: int = 0
    responses: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SLOTS, 0))


def evaluate(path: Path, part: str | None = None) -> Report:
    """Runs the pipeline over every keyed message under ``path`` (or those of one part) and
    scores it (module doc)."""
    key_files, message_files = _files(Path(path))
    messages = {m.id: m for file in message_files for m in read_messages(file)}
    keys: dict[str, list[Template]] = {}
    for file in key_files:
        for message_id, templates in read_keys(file).items():
            keys.setdefault(message_id, []).extend(templates)
    report = Report("muc4")
    tally = _Tally()
    keys = dict(select(keys.items(), part, lambda item: item[0]))
    for message_id, key_templates in keys.items():
        message = messages.get(message_id)
        if message is None:
            continue
        records = report.records_of(Article(message.id, message.text, published=message.published))
        responses = [t for t in (response_template(message.id, r) for r in records) if t]
        _score_message(key_templates, responses, message, tally, report)
    matched = tally.matched
    recall, precision = share(matched, tally.possible), share(matched, tally.responses)
    report.figures = {
        "messages": len(keys), "key_templates": tally.possible, "responses": tally.responses,
        "matched": matched, "recall": recall, "precision": precision, "f1": f1(precision, recall),
        **{f"{slot}_accuracy": share(tally.right[slot], matched) for slot in SLOTS},
    }
    return report


def _files(path: Path) -> tuple[list[Path], list[Path]]:
    """(key files, message files) for the MUC-4 folder, a set folder or one key file."""
    if path.is_file():
        return [path], [p for p in sorted(path.parent.iterdir()) if _is_messages(p)]
    if (path / "dev").is_dir():
        path = path / "dev"
    files = sorted(p for p in path.iterdir() if p.is_file())
    return [p for p in files if p.name.startswith("key")], [p for p in files if _is_messages(p)]


def _is_messages(path: Path) -> bool:
    if not path.is_file() or path.name.startswith("key"):
        return False
    with path.open(encoding="latin-1") as handle:
        return bool(_MESSAGE_ID.match(handle.read(200).lstrip()))


def read_messages(path: Path) -> list[Message]:
    """Messages of one MUC file: an id line ("DEV-MUC3-0001 (NOSC)"), then a dateline
    ("SAN SALVADOR, 3 JAN 90 -- [REPORT] ...") whose date is the publication date."""
    text = path.read_text(encoding="latin-1")
    starts = [m.start() for m in _MESSAGE_ID.finditer(text)] + [len(text)]
    messages = []
    for start, end in zip(starts, starts[1:]):
        header, _, body = text[start:end].partition("\n")
        messages.append(Message(header.split()[0], body.strip("\n"), dateline_date(body)))
    return messages


def dateline_date(body: str) -> date | None:
    """The date of the dateline (the text before its "--"); two-digit years are 19YY from
    30 on, as in MUC's 1989-1991 wire text. None for "NO DATE" or a date without a year."""
    dateline = body.lstrip().split("--", 1)[0]
    match = _DATELINE.search(dateline)
    if not match or not match.group(5):
        return None
    day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    year = int(match.group(5))
    year += (1900 if year >= 30 else 2000) if year < 100 else 0
    try:
        return date(year, _MONTHS[month], int(day))
    except (KeyError, ValueError):
        return None


def read_keys(path: Path) -> dict[str, list[Template]]:
    """Key templates by message id; a message whose TEMPLATE slot is "*" (irrelevant) has
    none. Lines starting with ";;;" are comments; a slot's further fillers are continuation
    lines."""
    keys: dict[str, list[Template]] = {}
    for block in _key_blocks(path.read_text(encoding="latin-1")):
        message = block.get(0, [""])[0].split()[0] if block.get(0) else ""
        keys.setdefault(message, [])
        number = block.get(1, ["*"])[0]
        if message and not number.startswith("*"):
            keys[message].append(key_template(message, block))
    return keys


def _key_blocks(text: str) -> list[dict[int, list[str]]]:
    blocks: list[dict[int, list[str]]] = []
    slot = None
    for line in text.splitlines():
        if line.startswith(";;;") or not line.strip():
            continue
        if match := _KEY_SLOT.match(line):
            slot = int(match.group(1))
            if slot == 0:
                blocks.append({})
            if blocks:
                blocks[-1][slot] = [match.group(3)] if match.group(3) else []
        elif (match := _KEY_MORE.match(line)) and blocks and slot is not None:
            blocks[-1].setdefault(slot, []).append(match.group(1))
    return blocks


def key_template(message: str, slots: dict[int, list[str]]) -> Template:
    """A key template from its numbered slots (2 date, 3 location, 4 type, 10 perpetrator
    organisation, 23 human target effect)."""
    number = slots.get(1, [""])[0]
    types = tuple(_alternatives(slots.get(4, [""])[0]))
    spans, anchors = [], []
    for filler in _alternatives(slots.get(2, [""])[0].lstrip("? ")):
        found = [_key_date(m) for m in _KEY_DATE.finditer(filler)]
        found = [d for d in found if d]
        if found:
            spans.append((found[0], found[-1]) if len(found) > 1 else
                         ((date.min, found[0]) if filler.startswith("-") else (found[0], found[0])))
            anchors.append(found[0] if len(found) == 1 else found[-1])
    location = _PLACE_TYPE.sub(" ", slots.get(3, [""])[0])
    organisations = tuple(tuple(_QUOTED.findall(f)) for f in slots.get(10, []) if _QUOTED.search(f))
    death, injury = _key_effects(slots.get(23, []))
    return Template(message, types, tuple(spans), tuple(anchors), location, organisations,
                    death, injury, "OPTIONAL" in number, number.split()[0] if number else "")


def _alternatives(filler: str) -> list[str]:
    return [part.strip() for part in filler.split(" / ") if part.strip() not in ("", "-", "*")]


def _key_date(match: re.Match) -> date | None:
    try:
        return date(1900 + int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    except (KeyError, ValueError):
        return None


def _key_effects(fillers: list[str]) -> tuple[bool | None, bool | None]:
    """(death, injury) of HUM TGT: EFFECT OF INCIDENT: True when a filler says DEATH (or
    INJURY), None when only fillers marked optional ("?") do, else False. "NO DEATH",
    "NO INJURY" and "NO INJURY OR DEATH" say there was none."""
    result: list[bool | None] = [False, False]
    for filler in fillers:
        optional = filler.startswith("?")
        labels = {label.strip() for label in filler.lstrip("? ").split(":", 1)[0].split(" / ")}
        for index, label in enumerate(("DEATH", "INJURY")):
            if label in labels:
                result[index] = result[index] or (None if optional else True)
    return result[0], result[1]


@cache
def _mapping() -> dict:
    data = load_yaml("muc4_types.yaml")
    data["cues"] = [(muc_type, frozenset(spec["from"]),
                     re.compile(r"\b(?:" + "|".join(spec["words"]) + r")\b", re.I))
                    for muc_type, spec in data["evidence_cues"].items()]
    return data


def incident_type(record: dict) -> str | None:
    """The MUC-4 incident type of one record, None when it is no MUC-4 incident."""
    mapping = _mapping()
    sub_event = record.get("sub_event_type")
    muc_type = mapping["plover_modes"].get(record.get("plover_mode")) or mapping["sub_event_types"].get(sub_event)
    civilians_hit = any(victim.get("group") in mapping["civilian_victims"] for victim in record.get("victims") or [])
    if muc_type is None and (record.get("civilian_targeting") or civilians_hit):
        muc_type = mapping["when_civilians"].get(sub_event)
    if muc_type is None:
        return None
    evidence = " ".join(item["text"] for item in record.get("evidence") or [])
    for finer, sources, pattern in mapping["cues"]:
        if muc_type in sources and pattern.search(evidence):
            return finer
    return muc_type


def response_template(message: str, record: dict) -> Template | None:
    """Our record as a MUC-4 response template, or None when it is no MUC-4 incident."""
    mapping = _mapping()
    muc_type = incident_type(record)
    if muc_type is None or record.get("status") not in mapping["statuses"]:
        return None
    day = date.fromisoformat(record["event_date"]) if record.get("event_date") else None
    actor = record.get("actor1")
    named = (actor and record.get("inter1") not in mapping["not_organisations"]
             and not actor.startswith(tuple(mapping["generic_prefixes"])))
    # an event known only to its province stands at the provincial capital, as ACLED codes it;
    # MUC's location slot names the province
    province = record.get("admin1") if record.get("geo_precision") == 3 else None
    return Template(message, (muc_type,), ((day, day),) if day else (), (day,) if day else (),
                    province or record.get("location") or record.get("country") or "",
                    ((actor,),) if named else (), bool(record.get("killed_min") or record.get("killed_max")),
                    bool(record.get("injured_min") or record.get("injured_max")), record=record)


def date_right(key: Template, response: Template) -> bool:
    """Our date equals the key's date, or falls in a key's range, or in the week up to the date
    of an "on or before" key ("- 08 JAN 90": MUC's form for "last Wednesday" and for dates
    taken from the dateline, template-doc 7.3); no date is right only when the key has none."""
    if not response.date_anchors:
        return not key.dates
    ours = response.date_anchors[0]
    return any(start <= ours <= end if start != date.min else end - ON_OR_BEFORE <= ours <= end
               for start, end in key.dates)


def location_right(key: Template, response: Template) -> bool:
    """The key's location string contains our place name, or ours contains one of the key's
    names (case- and accent-insensitive, whole words)."""
    ours = _plain(response.location)
    if not ours:
        return False
    theirs = _plain(key.location)
    names = [_plain(n) for n in re.split(r"[:/]| - ", key.location)]
    return f" {ours} " in f" {theirs} " or any(n and f" {n} " in f" {ours} " for n in names)


def perpetrator_right(key: Template, response: Template) -> bool:
    """Both name no organisation, or one of the key's organisation strings names our actor1:
    one contains the other as words, or the actors stage resolves the key string to it."""
    if not key.organisations or not response.organisations:
        return not key.organisations and not response.organisations
    actor = response.organisations[0][0]
    plain_actor = _plain(actor)
    for alternatives in key.organisations:
        for text in alternatives:
            plain = _plain(text)
            if plain and (f" {plain} " in f" {plain_actor} " or f" {plain_actor} " in f" {plain} "
                          or actor in _actors_named(text)):
                return True
    return False


@cache
def _actors_named(text: str) -> frozenset[str]:
    article = Article("muc4-key", text)
    process(article, until="actors")
    return frozenset(m.name for m in article.actors if m.name)


def effect_right(key: Template, response: Template) -> bool:
    """Death and injury each agree with the key (a "?" effect in the key accepts either)."""
    return all(k is None or k == ours
               for k, ours in ((key.death, response.death), (key.injury, response.injury)))


def slot_scores(key: Template, response: Template) -> dict[str, bool]:
    return {"type": response.types[0] in key.types, "date": date_right(key, response),
            "location": location_right(key, response),
            "perpetrator": perpetrator_right(key, response), "effect": effect_right(key, response)}


def _compatible(key: Template, response: Template) -> tuple[int, int] | None:
    """(equal types, overlapping slots) when the two may be mapped (module doc), else None."""
    ours = response.types[0]
    equal = ours in key.types
    if not (equal or ours == "ATTACK" or "ATTACK" in key.types):
        return None
    overlap = (date_right(key, response) and bool(response.date_anchors), location_right(key, response),
               bool(key.organisations) and perpetrator_right(key, response),
               bool(key.death and response.death or key.injury and response.injury))
    return (int(equal), sum(overlap)) if any(overlap) else None


def map_templates(keys: list[Template], responses: list[Template]) -> list[tuple[int, int]]:
    """(key index, response index) pairs, best first, each template used at most once."""
    candidates = []
    for k, key in enumerate(keys):
        for r, response in enumerate(responses):
            if (quality := _compatible(key, response)) is not None:
                candidates.append((-quality[0], -quality[1], k, r))
    pairs, used_keys, used_responses = [], set(), set()
    for _, _, k, r in sorted(candidates):
        if k not in used_keys and r not in used_responses:
            pairs.append((k, r))
            used_keys.add(k)
            used_responses.add(r)
    return pairs


def _score_message(keys: list[Template], responses: list[Template], message: Message,
                   tally: _Tally, report: Report) -> None:
    pairs = dict(map_templates(keys, responses))
    tally.responses += len(responses)
    for index, key in enumerate(keys):
        response = responses[pairs[index]] if index in pairs else None
        if response is None and key.optional:
            continue
        tally.possible += 1
        expected = {"type": "/".join(key.types), "date": [a.isoformat() for a in key.date_anchors],
                    "location": " ".join(key.location.split()),
                    "perpetrator": [" / ".join(o) for o in key.organisations],
                    "death": key.death, "injury": key.injury, "optional": key.optional}
        if response is None:
            report.confusion[(key.types[0] if key.types else "-", "(missed)")] += 1
            report.cases.append(Case(f"{key.message}#{key.number}", message.text, expected, {}, 0.0,
                                     "no response template mapped"))
            continue
        tally.matched += 1
        scores = slot_scores(key, response)
        for slot, right in scores.items():
            tally.right[slot] += right
        report.confusion[(key.types[0] if key.types else "-", response.types[0])] += 1
        record = response.record or {}
        extracted = {"type": response.types[0], "date": record.get("event_date"),
                     "date_text": record.get("date_text"), "location": response.location, "perpetrator": record.get("actor1"),
                     "death": response.death, "injury": response.injury,
                     "sub_event_type": record.get("sub_event_type"),
                     "evidence": " ".join(item["text"] for item in record.get("evidence") or [])}
        report.cases.append(Case(f"{key.message}#{key.number}", message.text, expected, extracted,
                                 share(sum(scores.values()), len(scores)),
                                 "wrong: " + ", ".join(s for s, ok in scores.items() if not ok)))
    unmatched = len(responses) - len(pairs)
    if unmatched:
        for r, response in enumerate(responses):
            if r not in pairs.values():
                report.confusion[("(spurious)", response.types[0])] += 1


def _plain(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace('\\"', ""))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NO_WORD.sub(" ", ascii_text).strip()
