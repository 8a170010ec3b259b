"""Value validators: decide whether one sampled value is a valid instance of a PII category.

Each category has a lenient ``check`` (used when the column name already points at the category) and,
where the values alone are distinctive enough, a ``strict`` check that may flag a column by itself.
Values arrive as Python objects (``str`` stripped of blanks, ``int``, ``float``, ``Decimal``, ``date``,
``datetime``); a validator only judges the value kinds it lists.

The checking libraries (email_validator, phonenumbers, python-stdnum: ~0.1 s of imports) load on the first
value that reaches them past its cheap shape test: a table with no such values never imports them.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from lakehouse.ingest.pii.cards import is_card_expiry, is_expiry_format, is_security_code
from lakehouse.ingest.pii.dates import is_birth_date
from lakehouse.ingest.pii.national import is_company_tax_id, is_distinctive_national_id, is_national_id, stdnum_check
from lakehouse.ingest.pii.people import (
    is_handle_list,
    is_known_name_part,
    is_known_person_name,
    is_login_handle,
    is_name_shaped,
    is_native_script_name,
    is_person_list,
    is_username,
    mailbox,
)
from lakehouse.ingest.pii.phones import PHONE_SHAPE, is_formatted_phone, is_phone

Check = Callable[[Any], bool]


@dataclass(frozen=True)
class Validator:
    category: str
    noun: str  # completes "N% of M sampled values are ..."
    kinds: frozenset[str]  # value kinds this validator can judge: str, int, float, date
    check: Check  # lenient: used under a matching name rule
    strict: Check | None = None  # distinctive enough to flag a column with no name rule
    prefilter: re.Pattern[str] | None = None  # cheap gate before the strict check on strings
    contradicts: bool = True  # a low match rate under a name rule means the name is misleading
    # Under a name rule, values of the right shape that fail a check digit (test or synthetic data) do not
    # contradict the name: the column stays flagged at name-only confidence.
    shape: re.Pattern[str] | None = None
    cap: int = 200  # most values validated per column (phonenumbers costs ~80 us a value)
    distinct: float = 0.0  # identifiers are mostly distinct: below this share of distinct values, not this


def _digits(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if value >= 0 else None  # a sign is not a digit (int("-") crashed the card check)
    if isinstance(value, str):
        compact = re.sub(r"[\s\-.]", "", value)
        return compact if compact.isdigit() else None
    return None


# --- email ---------------------------------------------------------------------------------------
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_email(value: Any) -> bool:
    if not isinstance(value, str) or not _EMAIL_SHAPE.match(value):
        return False
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def is_mailbox(value: Any) -> bool:
    """``Jane Doe <jane@example.org>``: a display name and a valid address."""
    box = mailbox(value)
    return box is not None and is_email(box[1])


def are_mailboxes(items: list[Any]) -> bool:
    """Four in five values are ``Name <email>`` (parsed only when the first ones show an ``@``)."""
    if not any(isinstance(v, str) and "@" in v for v in items[:10]):
        return False
    return sum(map(is_mailbox, items)) >= 0.8 * len(items)


def is_person_value(value: Any) -> bool:
    """What a column named for a person (``maintainer``, ``name``) holds: a known person name or a mailbox."""
    return is_known_person_name(value) or is_mailbox(value)


# --- SSN -----------------------------------------------------------------------------------------
_SSN_LOOSE = re.compile(r"^\d{3}[- ]?\d{2}[- ]?\d{4}$")
_SSN_DASHED = re.compile(r"^\d{3}-\d{2}-\d{4}$")
_US_SSN, _LUHN, _IBAN = stdnum_check("us.ssn"), stdnum_check("luhn"), stdnum_check("iban")


def is_ssn(value: Any) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return 0 < value < 1_000_000_000 and _US_SSN(f"{value:09d}")
    return isinstance(value, str) and bool(_SSN_LOOSE.match(value)) and _US_SSN(value)


def is_dashed_ssn(value: Any) -> bool:
    return isinstance(value, str) and bool(_SSN_DASHED.match(value)) and _US_SSN(value)


# --- payment cards -------------------------------------------------------------------------------
# (IIN prefix range low, high, digits compared, allowed lengths): Visa, Mastercard, Amex, Discover,
# JCB, Diners, UnionPay, and Maestro's assigned prefixes only (its 50/56-69 range covers half of all numbers).
_IIN: Final = (
    (4, 4, 1, (13, 16, 19)), (51, 55, 2, (16,)), (2221, 2720, 4, (16,)), (34, 34, 2, (15,)),
    (37, 37, 2, (15,)), (6011, 6011, 4, (16, 17, 18, 19)), (644, 649, 3, (16, 17, 18, 19)),
    (65, 65, 2, (16, 17, 18, 19)), (3528, 3589, 4, (16, 17, 18, 19)), (300, 305, 3, (14, 15, 16)),
    (36, 36, 2, (14, 15, 16)), (38, 39, 2, (14, 15, 16)), (62, 62, 2, (16, 17, 18, 19)),
    (2131, 2131, 4, (15,)), (1800, 1800, 4, (15,)),
    *((iin, iin, 4, tuple(range(12, 20))) for iin in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763)),
)


def is_card_number(value: Any) -> bool:
    """Luhn-valid, 13-19 digits, with the issuer prefix and length of a major card network."""
    digits = _digits(value)
    if digits is None or not 13 <= len(digits) <= 19:
        return False
    known = any(lo <= int(digits[:n]) <= hi and len(digits) in lengths for lo, hi, n, lengths in _IIN)
    return known and _LUHN(digits)


# --- bank ----------------------------------------------------------------------------------------
def is_iban(value: Any) -> bool:
    return isinstance(value, str) and _IBAN(value)


def is_bank_account(value: Any) -> bool:
    """6-20 digits (spaces, dashes, dots, and a slash before a bank code as in 123456789/0800), or an IBAN."""
    digits = _digits(value.replace("/", "") if isinstance(value, str) else value)
    return (digits is not None and 6 <= len(digits) <= 20) or is_iban(value)


# --- IP ------------------------------------------------------------------------------------------
def is_ip(value: Any) -> bool:
    if not isinstance(value, str) or ("." not in value and ":" not in value):
        return False
    try:
        ipaddress.ip_interface(value)
    except ValueError:
        return False
    return True


# --- documents -----------------------------------------------------------------------------------
_PASSPORT = re.compile(r"^[A-Z0-9]{6,10}$")
_LICENSE = re.compile(r"^[A-Z0-9][A-Z0-9\-* ]{3,19}$")


def _doc_number(pattern: re.Pattern[str]) -> Check:
    def check(value: Any) -> bool:
        if isinstance(value, int) and not isinstance(value, bool):
            return 100_000 <= value < 10**12
        if not isinstance(value, str):
            return False
        text = value.upper()
        return bool(pattern.match(text.replace(" ", ""))) and any(c.isdigit() for c in text)

    return check


# A British driving licence number (DVLA): surname, birth decade, month (+50 for women), day, year digit,
# initials, a digit and two check letters: MORGA753116SM9IJ.
_DVLA = re.compile(
    r"^[A-Z9]{5}\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}(?:\d{2})?$")


def is_dvla_licence(value: Any) -> bool:
    return isinstance(value, str) and bool(_DVLA.match(value.upper().replace(" ", "")))


def _licence(value: Any) -> bool:
    return _doc_number(_LICENSE)(value) or is_dvla_licence(value)


# --- addresses and postal codes ------------------------------------------------------------------
# USPS Publication 28 street suffixes (and common abbreviations), plus continental street words.
_SUFFIXES: Final = (
    "alley|aly|annex|arcade|avenue|ave|bayou|beach|bend|bluffs?|bottom|boulevard|blvd|branch|bridge|brooks?|"
    "burgs?|bypass|camp|canyon|cape|causeway|centers?|circles?|cir|cliffs?|club|commons?|corners?|course|"
    "courts?|ct|coves?|creek|crescent|crest|crossing|crossroad|curve|dale|dam|divide|drives?|dr|estates?|"
    "expressway|extensions?|falls|ferry|fields?|flats?|fords?|forest|forges?|forks?|fort|freeway|gardens?|"
    "gateway|glens?|greens?|groves?|harbors?|haven|heights|highway|hwy|hills?|hollow|inlet|islands?|isle|"
    "junctions?|keys?|knolls?|lakes?|land|landing|lane|ln|lights?|loaf|locks?|lodge|loop|mall|manors?|"
    "meadows?|mews|mills?|mission|motorway|mount|mountains?|neck|orchard|oval|overpass|parks?|parkways?|"
    "pkwy|pass|passage|path|pike|pines?|place|pl|plains?|plaza|points?|ports?|prairie|radial|ramp|ranch|"
    "rapids?|rest|ridges?|river|roads?|rd|route|row|run|shoals?|shores?|skyway|springs?|spurs?|squares?|sq|"
    "station|stravenue|stream|streets?|st|summit|terrace|ter|throughway|trace|track|trafficway|trail|trl|"
    "tunnel|turnpike|underpass|unions?|valleys?|viaduct|views?|villages?|ville|vista|walks?|wall|ways?|wells?"
)
# Street words of other languages: as a word's ending (Hauptstraße, Gyldenlakvej) or before the name (rue de
# la Paix, Strada Dobre, ulica Długa).
_ENDINGS = (r"straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|plein|steeg|singel|gracht|dreef|"
            r"vej|gade|gatan|gata|vägen|veien|vegen|tie|katu|kuja|polku|utca|ulica|ulice|cesta|sokak|sokağı")
_LEADS = (r"rue|avenue|av\.|boulevard|boul\.?|bd\.?|bld\.?|chemin|impasse|allée|place|rang|route|rte|montée|"
          r"côte|calle|c/|avenida|avda\.?|paseo|"
          r"camino|carrera|cra\.?|diagonal|diag\.|transversal|via|viale|vicolo|piazza|piazzale|corso|largo|rua|"
          r"travessa|praça|estrada|alameda|ul\.|ulica|al\.|aleja|os\.|osiedle|strada|str\.|aleea|calea|"
          r"bulevardul|bd-ul|șoseaua|soseaua|piața|piata|splaiul|trg|náměstí|namesti|jalan|jl\.|carrer|avinguda")
_STREET = re.compile(
    rf"^\d+[A-Za-z]?\s+(?:[\w.'-]+\s+){{1,5}}?(?:{_SUFFIXES})\b\.?"
    rf"|\b\w*(?:{_ENDINGS})\s+\d+"
    rf"|^\d+,?\s+(?:{_LEADS})\s"
    rf"|^(?:{_LEADS})\s+[\w\s.'-]+?,?\s+(?:n[°ºo]\.?\s*)?\d+",
    re.IGNORECASE,
)
_STREET_NAME = re.compile(
    rf"^(?:[\w.'-]+\s+){{0,5}}(?:{_SUFFIXES})\.?$"
    rf"|\w*(?:{_ENDINGS})$"
    rf"|^(?:{_LEADS})\s",
    re.IGNORECASE,
)


def is_street_address(value: Any) -> bool:
    return isinstance(value, str) and bool(_STREET.search(value))


def is_street_name(value: Any) -> bool:
    """A street without its number (``Oak Avenue``, ``Hauptstraße``, ``rue de la Paix``)."""
    return isinstance(value, str) and bool(_STREET_NAME.search(value.strip()))


def is_address_like(value: Any) -> bool:
    """Under an address header: several words with a number, or a street name; no single tokens (wallets)."""
    if not isinstance(value, str) or len(value) < 5 or not any(c.isalpha() for c in value):
        return False
    if is_street_name(value):
        return True
    words = len(value.split())
    return words >= 2 and (any(c.isdigit() for c in value) or words >= 3)


_POSTAL = re.compile(
    r"^(?:\d{5}(?:-\d{4})?|\d{3,8}|\d{5}-\d{3}|\d{4}-\d{3}|[A-Z]\d[A-Z] ?\d[A-Z]\d"
    r"|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4} ?[A-Z]{2}"
    r"|\d{3}-\d{4}|\d{2}-\d{3}|\d{3} \d{2}|[A-Z]{1,2}-?\d{3,5}|[A-Z]{1,2}-?\d{3} ?\d{2})$"
)


# Any other country's code under a postal header: 3-10 letters and digits with a digit (Malta's VLT 1234).
_POSTAL_ANY = re.compile(r"^(?=.*\d)[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){2,9}$")


def is_postal_code(value: Any) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return 100 <= value <= 99999
    if not isinstance(value, str):
        return False
    text = value.upper().lstrip("〒").strip()  # the Japanese postal mark: 〒150-0001
    return bool(_POSTAL.match(text) or _POSTAL_ANY.match(text))


# --- money ---------------------------------------------------------------------------------------
_SYMBOLS = "$€£¥₹₩₫₦₱₺₽₪฿₴₸"
# A currency code or symbol before or after (Rs, Rp, R$, TSh, KSh; zł, kr, Kč, Ft, 円, 元, 원 after).
_MONEY = re.compile(
    rf"^(?:[A-Z]{{3}}\s?|(?:Rs\.?|Rp\.?|R\$|[TKU]Sh|S/\.?)\s?)?[{_SYMBOLS}]?\s?\d{{1,3}}(?:[,.\s']?\d{{3}})*"
    rf"(?:[.,]\d{{1,2}})?\s?[kK]?(?:\s?(?:[A-Z]{{3}}|[{_SYMBOLS}]|zł|kr|Kč|Ft|lei|đ|円|元|원|/-))?$")


def is_salary_amount(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float | Decimal):
        return 0 <= value <= 10_000_000
    return isinstance(value, str) and bool(_MONEY.match(value))


# --- health --------------------------------------------------------------------------------------
_ICD10 = re.compile(r"^[A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?$")
BLOOD_TYPES: Final = frozenset({"A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"})


def is_blood_type(value: Any) -> bool:
    return isinstance(value, str) and value.upper().replace(" ", "") in BLOOD_TYPES


def is_health_code(value: Any) -> bool:
    return isinstance(value, str) and (bool(_ICD10.match(value.upper())) or is_blood_type(value))


def is_short_answer(value: Any) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= 100


def _email_or_mailbox(value: Any) -> bool:
    return is_email(value) or is_mailbox(value)  # an email header over "Jane Doe <jane@example.org>"


def _name_or_mailbox(value: Any) -> bool:
    return is_name_shaped(value) or is_mailbox(value) or is_person_list(value)


_S, _I, _N = frozenset({"str"}), frozenset({"str", "int"}), frozenset({"str", "int", "float"})
_ID_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .\-/]{5,23}$")
_CARD_SHAPE = re.compile(r"^\d[\d -]{11,22}$")
_IP_SHAPE = re.compile(r"^[0-9A-Fa-f:.]{2,45}(/\d+)?$")
_IBAN_SHAPE = re.compile(r"^[A-Za-z]{2}\d{2}[A-Za-z0-9 ]{10,38}$")
VALIDATORS: Final[dict[str, Validator]] = {
    v.category: v
    for v in (
        Validator("email", "valid emails", _S, _email_or_mailbox, is_email, _EMAIL_SHAPE),
        Validator("phone", "valid phone numbers", _I, is_phone, is_formatted_phone, PHONE_SHAPE, cap=60,
                  shape=PHONE_SHAPE),
        Validator("ssn", "valid US SSNs", _I, is_ssn, is_dashed_ssn, _SSN_DASHED, shape=_SSN_LOOSE),
        Validator("credit_card", "Luhn-valid card numbers of a known issuer", _I, is_card_number,
                  is_card_number, _CARD_SHAPE, shape=_CARD_SHAPE),
        Validator("iban", "valid IBANs", _S, is_iban, is_iban, _IBAN_SHAPE),
        Validator("bank_account", "account-number shaped", _I, is_bank_account),
        Validator("ip_address", "valid IP addresses", _S, is_ip, is_ip, _IP_SHAPE),
        Validator("national_id", "valid national id numbers", _I, is_national_id, is_distinctive_national_id,
                  _ID_SHAPE, shape=_ID_SHAPE),
        Validator("passport", "passport-number shaped", _I, _doc_number(_PASSPORT)),
        Validator("driver_license", "licence-number shaped", _I, _licence, is_dvla_licence,
                  re.compile(r"^[A-Za-z9]{5}\d")),
        Validator("date_of_birth", "dates between 1900 and today", frozenset({"str", "int", "date"}),
                  is_birth_date),
        Validator("person_name", "person-name shaped", _S, _name_or_mailbox, is_person_value),
        Validator("address", "address shaped", _S, is_address_like, is_street_address, re.compile(r".*\d")),
        Validator("postal_code", "postal-code shaped", _I, is_postal_code),
        Validator("salary", "amounts in a salary range", _N, is_salary_amount),
        Validator("medical", "ICD-10 codes or blood types", _S, is_health_code, is_blood_type,
                  re.compile(r"^\s*(?:AB|A|B|O)\s*[+-]\s*$", re.IGNORECASE), contradicts=False),
        Validator("card_expiry", "card expiry dates", frozenset({"str", "int", "date"}), is_card_expiry),
        Validator("card_security_code", "3-4 digit security codes", _I, is_security_code),
        Validator("username", "login-handle shaped", _S, is_username, distinct=0.5),
        Validator("security_answer", "short answers", _S, is_short_answer, contradicts=False),
    )
}
# A bare "name" or a role ("maintainer") needs the values to look like people, not just like words.
KNOWN_PERSON = Validator("person_name", "known person names or 'Name <email>' mailboxes", _S,
                         lambda v: is_person_value(v) or is_native_script_name(v) or is_person_list(v))
# FIRST, LAST, MAIDEN: single words that are known first names or surnames.
KNOWN_NAME_PART = Validator("person_name", "known first names or surnames", _S, is_known_name_part)
# A display name: a whole name, a mailbox, or a known first name alone.
KNOWN_PERSON_OR_PART = Validator("person_name", "known names", _S,
                                 lambda v: is_person_value(v) or is_known_name_part(v))
# Who did something (triggered_by, assignee) as a login: a handle with a word in it, not a code (C123, EMP-0042).
LOGIN_HANDLE = Validator("username", "login handles", _S, lambda v: is_login_handle(v) or is_handle_list(v))
# A generic "expiry" header (products expire too) needs values written like a card's expiry.
EXPIRY_FORMAT = Validator("card_expiry", "written like a card expiry (MM/YY)", _S, is_expiry_format)
# An invoice issuer's tax id under a national-id header (Emisor.Rfc): its format says a company holds it.
COMPANY_TAX_ID = Validator("national_id", "companies' tax ids", _I, is_company_tax_id)
