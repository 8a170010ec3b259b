"""Value makers for held-out round 15 (evalgen_round15.py): national ids, phones, dirt, free-text notes.

Written without reading the detector, its word lists or its tests. Every maker draws from the
``random.Random`` passed in, so the generator stays deterministic. Ids carry valid check digits
(checked with python-stdnum) because real exports hold real-looking numbers.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from stdnum import luhn
from stdnum.br import cpf
from stdnum.cn import ric
from stdnum.de import idnr
from stdnum.iso7064 import mod_11_10
from stdnum.nl import bsn
from stdnum.tr import tckimlik

from lakehouse.ingest.pii.evalgen_round11_values import card_number, digits, format_card, us_ssn

NULLS_EN = ("", None, "NULL", "N/A", "n/a", "-", " ")
NULLS_LEGACY = ("", None, "NONE", "0", "?", "UNKNOWN")


def dirty(rng: random.Random, values: Sequence[Any], rate: float, blanks: Sequence[Any] = NULLS_EN) -> list[Any]:
    """Replace about ``rate`` of the values by null markers and pad a few with stray whitespace."""
    out: list[Any] = []
    for v in values:
        r = rng.random()
        if r < rate:
            out.append(rng.choice(blanks))
        elif isinstance(v, str) and r < rate + 0.04:
            out.append(rng.choice([f" {v}", f"{v} ", f"{v}  ", f"\t{v}"]))
        else:
            out.append(v)
    return out


def cased(rng: random.Random, name: str, upper: float = 0.1, lower: float = 0.08) -> str:
    """A name as people type it into forms: mostly as given, some SHOUTED, some all lower-case."""
    r = rng.random()
    if r < upper:
        return name.upper()
    if r < upper + lower:
        return name.lower()
    return name


def id_with_seps(rng: random.Random, raw: str, formatted: str, raw_share: float = 0.35) -> str:
    return raw if rng.random() < raw_share else formatted


# --- national ids ---------------------------------------------------------------------------------


def br_cpf(rng: random.Random) -> str:
    body = digits(rng, 9)
    raw = body + cpf._calc_check_digits(body)
    assert cpf.is_valid(raw)
    return id_with_seps(rng, raw, f"{raw[:3]}.{raw[3:6]}.{raw[6:9]}-{raw[9:]}")


def nl_bsn(rng: random.Random) -> str:
    while True:
        number = str(rng.randint(1, 6)) + digits(rng, 8)
        if bsn.is_valid(number):
            return number if rng.random() < 0.8 else f"{number[:4]}.{number[4:6]}.{number[6:]}"


def tr_tckn(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + digits(rng, 8)
    number = body + tckimlik.calc_check_digits(body)
    assert tckimlik.is_valid(number)
    return number


def cn_resident_id(rng: random.Random, born: date, female: bool) -> str:
    region = rng.choice(["110105", "310104", "440305", "330106", "510107", "420102", "320583", "370202"])
    seq = f"{rng.randint(0, 99):02d}{rng.choice('02468' if female else '13579')}"
    body = f"{region}{born:%Y%m%d}{seq}"
    number = body + ric.calc_check_digit(body + "0")
    assert ric.calc_check_digit(number) == number[-1], number  # place codes: stdnum knows only some eras
    return number


def de_steuer_id(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + digits(rng, 9)
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            return number if rng.random() < 0.7 else f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}"


def us_ssn_formatted(rng: random.Random) -> str:
    n = us_ssn(rng)
    return id_with_seps(rng, n, f"{n[:3]}-{n[3:5]}-{n[5:]}", raw_share=0.3)


def us_driver_license(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTWXY"
    style = rng.random()
    if style < 0.35:  # California-like
        return rng.choice(letters) + digits(rng, 7)
    if style < 0.6:  # Texas-like
        return digits(rng, 8)
    if style < 0.8:  # Florida-like, dashed
        return f"{rng.choice(letters)}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}-0"
    return digits(rng, 3) + " " + digits(rng, 3) + " " + digits(rng, 3)  # New York-like


def unionpay_card(rng: random.Random) -> str:
    body = rng.choice(["622202", "621700", "622848", "623058", "625807"]) + digits(rng, 12)
    number = body + luhn.calc_check_digit(body)
    return number if rng.random() < 0.75 else " ".join(number[i : i + 4] for i in range(0, 19, 4))


# --- phones --------------------------------------------------------------------------------------


def phone15(rng: random.Random, country: str) -> str:
    """A personal number of ``country`` written one of the ways forms and old systems hold them."""
    if country == "FR":
        n = rng.choice("67") + digits(rng, 8)
        pairs = f"{n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}"
        forms = [f"0{n[0]} {pairs}", f"0{n}", f"+33 {n[0]} {pairs}", f"+33{n}", f"0{n[0]} {pairs}".replace(" ", ".")]
    elif country == "DE":
        n = rng.choice(["151", "160", "170", "171", "172", "176", "157"]) + digits(rng, 7 + rng.randint(0, 1))
        forms = [f"0{n[:3]} {n[3:]}", f"+49 {n[:3]} {n[3:]}", f"0{n[:3]}/{n[3:]}", f"+49{n}", f"(0{n[:3]}) {n[3:]}"]
    elif country == "BR":
        n = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81"]) + "9" + digits(rng, 8)
        forms = [f"({n[:2]}) {n[2:7]}-{n[7:]}", f"+55 {n[:2]} {n[2:7]}-{n[7:]}", n, f"{n[:2]} {n[2:]}", f"+55{n}"]
    elif country == "NL":
        n = "6" + digits(rng, 8)
        forms = [f"06-{n[1:]}", f"06 {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+31 6 {n[1:]}", f"0{n}", f"+316{n[1:]}"]
    elif country == "TR":
        n = "5" + rng.choice(["30", "32", "05", "42", "44", "53", "55", "59"]) + digits(rng, 7)
        forms = [f"0{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", f"+90 {n[:3]} {n[3:6]} {n[6:]}", f"0{n}", n,
                 f"0 ({n[:3]}) {n[3:6]} {n[6:8]} {n[8:]}"]
    elif country == "CN":
        n = "1" + rng.choice(["38", "39", "36", "58", "59", "86", "88", "77", "50"]) + digits(rng, 8)
        forms = [n, n, f"+86 {n}", f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}"]
    elif country == "JP":
        n = rng.choice(["090", "080", "070"]) + digits(rng, 8)
        forms = [f"{n[:3]}-{n[3:7]}-{n[7:]}", n, f"{n[:3]}（{n[3:7]}）{n[7:]}", f"+81 {n[1:3]}-{n[3:7]}-{n[7:]}"]
    elif country == "ES":
        n = rng.choice("67") + digits(rng, 8)
        forms = [f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", n, f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"]
    else:  # US / CA
        n = str(rng.randint(201, 989)) + str(rng.randint(200, 999)) + digits(rng, 4)
        forms = [f"({n[:3]}) {n[3:6]}-{n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}",
                 f"+1{n}", n, f"1-{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]} x{rng.randint(10, 999)}"]
    return rng.choice(forms)


# --- free text -----------------------------------------------------------------------------------

Maker = Callable[[random.Random], str]


def _email(rng: random.Random) -> str:
    user = rng.choice(["jk", "m.ross", "tina_w", "pbrandt", "lee.h", "kat88", "rosa.m", "dvn", "ana.p", "oli"])
    return f"{user}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'gmx.de'])}"


def _card(rng: random.Random) -> str:
    return format_card(rng, card_number(rng))


PROSE_MAKERS: dict[str, Maker] = {
    "email": _email,
    "phone": lambda rng: phone15(rng, "US"),
    "credit_card": _card,
    "ssn": us_ssn_formatted,
}


def notes(rng: random.Random, n: int, clean: Sequence[str], templates: dict[str, Sequence[str]],
          pii_share: float = 0.45, blank: float = 0.15,
          makers: dict[str, Maker] | None = None) -> tuple[list[str | None], list[str]]:
    """Free-text cells: ``clean`` sentences, and ``templates`` keyed by kind whose ``{}`` takes a value.

    Returns the cells and the sorted kinds that really occur in them (the column's ``contains``).
    """
    makers = makers or PROSE_MAKERS
    out: list[str | None] = []
    seen: set[str] = set()
    kinds = sorted(templates)
    for _ in range(n):
        r = rng.random()
        if r < blank:
            out.append(rng.choice(["", None]))
        elif r < blank + pii_share:
            kind = rng.choice(kinds)
            seen.add(kind)
            out.append(rng.choice(templates[kind]).format(makers[kind](rng)))
        else:
            out.append(rng.choice(clean))
    return out, sorted(seen)
