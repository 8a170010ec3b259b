"""Round 17's mistakes in general form: headers and values round 17 does not have."""

from __future__ import annotations

import pyarrow as pa

from lakehouse.ingest.pii import detect_pii
from lakehouse.ingest.pii.dates import is_written_date
from lakehouse.ingest.pii.phones import is_phone
from lakehouse.ingest.pii.validators import is_birth_date


def test_dates_written_with_separators_are_not_phones() -> None:
    assert is_written_date("11/30/2024") and is_written_date("30.11.2024") and is_written_date("2024-11-30")
    assert not is_written_date("13/13/2024") and not is_written_date("030/1234567")
    assert not is_phone("03/14/2026") and is_phone("030/1234567") and is_phone("0161 496 0018")
    days = [f"{m:02d}/{d:02d}/2026" for m in range(1, 13) for d in (3, 11, 19, 27)]
    found = detect_pii(pa.table({"check_in": days, "nights": [1 + i % 5 for i in range(len(days))]}))
    assert "check_in" not in found


def test_a_birth_date_kept_at_midnight_in_a_datetime_column_is_a_birth_date() -> None:
    assert is_birth_date("1961-02-17 00:00:00") and is_birth_date("02/17/1961 00:00") and is_birth_date(
        "1961-02-17T00:00:00Z")
    assert not is_birth_date("02/17/1961 14:32:00")  # an event's time, not a date kept in a datetime
    found = detect_pii(pa.table({"PT_DOB_DTTM": [f"0{1 + i % 9}/1{i % 9}/19{50 + i} 00:00:00" for i in range(30)]}))
    assert found["PT_DOB_DTTM"].category == "date_of_birth"


def test_header_words_of_round_17_in_general_form() -> None:
    from lakehouse.ingest.pii.names import match_name

    def category(name: str) -> str | None:
        hint = match_name(name)
        return hint.category if hint else None

    assert category("patient_reasonforvisit") == "medical" and category("dateofbirth") == "date_of_birth"
    assert category("pax_ppt_nbr") == "passport" and category("numero_de_secu") == "national_id"
    assert category("Personalausweisnummer") == "national_id"
    assert category("Personalnr") is None and category("personnummer") == "national_id"  # staff vs the Nordic id
    assert category("numero_llamante") == "phone" and category("NUMERO_ORIGEN") == "phone"
    assert category("linkedin_url") == "username" and category("Mieter") == "person_name"


def test_a_tenant_in_other_languages_and_a_profile_url_are_a_person_s() -> None:
    from lakehouse.ingest.pii.people import is_username

    assert is_username("https://www.linkedin.com/in/jane-doe-4b2a1/") and is_username("github.com/octocat")
    assert not is_username("https://example.com/in/jane")
    names = ["Müller, Anna", "Schmidt, Jonas", "Weber, Lea", "Fischer, Paul", "Wagner, Mia", "Becker, Emil"] * 3
    found = detect_pii(pa.table({"Mieter": names, "Kaltmiete": [700 + 10 * i for i in range(18)]}))
    assert found["Mieter"].category == "person_name"
    urls = [f"linkedin.com/in/{n.split(',')[0].lower()}{i}" for i, n in enumerate(names)]
    assert detect_pii(pa.table({"LinkedIn Profile": urls}))["LinkedIn Profile"].category == "username"


def test_address_regions_and_identity_documents_in_other_languages() -> None:
    from lakehouse.ingest.pii.context import document_kind
    from lakehouse.ingest.pii.names import quasi_part

    assert quasi_part("billing_state") == ("address", "region") and quasi_part("Provinz") == ("address", "region")
    assert quasi_part("workflow_state") is None and quasi_part("sales_region") is None
    assert quasi_part("Localidad (entrega)") == ("address", "city")
    assert document_kind("Führerschein") == "driver_license" and document_kind("Dowód osobisty") == "national_id"
    assert document_kind("Passaporte") == "passport" and document_kind("Carta d'identità") == "national_id"
    streets = [f"Calle Mayor {i}" for i in range(1, 21)]
    table = pa.table({"Dirección": streets, "CP": [f"{28001 + i}" for i in range(20)],
                      "Ciudad": ["Madrid", "Getafe", "Alcalá de Henares", "Móstoles"] * 5,
                      "Provincia": ["Madrid", "Toledo", "Guadalajara", "Segovia"] * 5})
    assert detect_pii(table)["Provincia"].category == "address_part"


def _accounts(first: str, person: str) -> pa.Table:
    n = 12
    return pa.table({
        first: [f"A-{1000 + i}" for i in range(n)],
        "Company": [f"Acme {i} Ltd" for i in range(n)],
        person: ["Jane Smith", "Omar Haddad", "Li Wei", "Maria Garcia"] * 3,
        "BillingStreet": [f"{10 + i} High Street" for i in range(n)],
        "BillingCity": ["Leeds", "York", "Bath", "Hull"] * 3,
        "BillingPostalCode": ["LS1 4AP", "YO1 7HH", "BA1 1LZ", "HU1 2AA"] * 3,
        "Phone": ["0113 496 0000", "01904 496 000", "01225 496 000", "01482 496 000"] * 3,
        "Email": [f"info@acme{i}.co.uk" for i in range(n)],
        "Website": [f"https://acme{i}.co.uk" for i in range(n)],
        "NumberOfEmployees": [10 * (i + 1) for i in range(n)],
    })


def test_an_organisation_s_own_contact_points_in_an_accounts_table_are_not_a_person_s() -> None:
    found = detect_pii(_accounts("AccountNumber", "PrimaryContactName"))
    assert found["PrimaryContactName"].category == "person_name"
    assert not {"BillingStreet", "BillingCity", "BillingPostalCode", "Phone", "Email"} & set(found)
    # a lead (its first column keys no account) or a row naming a person as its subject stays flagged
    for first, person in (("LeadId", "PrimaryContactName"), ("AccountNumber", "Full Name")):
        found = detect_pii(_accounts(first, person))
        assert {"Phone", "Email"} <= set(found), (first, person)


def test_a_column_of_mailboxes_is_not_prose() -> None:
    boxes = ["Billing Team <billing@example.com>", "Support Desk <help@example.com>"] * 10
    found = detect_pii(pa.table({"Sender": boxes}))
    assert "Sender" not in found.text  # a column of mailboxes is judged as one column, not read as prose
    notes = [f"Team asked to reply to {b} by Friday" for b in boxes]
    assert found is not None and "note" in detect_pii(pa.table({"note": notes})).text
