"""Table builder and value makers for held-out round 16 (evalgen_round16.py).

Written without reading the detector, its word lists or tests; national ids carry valid check digits
(python-stdnum validates each), phones are written the ways each country's exports write them. Every maker
draws from the ``random.Random`` passed in, so the generator stays deterministic.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from faker import Faker
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.iso7064 import mod_11_10
from stdnum.mx import curp
from stdnum.se import personnummer
from stdnum.tr import tckimlik

from lakehouse.ingest.pii.evalgen_round11_values import ascii_fold, digits

FINANCIAL = {"credit_card", "card_expiry", "card_security_code", "iban", "bank_account", "salary"}
BLANKS_EN = ("", None, "N/A", "NULL", "  ", "-", "n/a")


class Table:
    """Columns of one table, all of ``n`` rows; ``phi`` when the table holds health data about people."""

    def __init__(self, name: str, rng: random.Random, *, phi: bool = False, rows: tuple[int, int] = (35, 60)):
        self.name, self.rng, self.phi = name, rng, phi
        self.n = rng.randint(*rows)
        self.columns: list[dict[str, Any]] = []

    def add(self, name: str, values: list[Any], category: str | None = None, *, type: str | None = None,
            contains: list[str] | None = None, note: str = "") -> None:
        assert len(values) == self.n, (self.name, name, len(values))
        label = None
        if category is not None:
            kind = "Financial" if category in FINANCIAL else "PHI" if self.phi or category == "medical" else "PII"
            label = {"kind": kind, "category": category}
        line: dict[str, Any] = {"name": name, "values": values, "label": label}
        if type:
            line["type"] = type
        line["split"] = "heldout"
        line["table"] = self.name
        if contains:
            line["contains"] = sorted(contains)
        if note:
            line["note"] = note
        self.columns.append(line)

    def each(self, make: Any) -> list[Any]:
        return [make() for _ in range(self.n)]

    def pick(self, options: Any, weights: Any = None) -> list[Any]:
        return self.rng.choices(list(options), weights=weights, k=self.n)

    def dirty(self, values: list[Any], rate: float, blanks: tuple[Any, ...] = BLANKS_EN) -> list[Any]:
        return [self.rng.choice(blanks) if v is not None and self.rng.random() < rate else v for v in values]

    def garble(self, values: list[Any], rate: float = 0.04) -> list[Any]:
        """A few malformed entries, as hand-keyed sources have: a truncated value, a lost '@', a typo'd digit."""
        out = []
        for v in values:
            if isinstance(v, str) and len(v) > 4 and self.rng.random() < rate:
                how = self.rng.random()
                if "@" in v and how < 0.5:
                    v = v.replace("@", self.rng.choice([" @ ", "@@", "(at)"]), 1)
                elif how < 0.75:
                    v = v[: -self.rng.randint(1, 3)]
                else:
                    v = v + self.rng.choice(["0", ".", " x12", ";"])
            out.append(v)
        return out

    def timestamps(self, start: datetime, days: int, *, blank: float = 0.0, fmt: str | None = None) -> list[Any]:
        moments = sorted(start + timedelta(minutes=self.rng.randrange(days * 1440)) for _ in range(self.n))
        out = [m.strftime(fmt) if fmt else m.replace(second=0).isoformat() for m in moments]
        return [None if self.rng.random() < blank else v for v in out]

    def dates(self, start: date, days: int, *, fmt: str | None = None) -> list[str]:
        out = [start + timedelta(days=self.rng.randrange(days)) for _ in range(self.n)]
        return [d.strftime(fmt) if fmt else d.isoformat() for d in out]

    def uuids(self) -> list[str]:
        return [str(uuid.UUID(int=self.rng.getrandbits(128), version=4)) for _ in range(self.n)]

    def seq(self, fmt: str, start: int, step: tuple[int, int] = (1, 9)) -> list[str]:
        out, k = [], start
        for _ in range(self.n):
            k += self.rng.randint(*step)
            out.append(fmt.format(k))
        return out

    def money(self, low: float, high: float, *, places: int = 2) -> list[float]:
        return [round(self.rng.uniform(low, high), places) for _ in range(self.n)]


def seeded_fakers(locales: Mapping[str, str], seed: int) -> dict[str, Faker]:
    """One Faker per locale key, each seeded from ``seed`` by its place in ``locales``."""
    out = {}
    for i, (key, locale) in enumerate(locales.items()):
        fake = Faker(locale)
        fake.seed_instance(seed + i)
        out[key] = fake
    return out


def build_tables(builds: Sequence[Callable[[Table, dict[str, Faker]], None]], locales: Mapping[str, str],
                 seed: int) -> list[dict[str, Any]]:
    """The JSONL lines of a round: each ``t_<name>`` builder fills its table, one seeded random source for all."""
    rng = random.Random(seed)
    fake = seeded_fakers(locales, seed)
    lines: list[dict[str, Any]] = []
    for build in builds:
        table = Table(build.__name__.removeprefix("t_"), rng, phi=getattr(build, "phi", False))
        build(table, fake)
        lines.extend(table.columns)
    return lines


def case_mess(rng: random.Random, name: str, rate: float = 0.15) -> str:
    """Names as typed by hand: some all-caps, some lower-case, some with stray spaces."""
    r = rng.random()
    if r < rate / 2:
        return name.upper()
    if r < rate * 0.8:
        return name.lower()
    if r < rate:
        return f" {name}  " if rng.random() < 0.5 else name.replace(" ", "  ", 1)
    return name


_TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sr", "sra", "srta", "mba", "phd", "bsc", "msc", "dds", "md",
           "jr", "ii", "iii", "iv", "dipl", "ing"}


def email_from(rng: random.Random, name: str, domains: tuple[str, ...]) -> str:
    words = ascii_fold(name).lower().replace("-", " ").replace("'", "").split()
    parts = [p for p in words if p.isalpha() and p not in _TITLES] or ["info", "mail"]
    first, last = parts[0], parts[-1]
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{last}.{first[0]}",
                        f"{first}_{last}{rng.randint(70, 99)}"])
    mail = f"{local}@{rng.choice(domains)}"
    return mail.upper() if rng.random() < 0.04 else mail


def phone16(rng: random.Random, country: str) -> str:
    """A personal number of ``country`` in one of the ways exports from there write it."""
    r = rng.random()
    if country == "DE":
        n = rng.choice(["151", "160", "170", "171", "176", "152", "157"]) + digits(rng, 8)
        forms = [f"0{n[:3]} {n[3:]}", f"+49 {n[:3]} {n[3:]}", f"0{n[:3]}/{n[3:]}", f"+49{n}", f"0049 {n[:3]} {n[3:]}",
                 f"(0{n[:3]}) {n[3:7]} {n[7:]}"]
    elif country == "FR":
        n = rng.choice("67") + digits(rng, 8)
        pairs = " ".join(n[i:i + 2] for i in range(1, 9, 2))
        forms = [f"0{n[0]} {pairs}", f"+33 {n[0]} {pairs}", f"0{n}", f"+33{n}", f"0{n[0]}.{pairs.replace(' ', '.')}"]
    elif country == "NL":
        n = "6" + digits(rng, 8)
        forms = [f"06-{n[1:]}", f"+31 6 {n[1:5]} {n[5:]}", f"0{n}", f"+31{n}", f"06 {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}"]
    elif country == "BR":
        ddd = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
        n = "9" + digits(rng, 8)
        forms = [f"({ddd}) {n[:5]}-{n[5:]}", f"+55 {ddd} {n[:5]}-{n[5:]}", f"{ddd}{n}", f"+55{ddd}{n}", f"{ddd} {n}"]
    elif country == "SE":
        n = "7" + rng.choice("02369") + digits(rng, 7)
        forms = [f"0{n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}", f"+46 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", f"0{n}", f"+46{n}"]
    elif country == "TR":
        n = "5" + rng.choice(["05", "30", "32", "33", "42", "43", "52", "55"]) + digits(rng, 7)
        forms = [f"0{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", f"+90 {n[:3]} {n[3:6]} {n[6:]}", f"0{n}", f"+90{n}",
                 f"0 ({n[:3]}) {n[3:6]} {n[6:8]} {n[8:]}"]
    elif country == "MX":
        n = rng.choice(["55", "33", "81", "222", "442"]) + digits(rng, 8)
        n = n[:10]
        forms = [f"{n[:2]} {n[2:6]} {n[6:]}", f"+52 {n}", f"+52 1 {n[:2]} {n[2:6]} {n[6:]}", n,
                 f"({n[:3]}) {n[3:6]}-{n[6:]}"]
    elif country == "GB":
        n = "7" + rng.choice("45789") + digits(rng, 8)
        forms = [f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"0{n}", f"+44 (0){n[:4]} {n[4:]}", f"0{n[:4]}-{n[4:]}"]
    else:  # US
        n = str(rng.randint(201, 989)) + str(rng.randint(200, 999)) + digits(rng, 4)
        forms = [f"({n[:3]}) {n[3:6]}-{n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}",
                 f"+1 {n[:3]}-{n[3:6]}-{n[6:]}", n, f"1{n}"]
    return forms[int(r * len(forms))]


# --- personal national ids -------------------------------------------------------------------------


def br_cpf(rng: random.Random) -> str:
    body = digits(rng, 9)
    d1 = sum((10 - i) * int(c) for i, c in enumerate(body)) * 10 % 11 % 10
    d2 = sum((11 - i) * int(c) for i, c in enumerate(body + str(d1))) * 10 % 11 % 10
    number = f"{body}{d1}{d2}"
    assert cpf.is_valid(number)
    return f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}" if rng.random() < 0.7 else number


def de_steuer_id(rng: random.Random) -> str:
    while True:
        pool = rng.sample("0123456789", 9)
        pool.insert(rng.randrange(1, 10), rng.choice(pool))
        body = "".join(pool)
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}" if rng.random() < 0.3 else number


def de_sv_nummer(rng: random.Random, born: date, last: str) -> str:
    """German pension insurance number: area, birth date, surname initial, serial, check digit."""
    area = rng.choice(["12", "13", "15", "18", "23", "24", "25", "28", "38", "39", "40", "53", "65"])
    initial = (ascii_fold(last).upper() + "X")[0]
    serial = f"{rng.randint(0, 99) if rng.random() < 0.5 else rng.randint(50, 99):02d}"
    body = f"{area}{born:%d%m%y}{ord(initial) - 64:02d}{serial}"
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(w * int(d), 10)) for w, d in zip(weights, body, strict=True))
    number = f"{area}{born:%d%m%y}{initial}{serial}{total % 10}"
    return f"{number[:2]} {number[2:8]} {number[8]} {number[9:11]} {number[11]}" if rng.random() < 0.3 else number


def se_personnummer(rng: random.Random, born: date) -> str:
    while True:
        body = f"{born:%y%m%d}{digits(rng, 3)}"
        check = personnummer.luhn.calc_check_digit(body)
        number = f"{body[:6]}-{body[6:]}{check}"
        if personnummer.is_valid(number):
            return f"{born.year // 100}{number}" if rng.random() < 0.5 else number


def tr_tckimlik(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + digits(rng, 8)
    number = body + tckimlik.calc_check_digits(body)
    assert tckimlik.is_valid(number)
    return number


_CURP_STATES = ("AS", "BC", "CH", "DF", "GT", "JC", "MC", "NL", "PL", "QT", "VZ", "YN")


def _consonant(word: str) -> str:
    inner = [c for c in ascii_fold(word).upper()[1:] if c.isalpha() and c not in "AEIOU"]
    return (inner or ["X"])[0]


def mx_curp(rng: random.Random, first: str, last1: str, last2: str, born: date, female: bool) -> str:
    a, b, f = (ascii_fold(x).upper() for x in (last1, last2, first))
    vowel = next((c for c in a[1:] if c in "AEIOU"), "X")
    initials = f"{a[0]}{vowel}{b[0]}{f[0]}"
    if initials in curp._name_blacklist:  # RENAPO replaces the vowel of an offensive word by X
        initials = initials[0] + "X" + initials[2:]
    head = f"{initials}{born:%y%m%d}{'M' if female else 'H'}{rng.choice(_CURP_STATES)}"
    head += _consonant(a) + _consonant(b) + _consonant(f) + ("A" if born.year >= 2000 else "0")
    number = head + curp.calc_check_digit(head + "0")
    assert curp.is_valid(number), number
    return number


def mx_clabe(rng: random.Random) -> str:
    body = rng.choice(["002", "012", "014", "021", "030", "072"]) + digits(rng, 14)
    check = (10 - sum(int(d) * (3, 7, 1)[i % 3] % 10 for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def us_driver_license(rng: random.Random) -> str:
    state = rng.random()
    if state < 0.35:
        return rng.choice("ABCDEFGHJKLMNPRSTUVWY") + digits(rng, 7)  # CA
    if state < 0.6:
        return digits(rng, 8)  # TX
    if state < 0.8:
        parts = (digits(rng, 3), digits(rng, 3), digits(rng, 2), digits(rng, 3))
        return rng.choice("ABCDEFGHJKLMNPRSTW") + "-".join(parts) + "-0"  # FL
    return digits(rng, 9)  # NY


def ipv4(rng: random.Random) -> str:
    first = rng.choice([31, 46, 62, 78, 81, 84, 89, 91, 93, 95, 176, 185, 188, 212, 213, 217])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    return "2a02:" + ":".join(f"{rng.getrandbits(16):x}" for _ in range(7))


def prose(t: Table, templates: tuple[str, ...], **makers: Any) -> tuple[list[str], list[str]]:
    """Fill one template a row; returns the texts and the kinds (template fields) that actually occur."""
    texts, kinds = [], set()
    for _ in range(t.n):
        tpl = t.rng.choice(templates)
        fields = {k: make() for k, make in makers.items()}
        kinds |= {k for k in makers if "{" + k + "}" in tpl}
        texts.append(tpl.format(**fields))
    return texts, sorted(kinds)
