"""A table read as a whole, whatever language its headers are in.

Header words do not carry over to languages nobody listed, but a table says by its values whom it is about:
when other columns are confidently a person's (a name, a national id with a valid check digit, an email), an
unnamed column of phone numbers, of birth dates, of year/month/day of birth or of check-digit-valid ids is that
person's too. The other way round, a table whose subject (its first column) is a company, or a contact column
repeating the same few values over many rows, holds a business's contact points, not a person's.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

from lakehouse.ingest.pii.detector import MIN_VALUES, PiiFinding, best_hint, finding
from lakehouse.ingest.pii.groups import is_birth_year, is_day_of_month
from lakehouse.ingest.pii.impersonal import role_mailbox
from lakehouse.ingest.pii.name_rules import OTHER_IDENTIFIERS
from lakehouse.ingest.pii.names import names_business, tokenize
from lakehouse.ingest.pii.national import check_digit_ids, passes
from lakehouse.ingest.pii.sampling import Values

if TYPE_CHECKING:
    import phonenumbers

# Columns confidently about a person: with one of these flagged, the table is a table of people.
_ANCHORS: Final = frozenset(["person_name", "national_id", "email", "passport", "ssn"])
_CONTACTS: Final = frozenset(["phone", "email", "address", "address_part", "postal_code", "bank_account", "iban"])
_RATE: Final = 0.8
# A person's own contact points and numbers: the same one or two down a table of many people are a business's.
_WHO: Final = frozenset(["person_name", "national_id"])  # the people themselves, one a row
_OWN: Final = frozenset(["phone", "email", "address", "iban", "bank_account", "national_id"])
_RECENT: Final = 4  # years: few people in a table of adults were born this recently
_FEW: Final = 4  # a switchboard, a branch or two: this few distinct contact points down 20 rows or more
_ID_RATE: Final = 0.9
_HALF: Final = 0.5
# Words in a contact header that say whose it is: a person's, even in a company's table.
_PERSON_WORDS: Final = frozenset(["home", "personal", "private", "mobile", "cell", "member", "owner", "director",
                                  "manager", "employee", "patient", "customer", "client", "guest"])
# Legal forms that end a company's name in most registers (values, not headers: they are the same in any
# language the header is in).
_LEGAL_FORM: Final = re.compile(
    r"(?:^|[\s,.])(?:inc|llc|ltd|plc|gmbh|ag|kg|ug|sa|sas|sarl|srl|s\.r\.l|spa|s\.p\.a|bv|nv|oy|oyj|ab|as|asa|"
    r"aps|a/s|oü|sia|uab|kft|zrt|nyrt|sp\.? z o\.?o|s\.r\.o|a\.s|d\.o\.o|d\.d|ad|ood|eood|sdn\.? bhd|bhd|pte\.? ltd|"
    r"pty\.? ltd|pty|pvt\.? ltd|lp|llp|corp|co\.? ltd|k\.k|kk|tbk|pt|cv|ltda|s\.a|s\.a\.s|a\.ş|ooo|ооо|оао|зао|пао|"
    r"ао|тов|пат|ат|ип|有限公司|股份有限公司|株式会社|合同会社)\.?$", re.IGNORECASE)
_PHONE_CHARS: Final = re.compile(r"^(?:\+|00)?\d[\d \-.()/]{6,20}$")
_DATE_SHAPE: Final = re.compile(r"^\d[\d./\- ]{5,10}\.?$")
_INTERNATIONAL: Final = 0.15  # share of phones written with their country code: the column names its country


def _ascii_digits(text: str) -> str:
    """Persian, Arabic, Devanagari... digits as 0-9: phones and ids are written in the local digits too."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def anchored(found: Mapping[str, PiiFinding]) -> bool:
    return any(f.category in _ANCHORS and f.confidence >= 0.8 for f in found.values())


_CODE_IN_PARENS: Final = re.compile(r"^\((\+\d{1,3}|0\d{1,4})\)\s?")


def _strings(values: Values) -> list[str]:
    texts = [str(v).strip() for v in values.items]
    return [t if t.isascii() else _ascii_digits(t) for t in texts if t]


def _unbracketed(text: str) -> str:
    """``(+995) 559154226`` and ``(085) 6579237``: a country or area code in brackets, read without them."""
    return _CODE_IN_PARENS.sub(r"\1 ", text)


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    import phonenumbers  # loaded for a column that passed the phone gates, not for every table

    try:
        return phonenumbers.parse("+" + text[2:] if text.startswith("00") else text, region)
    except phonenumbers.NumberParseException:
        return None


def _regions(items: Sequence[str]) -> set[str]:
    """The countries of the numbers written internationally (+30, 0030): the others are national ones there."""
    import phonenumbers

    out: set[str] = set()
    for text in items:
        if text.startswith(("+", "00")):
            number = _parse(text, None)
            region = phonenumbers.region_code_for_number(number) if number is not None else None
            if region:
                out.add(region)
    return out


def _valid_phone(text: str, regions: set[str]) -> bool:
    if not _PHONE_CHARS.match(text):
        return False
    import phonenumbers

    if text.startswith(("+", "00")):
        number = _parse(text, None)
        return number is not None and phonenumbers.is_valid_number(number)
    for region in regions:
        number = _parse(text, region)
        if number is not None and phonenumbers.is_valid_number(number):
            return True
    return False


def _phone_led(values: Values) -> bool:
    """Cheap gate: most values start with a digit or a plus (local digits included)."""
    return sum(bool(v) and (v[0] in "+(" or v[0].isdigit()) for v in values.items) >= _RATE * len(values.items)


def _phones(items: list[str], about_people: bool = False) -> str | None:
    """Phone numbers of the countries some of them name (``+66 …`` beside ``089 773 2891``); beside a person's
    data (``about_people``), half of them valid is enough: an export keeps numbers mistyped or since renumbered, and
    the ones written with the country code say what the column is."""
    items = [_unbracketed(v) if v.startswith("(") else v for v in items]
    if len(set(items)) < 0.5 * len(items) or sum(bool(_PHONE_CHARS.match(v)) for v in items) < _RATE * len(items):
        return None
    international = [v for v in items if v.startswith(("+", "00"))]
    if len(international) < _INTERNATIONAL * len(items) or len(international) == len(items):
        return None  # one "0049..." among customer numbers names no country; all international: not this rule's
    regions = _regions(international)
    if not regions or len(regions) > 3:
        return None
    valid = sum(_valid_phone(v, regions) for v in items)
    return f"{round(100 * valid / len(items))}% of {len(items)} sampled values are valid phone numbers of " \
           f"{'/'.join(sorted(regions))}" if valid >= (_HALF if about_people else _RATE) * len(items) else None


def date_years(kind: str, items: Sequence[Any]) -> list[int] | None:
    """The years of a column that holds dates (most values written as one), or None: what both birth-date rules
    (here and people_values) judge."""
    if kind == "str" and sum(bool(_DATE_SHAPE.match(str(v))) for v in items) < _RATE * len(items):
        return None
    years = [y for y in map(_year, items) if y is not None]
    return years if len(years) >= _RATE * len(items) else None


def _birth_dates(values: Values) -> str | None:
    """Dates spread over decades, half of them 25-90 years ago and few recent: birth dates, not events'."""
    years = date_years(values.kind, values.items)
    if years is None:
        return None
    ages = [date.today().year - y for y in years]
    if min(ages) < 0 or max(ages) > 115 or len(set(years)) < 10 or max(years) - min(years) < 30:
        return None
    if not 25 <= statistics.median(ages) <= 90 or sum(a <= _RECENT for a in ages) > 0.05 * len(ages):
        return None  # hire or joining dates: a register keeps adding rows, some of them in the last years
    return f"{len(years)} of {len(values.items)} sampled values are dates over {max(years) - min(years)} years " \
           f"(median age {round(statistics.median(ages))})"


_YMD: Final = re.compile(r"^(\d{4})[./\- ]\s?(\d{1,2})[./\- ]\s?(\d{1,2})\.?$|^(\d{4})(\d{2})(\d{2})$")
_DMY: Final = re.compile(r"^(\d{1,2})[./\- ]\s?(\d{1,2})[./\- ]\s?(\d{4})\.?$")


def _year(value: Any) -> int | None:
    """The year of a date written day first, month first or year first (the year is what ages need)."""
    if isinstance(value, datetime):
        return value.year if (value.hour, value.minute, value.second) == (0, 0, 0) else None
    if isinstance(value, date):
        return value.year
    if not isinstance(value, str):
        return None
    found = _YMD.match(value)
    if found:
        y, m, d = (int(g) for g in (found.groups()[:3] if found.group(1) else found.groups()[3:]))
    else:
        found = _DMY.match(value)
        if not found:
            return None
        d, m, y = (int(g) for g in found.groups())
        d, m = (m, d) if m > 12 else (d, m)
    return y if 1 <= m <= 12 and 1 <= d <= 31 else None


def _digit_runs(items: list[str], shortest: int = 8, longest: int = 16) -> list[str]:
    """The values as digits alone, when all are distinct digit runs of one length; else empty."""
    compact = [v.replace(" ", "").replace("-", "") for v in items]
    if not compact or len({len(v) for v in compact}) != 1 or not shortest <= len(compact[0]) <= longest:
        return []
    if not all(v.isdigit() for v in compact) or len(set(compact)) < _ID_RATE * len(compact):
        return []
    return compact


_PATRONYMIC: Final = re.compile(r"^[A-Z][a-z]{2,14} [A-Z][a-z]{2,14}$")


def _patronymic(items: list[Any]) -> bool:
    pairs = [v.split() for v in items if isinstance(v, str) and _PATRONYMIC.match(v)]
    if len(pairs) < _RATE * len(items) or len(items) < 10 or len({tuple(p) for p in pairs}) < 0.5 * len(pairs):
        return False
    firsts, seconds = {p[0] for p in pairs}, {p[1] for p in pairs}
    return len(firsts) >= 5 and len(seconds & firsts) >= 0.6 * len(seconds)


def _national_ids(items: list[str]) -> str | None:
    """Digit runs of one length passing one country's check digit (not some check or other)."""
    compact = _digit_runs(items, 9, 13)
    if not compact:
        return None
    allowed = len(compact) - _ID_RATE * len(compact)
    for check in check_digit_ids():
        misses = 0
        for text in compact:
            if not passes(check, text):
                misses += 1
                if misses > allowed:
                    break
        else:
            return f"{len(compact) - misses} of {len(compact)} sampled values pass one country's national-id check"
    return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) <= 4 else None


def _date_part(ints: list[int]) -> str | None:
    if all(is_birth_year(v) for v in ints) and len(set(ints)) >= 5 and max(ints) - min(ints) >= 20:
        return "year"
    if all(is_day_of_month(v) for v in ints) and max(ints) > 12:
        return "day"
    return "month" if all(1 <= v <= 12 for v in ints) else None


def _birth_parts(names: list[str], samples: Mapping[str, Values]) -> list[str]:
    """Three neighbouring columns of years (spread over decades), months and days (some past 12)."""
    for i in range(len(names) - 2):
        trio = names[i:i + 3]
        columns = [[_int(v) for v in samples[n].items] for n in trio]
        if not all(len(ints) >= MIN_VALUES and None not in ints for ints in columns):
            continue
        kinds = [_date_part([i for i in ints if i is not None]) for ints in columns]
        if kinds in (["year", "month", "day"], ["day", "month", "year"]):
            return trio
    return []


def people_findings(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                    found: Mapping[str, PiiFinding], skip: set[str]) -> dict[str, PiiFinding]:
    """Columns of a table of people that their values alone explain; ``skip``: columns already judged not."""
    out: dict[str, PiiFinding] = {}
    free = [n for n in columns if n not in found and n not in skip and not other_identifier(columns[n])]
    about_people = anchored(found)
    for name in free:  # phones that name their country are people's wherever many differ (not a switchboard)
        if samples[name].kind == "str" and len(samples[name].items) >= MIN_VALUES and _phone_led(samples[name]):
            evidence = _phones(_strings(samples[name]), about_people)
            if evidence is not None:
                out[name] = finding(columns[name], "phone", 0.7, evidence)
    for name in free:  # given name and father's given name: the same words in both places (Mulugeta Abebe)
        if name not in out and samples[name].kind == "str" and _patronymic(samples[name].items) and \
                any(f.category in _ANCHORS | {"phone"} for f in {**found, **out}.values()):
            out[name] = finding(columns[name], "person_name", 0.7, "two given names each, the second ones "
                                "given names of others in the column (a patronymic), beside a person's contacts")
    if not anchored({**found, **out}):
        return out
    for name in [n for n in free if n not in out]:
        values = samples[name]
        if len(values.items) < MIN_VALUES:
            continue
        evidence, category = None, ""
        if values.kind in ("str", "date"):
            evidence, category = _birth_dates(values), "date_of_birth"
        if evidence is None and values.kind in ("str", "int"):
            evidence, category = _national_ids(_strings(values)), "national_id"
            hint = best_hint(columns[name])
            if evidence is None and hint is not None and hint.category == "national_id" and \
                    _digit_runs(_strings(values)):  # nin, nik, tin: a short word that alone says too little
                evidence = f"name rule '{hint.rule}' over distinct digit runs of one length"
        if evidence is not None:
            out[name] = finding(columns[name], category, 0.7, f"beside a person's data, {evidence}")
    trio = _birth_parts([n for n in free if n not in out], samples)
    for name in trio:
        out[name] = finding(columns[name], "date_of_birth_part", 0.7,
                            f"beside a person's data, year, month and day columns ({', '.join(trio)})")
    return out


def other_identifier(names: Sequence[str]) -> bool:
    """``store_phone``, ``txn_id``: a business's contact point or an identifier of something else, by name."""
    return any(names_business(n) or any(t in OTHER_IDENTIFIERS for t in tokenize(n)) for n in names)


def _person_worded(name: str) -> bool:
    return any(t in _PERSON_WORDS for t in tokenize(name))


def business_contacts(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                      found: Mapping[str, PiiFinding]) -> set[str]:
    """Contact findings that are a business's: every one in a table whose first column names companies by
    their legal form, and a phone, email or address repeating the same few values down many rows."""
    out: set[str] = set()
    first = next((n for n in columns if samples[n].kind == "str" and samples[n].items), None)
    if first is not None and first not in found:
        items = samples[first].items
        if len(items) >= MIN_VALUES and sum(bool(_LEGAL_FORM.search(v)) for v in items) >= _RATE * len(items):
            out |= {n for n, f in found.items() if f.category in _CONTACTS and not _person_worded(n)}
    out |= _service_accounts(columns, found)
    out |= _company_beside_contact(columns, samples, found)
    few = {name for name, f in found.items() if f.category in _OWN
           and len(samples[name].items) >= 20 and not _person_worded(name)
           and len({str(v) for v in samples[name].items}) <= min(_FEW, len(samples[name].items) // 10)}
    for name in few:  # whose, when the header does not say: the people's own are the same kind, all
        # different, and a table whose rows are many different people (names, ids) holds no person's own
        # number in a value they all share
        many = any(other not in few and (f.category == found[name].category or f.category in _WHO)
                   and len(samples[other].items) >= 20
                   and len({str(v) for v in samples[other].items}) >= 0.5 * len(samples[other].items)
                   for other, f in found.items())
        if many or not found[name].evidence.startswith("name rule"):
            out.add(name)
    return out


_ROLE_SHARE: Final = 0.6
_BUSINESS_PLACES: Final = _CONTACTS | {"address_part"}


def _company_beside_contact(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                            found: Mapping[str, PiiFinding]) -> set[str]:
    """A CRM's accounts with their contact person: beside a person's email (``contact_email``) and name, an email
    column of role mailboxes (hello@, sales@) is the company's, and so are the contact points whose headers do
    not share the person's prefix (the account's phone, its billing address)."""
    emails = [n for n, f in found.items() if f.category == "email" and len(samples[n].items) >= MIN_VALUES]
    if len(emails) < 2:
        return set()
    roles = {n: sum(map(role_mailbox, samples[n].items)) / len(samples[n].items) for n in emails}
    company = [n for n in emails if roles[n] >= _ROLE_SHARE]
    people = [n for n in emails if roles[n] < 1 - _ROLE_SHARE]
    if not company or not people:
        return set()
    prefix = tokenize(people[0])[:1]
    if not prefix or not any(f.category == "person_name" and tokenize(n)[:1] == prefix for n, f in found.items()):
        return set()
    return {n for n, f in found.items() if f.category in _BUSINESS_PLACES and tokenize(n)[:1] != prefix
            and not _person_worded(n)}


MONEY: Final = frozenset(["bank_account", "iban", "salary", "credit_card"])  # findings that speak of money
_BANK_WORDS: Final = frozenset(["bank", "iban", "bic", "swift", "sort", "routing", "bsb", "ifsc", "clabe", "deposit",
                                "payout", "payee", "transit", "payroll", "wage", "wages", "salary", "pay"])


def _service_accounts(columns: Mapping[str, Sequence[str]], found: Mapping[str, PiiFinding]) -> set[str]:
    """An "account number" with nothing about banks or money beside it (a utility's or a telecom's customer
    account, keyed by the business that keeps the table) is not a bank account."""
    accounts = {n for n, f in found.items() if f.category == "bank_account" and "'account number'" in f.evidence}
    if not accounts or len(columns) < 4:
        return set()
    if any(f.category in MONEY for n, f in found.items() if n not in accounts):
        return set()
    if any(set(tokenize(n)) & _BANK_WORDS for name in columns for n in columns[name]):
        return set()
    return accounts
