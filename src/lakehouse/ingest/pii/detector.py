"""Combine column-name rules and value validators into per-column PII findings."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import pyarrow as pa

from lakehouse.ingest.pii.cards import is_expiry_year, is_month
from lakehouse.ingest.pii.categories import kind_and_sensitivity
from lakehouse.ingest.pii.impersonal import impersonal
from lakehouse.ingest.pii.name_rules import NAME_PARTS, OTHER_IDENTIFIERS
from lakehouse.ingest.pii.name_words_world import HANDLE_RULES
from lakehouse.ingest.pii.names import (
    NameHint,
    is_actor,
    match_name,
    names_business,
    names_firm,
    next_hint,
    phi_qualified,
    tokenize,
)
from lakehouse.ingest.pii.phones import is_formatted_phone, is_phone_shaped
from lakehouse.ingest.pii.sampling import Values, is_surrogate_key, looks_boolean, sample_values
from lakehouse.ingest.pii.validators import (
    COMPANY_TAX_ID,
    EXPIRY_FORMAT,
    KNOWN_NAME_PART,
    KNOWN_PERSON,
    KNOWN_PERSON_OR_PART,
    LOGIN_HANDLE,
    VALIDATORS,
    Validator,
    are_mailboxes,
    is_address_like,
    is_email,
    is_postal_code,
)

MIN_VALUES: Final = 5  # fewer non-null values than this: the name decides alone
VALUE_ONLY_RATE: Final = 0.8  # share of valid values that flags a column with no name rule
AGREE_RATE: Final = 0.2  # under a name rule, below this share the values contradict the name
WEAK_AGREE_RATE: Final = 0.5  # a bare "name" needs half its values to look like people
# Identifiers are mostly distinct, but an event log repeats its users: this many distinct values is enough.
DISTINCT_ENOUGH: Final = 10
NAME_ONLY: Final = 0.6
_MANY_CARDS: Final = 20  # Luhn passes one random number in ten: none valid among this many is no payment card
REPORT_AT: Final = 0.5

# Number-like categories a header naming another kind of identifier (order_ref, part_number) overrules.
_ID_CATEGORIES: Final = frozenset(["credit_card", "ssn", "national_id", "phone", "iban", "bank_account"])
_CARD_CATEGORIES: Final = frozenset(["credit_card", "card_security_code"])
_PLACE_CATEGORIES: Final = frozenset(["phone", "address", "postal_code"])
_FIRM_IDS: Final = frozenset(["iban", "bank_account", "national_id"])
# Value categories too loose to overrule a header that says something else (names look like many things).
_WEAK_OVERRIDES: Final = frozenset(["person_name"])
_FORMATTED_PHONE_SHAPE = Validator("phone", "written as phone numbers", frozenset({"str"}), is_phone_shaped)
_EXPIRY_MONTH = Validator("card_expiry", "months (1-12)", frozenset({"str", "int"}), is_month)
_EXPIRY_YEAR = Validator("card_expiry", "card expiry years", frozenset({"str", "int"}), is_expiry_year)
# An address column holding only postal codes: written as codes (4-10 characters, leading zeros kept).
_POSTCODE = Validator("postal_code", "postal codes", frozenset({"str"}),
                      lambda v: 4 <= len(v.strip()) <= 10 and is_postal_code(v))
_STREET_AND_NUMBER = Validator("address", "streets with a house number", frozenset({"str"}),
                               lambda v: sum(c.isalpha() for c in v) >= 4 and is_address_like(v))
_ROLE_HANDLE = Validator("username", "login handles", frozenset({"str"}),
                         lambda v: any(c.islower() for c in v) and LOGIN_HANDLE.check(v))


@dataclass(frozen=True)
class PiiFinding:
    column: str
    kind: str  # "PII" | "PHI" | "Financial"
    category: str
    confidence: float  # 0..1
    evidence: str
    sensitivity: str  # "restricted" | "confidential"


@dataclass(frozen=True)
class TextPii:
    """A free-text column with PII inside its prose (emails, phones, ... in resumes or notes)."""

    column: str
    kinds: tuple[str, ...]  # entity kinds found, most frequent first
    rate: float  # share of sampled values holding at least one
    sampled: int


class PiiFindings(dict[str, PiiFinding]):
    """Whole-value findings by column; ``text`` holds the free-text columns that contain PII."""

    def __init__(self, findings: Mapping[str, PiiFinding] | None = None,
                 text: Mapping[str, TextPii] | None = None):
        super().__init__(findings or {})
        self.text: dict[str, TextPii] = dict(text or {})


def _rate(
    validator: Validator, values: Values, strict: bool = False, need: float = 0.0
) -> tuple[float, int]:
    """Share of (up to ``validator.cap``) values that pass; gives up early once ``need`` is out of reach."""
    if values.kind not in validator.kinds:
        return 0.0, len(values.items)
    check = validator.strict if strict and validator.strict else validator.check
    items = values.items
    if len(items) > validator.cap:
        step = len(items) / validator.cap
        items = [items[int(i * step)] for i in range(validator.cap)]
    allowed_misses = len(items) - math.ceil(round(need * len(items), 6))
    hits = misses = 0
    for value in items:
        if check(value):
            hits += 1
        else:
            misses += 1
            if misses > allowed_misses:
                return hits / len(items), len(items)
    return hits / len(items), len(items)


def _shaped(pattern: re.Pattern[str], values: Values) -> float:
    texts = [str(v) for v in values.items if isinstance(v, str | int) and not isinstance(v, bool)]
    return sum(1 for t in texts if pattern.match(t)) / len(values.items)


def _pct(rate: float, n: int, noun: str) -> str:
    return f"{round(rate * 100)}% of {n} sampled values are {noun}"


@dataclass(frozen=True)
class _Candidate:
    category: str
    confidence: float
    evidence: str


def _validator(hint: NameHint, card_context: bool) -> Validator | None:
    """The check a name rule's values must pass; None when the rule means nothing in this table."""
    if hint.category == "person_name" and hint.weak:
        if hint.rule in NAME_PARTS:
            return KNOWN_NAME_PART
        return KNOWN_PERSON_OR_PART if hint.rule == "display name" else KNOWN_PERSON
    if hint.category == "address" and hint.weak:  # "Straße / Hausnr.": a street with its number, not "Nr. 12"
        return _STREET_AND_NUMBER
    if hint.category == "username" and hint.surrogate and hint.weak:  # author_id: "jdoe", not "AEH" (initials)
        return _ROLE_HANDLE
    if hint.rule in HANDLE_RULES:  # user_id, netid: a key (42, a UUID) unless the values are people's handles
        return LOGIN_HANDLE
    if hint.category == "card_expiry":
        carded = card_context or bool({"card", "cc"} & set(hint.rule.split()))
        if hint.part is not None:  # exp_month, exp_year: months and years are everywhere, cards are not
            return (_EXPIRY_MONTH if hint.part == "month" else _EXPIRY_YEAR) if carded else None
        return VALIDATORS["card_expiry"] if carded else EXPIRY_FORMAT
    return VALIDATORS[hint.category]


def _from_name(hint: NameHint, values: Values, card_context: bool = False) -> _Candidate | None:
    rule = f"name rule '{hint.rule}'"
    if hint.surrogate and values.items and is_surrogate_key(values) and (hint.category, values.kind) != (
            "medical", "int"):  # a key; but a patient_id of numbers is a record number (of UUIDs, a key)
        return None
    if hint.category != "medical" and values.items and looks_boolean(values):
        return None
    validator = _validator(hint, card_context)
    if validator is None:
        return None
    weak = hint.weak or validator is EXPIRY_FORMAT
    n = len(values.items)
    if n < MIN_VALUES:
        if weak:
            return None
        if values.kind == "other":
            detail = "values of this type are not inspected"
        else:
            detail = "no non-null values sampled" if n == 0 else f"only {n} non-null values sampled"
        return _Candidate(hint.category, NAME_ONLY, f"{rule} ({detail})")
    rate, checked = _rate(validator, values)
    distinct = len(set(values.items))
    if weak and validator is KNOWN_PERSON and rate < WEAK_AGREE_RATE and (distinct >= 0.5 * n or
                                                                          distinct >= DISTINCT_ENOUGH):
        # jmeno, badge_name, NOM: one word each; known first names or surnames, mostly distinct or many of them
        # (six pets' names repeat; a waiting list repeats families)
        validator = KNOWN_NAME_PART
        rate, checked = _rate(validator, values)
    if validator.distinct and distinct < validator.distinct * n and distinct < DISTINCT_ENOUGH:
        return _Candidate(hint.category, 0.3, f"{rule} but only {len(set(values.items))} distinct values in {n}")
    if weak:
        if rate < WEAK_AGREE_RATE and hint.category == "phone" and _rate(_FORMATTED_PHONE_SHAPE, values)[0] >= \
                VALUE_ONLY_RATE:  # cell: numbers written as phones, many not valid in any numbering plan
            return _Candidate("phone", NAME_ONLY, f"{rule}; {_pct(rate, checked, validator.noun)}, but the values "
                              "are written as phone numbers")
        if rate < WEAK_AGREE_RATE:
            return _logins(hint, values)
        return _Candidate(hint.category, round(0.5 + 0.45 * rate, 2),
                          f"{rule} + {_pct(rate, checked, validator.noun)}")
    if rate >= AGREE_RATE:
        return _Candidate(hint.category, round(min(0.99, NAME_ONLY + 0.4 * rate), 2),
                          f"{rule} + {_pct(rate, checked, validator.noun)}")
    if hint.category == "national_id" and _rate(COMPANY_TAX_ID, values, need=VALUE_ONLY_RATE)[0] >= VALUE_ONLY_RATE:
        return _Candidate(hint.category, 0.3, f"{rule} but the values are companies' tax ids")
    if hint.category == "credit_card" and rate == 0 and n >= _MANY_CARDS:
        return _Candidate(hint.category, 0.3, f"{rule} but none of {checked} is a payment card (a library card)")
    if validator.shape is not None and _shaped(validator.shape, values) >= VALUE_ONLY_RATE:
        return _Candidate(hint.category, NAME_ONLY,
                          f"{rule}; values are shaped right but only {_pct(rate, checked, validator.noun)}")
    if validator.contradicts:
        return _Candidate(hint.category, 0.3, f"{rule} but only {_pct(rate, checked, validator.noun)}")
    return _Candidate(hint.category, NAME_ONLY, f"{rule} (values not checkable: {values.kind})")


def _logins(hint: NameHint, values: Values) -> _Candidate | None:
    """Who did it (``triggered_by``, ``assignee``) written as login handles rather than names."""
    if hint.category != "person_name" or not is_actor(hint.rule) or len(set(values.items)) < 0.3 * len(values.items):
        return None
    rate, checked = _rate(LOGIN_HANDLE, values, need=VALUE_ONLY_RATE)
    if rate < VALUE_ONLY_RATE:
        return None
    return _Candidate("username", round(0.5 + 0.45 * rate, 2),
                      f"name rule '{hint.rule}' (who did it) + {_pct(rate, checked, LOGIN_HANDLE.noun)}")


def _from_values(values: Values, skip: str | None, other_id: bool = False) -> _Candidate | None:
    """The best distinctive validator passing >= 80% of the values; ``other_id``: the header names another
    kind of identifier (order_ref, part_number), so number-like categories cannot win on values alone."""
    if len(values.items) < MIN_VALUES:
        return None
    best: _Candidate | None = None
    for validator in VALIDATORS.values():
        if validator.strict is None or validator.category == skip or values.kind not in validator.kinds:
            continue
        if other_id and validator.category in _ID_CATEGORIES:
            continue
        prefilter = validator.prefilter
        if prefilter is not None and values.kind == "str" and _shaped(prefilter, values) < VALUE_ONLY_RATE:
            continue
        rate, checked = _rate(validator, values, strict=True, need=VALUE_ONLY_RATE)
        if rate >= VALUE_ONLY_RATE:
            evidence = _pct(rate, checked, validator.noun)
            cand = _Candidate(validator.category, round(0.45 + 0.5 * rate, 2), evidence)
            if best is None or cand.confidence > best.confidence:
                best = cand
    return best or _mixed_contacts(values)


_CONTACT_CAP: Final = 60


def _mixed_contacts(values: Values) -> _Candidate | None:
    """A column of contact points, some emails and some phone numbers (``contact_info``): the more
    frequent of the two is the category, when together they make 80% of the values."""
    if values.kind != "str" or sum("@" in v for v in values.items) < 0.2 * len(values.items):
        return None
    items = values.items[:: max(1, len(values.items) // _CONTACT_CAP)][:_CONTACT_CAP]
    emails = sum(1 for v in items if is_email(v))
    phones = sum(1 for v in items if not is_email(v) and is_formatted_phone(v))
    if emails + phones < VALUE_ONLY_RATE * len(items) or not phones:
        return None
    rate = (emails + phones) / len(items)
    category = "email" if emails >= phones else "phone"
    return _Candidate(category, round(0.45 + 0.5 * rate, 2),
                      f"{round(rate * 100)}% of {len(items)} sampled values are valid emails ({emails}) "
                      f"or phone numbers ({phones})")


def best_hint(names: Sequence[str]) -> NameHint | None:
    hints = [h for h in (match_name(n) for n in names) if h is not None]
    return min(hints, key=lambda h: (h.weak, -len(h.rule.split())), default=None)


def _names_other_identifier(names: Sequence[str]) -> bool:
    return any(t in OTHER_IDENTIFIERS for n in names for t in tokenize(n))


def _choose(hint: NameHint | None, by_name: _Candidate | None, values: Values, other_id: bool) -> _Candidate | None:
    if hint is None or by_name is None:
        return _from_values(values, None, other_id)
    if by_name.confidence < REPORT_AT:
        by_values = _from_values(values, None, other_id)
        if by_values is None or by_values.category in _WEAK_OVERRIDES:
            return None  # a header saying address over "Strada George Pop": streets are named after people
        return _Candidate(by_values.category, by_values.confidence,
                          f"{by_values.evidence} (name rule '{hint.rule}' contradicted)")
    distinctive = VALIDATORS[hint.category].strict is not None
    if distinctive and by_name.confidence >= 0.9:
        return by_name  # name and a distinctive validator agree: nothing could be more specific
    by_values = _from_values(values, hint.category, other_id)
    if by_values is None or by_values.category in _WEAK_OVERRIDES:
        return by_name
    if not distinctive:
        # A distinctive value match is more specific than a shape-only name category (IBANs in bank_account).
        return _Candidate(by_values.category, max(by_name.confidence, by_values.confidence),
                          f"name rule '{hint.rule}' + {by_values.evidence}")
    return max(by_name, by_values, key=lambda c: c.confidence)


def finding(names: Sequence[str], category: str, confidence: float, evidence: str) -> PiiFinding:
    kind, sensitivity = kind_and_sensitivity(category, phi=any(phi_qualified(n) for n in names))
    return PiiFinding(names[0], kind, category, confidence, evidence, sensitivity)


def judge_column(names: Sequence[str], values: Values, *, card_context: bool = False) -> PiiFinding | None:
    """The finding for one column known by ``names`` (normalized first), or None when not PII.

    ``card_context``: another column of the table holds card numbers or security codes, so ``exp_month``
    and ``expiry`` columns are read as card expiry dates.
    """
    hint = best_hint(names)
    by_name = _from_name(hint, values, card_context) if hint is not None else None
    if by_name is not None and by_name.confidence < REPORT_AT:  # Default Address Zip: zips, so the zip wins
        for alt in filter(None, map(next_hint, names)):
            by_alt = _from_name(alt, values, card_context)
            if by_alt is not None and by_alt.confidence >= REPORT_AT:
                hint, by_name = alt, by_alt
                break
    if hint is not None and by_name is not None and by_name.confidence < REPORT_AT and hint.category == "address":
        rate, checked = _rate(_POSTCODE, values, need=VALUE_ONLY_RATE)
        if rate >= VALUE_ONLY_RATE:  # DomicilioFiscal: the address as the tax office keeps it, a postal code
            by_name = _Candidate("postal_code", round(0.45 + 0.5 * rate, 2),
                                 f"name rule '{hint.rule}', but {_pct(rate, checked, _POSTCODE.noun)}")
            hint = NameHint("postal_code", hint.rule)
    chosen = _choose(hint, by_name, values, _names_other_identifier(names))
    if chosen is None or chosen.confidence < REPORT_AT:
        return None
    if by_name is None and chosen.category in _PLACE_CATEGORIES and any(map(names_business, names)):
        return None  # store_phone, installer_hotline full of phone numbers: a shop's (the values alone decided)
    if by_name is None and chosen.category == "email" and any(names_business(n) and "email" in tokenize(n)
                                                               for n in names):
        return None  # ap_email, supplier_email: the name rule read the firm's mailbox; its values do not overrule
    if by_name is None and chosen.category in _FIRM_IDS and any(map(names_firm, names)):
        return None  # supplier_iban full of IBANs: the firm's account
    if "name rule" not in chosen.evidence and impersonal(chosen.category, values.items):
        return None  # f_06 of 10.20.x.x gateways, f_07 of noc@ mailboxes: machines and teams
    if chosen.category == "person_name" and are_mailboxes(values.items):
        return finding(names, "email", chosen.confidence,  # From, requester: "Jane Doe <jane@x.org>" in every cell
                       f"{chosen.evidence}; mailboxes, an email address in each: email")
    return finding(names, chosen.category, chosen.confidence, chosen.evidence)


def _expiry_beside_cards(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                         found: Mapping[str, PiiFinding],
                         hints: Mapping[str, NameHint | None]) -> dict[str, PiiFinding]:
    """Beside card numbers, an unnamed column of MM/YY values is the cards' expiry (platnost_karty)."""
    out: dict[str, PiiFinding] = {}
    for name, values in samples.items():
        if name in found or hints[name] is not None or values.kind != "str" or len(values.items) < MIN_VALUES:
            continue
        rate, checked = _rate(EXPIRY_FORMAT, values, need=VALUE_ONLY_RATE)
        if rate >= VALUE_ONLY_RATE:
            out[name] = finding(columns[name], "card_expiry", round(0.45 + 0.5 * rate, 2),
                                f"beside card numbers, {_pct(rate, checked, EXPIRY_FORMAT.noun)}")
    return out


def detect_pii(sample: pa.Table, *, original_names: Mapping[str, str] | None = None) -> PiiFindings:
    """Flag the columns of ``sample`` that hold PII, PHI or financial data, keyed by column name.

    ``original_names`` maps a normalized column name to its name in the source file; both are
    matched against the name rules. Columns are judged one by one, then together: parts of a date of
    birth or of an address split over several columns are flagged as a group (groups.py), and text
    columns are scanned for PII inside prose (``PiiFindings.text``, text.py).
    """
    from lakehouse.ingest.pii.context import business_place_rows, context_findings, lab_values_of_no_one, with_kinds
    from lakehouse.ingest.pii.groups import group_findings
    from lakehouse.ingest.pii.people_table import business_contacts, people_findings
    from lakehouse.ingest.pii.people_values import value_findings
    from lakehouse.ingest.pii.text import scan_text

    columns: dict[str, list[str]] = {}
    samples: dict[str, Values] = {}
    for index, name in enumerate(sample.column_names):
        original = (original_names or {}).get(name)
        columns[name] = [name, original] if original and original != name else [name]
        samples[name] = sample_values(sample.column(index))
    hints = {name: best_hint(names) for name, names in columns.items()}
    card_context = any(h is not None and h.category in _CARD_CATEGORIES for h in hints.values())
    findings: dict[str, PiiFinding] = {}
    for name, names in columns.items():
        found = judge_column(names, samples[name], card_context=card_context)
        if found is not None:
            findings[name] = found
    if not card_context and any(f.category == "credit_card" for f in findings.values()):
        for name, hint in hints.items():  # card numbers found by their values: expiry columns read as cards'
            if name not in findings and hint is not None and hint.category == "card_expiry":
                found = judge_column(columns[name], samples[name], card_context=True)
                if found is not None:
                    findings[name] = found
    findings.update(group_findings(columns, samples, findings))
    findings.update(context_findings(columns, samples, findings))
    business = business_place_rows(columns, findings) | lab_values_of_no_one(findings)
    business |= business_contacts(columns, samples, findings)
    for name in business:
        del findings[name]
    findings.update(people_findings(columns, samples, findings, business))
    findings.update(value_findings(columns, samples, findings, business))
    if any(f.category == "credit_card" for f in findings.values()):
        findings.update(_expiry_beside_cards(columns, samples, findings, hints))
    findings = with_kinds(columns, findings)
    text = scan_text({name: samples[name] for name in columns if name not in findings})
    return PiiFindings({name: findings[name] for name in columns if name in findings}, text)
