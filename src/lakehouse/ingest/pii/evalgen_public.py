"""Development tables shaped like well-known public schemas (Sakila, AdventureWorks, Synthea, a Mailchimp
export, Debian Sources, WordPress, osCommerce, Stripe), with their header spellings, in the "dev" split.

Development data: the rules were adjusted while looking at these (Windows logons, name-part columns,
mailbox lists, birthdays without a year). The held-out rounds (evalgen_round7..9.py) use other domains.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from faker import Faker

from lakehouse.ingest.pii.evalgen_lists import MAILBOX_EMAIL, STREET_LINE_PART

N = 40
Row = dict[str, Any]
PII, FIN = "PII", "Financial"


def _lab(kind: str, category: str) -> dict[str, str]:
    return {"kind": kind, "category": category}


def public_tables(seed: int = 2222) -> Iterator[Row]:  # noqa: PLR0915 - one table after another
    rng = random.Random(seed)
    us = Faker("en_US")
    us.seed_instance(seed)

    def many(fn: Any, nulls: float = 0.0) -> list[Any]:
        return [None if rng.random() < nulls else fn() for _ in range(N)]

    def col(table: str, name: str, values: list[Any], label: dict[str, str] | None = None, note: str = "") -> Row:
        return {"name": name, "values": values, "label": label, "note": note, "split": "dev", "table": table}

    t = "sakila_address"
    yield col(t, "address_id", many(lambda: rng.randint(1, 600)))
    yield col(t, "address", many(us.street_address), _lab(PII, "address_part"), note=STREET_LINE_PART)
    yield col(t, "address2", many(us.secondary_address, nulls=0.7), _lab(PII, "address_part"), note=STREET_LINE_PART)
    yield col(t, "district", many(us.state))
    yield col(t, "city_id", many(lambda: rng.randint(1, 600)))
    yield col(t, "postal_code", many(us.postcode), _lab(PII, "postal_code"))
    yield col(t, "phone", many(lambda: "".join(c for c in us.phone_number() if c.isdigit())[:10]),
              _lab(PII, "phone"))

    t = "adventureworks_employee"
    yield col(t, "BusinessEntityID", many(lambda: rng.randint(1, 290)))
    yield col(t, "NationalIDNumber", many(lambda: str(rng.randint(10**8, 10**9 - 1))), _lab(PII, "national_id"))
    yield col(t, "LoginID", many(lambda: f"adventure-works\\{us.first_name().lower()}{rng.randint(0, 9)}"),
              _lab(PII, "username"))
    yield col(t, "JobTitle", many(us.job))
    yield col(t, "BirthDate", many(lambda: us.date_of_birth(minimum_age=18).isoformat()), _lab(PII, "date_of_birth"))
    yield col(t, "MaritalStatus", many(lambda: rng.choice("MS")))
    yield col(t, "HireDate", many(lambda: us.date_between("-15y").isoformat()))

    t = "adventureworks_creditcard"
    yield col(t, "CreditCardID", many(lambda: rng.randint(1, 19000)))
    yield col(t, "CardType", many(lambda: rng.choice(["Vista", "SuperiorCard", "Distinguish", "ColonialVoice"])))
    yield col(t, "CardNumber", many(us.credit_card_number), _lab(FIN, "credit_card"))
    yield col(t, "ExpMonth", many(lambda: rng.randint(1, 12)), _lab(FIN, "card_expiry"))
    yield col(t, "ExpYear", many(lambda: rng.randint(2005, 2008)), _lab(FIN, "card_expiry"))

    t = "synthea_patients"
    yield col(t, "Id", many(lambda: us.uuid4()))
    yield col(t, "BIRTHDATE", many(lambda: us.date_of_birth().isoformat()), _lab(PII, "date_of_birth"),
              "PII, not PHI: the name does not say patient (docs/pii.md, known limits)")
    yield col(t, "SSN", many(us.ssn), _lab(PII, "ssn"))
    yield col(t, "DRIVERS", many(lambda: f"S999{rng.randint(10000, 99999)}", nulls=0.2), _lab(PII, "driver_license"))
    yield col(t, "PREFIX", many(lambda: rng.choice(["Mr.", "Mrs.", "Ms."])))
    yield col(t, "FIRST", many(us.first_name), _lab(PII, "person_name"))
    yield col(t, "LAST", many(us.last_name), _lab(PII, "person_name"))
    yield col(t, "MAIDEN", many(us.last_name, nulls=0.6), _lab(PII, "person_name"))
    yield col(t, "GENDER", many(lambda: rng.choice("MF")))
    yield col(t, "ADDRESS", many(us.street_address), _lab(PII, "address_part"), note=STREET_LINE_PART)
    yield col(t, "CITY", many(us.city), _lab(PII, "address_part"))
    yield col(t, "COUNTY", many(lambda: f"{us.last_name()} County"), _lab(PII, "address_part"))
    yield col(t, "ZIP", many(us.zipcode), _lab(PII, "postal_code"))
    yield col(t, "HEALTHCARE_EXPENSES", many(lambda: round(rng.uniform(1000, 900000), 2)))

    t = "mailchimp_members"
    yield col(t, "Email Address", many(us.email), _lab(PII, "email"))
    yield col(t, "First Name", many(us.first_name), _lab(PII, "person_name"))
    yield col(t, "Birthday", many(lambda: f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}", nulls=0.3),
              _lab(PII, "date_of_birth"))
    yield col(t, "MEMBER_RATING", many(lambda: rng.randint(1, 5)))
    yield col(t, "OPTIN_IP", many(us.ipv4_public, nulls=0.3), _lab(PII, "ip_address"))
    yield col(t, "CC", many(us.country_code), note="country code, not a card")
    yield col(t, "LEID", many(lambda: rng.randint(10**8, 10**9)))

    t = "debian_sources"
    yield col(t, "Package", many(lambda: f"python3-{us.word()}"))
    yield col(t, "Maintainer", many(lambda: rng.choice([f"{us.name()} <{us.free_email()}>",
                                                         "Debian Python Team <team+python@tracker.debian.org>"])),
              _lab(PII, "email"), note=MAILBOX_EMAIL)
    yield col(t, "Uploaders", many(lambda: ", ".join(f"{us.name()} <{us.email()}>" for _ in range(rng.randint(1, 3))),
                                   nulls=0.2), _lab(PII, "email"), note=MAILBOX_EMAIL)
    yield col(t, "Standards-Version", many(lambda: f"4.{rng.randint(0, 7)}.{rng.randint(0, 3)}"))
    yield col(t, "Vcs-Git", many(lambda: f"https://salsa.debian.org/python-team/{us.word()}.git"))

    t = "wp_users"
    yield col(t, "ID", many(lambda: rng.randint(1, 9000)))
    yield col(t, "user_login", many(us.user_name), _lab(PII, "username"))
    yield col(t, "user_pass", many(lambda: "$P$B" + "".join(rng.choice("abcdefXYZ0123456789./") for _ in range(30))))
    yield col(t, "user_email", many(us.email), _lab(PII, "email"))
    yield col(t, "user_url", many(us.url, nulls=0.6))
    yield col(t, "user_registered", many(lambda: us.date_time_between("-5y").isoformat(sep=" ")))
    yield col(t, "display_name", many(us.name), _lab(PII, "person_name"))

    t = "oscommerce_customers"
    yield col(t, "customers_id", many(lambda: rng.randint(1, 5000)))
    yield col(t, "customers_gender", many(lambda: rng.choice("mf")))
    yield col(t, "customers_firstname", many(us.first_name), _lab(PII, "person_name"))
    yield col(t, "customers_lastname", many(us.last_name), _lab(PII, "person_name"))
    yield col(t, "customers_dob", many(lambda: us.date_of_birth().isoformat() + " 00:00:00"),
              _lab(PII, "date_of_birth"))
    yield col(t, "customers_email_address", many(us.email), _lab(PII, "email"))
    yield col(t, "customers_telephone", many(us.phone_number), _lab(PII, "phone"))
    yield col(t, "customers_newsletter", many(lambda: rng.choice(["0", "1"])))

    t = "stripe_charges"
    alnum = "abcdefghijklmnopqrstuvwxyz0123456789"
    yield col(t, "id", many(lambda: "ch_" + "".join(rng.choice(alnum) for _ in range(24))))
    yield col(t, "amount", many(lambda: rng.randint(100, 99999)))
    yield col(t, "card.brand", many(lambda: rng.choice(["visa", "mastercard", "amex"])))
    yield col(t, "card.last4", many(lambda: f"{rng.randint(0, 9999):04d}"))
    yield col(t, "card.exp_month", many(lambda: rng.randint(1, 12)), _lab(FIN, "card_expiry"))
    yield col(t, "card.exp_year", many(lambda: rng.randint(2025, 2033)), _lab(FIN, "card_expiry"))
    yield col(t, "card.fingerprint", many(lambda: "".join(rng.choice("ABCDEFabcdef0123456789") for _ in range(16))))
    yield col(t, "billing_details.name", many(us.name), _lab(PII, "person_name"))
    yield col(t, "billing_details.email", many(us.email), _lab(PII, "email"))
