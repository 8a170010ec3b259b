"""Readings added after round 5 of the held-out evaluation: vCard headers, a patient's ``pt``, the head of a
compound header, actors written as logins, house names, identity documents beside their type, and health
record numbers in a table with health data."""

from __future__ import annotations

import pyarrow as pa
import pytest

from lakehouse.ingest.pii import detect_pii
from lakehouse.ingest.pii.context import document_kind
from lakehouse.ingest.pii.names import match_name, next_hint, quasi_part, tokenize
from lakehouse.ingest.pii.people import is_known_person_name, is_login_handle

N = 30
GIVEN = ["Maria", "John", "Anna", "Peter", "Laura", "David"]
FAMILY = ["Okonkwo", "Vasquez-Thorne", "Quillfeather", "Brannagh", "Moltisanti", "Harrowgate"]


def _table(**cols: list[object]) -> pa.Table:
    return pa.table({k: pa.array(v) for k, v in cols.items()})


@pytest.mark.parametrize(("name", "tokens"), [
    ("TEL;TYPE=CELL", ("tel",)), ("ADR;TYPE=HOME,PREF", ("address",)), ("pt_last", ("patient", "last")),
    ("PtDOB", ("patient", "dob")), ("pt_size", ("pt", "size")), ("half_pt", ("half", "pt")),
])
def test_header_reading(name: str, tokens: tuple[str, ...]) -> None:
    assert tokenize(name) == tokens


def test_the_words_after_a_contradicted_reading_are_read_next() -> None:
    hint, after = match_name("Default Address Zip"), next_hint("Default Address Zip")
    assert hint is not None and hint.category == "address"
    assert after is not None and after.category == "postal_code"
    found = detect_pii(_table(**{"Default Address Zip": [f"{10000 + 37 * i:05d}" for i in range(N)]}))
    assert found["Default Address Zip"].category == "postal_code"
    # the first reading stands when the values agree with it
    found = detect_pii(_table(**{"Default Address Zip": [f"{i + 1} Elm Street" for i in range(N)]}))
    assert found["Default Address Zip"].category == "address"


def test_actors_as_logins_and_not_sort_keys() -> None:
    assert match_name("sort_by") is None and match_name("group_by") is None
    logins = [f"{g.lower()}{i}" for i, g in enumerate(GIVEN * 5)]
    assignees = [f"{g[0].lower()}.{f.lower()}" for g in GIVEN for f in FAMILY][:N]
    found = detect_pii(_table(triggered_by=logins, assignee=assignees))
    assert found["triggered_by"].category == "username" and found["assignee"].category == "username"
    codes = detect_pii(_table(created_by=[f"EMP-{i:04d}" for i in range(N)], customer=[f"c{i}x" for i in range(N)],
                              sorted_by=["price", "date"] * (N // 2)))
    assert not codes, codes
    assert is_login_handle("DOMAIN\\jdoe") and not is_login_handle("runner-4") and not is_login_handle("C123")


def test_a_name_part_after_a_person_needs_only_name_shaped_values() -> None:
    found = detect_pii(_table(pt_first=GIVEN * 5, pt_last=FAMILY * 5, pt_size=["S", "M", "L"] * 10))
    assert found["pt_last"].category == "person_name" and found["pt_last"].kind == "PHI"
    assert "pt_size" not in found


def test_vcard_structured_names_are_read_given_name_first() -> None:
    assert is_known_person_name("Okonkwo;Maria;;;") and not is_known_person_name("a;b;c;d;e;f")
    found = detect_pii(_table(N=[f"{f};{g};;;" for g, f in zip(GIVEN * 5, FAMILY * 5, strict=True)]))
    assert found["N"].category == "person_name"


def test_a_house_number_or_name_beside_a_postcode_is_an_address_part() -> None:
    assert quasi_part("donor_house") == ("address", "house") and quasi_part("in_house") is None
    houses = [str(i + 1) if i % 3 else "Rose Cottage" for i in range(N)]
    found = detect_pii(_table(donor_house=houses, donor_postcode=["OX1 2JD", "EH8 9YL", "BS1 5TR"] * 10))
    assert found["donor_house"].category == "address_part"
    assert "donor_house" not in detect_pii(_table(donor_house=houses))  # alone it identifies nobody
    assert "publishing_house" not in detect_pii(_table(publishing_house=["Penguin", "Faber"] * 15,
                                                       zip=["OX1 2JD", "EH8 9YL", "BS1 5TR"] * 10))


def test_an_identity_document_number_takes_the_kind_named_beside_it() -> None:
    assert document_kind("DL") == "driver_license" and document_kind("Passport") == "passport"
    assert document_kind("State ID") == "national_id" and document_kind("utility bill") is None
    numbers = [f"K{1000000 + 7919 * i}" for i in range(N)]
    found = detect_pii(_table(id_type=["DL", "DL", "Passport"] * 10, id_number=numbers))
    assert found["id_number"].category == "driver_license"
    found = detect_pii(_table(id_type=["passport", "passport", "State ID"] * 10, id_number=numbers))
    assert found["id_number"].category == "passport"
    assert "id_number" not in detect_pii(_table(id_type=["gold", "silver", "bronze"] * 10, id_number=numbers))


def test_record_and_plan_numbers_only_in_a_table_with_health_data() -> None:
    members = [f"A{100000000 + 7919 * i}" for i in range(N)]
    charts = [f"DX{100000 + 37 * i}" for i in range(N)]
    found = detect_pii(_table(member_id=members, chart_no=charts,
                              allergies=["Penicillin", "Latex", "NKDA"] * 10))
    assert found["member_id"].category == "medical" and found["chart_no"].category == "medical"
    assert not detect_pii(_table(member_id=members, chart_no=charts, plan=["gold", "silver", "basic"] * 10))


@pytest.mark.parametrize(("name", "category"), [
    ("Date of birth (MM/DD/YYYY)", "date_of_birth"), ("Tax ID (SSN)", "ssn"), ("Reason for today's visit", "medical"),
    ("Geburtstag", "date_of_birth"), ("Logradouro", "address"), ("Provisional licence no", "driver_license"),
    ("calling_party", "phone"), ("What is your full legal name?", "person_name"),
    ("store_phone", None), ("branch_zip", None), ("How did you hear about us?", None), ("Order #", None),
])
def test_question_headers_format_hints_and_brackets(name: str, category: str | None) -> None:
    hint = match_name(name)
    assert (hint.category if hint else None) == category, hint


def test_round6_value_shapes() -> None:
    from lakehouse.ingest.pii.groups import is_house_number
    from lakehouse.ingest.pii.phones import is_phone
    from lakehouse.ingest.pii.validators import is_dvla_licence, is_postal_code

    assert is_dvla_licence("MORGA753116SM9IJ") and not is_dvla_licence("MORGA713116SM9IJ")  # month 13
    assert is_postal_code("VLT 1234") and is_postal_code("A65 F4E2") and not is_postal_code("hello")
    assert is_phone("41791234567") and not is_phone("0123")
    assert is_house_number("s/n") and quasi_part("Hausnr.") == ("address", "number")
    assert is_known_person_name("Maria Okonkwo (wife)")


def test_a_shops_address_and_phone_are_not_personal() -> None:
    streets = [f"{i + 1} Hauptstraße" for i in range(N)]
    phones = [f"+49 30 {1234500 + i}" for i in range(N)]
    found = detect_pii(_table(store_id=list(range(N)), street=streets, postcode=["10115", "80331", "50667"] * 10,
                              city=["Berlin", "München", "Köln"] * 10, store_phone=phones,
                              manager=[f"{g} {f}" for g in GIVEN for f in FAMILY][:N]))
    assert set(found) == {"manager"}, found
    found = detect_pii(_table(customer_id=list(range(N)), street=streets, postcode=["10115", "80331", "50667"] * 10,
                              phone=phones))
    assert {"street", "postcode", "phone"} <= set(found)  # a customer's are
