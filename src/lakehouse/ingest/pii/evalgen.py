"""Regenerate evalset.jsonl: ``python -m lakehouse.ingest.pii.evalgen [PATH]``.

Seeded Faker data plus hand-written lists; the output is committed, so a Faker upgrade changes the set
only when someone regenerates it (the committed file is the reference: with the pinned Faker, 12 of the
first 189 columns already come out with other values). Labels come from what each column *is*, written
before the detector was scored on it; every third of the first columns is the "test" split. The tables
of evalgen_tables.py (issue 11's kinds) and every earlier held-out round but 15 (evalgen_round1..14.py,
evalgen_round16.py, evalgen_round17.py) follow, in "dev". All of it is development data: the held-out set is round 15
(evalgen_round15.py), which this module never composes.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import phonenumbers
from faker import Faker
from stdnum import luhn

from lakehouse.ingest.pii.evalgen_lists import (
    ALLERGIES,
    DIAGNOSES,
    ICD10,
    MEDICATIONS,
    WORLD_NAMES,
)
from lakehouse.ingest.pii.evalgen_negatives import negatives
from lakehouse.ingest.pii.evalgen_public import public_tables
from lakehouse.ingest.pii.evalgen_round1 import round1_tables
from lakehouse.ingest.pii.evalgen_round2 import round2_tables
from lakehouse.ingest.pii.evalgen_round3 import round3_tables
from lakehouse.ingest.pii.evalgen_round4 import round4_tables
from lakehouse.ingest.pii.evalgen_round5 import round5_tables
from lakehouse.ingest.pii.evalgen_round6 import round6_tables
from lakehouse.ingest.pii.evalgen_round7 import round7_tables
from lakehouse.ingest.pii.evalgen_round8 import round8_tables
from lakehouse.ingest.pii.evalgen_round9 import round9_tables
from lakehouse.ingest.pii.evalgen_round10 import round10_tables
from lakehouse.ingest.pii.evalgen_round11 import round11_tables
from lakehouse.ingest.pii.evalgen_round12 import round12_tables
from lakehouse.ingest.pii.evalgen_round13 import round13_tables
from lakehouse.ingest.pii.evalgen_round14 import round14_tables
from lakehouse.ingest.pii.evalgen_round16 import round16_tables
from lakehouse.ingest.pii.evalgen_round17 import round17_tables
from lakehouse.ingest.pii.evalgen_tables import tables

N = 60
_rng = random.Random(20240611)
_fakers: dict[str, Faker] = {}


def fk(locale: str = "en_US") -> Faker:
    if locale not in _fakers:
        _fakers[locale] = Faker(locale)
        _fakers[locale].seed_instance(len(_fakers) * 7919)
    return _fakers[locale]


def many(
    fn: Callable[[], Any], nulls: float = 0.0, junk: tuple[Any, ...] = (), junk_rate: float = 0.0
) -> list[Any]:
    out: list[Any] = []
    for _ in range(N):
        r = _rng.random()
        if r < nulls:
            out.append(None)
        elif junk and r < nulls + junk_rate:
            out.append(_rng.choice(junk))
        else:
            out.append(fn())
    return out


def valid_phone(locale: str, region: str, e164: bool = False) -> Callable[[], str]:
    def make() -> str:
        while True:
            raw = fk(locale).phone_number()
            try:
                num = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num):
                return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164) if e164 else raw

    return make


def nino() -> str:
    first, second = _rng.choice("ABCEHJKLMNPRSTWXY"), _rng.choice("ABCEHJKLMNPRSTWXY")
    digits = "".join(_rng.choice("0123456789") for _ in range(6))
    text = f"{first}{second}{digits}{_rng.choice('ABCD')}"
    return text if _rng.random() < 0.5 else f"{text[:2]} {text[2:4]} {text[4:6]} {text[6:8]} {text[8]}"


def luhn_number(prefix: str, length: int) -> str:
    body = prefix + "".join(_rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def digits(n: int) -> str:
    return str(_rng.randint(1, 9)) + "".join(_rng.choice("0123456789") for _ in range(n - 1))


def pick(items: list[str] | tuple[str, ...]) -> Callable[[], str]:
    return lambda: _rng.choice(items)


def lab(kind: str, category: str) -> dict[str, str]:
    return {"kind": kind, "category": category}


PII, PHI, FIN = "PII", "PHI", "Financial"
JUNK = ("n/a", "unknown", "", "-", "asdf", "none", "0")


def columns() -> list[dict[str, Any]]:
    us, gb, de = fk(), fk("en_GB"), fk("de_DE")
    c: list[dict[str, Any]] = []

    def add(
        name: str, values: list[Any], label: dict[str, str] | None, note: str = "", typ: str | None = None
    ) -> None:
        row: dict[str, Any] = {"name": name, "values": values, "label": label, "note": note}
        if typ:
            row["type"] = typ
        c.append(row)

    # ---- positives -------------------------------------------------------------------------------
    add("email", many(us.email), lab(PII, "email"))
    add("EmailAddress", many(us.free_email, nulls=0.1), lab(PII, "email"))
    add("contact", many(us.company_email), lab(PII, "email"), "values only")
    add("e-mail", many(de.email, nulls=0.1, junk=JUNK, junk_rate=0.2), lab(PII, "email"), "dirty")
    add(
        "customer_email",
        many(lambda: f"{us.first_name()}.{us.last_name()}+news@{us.domain_name()}"),
        lab(PII, "email"),
    )
    add("login", many(gb.email), lab(PII, "email"), "values only")
    add("phone", many(valid_phone("en_US", "US")), lab(PII, "phone"))
    add("mobile", many(valid_phone("en_GB", "GB", e164=True)), lab(PII, "phone"))
    add("Telefon", many(valid_phone("de_DE", "DE")), lab(PII, "phone"), "German name, no rule")
    add("fax_number", many(valid_phone("fr_FR", "FR"), nulls=0.3), lab(PII, "phone"))
    add("phone_number", many(us.phone_number, nulls=0.1), lab(PII, "phone"), "raw Faker: ~half invalid")
    add(
        "contact_phone",
        many(lambda: "".join(ch for ch in valid_phone("en_US", "US")() if ch.isdigit())[-10:]),
        lab(PII, "phone"),
        "bare digits",
    )
    add(
        "work_tel",
        many(lambda: int("".join(ch for ch in valid_phone("en_US", "US")() if ch.isdigit())[-10:])),
        lab(PII, "phone"),
        "integers",
    )
    add("col_12", many(valid_phone("en_US", "US", e164=True)), lab(PII, "phone"), "values only")
    add("emergency_contact_phone", many(valid_phone("en_IN", "IN"), nulls=0.2), lab(PII, "phone"))
    add("ssn", many(us.ssn), lab(PII, "ssn"))
    add("SocialSecurityNumber", many(lambda: us.ssn().replace("-", "")), lab(PII, "ssn"))
    add("tax_ref", many(us.ssn), lab(PII, "ssn"), "values only")
    add("employee_ssn", many(lambda: int(us.ssn().replace("-", ""))), lab(PII, "ssn"), "integers")
    add("national_id", many(fk("it_IT").ssn), lab(PII, "national_id"), "codice fiscale")
    add("nino", many(nino), lab(PII, "national_id"))
    add("bsn", many(fk("nl_NL").ssn), lab(PII, "national_id"))
    add("documento", many(fk("es_ES").nif), lab(PII, "national_id"), "values only: DNI")
    add("aadhaar_number", many(fk("en_IN").aadhaar_id), lab(PII, "national_id"))
    add("cpf", many(fk("pt_BR").cpf), lab(PII, "national_id"))
    add("personnummer", many(fk("sv_SE").ssn, nulls=0.1), lab(PII, "national_id"))
    add("social_insurance_number", many(fk("en_CA").ssn), lab(PII, "national_id"))
    add("passport_number", many(us.passport_number), lab(PII, "passport"))
    add("PassportNo", many(lambda: _rng.choice("CGHKLMN") + digits(8)), lab(PII, "passport"))
    add("passport", many(us.passport_number, nulls=0.3), lab(PII, "passport"))
    add("drivers_license", many(lambda: _rng.choice("ABDFGS") + digits(7)), lab(PII, "driver_license"))
    add(
        "DriverLicenceNumber",
        many(lambda: gb.last_name().upper()[:5].ljust(5, "9") + digits(6) + "SM9IJ"),
        lab(PII, "driver_license"),
    )
    add("dl_number", many(lambda: digits(9)), lab(PII, "driver_license"))
    add("credit_card_number", many(us.credit_card_number), lab(FIN, "credit_card"))
    add(
        "card_number", many(lambda: int(us.credit_card_number("visa16"))), lab(FIN, "credit_card"), "integers"
    )
    add("pan", many(lambda: " ".join(_chunks(luhn_number("4", 16)))), lab(FIN, "credit_card"))
    add(
        "payment_method_detail",
        many(lambda: us.credit_card_number("mastercard")),
        lab(FIN, "credit_card"),
        "values only",
    )
    add(
        "cc_number",
        many(lambda: "-".join(_chunks(luhn_number("5" + _rng.choice("12345"), 16))), nulls=0.2),
        lab(FIN, "credit_card"),
    )
    add(
        "iban",
        many(lambda: fk(_rng.choice(["de_DE", "fr_FR", "nl_NL", "en_GB", "es_ES"])).iban()),
        lab(FIN, "iban"),
    )
    add(
        "payout_account", many(lambda: " ".join(_chunks(fk("fr_FR").iban()))), lab(FIN, "iban"), "values only"
    )
    add("bank_account", many(de.iban), lab(FIN, "iban"), "IBANs under a generic name")
    add("account_number", many(lambda: digits(_rng.randint(8, 12))), lab(FIN, "bank_account"))
    add("bank_acct_no", many(lambda: int(digits(10))), lab(FIN, "bank_account"))
    add("ip_address", many(us.ipv4), lab(PII, "ip_address"))
    add("client_ip", many(us.ipv6, nulls=0.1), lab(PII, "ip_address"))
    add("remote", many(lambda: us.ipv4_public()), lab(PII, "ip_address"), "values only")
    add("sourceIP", many(us.ipv4_private), lab(PII, "ip_address"))
    add(
        "dob",
        many(lambda: us.date_of_birth(minimum_age=18, maximum_age=90).isoformat()),
        lab(PII, "date_of_birth"),
        typ="date",
    )
    add("birth_date", many(lambda: us.date_of_birth().isoformat()), lab(PII, "date_of_birth"))
    add("DateOfBirth", many(lambda: us.date_of_birth().strftime("%m/%d/%Y")), lab(PII, "date_of_birth"))
    add(
        "birthday",
        many(lambda: us.date_of_birth().isoformat() + "T00:00:00"),
        lab(PII, "date_of_birth"),
        typ="timestamp",
    )
    add(
        "date_of_birth",
        many(lambda: de.date_of_birth().strftime("%d.%m.%Y"), nulls=0.15),
        lab(PII, "date_of_birth"),
    )
    add("first_name", many(us.first_name), lab(PII, "person_name"))
    add("last_name", many(us.last_name), lab(PII, "person_name"))
    add(
        "full_name",
        many(lambda: fk(_rng.choice(["en_US", "fr_FR", "es_ES", "de_DE"])).name()),
        lab(PII, "person_name"),
    )
    add("customer_name", many(gb.name), lab(PII, "person_name"))
    add("name", many(us.name), lab(PII, "person_name"), "bare name, people")
    add("FirstName", many(de.first_name), lab(PII, "person_name"))
    add("patient_name", many(us.name), lab(PHI, "person_name"))
    add("assignee", many(us.name), lab(PII, "person_name"), "values only")
    add("surname", many(gb.last_name), lab(PII, "person_name"))
    add("Name", many(pick(WORLD_NAMES)), lab(PII, "person_name"), "hand-written names, not from Faker")
    add("address", many(us.street_address), lab(PII, "address"))
    add("street_address", many(gb.street_address), lab(PII, "address"))
    add("billing_address", many(us.address), lab(PII, "address"), "multi-line")
    add("addr_line1", many(us.street_address, nulls=0.2), lab(PII, "address"))
    add("shipping_location", many(us.street_address), lab(PII, "address"), "values only")
    add("Adresse", many(de.street_address), lab(PII, "address"), "German name, values only")
    add("zip", many(us.zipcode), lab(PII, "postal_code"))
    add("zip_code", many(lambda: int(us.zipcode())), lab(PII, "postal_code"), "integers")
    add("postal_code", many(gb.postcode), lab(PII, "postal_code"))
    add("postcode", many(fk("nl_NL").postcode), lab(PII, "postal_code"))
    add("PLZ", many(de.postcode), lab(PII, "postal_code"))
    add("salary", many(lambda: _rng.randrange(30_000, 250_000, 500)), lab(FIN, "salary"))
    add("annual_income", many(lambda: round(_rng.uniform(12_000, 400_000), 2), nulls=0.1), lab(FIN, "salary"))
    add("compensation", many(lambda: f"${_rng.randrange(40, 300) * 1000:,}"), lab(FIN, "salary"), "strings")
    add("hourly_wage", many(lambda: round(_rng.uniform(12, 95), 2)), lab(FIN, "salary"))
    add("base_salary_usd", many(lambda: _rng.randrange(50_000, 180_000, 1000)), lab(FIN, "salary"))
    add("diagnosis", many(pick(DIAGNOSES)), lab(PHI, "medical"))
    add("icd10_code", many(pick(ICD10)), lab(PHI, "medical"))
    add("medications", many(pick(MEDICATIONS), nulls=0.2), lab(PHI, "medical"))
    add(
        "blood_type",
        many(pick(sorted(("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")))),
        lab(PHI, "medical"),
    )
    add("allergies", many(pick(ALLERGIES), nulls=0.4), lab(PHI, "medical"))
    add("has_diabetes", many(lambda: _rng.random() < 0.1), lab(PHI, "medical"), "health flag")
    add(
        "patient_id", many(lambda: _rng.randint(10_000, 99_999)), lab(PHI, "medical"), "medical record number"
    )
    add("rx_name", many(pick(MEDICATIONS)), lab(PHI, "medical"))
    add("lab_result", many(lambda: f"{_rng.uniform(3, 12):.1f} mmol/L"), lab(PHI, "medical"))
    add("col_b", many(pick(["A+", "O+", "B+", "AB-", "O-", "A-"])), lab(PHI, "medical"), "values only")
    add("patient_email", many(us.email), lab(PHI, "email"))
    add(
        "contact_info",
        many(lambda: us.email() if _rng.random() < 0.55 else valid_phone("en_US", "US")()),
        lab(PII, "email"),
        "mixed emails and phones",
    )
    _negatives(add)
    for i, row in enumerate(c):
        row["split"] = "test" if i % 3 == 2 else "dev"
    start = len(c)
    _late_additions(add)
    for row in c[start:]:
        row["split"] = "test"
    for row in c:
        if row["name"] in _CONTAINS:
            row["contains"] = _CONTAINS[row["name"]]
    later = [(n, r) for n, rs in ((1, round1_tables()), (2, round2_tables()), (3, round3_tables()),
                                  (4, round4_tables()), (5, round5_tables()),
                                  (6, round6_tables()), (7, round7_tables()),
                                  (8, round8_tables()), (9, round9_tables()),
                                  (10, round10_tables()), (11, round11_tables()),
                                  (12, round12_tables()), (13, round13_tables()),
                                  (14, round14_tables()), (16, round16_tables()),
                                  (17, round17_tables())) for r in rs]
    rounds = [{**r, "note": (f"round-{n} held-out, now dev; " + r.get("note", "")).rstrip("; ")} for n, r in later]
    return c + list(tables()) + list(public_tables()) + rounds


# Free text with PII inside (scored apart, as contains_pii): these columns hold emails or phones in text.
_CONTAINS = {"notes": ["email"]}


def _late_additions(add: Callable[..., None]) -> None:
    """Adversarial columns written after the first scoring and never tuned against (all in "test")."""
    us, es = fk(), fk("es_ES")
    late = "added after first scoring"
    add("part_number", many(us.ssn), None, f"{late}: SSN-formatted part numbers")
    add("order_ref", many(lambda: luhn_number("4", 16)), None, f"{late}: Visa-like Luhn order refs")
    add(
        "address",
        many(lambda: "0x" + "".join(_rng.choice("0123456789abcdef") for _ in range(40))),
        None,
        f"{late}: crypto wallet addresses",
    )
    add("mobile", many(pick(("iOS", "Android", "web"))), None, f"{late}: platform, not a phone")
    add("card_number", many(lambda: f"LIB-{_rng.randint(1, 99999):05d}"), None, f"{late}: library cards")
    add("icd_version", many(pick(("ICD-9", "ICD-10"))), None, late)
    add("pet_name", many(pick(("Max", "Bella", "Luna", "Charlie", "Milo", "Daisy"))), None, late)
    add(
        "name",
        many(pick(("Max", "Bella", "Luna", "Charlie", "Milo", "Daisy"))),
        None,
        f"{late}: single words",
    )
    add("policy_number", many(lambda: f"POL{_rng.randint(10**7, 10**8 - 1)}"), None, late)
    add("emergency_contact", many(us.name), lab(PII, "person_name"), late)
    add("ship_to", many(us.address), lab(PII, "address"), late)
    add(
        "Geburtsdatum",
        many(lambda: us.date_of_birth().strftime("%d.%m.%Y")),
        lab(PII, "date_of_birth"),
        f"{late}: German name",
    )
    add("correo", many(es.email), lab(PII, "email"), late)
    add("emp_name", many(us.name), lab(PII, "person_name"), late)
    add("salary", many(lambda: f"{_rng.randint(40, 250)}k"), lab(FIN, "salary"), late)


def _chunks(text: str) -> list[str]:
    return [text[i : i + 4] for i in range(0, len(text), 4)]


# Negatives at first, relabelled for issue 11: user names are personal data (online identifiers).
_RELABELLED = {"username": lab(PII, "username"), "user_name": lab(PII, "username")}


def _negatives(add: Callable[..., None]) -> None:
    for name, values, note, typ in negatives(_rng, fk):
        add(name, values, _RELABELLED.get(name), note, typ)


def main(argv: list[str]) -> None:
    from lakehouse.ingest.pii.evaluation import default_path

    path = Path(argv[0]) if argv else default_path()
    rows = columns()
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    print(f"wrote {len(rows)} columns to {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
