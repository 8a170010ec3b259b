"""Column-name rules: tokenization, whole-token matching and the known false positives."""

from __future__ import annotations

import pytest

from lakehouse.ingest.pii import match_name, tokenize
from lakehouse.ingest.pii.names import phi_qualified, quasi_part


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("customer_email", ("customer", "email")),
        ("customerEmail", ("customer", "email")),
        ("customer-email", ("customer", "email")),
        ("IPAddress", ("ip", "address")),
        ("customerSSN", ("customer", "ssn")),
        ("Date of Birth", ("date", "of", "birth")),
        ("address_line1", ("address", "line")),
        ("firstname", ("first", "name")),
        ("E-Mail", ("e", "mail")),
    ],
)
def test_tokenize(name: str, tokens: tuple[str, ...]) -> None:
    assert tokenize(name) == tokens


@pytest.mark.parametrize(
    ("name", "category", "rule"),
    [
        ("email", "email", "email"),
        ("EmailAddress", "email", "email address"),
        ("e-mail", "email", "e mail"),
        ("mobile", "phone", "mobile"),
        ("fax_number", "phone", "fax"),
        ("phone_no", "phone", "phone number"),
        ("SSN", "ssn", "ssn"),
        ("social_security_number", "ssn", "social security number"),
        ("national_insurance_number", "national_id", "national insurance"),
        ("passport_no", "passport", "passport number"),
        ("drivers_licence", "driver_license", "drivers license"),  # British spelling read as the rule word
        ("annual_income", "salary", "income"),
        ("billing_address", "address", "address"),
        ("zip_code", "postal_code", "zip code"),
        ("postcode", "postal_code", "post code"),
        ("DOB", "date_of_birth", "dob"),
        ("birthDate", "date_of_birth", "birth date"),
        ("first_name", "person_name", "first name"),
        ("customer_name", "person_name", "customer name"),
        ("client_ip", "ip_address", "client ip"),
        ("remote_addr", "ip_address", "remote address"),
        ("credit_card_number", "credit_card", "credit card number"),
        ("pan", "credit_card", "pan"),
        ("iban", "iban", "iban"),
        ("account_number", "bank_account", "account number"),
        ("diagnosis_code", "medical", "diagnosis"),
        ("icd10", "medical", "icd"),
        ("blood_type", "medical", "blood type"),
        ("has_allergy", "medical", "allergy"),
        ("patient_id", "medical", "patient"),
    ],
)
def test_name_rules(name: str, category: str, rule: str) -> None:
    hint = match_name(name)
    assert hint is not None, name
    assert (hint.category, hint.rule) == (category, rule)


@pytest.mark.parametrize(
    "name",
    [
        # booleans and metadata about PII are not PII
        "email_verified", "email_opt_in", "is_email_verified", "phone_verified", "has_phone",
        "email_count", "email_domain", "phone_country_code", "address_type", "mobile_app_version",
        # *_code columns that are not postal codes or cards
        "country_code", "promo_code", "product_code", "currency_code", "area_code",
        # card metadata is not a card number
        "card_type", "card_brand", "card_last4", "credit_card_type",
        # names of things, not people
        "company_name", "product_name", "file_name", "filename", "hostname",
        "campaign_name",
        # whole tokens only: no substring hits
        "shipment", "zipper", "skip", "tipping", "emailer", "diagnostics_level",
        # other blockers
        "mac_address", "zip_file", "ip_country", "birth_year", "customer_id",
    ],
)
def test_not_pii_by_name(name: str) -> None:
    assert match_name(name) is None, match_name(name)


def test_bare_name_is_weak_and_id_suffix_is_a_surrogate() -> None:
    bare = match_name("name")
    assert bare is not None and bare.weak and bare.category == "person_name"
    assert not match_name("full_name").weak  # type: ignore[union-attr]
    email_id = match_name("email_id")
    assert email_id is not None and email_id.category == "email" and email_id.surrogate
    national = match_name("national_id")
    assert national is not None and not national.surrogate


def test_patient_qualifier_marks_phi() -> None:
    assert phi_qualified("patient_email")
    assert not phi_qualified("customer_email")


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("CCNum", ("cc", "number")),
        ("cc_exp", ("cc", "exp")),
        ("DOB_yr", ("dob", "year")),
        ("usrNm", ("user", "name")),
        ("StreetNo", ("street", "number")),
        ("Addr2Line", ("address", "line")),
        ("CVV2", ("cvv",)),
        ("HomePh", ("home", "ph")),
        ("Teléfono", ("phone",)),  # accents dropped, then read as the English word
        ("Straße", ("street",)),
        ("Geburtsdatum", ("birth", "date")),  # a compound split before a known ending
        ("Kontonummer", ("account", "number")),
        ("numero_de_telefono", ("number", "de", "phone")),
        ("ExpirationDate", ("expiry", "date")),
    ],
)
def test_tokenize_splits_case_digits_separators_and_reads_abbreviations(name: str, tokens: tuple[str, ...]) -> None:
    assert tokenize(name) == tokens


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("CCNum", "credit_card"), ("CardNo", "credit_card"), ("cc_number", "credit_card"),
        ("cc_exp", "card_expiry"), ("CardExpiry", "card_expiry"), ("ExpDate", "card_expiry"),
        ("CVV2", "card_security_code"), ("SecCode", "card_security_code"),
        ("usrNm", "username"), ("LoginID", "username"), ("twitter_handle", "username"),
        ("SecAnswer", "security_answer"), ("security_question_answer", "security_answer"),
        ("HomePh", "phone"), ("MobNo", "phone"), ("TelNo", "phone"),
        ("NatID", "national_id"), ("tax_id", "national_id"), ("DrvLicNo", "driver_license"),
        ("ZipCd", "postal_code"), ("Addr1", "address"), ("FName", "person_name"), ("name_on_card", "person_name"),
        ("Geburtsdatum", "date_of_birth"), ("Teléfono", "phone"), ("Vorname", "person_name"),
    ],
)
def test_abbreviated_and_camel_case_headers(name: str, category: str) -> None:
    hint = match_name(name)
    assert hint is not None and hint.category == category, (name, hint)


@pytest.mark.parametrize("name", [
    "SecurityQuestion", "last_login", "login_count", "exp_years", "yrs_exp", "user_agent", "dob_year", "BirthMonth",
    "street_number", "engine_size", "no_email", "num_phones", "card_brand", "user_id_hash",
])
def test_new_look_alikes_are_not_pii_by_name(name: str) -> None:
    assert match_name(name) is None, match_name(name)


def test_weak_rules_need_values() -> None:
    for name in ("maintainer", "created_by", "cc", "cell", "exp", "nick", "display_name", "user", "FIRST",
                 "host_first", "approved_by"):
        hint = match_name(name)
        assert hint is not None and hint.weak, name
    for name in ("pax_given", "pt_last", "cust_first"):  # a name part after a person: that person's name
        hint = match_name(name)
        assert hint is not None and not hint.weak and hint.category == "person_name", name
    expiry = match_name("cc_exp_month")
    assert expiry is not None and (expiry.category, expiry.part) == ("card_expiry", "month")


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("DOB_yr", ("date_of_birth", "year")), ("BirthMonth", ("date_of_birth", "month")),
        ("year_of_birth", ("date_of_birth", "year")), ("dob_day", ("date_of_birth", "day")),
        ("StreetNo", ("address", "number")), ("HouseNumber", ("address", "number")),
        ("Hausnummer", ("address", "number")), ("AptNo", ("address", "unit")), ("billing_city", ("address", "city")),
        ("Ort", ("address", "city")), ("street_name", ("address", "street")), ("ZipCd", ("address", "postal")),
        ("year", None), ("month", None), ("unit_price", None), ("city_population", None), ("birth_date", None),
    ],
)
def test_quasi_identifier_parts(name: str, part: tuple[str, str] | None) -> None:
    assert quasi_part(name) == part
