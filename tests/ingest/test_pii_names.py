"""Column-name rules: tokenization, whole-token matching and the known false positives."""

from __future__ import annotations

import pytest

from lakehouse.ingest.pii import match_name, tokenize
from lakehouse.ingest.pii.names import phi_qualified


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
        ("drivers_licence", "driver_license", "drivers licence"),
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
        "campaign_name", "display_name",
        # whole tokens only: no substring hits
        "shipment", "zipper", "skip", "tipping", "emailer", "addressee", "diagnostics_level",
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
