"""Shapes read after rounds 7 and 8 of the held-out evaluation: titles and couples in name cells, people by
the role they play (visitor, runner, pediatrician), phones under a weak header that are written as phones but
are not valid numbers, a town with its postal code in one column, lab values, a voter id (round 7); Spanish,
Swedish and German headers, month names, half house numbers, service addresses, remarks in brackets,
gamer tags and handles under ``user_id`` (round 8)."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from lakehouse.ingest.pii import detect_pii
from lakehouse.ingest.pii.groups import is_postal_or_place_line
from lakehouse.ingest.pii.people import is_known_person_name
from lakehouse.ingest.pii.phones import is_phone_shaped

rng = random.Random(8)
N = 40
SURNAMES = ["Quigley", "Okafor-Reyes", "Nørgaard", "Threlfall", "Vukovic", "Pennington", "Drummond", "Yardley"]
GIVEN = ["Wilfred", "Beatrix", "Casimir", "Rosalie", "Leopold", "Tamsin", "Florian", "Imogen"]


def flagged(**columns: list[object]) -> dict[str, str]:
    return {name: f.category for name, f in detect_pii(pa.table(columns)).items()}


@pytest.mark.parametrize("value", ["Mr. & Mrs. Sandoval", "Wilfred & Eamon Nørgaard", "Ana and Luis Ortega",
                                   "Dr. Esterhazy", "Mrs Okafor-Reyes", "Dr. Martin Luther King"])
def test_titles_and_couples_are_people(value: str) -> None:
    assert is_known_person_name(value)


@pytest.mark.parametrize("value", ["Procter & Gamble", "Johnson & Johnson", "Marks & Spencer", "Rock and Roll",
                                   "Cottonwood Dr", "Dr. cottonwood", "Mr. Smith & Sons LLC", "Salt & Pepper Co"])
def test_companies_streets_and_phrases_are_not(value: str) -> None:
    assert not is_known_person_name(value)


def test_people_by_their_role_and_title() -> None:
    doctors = [f"Dr. {rng.choice(SURNAMES)}" for _ in range(N)]
    runners = [f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}".upper() for _ in range(N)]
    guests = [rng.choice([f"Mr. & Mrs. {rng.choice(SURNAMES)}", f"{rng.choice(GIVEN)} & {rng.choice(GIVEN)} "
                          f"{rng.choice(SURNAMES)}", f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"]) for _ in range(N)]
    assert flagged(pediatrician=doctors, Runner=runners, Guest=guests, bib=list(range(N))) == {
        "pediatrician": "person_name", "Runner": "person_name", "Guest": "person_name"}
    assert flagged(**{"Visitor Last": [rng.choice(SURNAMES) for _ in range(N)],
                      "Visit Date": [f"2026-01-0{i % 9 + 1}" for i in range(N)]}) == {"Visitor Last": "person_name"}
    # a CI runner's names and a game's players as codes stay unflagged
    assert flagged(runner=[f"runner-{i}" for i in range(N)], player=[f"P{i:03d}" for i in range(N)]) == {}


def test_phones_written_as_phones_under_a_weak_header() -> None:
    written = [rng.choice([f"({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
                           f"{rng.randint(200, 999)}.{rng.randint(200, 999)}.{rng.randint(0, 9999):04d}",
                           f"+1{rng.randint(2000000000, 9999999999)}"]) for _ in range(N)]
    assert all(is_phone_shaped(v) for v in written)
    assert flagged(cell=written) == {"cell": "phone"}
    # a biologist's cells, and bare digit runs, are not phones
    assert flagged(cell=[rng.choice(["HeLa", "A549", "HEK293", "MCF-7"]) for _ in range(N)]) == {}
    assert not is_phone_shaped("2025550143") and not is_phone_shaped("ORD-555-1234")


def test_a_town_with_its_postal_code_is_an_address_part() -> None:
    for line in ("Tulsa, OK 74103", "Boise ID 83702-1234", "75001 Paris", "00-950 Warszawa", "Leeds LS1 4AP"):
        assert is_postal_or_place_line(line), line
    assert not is_postal_or_place_line("Paris")
    streets = [f"{rng.randint(1, 9999)} {rng.choice(['Juniper Ln', 'Old Mill Rd', 'Sycamore St'])}" for _ in range(N)]
    lines = [rng.choice(["Tulsa, OK 74103", "Eugene, OR 97401", "Reno, NV 89501"]) for _ in range(N)]
    assert flagged(**{"Address Line 1": streets, "City/State/Zip": lines}) == {
        "Address Line 1": "address_part", "City/State/Zip": "address_part"}


def test_lab_values_and_screening_reasons_are_health_data() -> None:
    assert flagged(hba1c_pct=[round(rng.uniform(5, 11), 1) for _ in range(N)],
                   screen_fail_reason=[rng.choice(["", "pregnancy", "eGFR < 45"]) for _ in range(N)]) == {
        "hba1c_pct": "medical", "screen_fail_reason": "medical"}


def test_a_voter_id_is_a_national_id_only_when_its_values_are() -> None:
    assert flagged(VoterID=[f"OR{rng.randint(0, 10**9):09d}" for _ in range(N)]) == {}


def test_headers_in_other_languages_and_forms() -> None:
    days = [str(rng.randint(1, 28)) for _ in range(N)]
    months = [rng.choice(["julio", "02", "8", "marzo", "diciembre", "11"]) for _ in range(N)]
    years = [rng.randint(1950, 2006) for _ in range(N)]
    assert flagged(dia_nac=days, mes_nac=months, anio_nac=years) == {
        "dia_nac": "date_of_birth_part", "mes_nac": "date_of_birth_part", "anio_nac": "date_of_birth_part"}
    assert flagged(alergias=[rng.choice([None, "látex", "penicilina"]) for _ in range(N)],
                   toma_anticoagulantes=[rng.choice(["no", "sí"]) for _ in range(N)],
                   Vorerkrankungen=[rng.choice(["keine", "Asthma", "Migräne"]) for _ in range(N)],
                   PrimaryDx=[rng.choice(["E11.65", "I10", "M17.11"]) for _ in range(N)]) == {
        "alergias": "medical", "toma_anticoagulantes": "medical", "Vorerkrankungen": "medical",
        "PrimaryDx": "medical"}
    assert flagged(Utdelningsadress=[f"{rng.choice(['Skolgränd', 'Nygatan'])} {rng.randint(1, 99)}" for _ in range(N)],
                   Postort=[rng.choice(["ÖREBRO", "FALUN", "GÄVLE"]) for _ in range(N)]) == {
        "Utdelningsadress": "address_part", "Postort": "address_part"}
    assert flagged(Notfallkontakt=[f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} (Bruder)" for _ in range(N)]) == {
        "Notfallkontakt": "person_name"}
    assert flagged(**{"D.O.B.": [f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2000)}"
                                 for _ in range(N)]}) == {"D.O.B.": "date_of_birth"}
    assert flagged(**{"Driver's license # (we verify ID at pickup)": [f"H{rng.randint(10**6, 10**7 - 1)}"
                                                                        for _ in range(N)]}) == {
        "Driver's license # (we verify ID at pickup)": "driver_license"}


def test_service_addresses_with_half_house_numbers() -> None:
    assert flagged(SVC_HSE_NO=[rng.choice([f"{rng.randint(1, 9999)}", f"{rng.randint(1, 999)} 1/2",
                                           f"{rng.randint(1, 999)}B"]) for _ in range(N)],
                   SVC_STREET=[rng.choice(["E CHERRY LN", "SAGEBRUSH CIR", "LARKSPUR CT"]) for _ in range(N)],
                   SVC_UNIT=[f"UNIT {rng.randint(1, 9)}" for _ in range(N)]) == {
        "SVC_HSE_NO": "address_part", "SVC_STREET": "address_part", "SVC_UNIT": "address_part"}


def test_handles_under_user_id_and_gamer_tags_but_not_keys() -> None:
    handles = [rng.choice(["ramaswamy_dwa", "zmacallister", "vesna.petrovic", "latoyaodri83"]) + str(i)
               for i in range(N)]
    assert flagged(PORTAL_USERID=handles, discordTag=[f"ghostwalker{i}#{rng.randint(1000, 9999)}"
                                                      for i in range(N)]) == {
        "PORTAL_USERID": "username", "discordTag": "username"}
    uuids = [f"{rng.getrandbits(128):032x}"[:8] + "-4b1c-9f2e-" + f"{rng.getrandbits(48):012x}" for _ in range(N)]
    assert flagged(user_id=uuids, userid=list(range(N)), price_tag=["$4.99"] * N) == {}
