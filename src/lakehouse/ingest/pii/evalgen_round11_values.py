"""Value makers for held-out round 11 (evalgen_round11.py): ids with valid check digits, phones, cards.

Written without reading the detector or its word lists. Every maker draws from the ``random.Random``
passed in, so the generator stays deterministic.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from stdnum import ean, iban, luhn, verhoeff
from stdnum.cz import rc
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.in_ import aadhaar
from stdnum.it import codicefiscale, iva
from stdnum.kr import rrn
from stdnum.pl import nip, pesel
from stdnum.us import ssn

_BBAN = {"PL": "8n16n", "IT": "1a5n5n12n", "ES": "4n4n2n10n", "CZ": "4n6n10n", "DE": "8n10n", "FR": "5n5n11n2n"}
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_CF_MONTHS = "ABCDEHLMPRST"


def ascii_fold(text: str) -> str:
    """Drop diacritics ('Łukasz' -> 'Lukasz'); the letters NFKD cannot split are mapped by hand."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def birth_date(rng: random.Random, first: int = 1950, last: int = 2005) -> date:
    start = date(first, 1, 1)
    return start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days))


def dirty(rng: random.Random, values: list, rate: float, blanks: tuple) -> list:
    """Replace about ``rate`` of the values by the blank markers a source of that language uses."""
    return [rng.choice(blanks) if rng.random() < rate else v for v in values]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def email_for(rng: random.Random, first: str, last: str, domains: tuple[str, ...]) -> str:
    f, la = ascii_fold(first).lower().replace(" ", ""), ascii_fold(last).lower().replace(" ", "")
    local = rng.choice([f"{f}.{la}", f"{f[0]}{la}", f"{la}.{f}", f"{f}{la}{rng.randint(1, 99)}", f"{f}_{la[:4]}"])
    mail = f"{local}@{rng.choice(domains)}"
    return mail.upper() if rng.random() < 0.05 else mail


# --- national ids ---------------------------------------------------------------------------------


def pl_pesel(rng: random.Random, born: date, female: bool) -> str:
    month = born.month + (20 if born.year >= 2000 else 0)
    sex = rng.choice("02468" if female else "13579")
    body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{digits(rng, 3)}{sex}"
    number = body + pesel.calc_check_digit(body)
    assert pesel.is_valid(number)
    return number


def cz_rodne_cislo(rng: random.Random, born: date, female: bool) -> str:
    while True:
        month = born.month + (50 if female else 0)
        body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{digits(rng, 3)}"
        check = int(body) % 11
        number = body + str(check % 10)
        if rc.is_valid(number):
            return number


def _cf_part(name: str, given: bool) -> str:
    letters = [c for c in ascii_fold(name).upper() if c.isalpha()]
    cons = [c for c in letters if c not in "AEIOU"]
    vowels = [c for c in letters if c in "AEIOU"]
    if given and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return "".join(cons + vowels + ["X", "X", "X"])[:3]


def it_codice_fiscale(rng: random.Random, first: str, last: str, born: date, female: bool) -> str:
    town = rng.choice(["H501", "F205", "A944", "L219", "G273", "D612", "F839", "L736", "C351", "E506"])
    day = born.day + (40 if female else 0)
    body = f"{_cf_part(last, False)}{_cf_part(first, True)}{born.year % 100:02d}{_CF_MONTHS[born.month - 1]}"
    body += f"{day:02d}{town}"
    number = body + codicefiscale.calc_check_digit(body)
    assert codicefiscale.is_valid(number), number
    return number


def es_dni_or_nie(rng: random.Random, nie_share: float = 0.0) -> str:
    if rng.random() < nie_share:
        prefix = rng.choice("XYZ")
        body = digits(rng, 7)
        number = prefix + body + _DNI_LETTERS[int(str("XYZ".index(prefix)) + body) % 23]
        assert es_nie.is_valid(number)
        return number
    body = f"{rng.randint(1_000_000, 79_999_999):08d}"
    number = body + _DNI_LETTERS[int(body) % 23]
    assert es_dni.is_valid(number)
    return number


def in_aadhaar(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(2, 9)) + digits(rng, 10)
        number = body + verhoeff.calc_check_digit(body)
        if aadhaar.is_valid(number):
            return number


def kr_rrn(rng: random.Random, born: date, female: bool) -> str:
    while True:
        sex = (3 if born.year >= 2000 else 1) + (1 if female else 0)
        body = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{sex}{rng.randint(0, 95):02d}{digits(rng, 3)}"
        number = body + rrn.calc_check_digit(body)
        if rrn.is_valid(number):
            return number


def sa_iqama(rng: random.Random) -> str:
    body = "2" + digits(rng, 8)
    return body + luhn.calc_check_digit(body)


def vn_cccd(rng: random.Random, born: date, female: bool) -> str:
    province = rng.choice(["001", "079", "048", "049", "031", "046", "092", "036"])
    century = (0 if born.year < 2000 else 2) + (1 if female else 0)
    return f"{province}{century}{born.year % 100:02d}{digits(rng, 6)}"


def us_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        number = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if area != 666 and ssn.is_valid(number):
            return number


def passport(rng: random.Random, country: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if country == "JP":
        return rng.choice(["TK", "TR", "TZ", "MZ"]) + digits(rng, 7)
    if country in ("US", "GB", "AU"):
        return digits(rng, 9) if rng.random() < 0.5 else rng.choice(letters) + digits(rng, 8)
    if country == "DE":
        return "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    if country == "FR":
        return digits(rng, 2) + rng.choice(letters) + rng.choice(letters) + digits(rng, 5)
    if country == "KR":
        return "M" + digits(rng, 8)
    if country == "VN":
        return rng.choice("CP") + digits(rng, 7)
    return rng.choice(letters) + digits(rng, 8)  # SA, EG, PK, ID and the rest


# --- company ids (negatives) ---------------------------------------------------------------------


def pl_nip(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + digits(rng, 8)
        check = sum(w * int(d) for w, d in zip((6, 5, 7, 2, 3, 4, 5, 6, 7), body, strict=True)) % 11
        if check < 10 and nip.is_valid(body + str(check)):
            return body + str(check)


def it_partita_iva(rng: random.Random) -> str:
    body = digits(rng, 7) + f"{rng.randint(1, 100):03d}"
    number = body + luhn.calc_check_digit(body)
    assert iva.is_valid(number)
    return number


def ean13(rng: random.Random, prefix: str) -> str:
    body = prefix + digits(rng, 12 - len(prefix))
    return body + ean.calc_check_digit(body)


# --- money ---------------------------------------------------------------------------------------


def make_iban(rng: random.Random, country: str) -> str:
    while True:
        bban = ""
        spec = _BBAN[country]
        for part in spec.replace("n", "n ").replace("a", "a ").split():
            n, kind = int(part[:-1]), part[-1]
            letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n)) if kind == "a" else ""
            bban += letters or digits(rng, n)
        number = country + iban.calc_check_digits(country + "00" + bban) + bban
        if iban.is_valid(number):
            return number


def spaced_iban(rng: random.Random, number: str) -> str:
    style = rng.random()
    if style < 0.55:
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    if style < 0.9:
        return number
    return number.lower() if style < 0.95 else number[:2] + " " + number[2:]


def card_number(rng: random.Random) -> str:
    brand = rng.random()
    if brand < 0.45:
        body = "4" + digits(rng, 14)
    elif brand < 0.8:
        body = str(rng.randint(51, 55)) + digits(rng, 13)
    elif brand < 0.9:
        body = rng.choice(["34", "37"]) + digits(rng, 12)
    else:
        body = str(rng.randint(3528, 3589)) + digits(rng, 11)
    return body + luhn.calc_check_digit(body)


def format_card(rng: random.Random, number: str) -> str:
    style = rng.random()
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
    if style < 0.45:
        return " ".join(groups)
    if style < 0.7:
        return "-".join(groups)
    return number


def card_expiry(rng: random.Random) -> str:
    month, year = rng.randint(1, 12), rng.randint(2026, 2031)
    return rng.choice([f"{month:02d}/{year % 100:02d}", f"{month:02d}/{year}", f"{month}/{year % 100}",
                       f"{month:02d}-{year % 100:02d}", f"{month:02d}/{year % 100:02d}"])


def bank_account_in(rng: random.Random) -> str:
    return digits(rng, rng.choice([11, 12, 14, 15, 16]))


# --- phones --------------------------------------------------------------------------------------


def phone(rng: random.Random, country: str) -> str:
    """A personal mobile number of ``country`` in one of the ways people write it there."""
    r = rng.random()
    if country == "PL":
        n = rng.choice(["50", "51", "53", "60", "66", "69", "72", "73", "78", "79", "88"]) + digits(rng, 7)
        forms = [f"+48 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", n, f"0048{n}", f"(+48) {n}"]
    elif country == "CZ":
        n = rng.choice(["60", "72", "73", "77", "79"]) + digits(rng, 7)
        forms = [f"+420 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", n, f"00420{n}", f"+420{n}"]
    elif country == "IT":
        n = "3" + rng.choice("234579") + digits(rng, 8)
        forms = [f"+39 {n[:3]} {n[3:]}", f"{n[:3]}/{n[3:]}", n, f"{n[:3]} {n[3:6]} {n[6:]}", f"0039 {n}"]
    elif country == "ES":
        n = rng.choice("67") + digits(rng, 8)
        forms = [f"+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+34{n}", f"0034 {n}"]
    elif country == "JP":
        n = rng.choice(["090", "080", "070"]) + digits(rng, 8)
        forms = [f"{n[:3]}-{n[3:7]}-{n[7:]}", n, f"+81-{n[1:3]}-{n[3:7]}-{n[7:]}", f"{n[:3]}({n[3:7]}){n[7:]}"]
    elif country == "KR":
        n = "010" + digits(rng, 8)
        forms = [f"{n[:3]}-{n[3:7]}-{n[7:]}", n, f"+82 10-{n[3:7]}-{n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}"]
    elif country == "VN":
        n = "0" + rng.choice(["90", "91", "93", "97", "98", "86", "35", "70"]) + digits(rng, 7)
        forms = [f"{n[:4]} {n[4:7]} {n[7:]}", n, f"+84 {n[1:4]} {n[4:7]} {n[7:]}", f"+84{n[1:]}",
                 f"{n[:4]}.{n[4:7]}.{n[7:]}"]
    elif country == "IN":
        n = rng.choice("6789") + digits(rng, 9)
        forms = [f"+91 {n[:5]} {n[5:]}", n, f"+91-{n}", f"0{n}", f"{n[:5]}-{n[5:]}"]
    elif country == "SA":
        n = "5" + rng.choice("0345") + digits(rng, 7)
        forms = [f"+966 {n[:2]} {n[2:5]} {n[5:]}", f"0{n}", f"00966{n}", f"+966{n}", f"0{n[:2]} {n[2:5]} {n[5:]}"]
    else:  # US
        n = str(rng.randint(201, 989)) + str(rng.randint(200, 999)) + digits(rng, 4)
        forms = [f"({n[:3]}) {n[3:6]}-{n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}",
                 f"+1 {n[:3]} {n[3:6]} {n[6:]}", n]
    return forms[int(r * len(forms))]
