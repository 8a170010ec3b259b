"""Value makers for held-out round 14 (evalgen_round14.py): people, phones, national ids, dirty cells.

Written without reading the detector or its word lists; round 11's value makers (evalgen_round11_values.py)
are reused where they fit. Every maker draws from the ``random.Random`` passed in, so output is deterministic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from stdnum import iban, luhn
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.iso7064 import mod_11_10
from stdnum.mx import curp
from stdnum.nl import bsn

from lakehouse.ingest.pii import evalgen_round14_names as names
from lakehouse.ingest.pii.evalgen_round11_values import (
    ascii_fold,
    birth_date,
    digits,
    email_for,
    it_codice_fiscale,
)
from lakehouse.ingest.pii.evalgen_round11_values import phone as r11_phone

MAIL = {
    "us": ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "comcast.net"),
    "de": ("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "freenet.de"),
    "fr": ("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "hotmail.fr"),
    "mx": ("gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "prodigy.net.mx"),
    "br": ("gmail.com", "hotmail.com", "uol.com.br", "bol.com.br", "yahoo.com.br", "terra.com.br"),
    "nl": ("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl", "planet.nl"),
    "it": ("gmail.com", "libero.it", "alice.it", "virgilio.it", "tiscali.it", "hotmail.it"),
    "ja": ("gmail.com", "docomo.ne.jp", "ezweb.ne.jp", "yahoo.co.jp", "i.softbank.jp"),
}


@dataclass
class Person:
    first: str
    last: str
    born: date
    female: bool
    email: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def person(rng: random.Random, loc: str, first_year: int = 1945, last_year: int = 2004) -> Person:
    key = "us" if loc == "gb" else loc
    first = rng.choice(names.pool(names.GIVEN, loc))
    last = rng.choice(names.pool(names.SURNAMES, loc))
    if loc == "mx" or (loc == "br" and rng.random() < 0.5):
        last = f"{last} {rng.choice(names.pool(names.SURNAMES, loc))}"
    born = birth_date(rng, first_year, last_year)
    mail_first, mail_last = (_mailable(first), _mailable(last))
    return Person(first, last, born, rng.random() < 0.5, email_for(rng, mail_first, mail_last, MAIL[key]))


def _mailable(name: str) -> str:
    """The first word of a name as a mailbox would spell it: no apostrophe, no letters NFKD keeps."""
    return name.split()[0].replace("'", "").replace("ß", "ss").replace("ı", "i")


def people(rng: random.Random, loc: str, n: int, **kw: int) -> list[Person]:
    return [person(rng, loc, **kw) for _ in range(n)]


# --- dirt ----------------------------------------------------------------------------------------


def blanks(rng: random.Random, values: list, rate: float, markers: tuple = ("", None)) -> list:
    return [rng.choice(markers) if rng.random() < rate else v for v in values]


def messy_case(rng: random.Random, values: list, rate: float = 0.15) -> list:
    out = []
    for v in values:
        r = rng.random()
        if not isinstance(v, str) or r >= rate:
            out.append(v)
        else:
            out.append(v.upper() if r < rate * 0.6 else v.lower())
    return out


def pad(rng: random.Random, values: list, rate: float = 0.1) -> list:
    """Stray whitespace as copy-paste and fixed-width exports leave it."""
    return [
        f"{rng.choice(['', ' ', '  '])}{v}{rng.choice([' ', '  ', chr(9)])}"
        if isinstance(v, str) and v and rng.random() < rate
        else v
        for v in values
    ]


# --- phones --------------------------------------------------------------------------------------


def phone(rng: random.Random, country: str) -> str:
    r = rng.random()
    if country == "DE":
        n = "1" + rng.choice(["51", "52", "60", "62", "70", "72", "76", "77"]) + digits(rng, rng.choice([7, 8]))
        forms = [
            f"0{n[:3]} {n[3:]}",
            f"+49 {n[:3]} {n[3:]}",
            f"0{n[:3]}/{n[3:]}",
            f"0{n}",
            f"+49{n}",
            f"0049 {n[:3]} {n[3:]}",
            f"0{n[:3]}-{n[3:6]} {n[6:]}",
        ]
    elif country == "FR":
        n = rng.choice("67") + digits(rng, 8)
        pairs = " ".join(n[i : i + 2] for i in range(1, 9, 2))
        forms = [f"0{n[0]} {pairs}", f"+33 {n[0]} {pairs}", f"0{n}", f"+33{n}", f"0{n[0]}.{pairs.replace(' ', '.')}"]
    elif country == "GB":
        n = "7" + rng.choice(["4", "5", "7", "8", "9"]) + digits(rng, 8)
        forms = [
            f"0{n[:4]} {n[4:]}",
            f"+44 {n[:4]} {n[4:]}",
            f"0{n}",
            f"+44 (0){n[:4]} {n[4:]}",
            f"0{n[:4]} {n[4:7]} {n[7:]}",
        ]
    elif country == "MX":
        n = rng.choice(["55", "33", "81", "222", "999", "442"])
        n += digits(rng, 10 - len(n))
        forms = [
            f"{n[:2]} {n[2:6]} {n[6:]}",
            f"+52 {n[:2]} {n[2:6]} {n[6:]}",
            n,
            f"+52 1 {n}",
            f"({n[:3]}) {n[3:6]} {n[6:]}",
        ]
    elif country == "BR":
        ddd = rng.choice(["11", "21", "31", "41", "51", "71", "81", "85", "19", "62"])
        n = "9" + digits(rng, 8)
        forms = [
            f"({ddd}) {n[:5]}-{n[5:]}",
            f"+55 {ddd} {n[:5]}-{n[5:]}",
            f"{ddd}{n}",
            f"({ddd}) {n}",
            f"0{ddd} {n[:5]}-{n[5:]}",
        ]
    elif country == "NL":
        n = "6" + digits(rng, 8)
        forms = [
            f"06-{n[1:]}",
            f"06 {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}",
            f"+31 6 {n[1:]}",
            f"+31{n}",
            f"0{n}",
            f"0031 6 {n[1:]}",
        ]
    else:
        return r11_phone(rng, country)
    return forms[int(r * len(forms))]


def landline_de(rng: random.Random) -> str:
    area = rng.choice(["030", "040", "089", "0221", "069", "0711", "0341"])
    return f"{area} {digits(rng, rng.choice([6, 7, 8]))}"


def us_business_phone(rng: random.Random) -> str:
    area = rng.choice(["800", "888", "877", "866", "212", "312", "415"])
    return f"1-{area}-{rng.randint(200, 999)}-{digits(rng, 4)}"


# --- national ids --------------------------------------------------------------------------------


def de_steuer_id(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + digits(rng, 9)
        if len(set(body)) != 9:  # the rule: exactly one digit of the first ten repeats
            continue
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            return number


def de_rv_nummer(rng: random.Random, p: Person) -> str:
    """German pension insurance number: area, birth date, surname initial, serial, check (format only)."""
    letter = ascii_fold(p.last)[0].upper()
    serial = f"{rng.randint(0, 49) + (50 if p.female else 0):02d}"
    area = rng.choice(["12", "13", "15", "18", "23", "24", "25", "28", "53", "65"])
    return f"{area}{p.born:%d%m%y}{letter}{serial}{rng.randint(0, 9)}"


def br_cpf(rng: random.Random) -> str:
    body = digits(rng, 9)
    number = body + cpf._calc_check_digits(body)
    assert cpf.is_valid(number)
    return number


def format_cpf(rng: random.Random, number: str) -> str:
    if rng.random() < 0.7:
        return f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}"
    return number


def mx_curp(rng: random.Random, p: Person) -> str:
    fold = ascii_fold(p.last).upper().replace(" ", "")
    second = ascii_fold(p.last.split()[-1]).upper()
    given = ascii_fold(p.first.split()[0]).upper()
    vowel = next((c for c in fold[1:] if c in "AEIOU"), "X")
    cons = lambda w: next((c for c in w[1:] if c.isalpha() and c not in "AEIOU"), "X")  # noqa: E731
    state = rng.choice(["DF", "JC", "NL", "PL", "YN", "QT", "GT", "BC", "MC"])
    while True:
        body = (
            f"{fold[0]}{vowel}{second[0]}{given[0]}{p.born:%y%m%d}{'M' if p.female else 'H'}{state}"
            f"{cons(fold)}{cons(second)}{cons(given)}{'0' if p.born.year < 2000 else 'A'}"
        )
        number = body + curp.calc_check_digit(body)
        try:
            if curp.is_valid(number):
                return number
        except Exception:  # noqa: BLE001 - an unlucky inconvenient word; draw another state
            pass
        state = rng.choice(["DF", "JC", "NL", "PL", "YN", "QT", "GT", "BC", "MC"])


def mx_rfc_person(p: Person, rng: random.Random) -> str:
    fold = ascii_fold(p.last).upper().replace(" ", "")
    second = ascii_fold(p.last.split()[-1]).upper()
    given = ascii_fold(p.first.split()[0]).upper()
    vowel = next((c for c in fold[1:] if c in "AEIOU"), "X")
    homoclave = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ123456789") for _ in range(3))
    return f"{fold[0]}{vowel}{second[0]}{given[0]}{p.born:%y%m%d}{homoclave}"


def nl_bsn(rng: random.Random) -> str:
    while True:
        number = str(rng.randint(1, 6)) + digits(rng, 8)
        if bsn.is_valid(number):
            return number


def it_cf(rng: random.Random, p: Person) -> str:
    return it_codice_fiscale(rng, p.first, p.last, p.born, p.female)


def nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB"])
    bban = bank + digits(rng, 10)
    number = "NL" + iban.calc_check_digits("NL00" + bban) + bban
    assert iban.is_valid(number)
    return number


def us_drivers_license(rng: random.Random, state: str) -> str:
    letters = "ABCDEFGHIJKLMNOPRSTUVWXYZ"
    if state in ("CA", "TX", "NY"):
        return rng.choice(letters) + digits(rng, 7) if state == "CA" else digits(rng, 8 if state == "TX" else 9)
    if state in ("IL", "FL"):
        return f"{rng.choice(letters)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}"
    return rng.choice(letters) + digits(rng, rng.choice([8, 9, 12]))


def luhn_valid(body: str) -> str:
    return body + luhn.calc_check_digit(body)


def ipv4_public(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a not in (10, 100, 127, 169, 172, 192):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    return "2a02:" + ":".join(f"{rng.getrandbits(16):x}" for _ in range(3)) + "::" + f"{rng.getrandbits(16):x}"
