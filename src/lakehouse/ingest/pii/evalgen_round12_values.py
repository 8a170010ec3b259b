"""Value makers for held-out round 12 (evalgen_round12.py): national ids of countries no earlier round used.

Written without reading the detector or its word lists. Every id is built from its documented layout and
checked with python-stdnum where stdnum knows it; every maker draws from the ``random.Random`` passed in.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from stdnum import iban, luhn
from stdnum.cn import ric, uscc
from stdnum.dk import cpr, cvr
from stdnum.ee import ik, registrikood
from stdnum.fi import hetu, ytunnus
from stdnum.gr import amka
from stdnum.gr import vat as gr_vat
from stdnum.hr import oib
from stdnum.il import idnr
from stdnum.lt import asmens
from stdnum.my import nric
from stdnum.no import fodselsnummer, orgnr
from stdnum.ro import cnp, cui
from stdnum.se import orgnr as se_orgnr
from stdnum.se import personnummer
from stdnum.th import pin
from stdnum.ua import edrpou, rntrc
from stdnum.za import idnr as za_idnr

from lakehouse.ingest.pii.evalgen_round11_values import digits

_IBAN_BBAN = {"RO": 20, "HU": 24, "GR": 23, "SE": 20, "NO": 11, "DK": 14, "FI": 14, "EE": 16, "LT": 16,
              "HR": 17, "RS": 18, "IL": 19, "UA": 25}


def until(make: Callable[[], str], valid: Callable[[str], bool]) -> str:
    while True:
        number = make()
        if valid(number):
            return number


# --- national ids of people ------------------------------------------------------------------------


def ro_cnp(rng: random.Random, born: date, female: bool) -> str:
    sex = (5 if born.year >= 2000 else 1) + (1 if female else 0)

    def make() -> str:
        body = f"{sex}{born:%y%m%d}{rng.randint(1, 46):02d}{digits(rng, 3)}"
        return body + cnp.calc_check_digit(body)
    return until(make, cnp.is_valid)


def gr_amka(rng: random.Random, born: date) -> str:
    def make() -> str:
        body = f"{born:%d%m%y}{digits(rng, 4)}"
        return body + luhn.calc_check_digit(body)
    return until(make, amka.is_valid)


def ua_rntrc(rng: random.Random, born: date, female: bool) -> str:
    days = (born - date(1899, 12, 31)).days

    def make() -> str:
        body = f"{days:05d}{digits(rng, 3)}{rng.choice('02468' if female else '13579')}"
        return body + rntrc.calc_check_digit(body)
    return until(make, rntrc.is_valid)


def il_teudat_zehut(rng: random.Random) -> str:
    def make() -> str:
        body = str(rng.randint(1, 3)) + digits(rng, 7)
        weighted = [int(d) * (1 + i % 2) for i, d in enumerate(body)]
        total = sum(w // 10 + w % 10 for w in weighted)
        return body + str((10 - total % 10) % 10)
    return until(make, idnr.is_valid)


def th_pin(rng: random.Random) -> str:
    def make() -> str:
        body = str(rng.randint(1, 8)) + digits(rng, 11)
        return body + pin.calc_check_digit(body)
    return until(make, pin.is_valid)


def se_personnummer(rng: random.Random, born: date, long_form: bool) -> str:
    def make() -> str:
        body = f"{born:%y%m%d}{digits(rng, 3)}"
        check = luhn.calc_check_digit(body)
        head = f"{born:%Y%m%d}" if long_form else f"{born:%y%m%d}"
        return f"{head}-{body[6:]}{check}"
    return until(make, personnummer.is_valid)


def no_fodselsnummer(rng: random.Random, born: date) -> str:
    def make() -> str:
        individual = rng.randint(500, 999) if born.year >= 2000 else rng.randint(0, 499)
        body = f"{born:%d%m%y}{individual:03d}"
        first = fodselsnummer.calc_check_digit1(body)
        return body + first + fodselsnummer.calc_check_digit2(body + first)
    return until(make, lambda n: "10" not in n[9:] and fodselsnummer.is_valid(n))


def dk_cpr(rng: random.Random, born: date) -> str:
    def make() -> str:
        century = rng.choice("0123") if born.year < 2000 else rng.choice("4")
        return f"{born:%d%m%y}-{century}{digits(rng, 3)}"
    return until(make, cpr.is_valid)


def fi_hetu(rng: random.Random, born: date) -> str:
    sign = "A" if born.year >= 2000 else "-"
    serial = f"{rng.randint(2, 899):03d}"
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(f"{born:%d%m%y}{serial}") % 31]
    number = f"{born:%d%m%y}{sign}{serial}{check}"
    assert hetu.is_valid(number), number
    return number


def baltic_personal_code(rng: random.Random, born: date, female: bool, lithuanian: bool) -> str:
    module = asmens if lithuanian else ik
    first = (5 if born.year >= 2000 else 3) + (1 if female else 0)

    def make() -> str:
        body = f"{first}{born:%y%m%d}{digits(rng, 3)}"
        return body + module.calc_check_digit(body + "0")
    return until(make, module.is_valid)


def rs_jmbg(rng: random.Random, born: date, female: bool) -> str:
    while True:
        serial = rng.randint(500, 999) if female else rng.randint(0, 499)
        body = f"{born:%d%m}{born.year % 1000:03d}{rng.choice(['71', '80', '85', '91', '30', '33'])}{serial:03d}"
        d = [int(c) for c in body]
        m = 11 - sum((7 - i % 6) * (d[i] + d[i + 6]) for i in range(6)) % 11
        if m < 10:
            return body + str(m)
        if m == 11:
            return body + "0"


def hr_oib(rng: random.Random) -> str:
    def make() -> str:
        body = str(rng.randint(1, 9)) + digits(rng, 9)
        product = 10
        for c in body:
            total = (int(c) + product) % 10 or 10
            product = total * 2 % 11
        return body + str((11 - product) % 10)
    return until(make, oib.is_valid)


def cn_ric(rng: random.Random, born: date) -> str:
    def make() -> str:  # stdnum knows when each area code existed, so a birth date rules some out
        area = rng.choice(["110101", "310104", "440305", "510107", "330106", "420102", "320105", "610113"])
        body = f"{area}{born:%Y%m%d}{digits(rng, 3)}"
        return body + ric.calc_check_digit(body + "0")
    return until(make, ric.is_valid)


def my_nric(rng: random.Random, born: date, dashed: bool) -> str:
    def make() -> str:
        state = f"{rng.randint(1, 14):02d}"
        tail = digits(rng, 4)
        return f"{born:%y%m%d}-{state}-{tail}" if dashed else f"{born:%y%m%d}{state}{tail}"
    return until(make, nric.is_valid)


def za_id(rng: random.Random, born: date, female: bool) -> str:
    def make() -> str:
        gender = rng.randint(0, 4999) if female else rng.randint(5000, 9999)
        body = f"{born:%y%m%d}{gender:04d}{rng.choice('0001')}8"
        return body + luhn.calc_check_digit(body)
    return until(make, za_idnr.is_valid)


def ir_melli(rng: random.Random) -> str:
    while True:
        body = digits(rng, 9)
        if len(set(body)) == 1:
            continue
        r = sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
        return body + str(r if r < 2 else 11 - r)


def hu_adoazonosito(rng: random.Random, born: date) -> str:
    while True:
        body = f"8{(born - date(1867, 1, 1)).days:05d}{digits(rng, 3)}"
        check = sum(int(c) * (i + 1) for i, c in enumerate(body)) % 11
        if check < 10:
            return body + str(check)


def hu_taj(rng: random.Random) -> str:
    body = str(rng.randint(0, 1)) + digits(rng, 7)
    check = sum(int(c) * (3 if i % 2 == 0 else 7) for i, c in enumerate(body)) % 10
    return body + str(check)


# --- company, device and object ids (negatives) ----------------------------------------------------


def company_id(rng: random.Random, country: str) -> str:
    if country == "RO":
        return until(lambda: (b := digits(rng, 7)) + cui.calc_check_digit(b), cui.is_valid)
    if country == "EE":
        return until(lambda: (b := "1" + digits(rng, 6)) + registrikood.calc_check_digit(b), registrikood.is_valid)
    if country == "NO":
        return until(lambda: rng.choice("89") + digits(rng, 8), orgnr.is_valid)
    if country == "SE":
        return until(lambda: f"55{digits(rng, 4)}-{digits(rng, 4)}", se_orgnr.is_valid)
    if country == "DK":
        return until(lambda: str(rng.randint(1, 9)) + digits(rng, 7), cvr.is_valid)
    if country == "FI":
        return until(lambda: f"{digits(rng, 7)}-{rng.randint(0, 9)}", ytunnus.is_valid)
    if country == "UA":
        return until(lambda: (b := "3" + digits(rng, 6)) + edrpou.calc_check_digit(b), edrpou.is_valid)
    if country == "GR":
        return until(lambda: (b := "0" + digits(rng, 7)) + gr_vat.calc_check_digit(b), gr_vat.is_valid)
    if country == "CN":
        return until(lambda: (b := "91" + digits(rng, 6) + "MA" + digits(rng, 7)) + uscc.calc_check_digit(b),
                     uscc.is_valid)
    raise ValueError(country)


def imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01"]) + digits(rng, 12)
    return body + luhn.calc_check_digit(body)


def iccid(rng: random.Random) -> str:
    body = "89" + rng.choice(["46", "47", "45", "358"]) + digits(rng, 14)
    return body[:19] + luhn.calc_check_digit(body[:19])


def vin(rng: random.Random) -> str:
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    values = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
              **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    chars = [rng.choice(["YV1", "WF0", "VF1", "YS2", "TMB"])[i] for i in range(3)]
    chars += [rng.choice(alphabet) for _ in range(14)]
    check = sum(values[c] * w for c, w in zip(chars, weights, strict=True)) % 11
    chars[8] = "X" if check == 10 else str(check)
    return "".join(chars)


# --- money and phones ------------------------------------------------------------------------------


def iban_of(rng: random.Random, country: str, spaced: bool | None = None) -> str:
    def make() -> str:
        bban = digits(rng, _IBAN_BBAN[country])
        if country == "RO":  # a bank code of four letters, then the account
            bban = rng.choice(["RNCB", "BTRL", "BRDE", "INGB", "RZBR"]) + bban[4:]
        return country + iban.calc_check_digits(country + "00" + bban) + bban
    number = until(make, iban.is_valid)
    if spaced if spaced is not None else rng.random() < 0.5:
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


_MOBILE = {  # country code, national trunk prefix, mobile prefixes, subscriber digits after the prefix
    "RO": ("40", "0", ["72", "74", "75", "76", "78"], 7), "HU": ("36", "06", ["20", "30", "70"], 7),
    "GR": ("30", "", ["690", "693", "694", "697", "698"], 7), "UA": ("380", "0", ["50", "63", "67", "93"], 7),
    "IL": ("972", "0", ["50", "52", "53", "54", "58"], 7), "TH": ("66", "0", ["81", "86", "89", "92", "95"], 7),
    "PH": ("63", "0", ["917", "918", "927", "939", "995"], 7), "SE": ("46", "0", ["70", "72", "73", "76"], 7),
    "NO": ("47", "", ["4", "9"], 7), "DK": ("45", "", ["2", "3", "4", "5"], 7),
    "FI": ("358", "0", ["40", "44", "45", "50"], 7), "EE": ("372", "", ["5"], 7),
    "LT": ("370", "8", ["6"], 7), "RS": ("381", "0", ["60", "63", "64", "65"], 7),
    "HR": ("385", "0", ["91", "92", "95", "98"], 7), "IR": ("98", "0", ["912", "935", "919", "901"], 7),
    "CN": ("86", "", ["138", "139", "151", "186", "177"], 8), "MY": ("60", "0", ["12", "13", "16", "17", "19"], 7),
    "ET": ("251", "0", ["91", "92", "93"], 7), "ZA": ("27", "0", ["72", "73", "82", "83", "61"], 7),
}


def mobile(rng: random.Random, country: str) -> str:
    """A personal mobile of ``country`` in one of the ways people write it: international or national."""
    cc, trunk, prefixes, n = _MOBILE[country]
    prefix = rng.choice(prefixes)
    sub = digits(rng, n)
    national = f"{trunk}{prefix}{sub}"
    half = len(sub) // 2
    forms = [f"+{cc} {prefix} {sub[:half + 1]} {sub[half + 1:]}", f"+{cc}{prefix}{sub}", national,
             f"{national[:3]} {national[3:6]} {national[6:]}", f"00{cc} {prefix}{sub}",
             f"{national[:-7]}-{national[-7:-4]}-{national[-4:]}" if len(national) > 9 else national]
    return rng.choice(forms)


def landline(rng: random.Random, country: str, area: str) -> str:
    """A business switchboard number: same shape as a person's, so only the table says it is not one."""
    cc = _MOBILE[country][0]
    sub = digits(rng, 7)
    return rng.choice([f"+{cc} {area} {sub[:3]} {sub[3:]}", f"+{cc}{area}{sub}", f"0{area} {sub}"])
