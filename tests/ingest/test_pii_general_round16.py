"""Rules read from round 16's mistakes, in general form, checked on headers and values round 16 does not have:
telephony's caller and dialled numbers, an employer's tax id, accounts payable's contact points, health and pay
words of other languages, what a visit was for in a patients' table, gross pay in a payroll and GDS name
elements."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from lakehouse.ingest.pii import detect_pii, match_name
from lakehouse.ingest.pii.names import tokenize
from lakehouse.ingest.pii.people import is_known_person_name

N = 40
rng = random.Random(1616)
FIRST = ["Laura", "Peter", "Anna", "Marco", "Sofia", "Jonas", "Clara", "David", "Emma", "Lucas"]
LAST = ["Schmidt", "Rossi", "Dubois", "Garcia", "Jensen", "Novak", "Silva", "Meyer", "Moreau", "Lindqvist"]


def flagged(**columns: list[object]) -> dict[str, str]:
    return {k: f.category for k, f in detect_pii(pa.table(columns)).items()}


def us_phones() -> list[str]:
    return [f"+1 {rng.choice(['212', '415', '617', '312'])}-{rng.randint(201, 989)}-{rng.randint(1000, 9999)}"
            for _ in range(N)]


def names() -> list[str]:
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(N)]


@pytest.mark.parametrize("header", ["caller_ani", "ANI_NUMBER", "CLID"])
def test_the_callers_number_is_a_phone(header: str) -> None:
    assert flagged(**{header: us_phones()}) == {header: "phone"}


def test_the_dialled_number_and_an_ein_are_the_business() -> None:
    assert match_name("dnis_number") is None and match_name("DNIS") is None
    assert match_name("employer_fein") is None and match_name("tax_id_ein") is None
    assert match_name("dni_cliente") is not None  # a Spanish DNI stays a national id


def test_accounts_payable_contact_points_are_a_firms() -> None:
    mailboxes = [f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}@example.org" for _ in range(N)]
    assert flagged(ar_contact_email=mailboxes, remittance_email=mailboxes) == {}
    assert flagged(contact_email=mailboxes) == {"contact_email": "email"}


def test_a_non_person_qualifier_before_full_name() -> None:
    assert match_name("product_full_name") is None and match_name("team_fullname") is None
    assert match_name("customer_full_name") is not None


@pytest.mark.parametrize(("header", "category"), [
    ("posologie", "medical"), ("Dosierung", "medical"), ("dosificacion", "medical"), ("behandling", "medical"),
    ("sjukdom", "medical"), ("läkemedel", "medical"), ("motivo_de_consulta", "medical"),
    ("motif de la consultation", "medical"), ("Besuchsgrund", "medical"),
    ("renda_mensal", "salary"), ("Einkommen", "salary"), ("revenu annuel", "salary"), ("reddito", "salary"),
])
def test_health_and_pay_words_of_other_languages(header: str, category: str) -> None:
    hint = match_name(header)
    assert hint is not None and hint.category == category, hint


def test_a_joining_date_is_not_income() -> None:
    assert match_name("fecha_ingreso") is None and match_name("fecha_de_ingreso") is None


def test_numero_sign_reads_number() -> None:
    assert tokenize("N° téléphone")[0] == "number" and tokenize("Nº cliente") == ("number", "customer")
    assert tokenize("Temp (°C)") == ("temp", "c")


def test_what_a_visit_was_for_in_a_patients_table() -> None:
    reasons = [rng.choice(["Contrôle annuel", "Vaccination grippe", "Douleur thoracique", "Renouvellement"])
               for _ in range(N)]
    found = flagged(nom_du_patient=names(), motif=reasons)
    assert found == {"nom_du_patient": "person_name", "motif": "medical"}
    assert flagged(nom_client=names(), motif=reasons) == {"nom_client": "person_name"}  # not a patients' table
    cancelled = flagged(patient_name=names(), cancellation_reason=reasons)
    assert "cancellation_reason" not in cancelled


def test_a_health_insurers_member_number_beside_health_data() -> None:
    members = [f"{rng.randint(10**8, 10**9 - 1)}" for _ in range(N)]
    found = flagged(nombre=names(), diagnostico=[rng.choice(["Asma", "Gripe", "Otitis"]) for _ in range(N)],
                    **{"Nº afiliado mutua": members})
    assert found["Nº afiliado mutua"] == "medical"


def test_gross_pay_in_a_payroll() -> None:
    gross = [round(rng.uniform(2200, 7800), 2) for _ in range(N)]
    ssns = [f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}" for _ in range(N)]
    assert flagged(employee=names(), ssn=ssns, gross=gross)["gross"] == "salary"
    assert "gross" not in flagged(customer=names(), gross=gross)  # an invoice's gross, no one's pay


def test_gds_name_elements() -> None:
    assert is_known_person_name("LINDQVIST/EMMA MRS") and is_known_person_name("ROSSI/MARCO MSTR")
    assert not is_known_person_name("Sales/Marketing")
    pax = [f"{rng.choice(LAST).upper()}/{rng.choice(FIRST).upper()} {rng.choice(['MR', 'MS'])}" for _ in range(N)]
    assert flagged(passenger_name=pax) == {"passenger_name": "person_name"}


@pytest.mark.parametrize(("header", "layout"), [("MBR_DOB", "%m%d%Y"), ("birth_dt", "%m%d%Y"),
                                                ("Geb_Datum", "%d%m%Y")])
def test_birth_dates_of_fixed_width_files_without_separators(header: str, layout: str) -> None:
    import datetime as dt

    days = [dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(60 * 365)) for _ in range(N)]
    assert flagged(**{header: [d.strftime(layout) for d in days]}) == {header: "date_of_birth"}
