"""Quasi-identifier groups: a date of birth or an address split over columns is flagged as a whole, and
the same column names or values without their group are not."""

from __future__ import annotations

import random

import pyarrow as pa

from lakehouse.ingest.pii import detect_pii
from lakehouse.ingest.pii.groups import is_whole_address

rng = random.Random(5)
N = 40


def flagged(**columns: list[object]) -> dict[str, str]:
    return {name: f.category for name, f in detect_pii(pa.table(columns)).items()}


YEARS = [rng.randint(1940, 2005) for _ in range(N)]
MONTHS = [rng.randint(1, 12) for _ in range(N)]
DAYS = [rng.randint(1, 28) for _ in range(N)]


def test_date_of_birth_parts_are_flagged_together() -> None:
    found = detect_pii(pa.table({"DOB_yr": YEARS, "DOB_mo": MONTHS, "DOB_dy": DAYS, "score": DAYS}))
    assert {n: f.category for n, f in found.items()} == {
        "DOB_yr": "date_of_birth_part", "DOB_mo": "date_of_birth_part", "DOB_dy": "date_of_birth_part"}
    evidence = found["DOB_mo"].evidence
    assert "quasi-identifier group date_of_birth (DOB_yr, DOB_mo, DOB_dy)" in evidence and "months" in evidence
    assert found["DOB_yr"].kind == "PII"
    assert flagged(birth_year=[str(y) for y in YEARS], birth_month=["Jan", "Feb", "Mar", "Dec"] * 10) == {
        "birth_year": "date_of_birth_part", "birth_month": "date_of_birth_part"}
    assert flagged(year_of_birth=YEARS, month_of_birth=MONTHS) == {
        "year_of_birth": "date_of_birth_part", "month_of_birth": "date_of_birth_part"}


def test_a_year_is_not_a_birth_year() -> None:
    assert flagged(year=YEARS, month=MONTHS, day=DAYS, revenue=DAYS) == {}  # sales calendar
    assert flagged(signup_year=YEARS, signup_month=MONTHS, first_name=["Maria"] * N) == {"first_name": "person_name"}
    assert flagged(birth_year=YEARS) == {}  # one part alone: a year of birth (HIPAA keeps years)
    assert flagged(dob_year=[2090 + i % 5 for i in range(N)], dob_month=MONTHS) == {}  # future "years"
    assert flagged(dob_year=YEARS, dob_month=[rng.randint(13, 99) for _ in range(N)]) == {}  # not months


def test_a_whole_date_of_birth_stays_one_category() -> None:
    assert flagged(birthday=[f"19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                             for _ in range(N)]) == {"birthday": "date_of_birth"}


HOUSES = [str(rng.randint(1, 9999)) for _ in range(N)]
STREETS = [rng.choice(["Oak Avenue", "Main Street", "Elm Rd", "Sunset Blvd", "Hauptstraße", "rue de la Paix"])
           for _ in range(N)]
CITIES = [rng.choice(["Springfield", "Köln", "Saint-Étienne", "New York", "O'Fallon"]) for _ in range(N)]
ZIPS = [f"{rng.randint(1000, 99999):05d}" for _ in range(N)]


def test_address_parts_are_flagged_together() -> None:
    found = detect_pii(pa.table({"StreetNo": HOUSES, "StreetName": STREETS, "City": CITIES, "ZipCd": ZIPS,
                                 "State": ["CA", "NY"] * (N // 2)}))
    assert {n: f.category for n, f in found.items()} == {
        "StreetNo": "address_part", "StreetName": "address_part", "City": "address_part", "ZipCd": "postal_code"}
    assert "quasi-identifier group address (StreetNo, StreetName, City, ZipCd)" in found["StreetNo"].evidence
    assert flagged(house_number=[int(h) for h in HOUSES], street=STREETS) == {
        "house_number": "address_part", "street": "address_part"}
    assert flagged(Hausnummer=HOUSES, Strasse=STREETS, PLZ=ZIPS, Ort=CITIES) == {
        "Hausnummer": "address_part", "Strasse": "address_part", "PLZ": "postal_code", "Ort": "address_part"}
    assert flagged(addr_line1=[f"{h} {s}" for h, s in zip(HOUSES, STREETS, strict=True)], apt=["4B", "12"] * 20,
                   city=CITIES) == {"addr_line1": "address_part", "apt": "address_part", "city": "address_part"}


def test_a_street_line_is_an_address_part_and_a_whole_address_stays_one() -> None:
    """One convention (docs/pii.md): a street line beside its town or postcode columns is one part of the address;
    a column that holds the whole address, its town or prefecture included, is an address beside a postcode too."""
    lines = [f"{h} {s}" for h, s in zip(HOUSES, STREETS, strict=True)]
    assert flagged(address=lines, zip=ZIPS) == {"address": "address_part", "zip": "postal_code"}
    assert flagged(address=lines) == {"address": "address"}
    whole = [f"{line}, {city}" for line, city in zip(lines, CITIES, strict=True)]
    assert flagged(address=whole, zip=ZIPS) == {"address": "address", "zip": "postal_code"}
    for line in ("162, Jessica Estate", "Via Verdi, 11", "Av. Catalunya, 84, 2n 1a", "Flat 19, 67 Station Parade",
                 "7135 POLARIS DRIVE, MOSS HOMES 2", "4034 Maxwell Glen Suite 008"):
        assert not is_whole_address(line), line
    for line in ("38, Ojo Hollow, Stephenmouth", "Nemetova 74, 70928 Dugo Selo", "3114 Hall Ranch\nMichaelfort, KY",
                 "67 Tangihope Grove, Rohetauroa 9713", "Sendai-shi Aoba-ku Ichibancho 2-26-2",
                 "東京都世田谷区桜新町3-6-4"):
        assert is_whole_address(line), line


def test_address_parts_without_a_street_are_not_a_group() -> None:
    assert flagged(city=CITIES, state=["CA"] * N) == {}  # a city says little alone
    assert flagged(city=CITIES, zip=ZIPS) == {"zip": "postal_code"}
    assert flagged(unit=["kg", "lb", "each"] * 13 + ["kg"], street=STREETS) == {"street": "address"}
    assert flagged(store_number=HOUSES, region=["west"] * N) == {}
    empty = detect_pii(pa.table({"street_number": ["n/a"] * N, "street_name": ["-"] * N}))
    assert {n: (f.category, f.confidence) for n, f in empty.items()} == {  # no values: the names decide
        "street_number": ("address_part", 0.6), "street_name": ("address_part", 0.6)}
