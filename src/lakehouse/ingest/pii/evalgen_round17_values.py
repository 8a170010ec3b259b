"""Helpers for held-out round 17 (evalgen_round17.py): the round-16 builder and makers, plus a few more.

Written without reading the detector, its word lists or tests.
"""

from __future__ import annotations

import random

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, digits
from lakehouse.ingest.pii.evalgen_round16_values import Table, case_mess

BLANKS_DE = ("", None, "k.A.", "unbekannt", "-", "NULL")
BLANKS_ES = ("", None, "S/D", "NO APLICA", "-", "null")
BLANKS_FR = ("", None, "NC", "non renseigné", "-")
BLANKS_PL = ("", None, "brak", "-", "b.d.")


def names(t: Table, fake: Faker, how: str = "full") -> list[str]:
    if how == "first":
        return [case_mess(t.rng, fake.first_name()) for _ in range(t.n)]
    if how == "last":
        return [case_mess(t.rng, fake.last_name()) for _ in range(t.n)]
    if how == "lastfirst":
        return [case_mess(t.rng, f"{fake.last_name()}, {fake.first_name()}") for _ in range(t.n)]
    return [case_mess(t.rng, fake.name()) for _ in range(t.n)]


def dobs(t: Table, fmt: str = "%Y-%m-%d", first: int = 1940, last: int = 2006) -> list[str]:
    return [birth_date(t.rng, first, last).strftime(fmt) for _ in range(t.n)]


def one_line_address(fake: Faker) -> str:
    return str(fake.address()).replace("\n", ", ")


def masked_pan(rng: random.Random) -> str:
    return rng.choice(["4", "5", "37"]) + digits(rng, 5) + "******" + digits(rng, 4) if rng.random() < 0.6 \
        else "**** **** **** " + digits(rng, 4)
