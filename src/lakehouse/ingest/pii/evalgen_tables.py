"""Development tables for the kinds added in issue 11 (cards beside the number, user names, security
answers, quasi-identifier groups, person roles, free text with PII inside), in the "dev" split.

Written while developing those rules and looked at freely: it is development data, not a held-out
set (the held-out rounds, evalgen_round7..9.py, are kept apart). Locales en_US and de_DE only, like evalgen.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

from faker import Faker
from stdnum import luhn

from lakehouse.ingest.pii.evalgen_lists import MAILBOX_EMAIL, STREET_LINE_PART

N = 40
Row = dict[str, Any]


def _lab(kind: str, category: str) -> dict[str, str]:
    return {"kind": kind, "category": category}


PII, FIN = "PII", "Financial"


class _Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.us, self.de = Faker("en_US"), Faker("de_DE")
        self.us.seed_instance(seed)
        self.de.seed_instance(seed + 1)

    def many(self, fn: Callable[[], Any], nulls: float = 0.0) -> list[Any]:
        return [None if self.rng.random() < nulls else fn() for _ in range(N)]

    def card(self, sep: str = "") -> str:
        prefix = self.rng.choice(["4", "51", "55", "37", "6011"])
        length = 15 if prefix == "37" else 16
        body = prefix + "".join(self.rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
        number = body + luhn.calc_check_digit(body)
        return sep.join(number[i:i + 4] for i in range(0, len(number), 4)) if sep else number

    def expiry(self) -> str:
        return f"{self.rng.randint(1, 12):02d}/{self.rng.randint(25, 31)}"

    def prose(self, entity: str | None) -> str:
        lead = self.us.sentence(nb_words=8)
        tail = self.us.sentence(nb_words=6)
        return f"{lead} {entity} {tail}" if entity else f"{lead} {tail}"


def tables(seed: int = 1111) -> Iterator[Row]:
    g = _Gen(seed)
    us, de, rng = g.us, g.de, g.rng

    def col(table: str, name: str, values: list[Any], label: dict[str, str] | None = None,
            note: str = "", contains: list[str] | None = None) -> Row:
        row: Row = {"name": name, "values": values, "label": label, "note": note, "split": "dev", "table": table}
        if contains:
            row["contains"] = contains
        return row

    t = "dev_payments"
    yield col(t, "txn_id", g.many(lambda: rng.randint(10**8, 10**9)))
    yield col(t, "CCNum", g.many(g.card), _lab(FIN, "credit_card"))
    yield col(t, "CardNo", g.many(lambda: g.card(" "), nulls=0.1), _lab(FIN, "credit_card"))
    yield col(t, "cc_exp", g.many(g.expiry), _lab(FIN, "card_expiry"))
    yield col(t, "CVV2", g.many(lambda: f"{rng.randint(0, 999):03d}"), _lab(FIN, "card_security_code"))
    yield col(t, "ExpMonth", g.many(lambda: rng.randint(1, 12)), _lab(FIN, "card_expiry"))
    yield col(t, "ExpYr", g.many(lambda: rng.randint(2025, 2031)), _lab(FIN, "card_expiry"))
    yield col(t, "CardHolderName", g.many(us.name), _lab(PII, "person_name"))
    yield col(t, "amount", g.many(lambda: round(rng.uniform(1, 900), 2)))
    yield col(t, "currency", g.many(lambda: rng.choice(["USD", "EUR", "GBP"])))

    t = "dev_users"
    yield col(t, "uid", g.many(lambda: rng.randint(1, 10**6)))
    yield col(t, "usrNm", g.many(us.user_name), _lab(PII, "username"))
    yield col(t, "EmailAddr", g.many(us.email, nulls=0.1), _lab(PII, "email"))
    yield col(t, "SecurityQuestion", g.many(lambda: rng.choice([
        "What was the name of your first pet?", "In what city were you born?", "What is your favourite food?"])))
    yield col(t, "SecAnswer", g.many(lambda: rng.choice([us.first_name(), us.city(), us.word()])),
              _lab(PII, "security_answer"))
    yield col(t, "pwd_hash", g.many(lambda: f"{rng.getrandbits(256):064x}"))
    yield col(t, "last_login", g.many(lambda: us.date_time_this_year().isoformat()))
    yield col(t, "login_count", g.many(lambda: rng.randint(0, 500)))

    t = "dev_people"
    yield col(t, "FName", g.many(us.first_name), _lab(PII, "person_name"))
    yield col(t, "LName", g.many(us.last_name), _lab(PII, "person_name"))
    yield col(t, "DOB_yr", g.many(lambda: rng.randint(1940, 2005)), _lab(PII, "date_of_birth_part"))
    yield col(t, "DOB_mo", g.many(lambda: rng.randint(1, 12)), _lab(PII, "date_of_birth_part"))
    yield col(t, "DOB_dy", g.many(lambda: rng.randint(1, 28)), _lab(PII, "date_of_birth_part"))
    yield col(t, "StreetNo", g.many(us.building_number), _lab(PII, "address_part"))
    yield col(t, "StreetName", g.many(us.street_name), _lab(PII, "address_part"), note=STREET_LINE_PART)
    yield col(t, "City", g.many(us.city), _lab(PII, "address_part"))
    yield col(t, "ZipCd", g.many(us.zipcode), _lab(PII, "postal_code"))
    yield col(t, "State", g.many(us.state_abbr))
    yield col(t, "gender", g.many(lambda: rng.choice(["F", "M", "X"])))

    t = "dev_sales"
    yield col(t, "store_id", g.many(lambda: rng.randint(1, 300)))
    yield col(t, "year", g.many(lambda: rng.randint(2015, 2024)), note="a year is not a birth year")
    yield col(t, "month", g.many(lambda: rng.randint(1, 12)))
    yield col(t, "day", g.many(lambda: rng.randint(1, 28)))
    yield col(t, "units", g.many(lambda: rng.randint(1, 90)))
    yield col(t, "revenue", g.many(lambda: round(rng.uniform(10, 9000), 2)))

    t = "dev_packages"
    yield col(t, "package", g.many(lambda: f"python-{us.word()}"))
    yield col(t, "version", g.many(lambda: f"{rng.randint(0, 9)}.{rng.randint(0, 30)}-{rng.randint(1, 5)}"))
    yield col(t, "maintainer", g.many(us.name), _lab(PII, "person_name"))
    yield col(t, "uploaders", g.many(lambda: f"{us.name()} <{us.free_email()}>"), _lab(PII, "email"),
              note=MAILBOX_EMAIL)
    yield col(t, "homepage", g.many(us.url))
    yield col(t, "section", g.many(lambda: rng.choice(["python", "libs", "devel", "utils"])))

    t = "dev_products"
    yield col(t, "sku", g.many(lambda: f"SKU-{rng.randint(10000, 99999)}"))
    yield col(t, "expiration_date", g.many(lambda: us.date_between("+1m", "+3y").isoformat()),
              note="products expire too")
    yield col(t, "exp_years", g.many(lambda: rng.randint(0, 40)), note="years of experience")
    yield col(t, "batch_no", g.many(lambda: g.card()), note="Luhn-valid batch numbers with card prefixes")
    yield col(t, "handle", g.many(lambda: rng.choice(["brass", "chrome", "steel", "oak"])),
              note="a door handle's finish, not a user handle")

    t = "dev_tickets"
    yield col(t, "ticket_id", g.many(lambda: rng.randint(1, 99999)))
    yield col(t, "subject", g.many(lambda: us.sentence(nb_words=5)))
    yield col(t, "body", g.many(lambda: g.prose(rng.choice([us.email(), us.email(), "(212) 736-5000", None]))),
              contains=["email", "phone"])
    yield col(t, "card_note", g.many(lambda: g.prose(rng.choice([g.card(" "), None, None]))),
              contains=["credit_card"])
    yield col(t, "resolution", g.many(lambda: g.prose(None)))

    t = "dev_addresses_de"
    yield col(t, "Strasse", g.many(de.street_name), _lab(PII, "address_part"), note=STREET_LINE_PART)
    yield col(t, "Hausnummer", g.many(de.building_number), _lab(PII, "address_part"))
    yield col(t, "PLZ", g.many(de.postcode), _lab(PII, "postal_code"))
    yield col(t, "Ort", g.many(de.city), _lab(PII, "address_part"))
    yield col(t, "Land", g.many(lambda: "DE"))

    t = "dev_calendar"
    yield col(t, "first_name", g.many(us.first_name), _lab(PII, "person_name"))
    yield col(t, "signup_year", g.many(lambda: rng.randint(2010, 2024)), note="not a birth year")
    yield col(t, "signup_month", g.many(lambda: rng.randint(1, 12)))
