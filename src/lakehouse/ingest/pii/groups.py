"""Quasi-identifier groups: a date of birth or an address split over several columns.

No single column of ``dob_year``, ``dob_month``, ``dob_day`` is a date of birth, and a house number
alone identifies nobody; together they do. Columns whose names make them parts of one group
(names.quasi_part) and whose values look like that part are flagged together, with the category
``date_of_birth_part`` or ``address_part`` and the group in the evidence. A column already flagged on
its own (a ``zip`` is a postal code) keeps its own category, except a street line: a column flagged as an
address whose values hold no town or postcode, beside the address's other parts in their own columns, is one
part of that address (``address_part``); only a column holding a whole address is an ``address``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Final

from lakehouse.ingest.pii.cards import is_month
from lakehouse.ingest.pii.detector import MIN_VALUES, PiiFinding, finding
from lakehouse.ingest.pii.names import quasi_part
from lakehouse.ingest.pii.sampling import Values, looks_boolean, share
from lakehouse.ingest.pii.validators import is_address_like, is_postal_code, is_street_name

PART_RATE: Final = 0.8  # share of a part's values that must look like that part
_HOUSE_NUMBER = re.compile(r"^(?:(?:nr|no|n°|nº|num|#)\.?\s*)?\d{1,5}\s?[A-Za-z]?"
                           r"(?:\s?[-/]\s?(?:\d{1,5}[A-Za-z]?|[A-Za-z]))?(?:\s?(?:bis|ter|quater))?(?:\s?1/2|\s?½)?"
                           # Danish and Norwegian floor and door after the number: "39, 2. tv", "4, st. th"
                           r"(?:,\s?(?:\d{1,2}|st|kl)\.?(?:\s?(?:tv|th|mf|\d{1,4}))?)?$",
                           re.IGNORECASE)
_UNIT = re.compile(r"^(?:(?:apt|apartment|unit|suite|ste|flat|#)\.?\s*)?#?\s*[A-Za-z0-9-]{1,6}$", re.IGNORECASE)
# A town, with its district's number when it has one (``Praha 5 - Smíchov``, ``Lyon 3e``).
_PLACE = re.compile(r"^[^\W\d_]+(?:[\s'.-]+(?:[^\W\d_]+|\d{1,2}(?:e|er|eme)?))*\.?$")


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def is_birth_year(value: Any) -> bool:
    year = _int(value)
    return year is not None and 1900 <= year <= date.today().year


def is_day_of_month(value: Any) -> bool:
    day = _int(value)
    return day is not None and 1 <= day <= 31


_NO_NUMBER: Final = frozenset(["s/n", "s/nº", "s/n°", "sn", "s.n.", "sin numero", "sem numero", "sem número"])


# The last line of an address: "Tulsa, OK 74103" (US), "75001 Paris", "00-950 Warszawa", "Leeds LS1 4AP".
_PLACE_LINE = re.compile(r"^[^\W\d_][^\d,]{1,40},?\s+[A-Z]{2}\.?,?\s+\d{5}(?:-\d{4})?$"
                         r"|^(?:\d{4,5}|\d{2}-\d{3})\s+[^\W\d_][^\d,]{1,40}$"
                         r"|^[^\W\d_][^\d,]{1,40},?\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$")


def is_postal_or_place_line(value: Any) -> bool:
    """A postal code, or a town with its postal code (``City/State/Zip`` in one column)."""
    return is_postal_code(value) or (isinstance(value, str) and bool(_PLACE_LINE.match(value.strip())))


def is_house_number(value: Any) -> bool:
    """``12``, ``4a``, ``7-9``, ``Nr. 3``, or the explicit "no number" of Iberian addresses (``s/n``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 0 < value < 100_000
    return isinstance(value, str) and (bool(_HOUSE_NUMBER.match(value)) or value.lower() in _NO_NUMBER)


def is_place_name(value: Any) -> bool:
    return isinstance(value, str) and 2 <= len(value) <= 60 and bool(_PLACE.match(value))


def is_unit(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100_000) or (
        isinstance(value, str) and bool(_UNIT.match(value)) and any(c.isdigit() for c in value))


def _street(value: Any) -> bool:
    return is_street_name(value) or is_address_like(value)


def is_house_number_or_name(value: Any) -> bool:
    """``12``, ``4a`` or a house name (``Rose Cottage``): in Britain and Ireland a house may have either."""
    return is_house_number(value) or (is_place_name(value) and len(str(value).split()) <= 4)


# After the street, a town or a postcode: "38, Ojo Hollow, Stephenmouth", "Nemetova 74, 70928 Dugo Selo",
# "67 Tangihope Grove, Rohetauroa 9713".
_TOWN_AND_CODE = re.compile(r"^[^\W\d_][^\d,]{1,40}\s\d{4,6}$")
# A prefecture, province or city before the street in CJK and Hangul addresses, and their romanised forms.
_ADMIN = re.compile(r"[都道府県省].{0,8}?[市区町村郡县縣]|市.{0,8}?[区區町村]|\S+[시도]\s\S+[구군]"
                    r"|\w-(?:shi|ku|ken|gun|machi)\b", re.IGNORECASE)
# What may follow a street in its own line without being a town: a floor or door ("84, baixos", "bajo izq."),
# or an estate, building or subdivision ("7135 POLARIS DRIVE, MOSS HOMES 2").
_IN_THE_LINE: Final = frozenset([
    "baixos", "bajo", "bajos", "entlo", "entresuelo", "principal", "pral", "atico", "ático", "izq", "izda", "dcha",
    "dcha.", "izq.", "rdc", "hs", "homes", "village", "villas", "estate", "estates", "phase", "subdivision", "subd",
    "compound", "residences", "heights", "gardens", "park", "court", "mansions", "tower", "towers", "building",
    "bldg", "block", "complex", "apartments", "apts", "condominium", "condo", "house", "flat", "floor", "unit"])
# A floor and door after the house number: "2n 1a", "3º B".
_FLOOR_DOOR = re.compile(r"^\d{1,2}\.?\s?[a-zºª]{1,3}\.?(?:\s?\d{1,2}\s?[a-zºª]{0,3}\.?)?$", re.IGNORECASE)


def _town_or_code(part: str) -> bool:
    if _PLACE_LINE.match(part) or _TOWN_AND_CODE.match(part):
        return True
    if part.isdigit() or is_house_number(part) or _FLOOR_DOOR.match(part):
        return False  # "Via Verdi, 11": the house number after the street
    if is_postal_code(part):
        return True
    words = {w.strip(".").lower() for w in part.split()}
    return is_place_name(part) and not is_street_name(part) and not words & _IN_THE_LINE


def is_whole_address(value: Any) -> bool:
    """A street with its town or postcode in one cell, as opposed to a street line (``12 Oak St``, ``Apt 4``)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if "\n" in text or _ADMIN.search(text):
        return True
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if parts and parts[0].isdigit():
        parts = parts[1:]  # "162, Jessica Estate": the house number before the street
    return any(_town_or_code(p) for p in parts[1:])


# (group, part) -> (check, noun)
_PARTS: Final[dict[tuple[str, str], tuple[Callable[[Any], bool], str]]] = {
    ("date_of_birth", "year"): (is_birth_year, "years 1900-today"),
    ("date_of_birth", "month"): (is_month, "months"),
    ("date_of_birth", "day"): (is_day_of_month, "days of the month"),
    ("address", "number"): (is_house_number, "house numbers"),
    ("address", "bare_number"): (is_house_number, "house numbers"),
    ("address", "house"): (is_house_number_or_name, "house numbers or names"),
    ("address", "street"): (_street, "street names"),
    ("address", "unit"): (is_unit, "apartment or unit numbers"),
    ("address", "city"): (is_place_name, "place names"),
    ("address", "region"): (is_place_name, "place names"),
    ("address", "postal"): (is_postal_or_place_line, "postal codes (alone or with their town)"),
}
_STREET_LEVEL: Final = frozenset(["number", "street", "house"])


def _agrees(part: tuple[str, str], values: Values) -> tuple[bool, str]:
    check, noun = _PARTS[part]
    if len(values.items) < MIN_VALUES:
        return values.kind != "other", "few values sampled"
    if looks_boolean(values):
        return False, "values are yes/no flags"
    rate = share(check, values)
    return rate >= PART_RATE, f"{round(rate * 100)}% of {len(values.items)} sampled values are {noun}"


def _values_only_name(found: PiiFinding) -> bool:
    """CUST-CITY holding "RACHEL VILLE" looks like a person by its values alone; its name says city."""
    return found.category == "person_name" and not found.evidence.startswith("name rule")


def _complete(group: str, parts: set[str]) -> bool:
    if group == "date_of_birth":
        return len(parts) >= 2
    return len(parts) >= 2 and bool(parts & _STREET_LEVEL)


WHOLE_RATE: Final = 0.5  # share of whole addresses that makes a column an address rather than its street line


def _street_lines(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                  found: Mapping[str, PiiFinding], parts: list[tuple[str, str, str]]) -> dict[str, PiiFinding]:
    """Columns flagged as addresses on their own that hold street lines beside the address's other parts."""
    out: dict[str, PiiFinding] = {}
    for column, _, _ in parts:
        own = found.get(column)
        if own is None or own.category != "address" or share(is_whole_address, samples[column]) >= WHOLE_RATE:
            continue
        others = ", ".join(c for c, _, _ in parts if c != column)
        out[column] = finding(columns[column], "address_part", own.confidence,
                              f"{own.evidence}; a street line beside the address's other parts ({others})")
    return out


def group_findings(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                   found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    """Findings for the unflagged members of every complete quasi-identifier group in one table."""
    members: dict[str, list[tuple[str, str, str]]] = {}  # group -> [(column, part, evidence)]
    found = {n: f for n, f in found.items() if not _values_only_name(f)}
    bare_streets: list[str] = []
    for name, names in columns.items():
        part = next((p for p in map(quasi_part, names) if p is not None), None)
        if part is None:
            continue
        if name in found:
            members.setdefault(part[0], []).append((name, part[1], "flagged on its own"))
            continue
        ok, evidence = _agrees(part, samples[name])
        if ok:
            members.setdefault(part[0], []).append((name, part[1], evidence))
        elif part == ("address", "street"):
            bare_streets.append(name)
    numbered = any(p in ("number", "house") for _, p, _ in members.get("address", []))
    for name in bare_streets if numbered else []:  # "Riazanská" beside "1500/24": a street named without its type
        rate = share(is_place_name, samples[name])
        if rate >= PART_RATE:
            members["address"].append((name, "street", f"{round(rate * 100)}% of {len(samples[name].items)} "
                                       "sampled values are names, beside house numbers"))
    out: dict[str, PiiFinding] = {}
    for group, parts in members.items():
        if group == "address" and len(parts) >= 2 and _complete(group, {p for _, p, _ in parts}):
            out.update(_street_lines(columns, samples, found, parts))
        has_street = any(p == "street" for _, p, _ in parts)  # "numero" is a house number beside a street
        parts = [(c, "number" if p == "bare_number" else p, e) for c, p, e in parts if p != "bare_number" or has_street]
        if not _complete(group, {p for _, p, _ in parts}):
            continue
        together = ", ".join(c for c, _, _ in parts)
        for column, role, evidence in parts:
            if column in found:
                continue
            postcodes = role == "postal" and "%" in evidence and share(is_postal_code, samples[column]) >= PART_RATE
            category = "postal_code" if postcodes else f"{group}_part"  # CP beside a street: a postal code
            out[column] = finding(columns[column], category, 0.8 if "%" in evidence else 0.6,
                                  f"quasi-identifier group {group} ({together}): {role}, {evidence}")
    return out
