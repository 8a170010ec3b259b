"""Rules read from round 14's mistakes, in general form, checked on headers and values round 14 does not have:
run-together SSN abbreviations of fixed-width headers, dotted initials read as one word, the particle of a Dutch
surname and the kana reading of a Japanese name as person names, mailboxes (``Name <email>``) as emails, and a
shop's or supplier's mailbox as no one's."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from lakehouse.ingest.pii import detect_pii, match_name
from lakehouse.ingest.pii.names import tokenize

N = 40
rng = random.Random(1414)


def flagged(**columns: list[object]) -> dict[str, str]:
    return {k: f.category for k, f in detect_pii(pa.table(columns)).items()}


def ssns() -> list[str]:
    return [f"{rng.randint(100, 665)}{rng.randint(10, 99)}{rng.randint(1000, 9999)}" for _ in range(N)]


@pytest.mark.parametrize("header", ["SSNUM", "SSNBR", "SS#", "SS No.", "EMP_SSNO"])
def test_run_together_ssn_abbreviations(header: str) -> None:
    assert flagged(**{header: ssns()}) == {header: "ssn"}


def test_dotted_initials_are_one_word() -> None:
    assert tokenize("N.I.F.") == ("nif",) and tokenize("D. N. I.") == ("dni",)
    streets = [f"Calle {rng.choice(['Hidalgo', 'Juárez', 'Morelos'])} {rng.randint(1, 900)}" for _ in range(N)]
    zips = [f"{rng.randint(1000, 99999):05d}" for _ in range(N)]
    found = flagged(**{"Domicilio": streets, "C. P.": zips})
    assert found["C. P."] == "postal_code"


def test_a_surname_particle_and_a_kana_reading_are_names() -> None:
    for header in ("tussenvoegsel", "Tussenvoegsel", "voorvoegsel"):
        hint = match_name(header)
        assert hint is not None and hint.category == "person_name", header
    particles = [rng.choice(["van", "de", "van der", "den", None, None, "ter"]) for _ in range(N)]
    surnames = [rng.choice(["Jansen", "Berg", "Dijk", "Vries", "Leeuw"]) for _ in range(N)]
    assert flagged(Tussenvoegsel=particles, Achternaam=surnames) == {
        "Tussenvoegsel": "person_name", "Achternaam": "person_name"}
    kana = [rng.choice(["ヤマダ タロウ", "スズキ ハナコ", "タナカ イチロウ", "サトウ ユイ"]) for _ in range(N)]
    for header in ("ふりがな", "ヨミガナ", "カナ", "氏名（カナ）"):
        assert flagged(**{header: kana}) == {header: "person_name"}, header


def test_mailboxes_are_emails_and_a_business_mailbox_is_no_ones() -> None:
    people = ["Ana Souza", "Li Wei", "John Smith", "Fatima Khan", "Olga Ivanova"]
    boxes = [f"{p} <{p.split()[0].lower()}.{i}@example.org>" for i, p in enumerate(rng.choices(people, k=N))]
    assert flagged(submitted_by=boxes, customer=boxes, email=boxes) == {
        "submitted_by": "email", "customer": "email", "email": "email"}
    shops = [f"{rng.choice(['orders', 'sales', 'info'])}@{rng.choice(['acme', 'globex'])}.example" for _ in range(N)]
    assert flagged(vendor_email=shops, branch_contact_email=shops) == {}
    staff = [f"{p.split()[0].lower()}{i}@example.org" for i, p in enumerate(rng.choices(people, k=N))]
    assert flagged(company_email=staff, business_email=staff) == {
        "company_email": "email", "business_email": "email"}  # an employee's work address is still theirs
