"""Value validators, one category at a time."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from lakehouse.ingest.pii import validators as v
from lakehouse.ingest.pii.national import is_distinctive_national_id, is_national_id
from lakehouse.ingest.pii.people import is_known_person_name, is_name_shaped


def test_email() -> None:
    assert v.is_email("maria.lopez+news@example.com")
    assert v.is_email("jörg@bücher.de")
    for bad in ("not an email", "a@b", "two@@example.com", "x@localhost", True, 12):
        assert not v.is_email(bad), bad


def test_phone_national_international_and_formatted() -> None:
    assert v.is_phone("(202) 456-1111")
    assert v.is_phone("+44 20 7946 0958")
    assert v.is_phone("0044 20 7946 0958")
    assert v.is_phone("030 901820")  # German national format, trunk 0
    assert v.is_phone(2024561111)
    assert not v.is_phone("123")
    assert not v.is_phone("call me maybe 555")
    assert not v.is_phone("2024-01-15")  # a date
    assert v.is_formatted_phone("+1 202-456-1111")
    assert not v.is_formatted_phone("2024561111")  # bare digit runs need a name rule


def test_ssn() -> None:
    assert v.is_ssn("536-90-4399") and v.is_ssn("536904399") and v.is_ssn(536904399)
    assert not v.is_ssn("666-00-0000")  # invalid area
    assert not v.is_ssn("078-05-1120")  # the famous blacklisted Woolworth number
    assert v.is_dashed_ssn("536-90-4399") and not v.is_dashed_ssn("536904399")


def test_card_numbers_need_luhn_and_a_known_issuer() -> None:
    assert v.is_card_number("4111 1111 1111 1111")
    assert v.is_card_number("5500-0000-0000-0004")
    assert v.is_card_number(378282246310005)  # Amex, 15 digits
    assert not v.is_card_number("4111 1111 1111 1112")  # Luhn fails
    assert not v.is_card_number("9111111111111111")  # Luhn-valid prefix 9: no such issuer
    assert not v.is_card_number("123456789012")  # Luhn-valid order number, wrong length
    assert not v.is_card_number("352810000000001")  # IMEI-like: JCB prefix but 15 digits


def test_iban_and_bank_account() -> None:
    assert v.is_iban("DE89 3704 0044 0532 0130 00") and v.is_iban("GB82WEST12345698765432")
    assert not v.is_iban("DE89 3704 0044 0532 0130 01")
    assert v.is_bank_account("12345678") and v.is_bank_account(9876543210)
    assert not v.is_bank_account("12-AB")


def test_ip_addresses() -> None:
    for ok in ("192.168.1.10", "8.8.8.8", "2001:db8::1", "10.0.0.0/8"):
        assert v.is_ip(ok), ok
    for bad in ("1.2.3", "999.1.1.1", "hello", "1.2.3.4.5", "abc:def"):
        assert not v.is_ip(bad), bad


def test_birth_dates() -> None:
    assert v.is_birth_date(date(1984, 3, 12))
    assert v.is_birth_date(datetime(1984, 3, 12))
    for text in ("1984-03-12", "03/12/1984", "12.03.1984", "19840312"):
        assert v.is_birth_date(text), text
    assert not v.is_birth_date(date.today() + timedelta(days=30))
    assert not v.is_birth_date("1850-01-01")
    assert not v.is_birth_date("yesterday")


def test_national_ids() -> None:
    assert is_distinctive_national_id("RSSMRA85T10A562S")  # codice fiscale
    assert is_distinctive_national_id("12345678Z")  # Spanish DNI
    assert is_distinctive_national_id("AB 12 34 56 C")  # UK NINO
    assert not is_distinctive_national_id("QQ123456C")  # NINO prefix never issued
    assert is_national_id("111222333")  # Dutch BSN: confirms a name rule only
    assert not is_distinctive_national_id("111222333")
    assert not is_national_id("hello world")


def test_person_names() -> None:
    assert is_name_shaped("Siobhan O'Connor") and is_name_shaped("Jean-Luc Picard")
    assert is_name_shaped("Lopez")
    assert not is_name_shaped("R2-D2") and not is_name_shaped("SKU 1234")
    assert is_known_person_name("Maria Lopez") and is_known_person_name("Lopez, Maria")
    assert is_known_person_name("Dr. James Smith")
    assert not is_known_person_name("Ergonomic Steel Chair")
    assert not is_known_person_name("Maria")  # one word: could be anything
    assert not is_known_person_name("James Smith LLC")


def test_addresses_postal_codes_salaries_health() -> None:
    assert v.is_street_address("1600 Pennsylvania Avenue NW")
    assert v.is_street_address("221B Baker Street")
    assert v.is_street_address("Hauptstraße 5")
    assert not v.is_street_address("Delivered to front desk")
    assert v.is_postal_code("02134") and v.is_postal_code("SW1A 1AA") and v.is_postal_code("K1A 0B1")
    assert v.is_postal_code(2134) and not v.is_postal_code("hello")
    assert v.is_salary_amount(85_000) and v.is_salary_amount("$85,000") and v.is_salary_amount("120k")
    assert not v.is_salary_amount(-5) and not v.is_salary_amount("senior") and not v.is_salary_amount(True)
    assert v.is_health_code("E11.9") and v.is_health_code("AB+") and not v.is_health_code("hello")
    assert v.is_blood_type("o-") and not v.is_blood_type("A")


@pytest.mark.parametrize("category", sorted(v.VALIDATORS))
def test_every_category_has_a_validator_and_a_kind(category: str) -> None:
    from lakehouse.ingest.pii import CATEGORIES

    assert category in CATEGORIES
    assert v.VALIDATORS[category].noun


def test_card_expiry_formats_and_parts() -> None:
    from lakehouse.ingest.pii import cards

    for ok in ("08/27", "8/2027", "08-27", "08 / 27", "2027-08", "0827", "082027"):
        assert cards.is_expiry_format(ok), ok
    for bad in ("13/27", "00/27", "2027-08-15", "12.5", "Aug", "1327", 827):
        assert not cards.is_expiry_format(bad), bad
    assert cards.is_card_expiry(date(2027, 8, 31)) and cards.is_card_expiry("2027-08-31")
    assert cards.is_card_expiry(827) and not cards.is_card_expiry(1327)
    assert cards.is_month(12) and cards.is_month("Sept") and cards.is_month("03") and not cards.is_month(13)
    assert cards.is_expiry_year(27) and cards.is_expiry_year("2031") and not cards.is_expiry_year(1985)


def test_security_codes() -> None:
    from lakehouse.ingest.pii import cards

    assert cards.is_security_code("012") and cards.is_security_code("4821") and cards.is_security_code(7)
    for bad in ("12", "12345", "abc", True, 10_000):
        assert not cards.is_security_code(bad), bad


def test_mailboxes_and_person_values() -> None:
    assert v.is_mailbox("Jane Doe <jane@example.org>") and v.is_mailbox('"Doe, Jane" <jane@example.org>')
    assert v.is_mailbox("jane@example.org (Jane Doe)")
    for bad in ("<jane@example.org>", "Jane Doe <not-an-email>", "jane@example.org", "Jane Doe"):
        assert not v.is_mailbox(bad), bad
    assert v.is_person_value("Jane Doe <jane@example.org>") and v.is_person_value("Maria Lopez")
    assert not v.is_person_value("platform-team")


def test_surnames_extend_the_first_name_dictionary() -> None:
    assert is_known_person_name("Zorblax Garcia")  # unknown first name, known surname
    assert not is_known_person_name("Green Tea")  # "Green" is a surname, but also an English word
    assert not is_known_person_name("Smith & Sons Ltd")


def test_user_names() -> None:
    from lakehouse.ingest.pii.people import is_username

    for ok in ("jdoe", "m.smith42", "dev_ops", "@kat_99", "A-B"):
        assert is_username(ok), ok
    for bad in ("j", "john smith", "12345", "a" * 41, 42):
        assert not is_username(bad), bad


def test_street_names_and_addresses() -> None:
    for ok in ("Oak Avenue", "Hauptstraße", "Müllerweg", "rue de la Paix", "Sunset Blvd."):
        assert v.is_street_name(ok), ok
    assert not v.is_street_name("Springfield") and not v.is_street_name("Acme Corp")
    assert v.is_address_like("Hauptstraße") and v.is_address_like("221B Baker Street")
    assert not v.is_address_like("0x52908400098527886E0F7030069857D2E4169EE7")  # a wallet, one token


def test_two_digit_birth_years_are_in_the_past() -> None:
    assert v.is_birth_date("03/07/85") and v.is_birth_date("15.01.99")
    assert v.is_birth_date("1985-3-7") and v.is_birth_date("7-Mar-1985")


def test_shipped_name_dictionary_matches_the_pinned_faker() -> None:
    """person_names.json is built from Faker's lists (person_names.py); a Faker upgrade must rebuild it."""
    from lakehouse.ingest.pii.people import first_names, last_names
    from lakehouse.ingest.pii.person_names import build_name_lists

    built = build_name_lists()
    assert set(built["first"]) == first_names() and set(built["last"]) == last_names()
    assert len(first_names()) > 20_000 and "maria" in first_names() and "smith" in last_names()
    assert "green" not in last_names() and "may" not in first_names()  # English words are left out
