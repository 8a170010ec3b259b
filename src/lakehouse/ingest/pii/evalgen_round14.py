"""Round-14 held-out tables, now development data (in evalset.jsonl through evalgen.py, split "dev"). Scored
once: category exact precision 0.909, recall 0.896 (flagged at all 0.985 / 0.970); its mistakes were then read,
so the held-out set is round 15.

Round 14: customer, address and person-identity exports with dirty values, as users bring them.

Written by an author who never read the detector (detector.py), any other rule module of this package, its
word lists, its tests, ``evalset.jsonl``/``heldout*.jsonl`` or the other rounds' generators. Read: the JSONL
format and scoring rules (evaluation.py), evalgen_round11.py (its docstring's label conventions, its
``Table``) and evalgen_round11_values.py (value makers, some reused), and the category/kind table of
docs/pii.md (an over-wide grep for table rows also showed that page's score and per-round history tables).
Faker is not installed here, so names, streets and towns are hand-written pools (evalgen_round14_names.py).
The generator was run and its output loaded, but never scored.

Scenario: what a company's own systems export into a lakehouse. Twenty-two tables: a CRM customer export
with CamelCase headers, a legacy customer master with 8-character ALL-CAPS headers, an HR employee master, a
patient intake form, cards on file, support tickets, sign-up events, loyalty members, order lines, a product
catalogue, store locations, account recovery, a KYC identity check, an auto-insurance quote with spaced
headers and units, and eight with headers in other languages (German customer master and HR master, French
e-shop orders, Mexican customers, a Brazilian sign-up, Dutch social-housing tenants, an Italian motor
insurance portfolio, a Japanese member list in kanji/kana headers). Values are dirty as exports are: blanks
and null markers (``NULL``, ``N/A``, ``-``, ``k.A.``, ``onbekend``), names upper- and lower-cased, phones in
several formats in one column, ids with and without separators, stray whitespace and fixed-width padding,
a few malformed cells (``0000000000``, ``00000000`` dates, ZIPs that lost their leading zero). About 40% of
the columns are negatives: order ids, SKUs, amounts, statuses, event timestamps, store and supplier
contacts, counts, product text, a loyalty barcode, licence plates.

Label conventions (round 11's, kept): a column is labelled by what its values say about a person. A
company's phone, address, e-mail (``info@``, ``support@``), IBAN or tax id is a negative, and so is a
store's street, town and postcode. A street, house number, address line 2 or town beside other address
columns is ``address_part``; a one-cell full address is ``address``; a postcode column of people's
addresses is ``postal_code``; a town alone, a state or country code, a birth year alone and the last four
digits of a card are not PII (the last four of an SSN are treated alike: a fragment, left unlabelled with a
note). A person's tax or social-security id of any country other than the US SSN is ``national_id``
(Steuer-ID, RV-Nummer, CURP, a person's RFC, CPF, BSN, codice fiscale); a US SSN is ``ssn``. A
direct-deposit account number is ``bank_account``; a household's income on an insurance quote is
``salary``. A Dutch ``tussenvoegsel`` and a Japanese name's kana reading are ``person_name``.
A date of birth over day/month/year columns is ``date_of_birth_part`` on each; a birthday of day and month
without the year is ``date_of_birth_part`` too. A health-insurance member number is ``medical``. Every PII
column of a table holding health data about people is kind PHI, except the financial categories, which are
``Financial`` (round 11's rule). ``Name <email>`` cells are labelled ``email``. A person named in an
owner/assignee/agent/manager column is ``person_name``; a company's name is not. Free-text columns carry
``contains`` (the kinds inside their prose, by category) and no column label; the prose never names a
person so the kinds are exact. Gender, age, nationality, language, timestamps of events and account
creation dates are not labelled. Deterministic: one seeded ``random.Random``.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from lakehouse.ingest.pii.evalgen_round14_tables_a import TABLES_A
from lakehouse.ingest.pii.evalgen_round14_tables_b import TABLES_B
from lakehouse.ingest.pii.evalgen_round14_tables_c import TABLES_C

SEED = 1414_2026
FINANCIAL = {"credit_card", "card_expiry", "card_security_code", "iban", "bank_account", "salary"}


class Table:
    """Columns of one table, all of ``n`` rows; ``phi`` when the table holds health data about people."""

    def __init__(self, name: str, rng: random.Random, *, phi: bool = False, rows: tuple[int, int] = (40, 60)):
        self.name, self.rng, self.phi = name, rng, phi
        self.n = rng.randint(*rows)
        self.columns: list[dict[str, Any]] = []

    def add(
        self,
        name: str,
        values: list[Any],
        category: str | None = None,
        *,
        type: str | None = None,
        contains: list[str] | None = None,
        note: str = "",
    ) -> None:
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

    def timestamps(self, start: datetime, days: int, blank: float = 0.0, fmt: str = "iso") -> list[str | None]:
        out: list[datetime | None] = []
        for _ in range(self.n):
            moment = start + timedelta(seconds=self.rng.randrange(days * 86400))
            out.append(None if self.rng.random() < blank else moment)
        stamps = sorted(out, key=lambda v: v or datetime.min)
        if fmt == "iso":
            return [m.isoformat() if m else None for m in stamps]
        return [m.strftime(fmt) if m else None for m in stamps]

    def uuids(self) -> list[str]:
        return [str(uuid.UUID(int=self.rng.getrandbits(128), version=4)) for _ in range(self.n)]

    def pick(self, options: tuple | list, weights: tuple | list | None = None) -> list:
        return self.rng.choices(list(options), weights=weights, k=self.n)


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    lines: list[dict[str, Any]] = []
    for build in TABLES_A + TABLES_B + TABLES_C:
        table = Table("r14_" + build.__name__.removeprefix("t_"), rng, phi=getattr(build, "phi", False))
        build(table)
        lines.extend(table.columns)
    return lines


def round14_tables(seed: int = SEED) -> list[dict[str, Any]]:
    return [{**line, "split": "dev"} for line in generate(seed)]
