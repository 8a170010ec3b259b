"""Value makers for held-out round 18 (evalgen_round18.py), on top of round 16's table builder.

Written without reading the detector, its word lists or tests. People are drawn once a row so that the
name, email and phone columns of one table belong together; phones come from round 16's and round 11's
per-country makers, national ids carry valid check digits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import (
    ascii_fold,
    birth_date,
    card_number,
    digits,
    email_for,
    phone,
)
from lakehouse.ingest.pii.evalgen_round16_values import Table, case_mess, phone16

BLANKS = {
    "en": ("", None, "N/A", "NULL", "  ", "-", "n/a", "none"),
    "de": ("", None, "k.A.", "-", "unbekannt", "NULL"),
    "fr": ("", None, "NC", "-", "inconnu", "N/A"),
    "es": ("", None, "S/D", "-", "sin dato", "NULL"),
    "pl": ("", None, "brak", "-", "b.d.", "NULL"),
    "br": ("", None, "NAO INFORMADO", "-", "null", "0"),
    "nl": ("", None, "onbekend", "-", "n.v.t.", "NULL"),
    "it": ("", None, "N.D.", "-", "non disponibile", "NULL"),
}
PHONE16 = {"us": "US", "gb": "GB", "de": "DE", "fr": "FR", "nl": "NL", "br": "BR"}
PHONE11 = {"pl": "PL", "es": "ES", "it": "IT"}
MAIL = {
    "us": ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net"),
    "gb": ("gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "sky.com"),
    "de": ("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"),
    "es": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"),
    "pl": ("wp.pl", "onet.pl", "interia.pl", "gmail.com", "o2.pl"),
    "br": ("gmail.com", "hotmail.com", "uol.com.br", "bol.com.br", "yahoo.com.br"),
    "nl": ("ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl"),
    "it": ("libero.it", "gmail.com", "virgilio.it", "tiscali.it", "alice.it"),
}


@dataclass
class Person:
    first: str
    last: str
    female: bool
    born: date
    email: str
    phone: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def people(t: Table, fake: Faker, country: str, *, young: int = 2006) -> list[Person]:
    out = []
    for _ in range(t.n):
        female = t.rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        mail = email_for(t.rng, first.split()[0], last.split()[0], MAIL[country])
        tel = phone16(t.rng, PHONE16[country]) if country in PHONE16 else phone(t.rng, PHONE11[country])
        out.append(Person(first, last, female, birth_date(t.rng, 1942, young), mail, tel))
    return out


def col(t: Table, ps: list[Person], attr: str, *, mess: float = 0.0, blank: float = 0.0,
        lang: str = "en", garble: float = 0.0) -> list[Any]:
    values = [getattr(p, attr) for p in ps]
    if mess:
        values = [case_mess(t.rng, v, mess) for v in values]
    if garble:
        values = t.garble(values, garble)
    return t.dirty(values, blank, BLANKS[lang]) if blank else values


def dob(t: Table, ps: list[Person], fmt: str, *, blank: float = 0.0, lang: str = "en") -> list[Any]:
    return t.dirty([p.born.strftime(fmt) for p in ps], blank, BLANKS[lang])


def masked_pan(rng: random.Random) -> str:
    number = card_number(rng)
    last4 = number[-4:]
    return rng.choice([f"{number[:6]}******{last4}", f"************{last4}", f"XXXX-XXXX-XXXX-{last4}",
                       f"**** {last4}"])


def handle(rng: random.Random, p: Person) -> str:
    f, la = ascii_fold(p.first).lower().split()[0], ascii_fold(p.last).lower().replace(" ", "")
    return rng.choice([f"{f[0]}{la}", f"{f}.{la}", f"{f}{la[:3]}{rng.randint(1, 99)}", f"{la}{f[0]}"])


def plate(rng: random.Random, country: str) -> str:
    L = "ABCDEFGHJKLMNPRSTVWXYZ"
    if country == "gb":
        return f"{rng.choice(L)}{rng.choice(L)}{rng.randint(51, 74)} {''.join(rng.choices(L, k=3))}"
    if country == "es":
        return f"{digits(rng, 4)} {''.join(rng.choices('BCDFGHJKLMNPRSTVWXYZ', k=3))}"
    return f"{rng.choice('5678')}{''.join(rng.choices(L, k=3))}{digits(rng, 3)}"


def latlng(rng: random.Random, lat: float, lng: float) -> str:
    return f"{lat + rng.uniform(-0.3, 0.3):.5f},{lng + rng.uniform(-0.3, 0.3):.5f}"
