"""Round-10 value generator: the seeded random source and the row builder every round-10 table uses
(split from evalgen_round10.py; unchanged)."""

from __future__ import annotations

import hashlib
import random
import unicodedata
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from faker import Faker

SEED = 20261207
SPLIT = "heldout"
Row = dict[str, Any]
FINANCIAL = {"credit_card", "card_expiry", "card_security_code", "iban", "bank_account", "salary"}
UK_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
BLANKS = ["", " ", "N/A", "-", "null", "?"]


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker(["en_US", "en_GB"])
        self.fake.seed_instance(seed)
        self.rows: list[Row] = []
        self.table = ""
        self.n = 0
        self.health = False

    # plumbing -------------------------------------------------------------------------------------------
    def start(self, table: str, health: bool = False) -> int:
        self.table, self.health, self.n = table, health, self.rng.randint(30, 60)
        return self.n

    def pick(self, *options: Any) -> Any:
        return self.rng.choice(options)

    def d(self, k: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(k))

    def typo(self, s: str) -> str:
        if len(s) < 4:
            return s
        i = self.rng.randrange(1, len(s) - 2)
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]

    def dirty(self, value: Any, rate: float) -> Any:
        r = self.rng.random()
        if r >= rate or value is None or not isinstance(value, str):
            return value
        if r < rate * 0.3:
            return self.rng.choice(BLANKS)
        if r < rate * 0.45:
            return None
        if r < rate * 0.6:
            return self.typo(value)
        return self.rng.choice([f"{value} ", f" {value}", value.upper(), value.lower(), f"{value}  "])

    def add(
        self,
        name: str,
        values: list[Any] | Callable[[int], Any],
        category: str | None = None,
        dirt: float = 0.0,
        contains: list[str] | None = None,
        type_: str | None = None,
        note: str = "",
    ) -> None:
        assert all(r["name"] != name for r in self.rows if r["table"] == self.table), (self.table, name)
        raw = [values(i) for i in range(self.n)] if callable(values) else list(values)
        assert len(raw) == self.n, (self.table, name, len(raw))
        label = None
        if category:
            kind = "PHI" if self.health or category == "medical" else ("Financial" if category in FINANCIAL else "PII")
            label = {"kind": kind, "category": category}
        row: Row = {
            "name": name,
            "values": [self.dirty(v, dirt) if type_ is None else v for v in raw],
            "label": label,
            "split": SPLIT,
            "table": self.table,
            "note": note,
        }
        if type_:
            row["type"] = type_
        if contains:
            row["contains"] = sorted(contains)
        self.rows.append(row)

    # values ---------------------------------------------------------------------------------------------
    def birth(self, lo: int = 1940, hi: int = 2005) -> date:
        return date(lo, 1, 1) + timedelta(days=self.rng.randrange((date(hi, 12, 31) - date(lo, 1, 1)).days))

    def day(self, start: date, span: int) -> date:
        return start + timedelta(days=self.rng.randrange(span))

    def stamp(self, start: datetime, span_days: int) -> datetime:
        return start + timedelta(seconds=self.rng.randrange(span_days * 86400))

    def sha(self, n: int = 40) -> str:
        return hashlib.sha256(self.d(20).encode()).hexdigest()[:n]

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def luhn(self, body: str) -> str:
        total = 0
        for i, ch in enumerate(reversed(body)):
            k = int(ch) * (2 if i % 2 == 0 else 1)
            total += k - 9 if k > 9 else k
        return str((10 - total % 10) % 10)

    def gtin13(self) -> str:
        body = self.pick("400", "590", "871", "760", "841") + self.d(9)
        s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        return body + str((10 - s % 10) % 10)

    def ipv4(self) -> str:
        return self.fake.ipv4_public() if self.rng.random() < 0.85 else self.fake.ipv6()

    def email(self, first: str, last: str, domains: list[str]) -> str:
        f, la = fold(first), fold(last)
        local = self.pick(f"{f}.{la}", f"{f[0]}{la}", f"{la}{self.d(2)}", f"{f}_{la[:4]}", f"{f}{self.d(4)}")
        return f"{local}@{self.rng.choice(domains)}"


def fold(text: str) -> str:
    """A name as an e-mail local part writes it: lower case ASCII letters and digits only."""
    text = text.lower().replace("ß", "ss").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum())


# -------------------------------------------------------------------------------------------------------
