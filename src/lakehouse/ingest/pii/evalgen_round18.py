"""Round-18 held-out tables: customer, address and person-identity exports, dirty as real systems write them.

Written by an author who never read the detector, its word lists, its tests, the development set or any
other held-out round's tables; only the JSONL format and scoring rules (evaluation.py), evalgen_round16.py
(its docstring's label conventions and table builder) with its value makers (evalgen_round16_values.py and
evalgen_round11_values.py), and the category/kind table of docs/pii.md were read. The detector was not run
on this set.

Systems no earlier round used: a Mailchimp audience export, Intercom users (dotted JSON paths), Pipedrive
persons ("Person - Email - Work" headers), a ServiceNow ``sys_user`` table, Jira Service Management
customers, Eventbrite attendees, QuickBooks customers, Square POS transactions, Strava activities, an ADP
Workforce Now census (ALL-CAPS), Amazon seller-central orders (kebab-case), Uber driver onboarding, Deel
contractors, FEC itemized receipts, county court dockets, UK council parking PCNs, a clinical-trial screening
log, and in their own languages a German CleverReach recipient list, a French commune's electoral list, a
Spanish car-rental booking table, a Polish library's readers, a Brazilian power utility's billing, a Dutch
volunteer roster and an Italian university's enrolments.

Label conventions: round 16's, unchanged. Judgement calls made here: a US state beside street/city/ZIP
columns is left unlabelled (as a country is); an IP-geolocated region, town or lat/long is not labelled;
employee, student, voter-register and library-card numbers have no category and are left unlabelled; a
birthplace town is not labelled; three subject initials in a trial log are not a name; a Spanish driving
licence column is ``driver_license`` though its value is the holder's DNI; a relay buyer email
(marketplace.amazon.com) is ``email``; a contractor's hourly rate is ``salary``; an HbA1c value and a
screen-fail reason are ``medical``; a criminal charge has no category. Free-text columns carry
``contains`` and no label; their prose never names a person. Deterministic: one seeded ``random.Random``
and seeded Faker instances.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from lakehouse.ingest.pii.evalgen_round16_values import build_tables
from lakehouse.ingest.pii.evalgen_round18_tables_a import TABLES_A
from lakehouse.ingest.pii.evalgen_round18_tables_b import TABLES_B
from lakehouse.ingest.pii.evalgen_round18_tables_c import TABLES_C

SEED = 1812_2026
LOCALES = {"us": "en_US", "gb": "en_GB", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "pl": "pl_PL", "br": "pt_BR",
           "nl": "nl_NL", "it": "it_IT"}


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    return build_tables(TABLES_A + TABLES_B + TABLES_C, LOCALES, seed)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path(__file__).with_name("heldout_round18.jsonl")
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in generate())
    out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines())} columns to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
