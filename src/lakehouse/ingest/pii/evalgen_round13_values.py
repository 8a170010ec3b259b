"""Value makers for held-out round 13 (evalgen_round13.py): ids with valid check digits, phones, IBANs.

Written without reading the detector or its word lists. Every maker draws from the ``random.Random``
passed in, so the generator stays deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from stdnum import iban, imei, luhn
from stdnum.bg import egn
from stdnum.hr import oib
from stdnum.ie import pps
from stdnum.is_ import kennitala
from stdnum.lv import pvn
from stdnum.nz import bankaccount, ird
from stdnum.si import emso

from lakehouse.ingest.pii.evalgen_round11_values import digits

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_BBAN = {"SK": "4n6n10n", "SI": "5n8n2n", "HR": "7n10n", "BG": "4a4n2n8n", "LV": "4a13n", "IS": "4n2n6n10n",
         "GE": "2a16n", "AZ": "4a20n", "IE": "4a6n8n"}


def fill_check(rng: random.Random, body: Callable[[], str], valid: Callable[[str], bool],
               tail: str = "0123456789") -> str:
    """Draw ``body()`` and try every check character of ``tail`` until ``valid`` accepts one."""
    while True:
        start = body()
        for c in tail:
            if valid(start + c):
                return start + c


_CYR = dict(zip("абвгдежзийклмнопрстуфхцчшщъьюя", ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m",
               "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "", "yu", "ya"], strict=True))
_GEO = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n",
               "o", "p", "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j",
               "h"], strict=True))


def latin(text: str) -> str:
    """Romanise Bulgarian Cyrillic or Georgian the way people write their e-mail addresses."""
    return "".join(_CYR.get(c.lower(), _GEO.get(c, c)) for c in text)


def _fill_mid(rng: random.Random, head: Callable[[], str], after: str, valid: Callable[[str], bool]) -> str:
    while True:
        start = head()
        for c in "0123456789":
            if valid(start + c + after):
                return start + c + after


def si_emso(rng: random.Random, born: date, female: bool) -> str:
    serial = rng.randint(500, 999) if female else rng.randint(0, 499)
    body = f"{born.day:02d}{born.month:02d}{born.year % 1000:03d}50{serial:03d}"
    return body + emso.calc_check_digit(body)


def hr_oib(rng: random.Random) -> str:
    return fill_check(rng, lambda: str(rng.randint(1, 9)) + digits(rng, 9), oib.is_valid)


def bg_egn(rng: random.Random, born: date, female: bool) -> str:
    month = born.month + (40 if born.year >= 2000 else 0)
    while True:
        ninth = rng.choice("13579" if female else "02468")
        body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{digits(rng, 2)}{ninth}"
        number = body + egn.calc_check_digit(body)
        if egn.is_valid(number):
            return number


def lv_personas_kods(rng: random.Random, born: date, new_style: bool = False) -> str:
    if new_style:
        body = "32" + digits(rng, 8)
    else:
        century = 1 if born.year < 2000 else 2
        body = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{century}{digits(rng, 3)}"
    number = body + pvn.calc_check_digit_pers(body)
    if not pvn.is_valid(number):
        return lv_personas_kods(rng, born, new_style)
    return f"{number[:6]}-{number[6:]}"


def is_kennitala(rng: random.Random, born: date, company: bool = False) -> str:
    day = born.day + (40 if company else 0)
    century = "9" if born.year < 2000 else "0"
    number = _fill_mid(rng, lambda: f"{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(20, 99):02d}",
                       century, kennitala.is_valid)
    return number if rng.random() < 0.5 else f"{number[:6]}-{number[6:]}"


def ie_pps(rng: random.Random) -> str:
    number = fill_check(rng, lambda: digits(rng, 7), pps.is_valid, "ABCDEFGHIJKLMNOPQRSTUVW")
    if rng.random() < 0.3:
        with_a = fill_check(rng, lambda: number[:7], lambda v: pps.is_valid(v + "A"), "ABCDEFGHIJKLMNOPQRSTUVW")
        return with_a + "A"
    return number


def nz_ird(rng: random.Random) -> str:
    number = fill_check(rng, lambda: str(rng.randint(10, 149)).zfill(3) + digits(rng, 5), ird.is_valid)
    return rng.choice([number, f"{number[:3]}-{number[3:6]}-{number[6:]}", f"{number[:3]} {number[3:6]} {number[6:]}"])


def nz_bank_account(rng: random.Random) -> str:
    while True:
        bank = rng.choice(["01", "02", "03", "06", "12", "38"])
        branch = {"01": "0102", "02": "0500", "03": "0104", "06": "0501", "12": "3140", "38": "9000"}[bank]
        number = f"{bank}-{branch}-{digits(rng, 7)}-{rng.randint(0, 3):02d}"
        if bankaccount.is_valid(number):
            return number if rng.random() < 0.7 else number.replace("-", "")


def ng_nuban(rng: random.Random, bank: str) -> str:
    serial = digits(rng, 9)
    total = sum(w * int(d) for w, d in zip((3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3), bank + serial, strict=True))
    return serial + str((10 - total % 10) % 10)


def lk_nic(rng: random.Random, born: date, female: bool) -> str:
    doy = born.timetuple().tm_yday + (500 if female else 0)
    if born.year < 2000 and rng.random() < 0.5:
        return f"{born.year % 100:02d}{doy:03d}{digits(rng, 4)}{rng.choice('VVVX')}"
    return f"{born.year}{doy:03d}{digits(rng, 5)}"


def make_iban(rng: random.Random, country: str) -> str:
    bban = ""
    for part in _BBAN[country].replace("n", "n ").replace("a", "a ").split():
        n, kind = int(part[:-1]), part[-1]
        bban += "".join(rng.choice(_UPPER) for _ in range(n)) if kind == "a" else digits(rng, n)
    number = country + iban.calc_check_digits(country + "00" + bban) + bban
    assert iban.is_valid(number), number
    return number


def imei_number(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01"]) + digits(rng, 12)
    number = body + luhn.calc_check_digit(body)
    assert imei.is_valid(number)
    return number


def iccid(rng: random.Random, country_code: str) -> str:
    body = "89" + country_code + digits(rng, 16 - len(country_code))
    return body + luhn.calc_check_digit(body)


def mobile(rng: random.Random, country: str) -> str:
    """A personal mobile number of ``country`` in one of the ways people write it there."""
    if country == "SK":
        n = "9" + rng.choice("0145") + digits(rng, 7)
        forms = [f"+421 {n[:3]} {n[3:6]} {n[6:]}", f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n}", f"00421{n}", f"+421{n}"]
    elif country == "SI":
        n = rng.choice(["31", "40", "41", "51", "64", "70"]) + digits(rng, 6)
        forms = [f"0{n[:2]} {n[2:5]} {n[5:]}", f"+386 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"+386 (0){n[:2]} {n[2:]}"]
    elif country == "HR":
        n = "9" + rng.choice("125789") + digits(rng, rng.choice([6, 7]))
        forms = [f"0{n[:2]} {n[2:5]} {n[5:]}", f"+385 {n[:2]} {n[2:]}", f"0{n[:2]}/{n[2:]}", f"00385{n}"]
    elif country == "BG":
        n = "8" + rng.choice("789") + digits(rng, 7)
        forms = [f"0{n[:3]} {n[3:6]} {n[6:]}", f"+359 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"+359{n}"]
    elif country == "LV":
        n = "2" + digits(rng, 7)
        forms = [f"+371 {n}", n, f"{n[:2]} {n[2:5]} {n[5:]}", f"+371 {n[:4]} {n[4:]}"]
    elif country == "IS":
        n = rng.choice("678") + digits(rng, 6)
        forms = [f"{n[:3]} {n[3:]}", f"{n[:3]}-{n[3:]}", n, f"+354 {n[:3]} {n[3:]}", f"+354{n}"]
    elif country == "GE":
        n = "5" + rng.choice(["55", "57", "58", "59", "91", "93", "95", "99"]) + digits(rng, 6)
        forms = [f"+995 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"{n[:3]} {n[3:6]} {n[6:]}", n, f"(+995) {n}"]
    elif country == "AM":
        n = rng.choice(["91", "93", "94", "95", "77", "98", "99"]) + digits(rng, 6)
        forms = [f"+374 {n[:2]} {n[2:5]} {n[5:]}", f"0{n[:2]} {n[2:]}", f"0{n}", f"(0{n[:2]}) {n[2:5]}-{n[5:]}"]
    elif country == "BD":
        n = "1" + rng.choice("3456789") + digits(rng, 8)
        forms = [f"0{n[:4]}-{n[4:]}", f"+880 {n[:4]} {n[4:]}", f"0{n}", f"+880{n}", f"880{n}"]
    elif country == "LK":
        n = "7" + rng.choice("0124678") + digits(rng, 7)
        forms = [f"0{n[:2]} {n[2:5]} {n[5:]}", f"+94 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"+94{n}", f"0{n[:2]}-{n[2:]}"]
    elif country == "NP":
        n = "98" + rng.choice("014568") + digits(rng, 7)
        forms = [n, f"+977-{n}", f"+977 {n[:3]}-{n[3:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"]
    elif country == "NG":
        n = rng.choice(["803", "805", "806", "703", "706", "813", "816", "903", "906", "810", "708"]) + digits(rng, 7)
        forms = [f"0{n}", f"+234 {n[:3]} {n[3:6]} {n[6:]}", f"0{n[:3]} {n[3:6]} {n[6:]}", f"234{n}", f"+234{n}"]
    elif country == "NZ":
        n = rng.choice(["21", "22", "27", "29"]) + digits(rng, rng.choice([6, 7]))
        forms = [f"0{n[:2]} {n[2:5]} {n[5:]}", f"+64 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"(0{n[:2]}) {n[2:]}"]
    elif country == "IE":
        n = "8" + rng.choice("35679") + digits(rng, 7)
        forms = [f"0{n[:2]} {n[2:5]} {n[5:]}", f"+353 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"(0{n[:2]}) {n[2:]}"]
    elif country == "AZ":
        n = rng.choice(["50", "51", "55", "70", "77", "99"]) + digits(rng, 7)
        forms = [f"+994 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", f"0{n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", f"0{n}",
                 f"({n[:2]}) {n[2:5]}-{n[5:7]}-{n[7:]}"]
    elif country == "ES":
        n = rng.choice("67") + digits(rng, 8)
        forms = [f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+34 {n}", f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"]
    else:  # GB
        n = "7" + rng.choice("1345789") + digits(rng, 8)
        forms = [f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"0{n}", f"+44{n}"]
    return rng.choice(forms)
