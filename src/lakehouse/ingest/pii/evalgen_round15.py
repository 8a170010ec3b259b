"""Round-15 held-out tables: exports a user of the lakehouse brings from the systems they already run.

Run ``python -m lakehouse.ingest.pii.evalgen_round15 [OUT.jsonl]`` (default: ``heldout.jsonl``
beside this module). Written by an author who never opened the detector, its word lists, its tests, the
development set or the other held-out files; read were only evaluation.py (JSONL format and scoring),
evalgen_round11.py and evalgen_round11_values.py (label conventions and value makers, some imported) and
the category/kind table of docs/pii.md.

Scenario ("held-out tables nobody here wrote: customer, address and person-identity data with dirty
values"): 23 tables exported from Shopify (customers, orders), Salesforce leads, a Workday payroll
report, Greenhouse candidates, HubSpot contacts (dotted API paths), Zendesk tickets, Stripe charges, an
Epic appointment extract, a health-insurance claims file, a club's home-grown Access database (legacy
ALL-CAPS headers), a SaaS user table and its audit log, a Mailchimp audience, an inventory sheet and a web
analytics report (no personal data), and, with headers in their own language, a Spanish web shop, a French
loyalty programme, a German SAP payroll master, a Brazilian parcel carrier, a Dutch school enrolment, a
Japanese event registration, a Turkish mobile operator and a Chinese bank's KYC table. Values are dirty the
way such exports are: blanks and null markers, SHOUTED or lower-cased names, phones in mixed formats, ids
with and without separators, stray whitespace and a few malformed values.

Labels follow round 11's conventions: a column is labelled by what its values say about a person. A
business's own phone, address, e-mail or bank account, order ids, SKUs, amounts and timestamps are
negatives. The street line of an address (street + number), a second address line, a house number and a
city or district beside other address columns are ``address_part``; a single column with the whole address
is ``address``; a postcode column is ``postal_code``; a state, province, prefecture or country alone is not
PII. A US SSN is ``ssn``; other countries' personal ids (CPF, BSN, TC Kimlik, resident id, DNI, Steuer-ID)
are ``national_id``. A birthday without a year is ``date_of_birth_part``. A card number (debit cards too) is
``credit_card``; the last four digits are not PII. A health-insurance member id, a medical record number,
diagnosis and procedure codes are ``medical``, and every PII column of a table holding health data about
people is kind PHI. An employee's name on a record (a recruiter) is ``person_name`` too; a card number kept
in the clear by a home-grown database is ``credit_card`` and its expiry ``card_expiry``. Gender,
religion, a phone's IMEI, user agents and internal customer/member ids have no category in docs/pii.md and are
left unlabelled (with a note where a reviewer might hesitate); so is the company a customer works for. A
Dutch surname particle column (tussenvoegsel) is ``person_name``; a recovery answer is ``security_answer``.
Free-text columns carry ``contains`` (the kinds really present in their prose, named by category) and no
column label; the prose never names a person so that the kinds are exact.
Deterministic: one seeded ``random.Random`` and seeded Faker instances.
"""

from __future__ import annotations

import json
import random
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from faker import Faker

from lakehouse.ingest.pii.evalgen_round15_tables_a import TABLES_A
from lakehouse.ingest.pii.evalgen_round15_tables_b import TABLES_B
from lakehouse.ingest.pii.evalgen_round15_tables_c import TABLES_C

SEED = 1507_2026
FINANCIAL = {"credit_card", "card_expiry", "card_security_code", "iban", "bank_account", "salary"}
LOCALES = ["en_US", "es_ES", "fr_FR", "de_DE", "pt_BR", "nl_NL", "ja_JP", "tr_TR", "zh_CN"]


class Table:
    """Columns of one table, all of ``n`` rows; ``phi`` when the table holds health data about people."""

    def __init__(self, name: str, rng: random.Random, *, phi: bool = False, rows: tuple[int, int] = (40, 70)):
        self.name, self.rng, self.phi = name, rng, phi
        self.n = rng.randint(*rows)
        self.columns: list[dict[str, Any]] = []

    def add(self, name: str, values: list[Any], category: str | None = None, *, type: str | None = None,
            contains: list[str] | None = None, note: str = "") -> None:
        assert len(values) == self.n, (self.name, name, len(values))
        assert not (category and contains), (self.name, name)
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

    def timestamps(self, start: datetime, days: int, fmt: str = "iso", blank: float = 0.0) -> list[Any]:
        """Sorted event times; ``fmt`` is ``iso`` (typed column), ``unix`` or a strftime pattern."""
        moments = sorted(start + timedelta(seconds=self.rng.randrange(days * 86400)) for _ in range(self.n))
        out: list[Any] = []
        for m in moments:
            if self.rng.random() < blank:
                out.append(None)
            elif fmt == "iso":
                out.append(m.isoformat())
            elif fmt == "unix":
                out.append(int(m.timestamp()))
            else:
                out.append(m.strftime(fmt))
        return out

    def uuids(self) -> list[str]:
        return [str(uuid.UUID(int=self.rng.getrandbits(128), version=4)) for _ in range(self.n)]

    def seq(self, start: int, step: tuple[int, int] = (1, 1), fmt: str = "{}") -> list[str]:
        out, value = [], start
        for _ in range(self.n):
            out.append(fmt.format(value))
            value += self.rng.randint(*step)
        return out

    def pick(self, choices: list[Any], weights: list[float] | None = None) -> list[Any]:
        return self.rng.choices(choices, weights=weights, k=self.n)

    def money(self, low: float, high: float, blank: float = 0.0) -> list[float | None]:
        return [None if self.rng.random() < blank else round(self.rng.uniform(low, high), 2) for _ in range(self.n)]


def fakers(seed: int) -> dict[str, Faker]:
    out = {}
    for i, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(seed + i)
        out[locale[:2]] = fake
    return out


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    fake = fakers(seed)
    lines: list[dict[str, Any]] = []
    for build in TABLES_A + TABLES_B + TABLES_C:
        table = Table("r15_" + build.__name__.removeprefix("t_"), rng, phi=getattr(build, "phi", False))
        build(table, fake)
        lines.extend(table.columns)
    return lines


def write(path: Path, seed: int = SEED) -> int:
    lines = generate(seed)
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path(__file__).with_name("heldout.jsonl")
    print(f"{write(out)} columns -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
