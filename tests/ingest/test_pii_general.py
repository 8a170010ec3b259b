"""Rules read from round 10's misses, in general form, checked on headers and values round 10 does not have:
letters NFKD drops, head-first "name of <person>" and "<number> <id>", run-together "<word>nr"/"<role>ids",
companies' tax ids, business lines, a street with its number, postal codes named short or kept as an address,
lists of people and of handles, pay per day or week, coding systems and vaccines, short notes with phones."""

from __future__ import annotations

import pyarrow as pa
import pytest

from lakehouse.ingest.pii import detect_pii, match_name
from lakehouse.ingest.pii.groups import is_house_number
from lakehouse.ingest.pii.names import tokenize
from lakehouse.ingest.pii.national import is_company_tax_id, is_national_id
from lakehouse.ingest.pii.people import is_handle_list, is_person_list


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Anne Adı", "person_name"), ("nombre_de_la_madre", "person_name"), ("nome_do_pai", "person_name"),
        ("nom_du_conjoint", "person_name"), ("name_of_guardian", "person_name"), ("nama_ayah", "person_name"),
        ("pen_name", "person_name"), ("telnr", "phone"), ("kontonr", "bank_account"), ("no_paspor", "passport"),
        ("no_telp", "phone"), ("tgl_lahir_anak", "date_of_birth"), ("e-mailadres", "email"), ("salaris", "salary"),
        ("vacuna", "medical"), ("impfstoff", "medical"), ("snomed_code", "medical"), ("loinc", "medical"),
        ("weekly_rate", "salary"), ("day_rate", "salary"), ("tagessatz", "salary"), ("Datum rođenja", "date_of_birth"),
        ("Straße und Hausnummer", "address"), ("calle_y_numero", "address"), ("reviewer_ids", "username"),
        # health words of other languages (name_words_health.py) and more European and South Asian words
        ("golongan_darah", "medical"), ("Blutdruck", "medical"), ("diagnosa", "medical"), ("alerji", "medical"),
        ("Behandlung", "medical"), ("rekam_medis", "medical"), ("Anamnese", "medical"), ("hasta_adi", "person_name"),
        ("izena", "person_name"), ("data de naixement", "date_of_birth"), ("datelindja", "date_of_birth"),
        ("helbidea", "address"), ("poskode", "postal_code"), ("gimimo data", "date_of_birth"),
        ("pitar_nam", "person_name"), ("home_landline", "phone"), ("Festnetz", "phone"), ("whatsapp", "phone"),
        ("ehr_id", "medical"),
    ],
)
def test_general_headers(name: str, category: str) -> None:
    hint = match_name(name)
    assert hint is not None and hint.category == category, (name, tokenize(name), hint)


@pytest.mark.parametrize(
    "name", ["name_of_the_company", "nombre_de_la_empresa_old", "nightly_rate", "no_email", "num_phones", "valid",
             "street_number", "customer_id", "stage_id", "number_of_passports", "valido_hasta", "receta",
             "kelompok_tani", "epos_terminal", "tarik_tunai"],
)
def test_general_look_alikes(name: str) -> None:
    hint = match_name(name)
    assert hint is None or (hint.category == "person_name" and hint.weak), (name, hint)


def test_letters_without_a_decomposition_are_read() -> None:
    assert tokenize("Adı Soyadı") == tokenize("adi soyadi")
    assert tokenize("Właściciel") == ("wlasciciel",)  # not "wasciciel"
    assert tokenize("Fødselsdato")[0] == "birth"


def test_company_tax_ids_are_not_a_persons() -> None:
    assert is_company_tax_id("PAN0911038T7")  # a Mexican company's RFC: 12 characters
    assert not is_company_tax_id("GODE561231GR8") and is_national_id("GODE561231GR8")  # a person's: 13
    assert is_company_tax_id("11.222.333/0001-81")  # a Brazilian CNPJ
    assert not is_national_id("ABCCD1234E") and is_national_id("ABCPD1234E")  # PAN: P is a person
    table = pa.table({"Issuer RFC": ["PAN0911038T7", "CMO1405229H1", "GHI010203AB1", "MEX850101AAA"] * 8})
    assert "Issuer RFC" not in detect_pii(table)


def test_business_lines_by_their_header() -> None:
    phones = ["+49 30 901820", "+49 89 233 00", "+44 20 7946 0018", "+1 212 555 0100", "+33 1 42 76 40 40"] * 6
    found = detect_pii(pa.table({"support_hotline": phones, "garage_tel": phones, "helpline": phones,
                                 "home_tel": phones}))
    assert set(found) == {"home_tel"}


def test_a_street_with_its_number_and_short_postal_names() -> None:
    streets = ["Via Roma 12", "Corso Italia 4b", "Via Garibaldi 118", "Piazza Dante 3", "Via Verdi 27"] * 6
    table = pa.table({"Strada e numero civico": streets, "CAP": ["00184", "20121", "10121", "50122", "40121"] * 6,
                      "Comune": ["Roma", "Milano", "Torino", "Firenze", "Bologna"] * 6})
    found = detect_pii(table)
    assert found["Strada e numero civico"].category == "address_part"  # a street line beside its town and CAP
    assert found["CAP"].category == "postal_code" and found["Comune"].category == "address_part"
    alone = detect_pii(pa.table({"CAP": ["00184", "20121", "10121", "50122", "40121"] * 6}))
    assert "CAP" not in alone  # a short name reads as a postal code only beside a street


def test_an_address_column_of_postal_codes_is_a_postal_code() -> None:
    found = detect_pii(pa.table({"home_address": ["01067", "80331", "20095", "50667", "70173"] * 6}))
    assert found["home_address"].category == "postal_code"
    assert "home_address" not in detect_pii(pa.table({"home_address": ["12", "4", "7", "19", "3"] * 6}))


def test_house_numbers_with_suffixes() -> None:
    assert all(map(is_house_number, ["9 bis", "180 bis", "236-A", "12 ter", "4a", "7-9"]))
    assert not is_house_number("A-236-B")


def test_lists_of_people_and_of_handles() -> None:
    assert is_person_list("Maria Lopez, John Smith, Anna Schmidt")
    assert is_person_list("Maria Lopez and John Smith")
    assert not is_person_list("Lopez, Maria") and not is_person_list("red, green, blue")
    assert is_handle_list("~Jane_Doe1, ~John_Smith2") and not is_handle_list("jdoe")
    table = pa.table({"speakers": ["Maria Lopez, John Smith", "Anna Schmidt, Peter Meyer, Laura Rossi"] * 15})
    assert detect_pii(table)["speakers"].category == "person_name"


def test_an_actors_id_is_a_username_only_when_the_values_are_handles() -> None:
    handles = [f"{n}{i}" for i, n in enumerate(["jdoe", "asmith", "mrossi", "kwong", "lgarcia", "pmeyer"] * 5)]
    assert detect_pii(pa.table({"reviewer_id": handles}))["reviewer_id"].category == "username"
    assert "reviewer_id" not in detect_pii(pa.table({"reviewer_id": list(range(1000, 1030))}))
    assert "captain_id" not in detect_pii(pa.table({"captain_id": ["AEH", "EBG", "DGH", "FCE", "GAG"] * 6}))


def test_short_notes_are_scanned_for_phones() -> None:
    notes = ["paid", "call back +44 7700 900123", "moved away", "ring +49 1512 3456789", "ok thanks"] * 6
    found = detect_pii(pa.table({"remarks": notes}))
    assert found.text["remarks"].kinds == ("phone",)
