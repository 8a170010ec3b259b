"""Round-16 held-out tables, now development data (in evalset.jsonl through evalgen.py, split "dev"). Scored
once, on the same detector as round 15: category exact precision 0.946, recall 0.897 (flagged at all the same);
its mistakes were then read, so it no longer measures anything (round 15 stays the held-out set).

Round 16: what a mid-size company's data team loads into a lakehouse.

Written by an author who never read the detector, its word lists, its tests, the development set or any
other held-out round's tables; only the JSONL format and scoring rules (evaluation.py), evalgen_round11.py
(its docstring's label conventions and table builder) with its value makers (evalgen_round11_values.py), and
the category/kind table of docs/pii.md were read. The detector was not run on this set.

Scenario: customer, address and person-identity data with dirty values, from the source systems such a
team actually has: an SAP customer master (German short names), an AP vendor master, Stripe subscriptions
(dotted JSON paths), a contact-centre interaction log, Dutch field-service work orders, a UK supermarket
loyalty programme, coupon redemptions, a French medical practice's appointment book, a Brazilian pharmacy's
dispensing log, a Swedish dentist's patient register, legacy mainframe insurance claims (ALL-CAPS short
names), Mexican personal-loan applications, German bank statement lines, a German payroll extract, an LMS
enrolment export, GDS travel bookings, a Turkish gym's members, food-delivery orders, an Italian
municipality's service desk, a UK charity's gifts (spaced headers with units), a marketing CDP (``c_``/``x_``
prefixes), an Okta user export and a legacy WMS stock table (``tbl_`` prefix). Headers are English in
CamelCase, snake_case, dotted paths, abbreviations and ALL-CAPS, and for about a third of the tables German,
Dutch, French, Portuguese, Swedish, Spanish, Turkish or Italian. Values are dirty: blanks and null markers
(``N/A``, ``NULL``, ``-``, ``onbekend``, ``NAO INFORMADO``), names upper/lower-cased or with stray spaces,
phones in each country's several ways, ids with and without separators.

Label conventions (those of evalgen_round11.py): a column is labelled by what its values say about a
person. A company's name, address, switchboard, generic inbox and EIN are negatives; so are a business's
own hotline numbers, a restaurant's address, the last four digits of a card, a masked PAN, policy numbers,
VINs, loyalty card numbers, a prescriber's registration (no category in docs/pii.md; noted), a country and
a town on its own. A street line, house number or town beside other address columns is ``address_part``
and the postcode ``postal_code``; one column holding a whole address is ``address``. A named contact
person, an agent, a technician or a practitioner is ``person_name``, first and last name columns each
``person_name``. A person's tax or citizen number (CPF, CURP, Steuer-ID, SV-Nummer, personnummer, TC
kimlik, codice fiscale) is ``national_id``; ``ssn`` is a US SSN. An applicant's monthly income and a gross
pay are ``salary``; a CLABE account is ``bank_account``; an account holder's IBAN is ``iban``. A patient
record number, a health-insurance member number, a reason for visit, a treatment, a medicine and its dosage
are ``medical``. A login that is an email address is ``email``; other logins are ``username``. Every PII
column of a table holding health data about people is kind PHI. Free-text columns carry ``contains`` (the
kinds in their prose, named by category) and no column label; their prose never names a person.
Deterministic: one seeded ``random.Random`` and seeded Faker instances.
"""

from __future__ import annotations

from typing import Any

from lakehouse.ingest.pii.evalgen_round16_tables_a import TABLES_A
from lakehouse.ingest.pii.evalgen_round16_tables_b import TABLES_B
from lakehouse.ingest.pii.evalgen_round16_tables_c import TABLES_C
from lakehouse.ingest.pii.evalgen_round16_values import build_tables

SEED = 1612_2026
LOCALES = {"de": "de_DE", "us": "en_US", "gb": "en_GB", "nl": "nl_NL", "fr": "fr_FR", "br": "pt_BR", "se": "sv_SE",
           "mx": "es_MX", "tr": "tr_TR", "it": "it_IT"}


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    return build_tables(TABLES_A + TABLES_B + TABLES_C, LOCALES, seed)


def round16_tables(seed: int = SEED) -> list[dict[str, Any]]:
    return [{**line, "split": "dev"} for line in generate(seed)]
