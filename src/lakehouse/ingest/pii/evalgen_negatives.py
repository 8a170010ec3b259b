"""Negative columns of the evaluation set: look-alikes and names that mention PII without holding it."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from faker import Faker
from stdnum import luhn

from lakehouse.ingest.pii.evalgen_lists import NOTES, PRODUCTS

N = 60
Row = tuple[str, list[Any], str, str | None]


def negatives(rng: random.Random, fk: Callable[[str], Faker]) -> Iterator[Row]:
    us = fk("en_US")

    def many(fn: Callable[[], Any], nulls: float = 0.0) -> list[Any]:
        return [None if rng.random() < nulls else fn() for _ in range(N)]

    def digits(n: int) -> str:
        return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))

    def luhn_number(prefix: str, length: int) -> str:
        body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
        return body + luhn.calc_check_digit(body)

    def pick(*items: Any) -> Callable[[], Any]:
        return lambda: rng.choice(items)

    # codes and identifiers that are not PII
    yield "country_code", many(us.country_code), "", None
    yield (
        "promo_code",
        many(lambda: rng.choice(["SAVE", "WELCOME", "SPRING"]) + str(rng.randint(5, 50))),
        "",
        None,
    )
    yield (
        "product_code",
        many(lambda: f"{rng.choice('ABCDEFGH')}{rng.randint(100, 999)}-{digits(4)}"),
        "",
        None,
    )
    yield "currency_code", many(us.currency_code), "", None
    yield "language_code", many(us.language_code), "", None
    yield "area_code", many(lambda: rng.randint(201, 989)), "", None
    yield "product_id", many(lambda: rng.randint(1, 50_000)), "", None
    yield "order_id", many(lambda: int(digits(10))), "10-digit integers", None
    yield "order_number", many(lambda: luhn_number(str(rng.randint(1, 9)), 12)), "Luhn-valid by design", None
    yield "imei", many(lambda: luhn_number("35", 15)), "Luhn-valid 15 digits", None
    yield (
        "tracking_number",
        many(lambda: "1Z" + "".join(rng.choice("0123456789ABCDEFX") for _ in range(16))),
        "",
        None,
    )
    yield "invoice_number", many(lambda: f"INV-2024-{rng.randint(1, 9999):04d}"), "", None
    yield "sku", many(lambda: f"SKU{digits(8)}"), "", None
    yield "isbn", many(us.isbn13), "", None
    yield "barcode", many(us.ean13), "EAN-13", None
    yield "batch_number", many(lambda: int(digits(9))), "9-digit integers, SSN-like", None
    yield "reference", many(lambda: digits(10)), "10-digit strings, phone-like", None
    yield "ticket_ref", many(lambda: f"TCK-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"), "", None
    yield "request_id", many(lambda: str(uuid.UUID(int=rng.getrandbits(128)))), "", None
    yield "session_id", many(lambda: f"{rng.getrandbits(128):032x}"), "", None
    yield "account_id", many(lambda: str(uuid.UUID(int=rng.getrandbits(128)))), "", None
    yield "customer_id", many(lambda: rng.randint(1, 1_000_000)), "", None
    yield "address_id", many(lambda: rng.randint(1, 90_000)), "surrogate key", None
    yield "email_id", many(lambda: rng.randint(1, 90_000)), "surrogate key", None
    # booleans and metadata about PII
    yield "email_verified", many(lambda: rng.random() < 0.7), "", None
    yield "email_opt_in", many(pick("yes", "no")), "", None
    yield "phone_verified", many(pick("true", "false")), "", None
    yield "has_phone", many(pick(0, 1)), "", None
    yield "is_email_verified", many(lambda: rng.random() < 0.5), "", None
    yield "card_type", many(pick("Visa", "Mastercard", "Amex", "Discover")), "", None
    yield "card_brand", many(pick("VISA", "MC", "AMEX")), "", None
    yield "card_last4", many(lambda: f"{rng.randint(0, 9999):04d}"), "", None
    yield "address_type", many(pick("home", "work", "billing", "shipping")), "", None
    yield "email_domain", many(us.free_email_domain), "", None
    yield "ip_country", many(us.country_code), "", None
    yield "phone_country_code", many(pick("+1", "+44", "+49", "+33", "+91")), "", None
    yield "phone_model", many(pick("iPhone 13", "Pixel 7", "Galaxy S22", "Moto G")), "", None
    yield "email_subject", many(us.sentence), "", None
    yield (
        "mobile_app_version",
        many(lambda: f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"),
        "",
        None,
    )
    yield "salary_grade", many(pick("G1", "G2", "G3", "M1", "M2")), "", None
    yield "zip_file", many(lambda: us.file_name(extension="zip")), "", None
    yield "postal_service", many(pick("USPS", "FedEx", "UPS", "DHL")), "", None
    # names that are not people
    yield "company_name", many(us.company), "", None
    yield "product_name", many(pick(*PRODUCTS)), "", None
    yield "file_name", many(us.file_name), "", None
    yield "username", many(us.user_name), "", None
    yield "user_name", many(us.user_name), "", None
    yield "name", many(pick(*PRODUCTS)), "bare name, products", None
    yield (
        "campaign_name",
        many(lambda: f"{us.word().title()} {rng.choice(['Sale', 'Launch', 'Promo'])} 2024"),
        "",
        None,
    )
    yield "hostname", many(us.hostname), "", None
    yield "job_title", many(us.job), "", None
    yield "department", many(pick("Sales", "Engineering", "Finance", "HR", "Legal")), "", None
    yield "city", many(us.city), "", None
    yield "country", many(us.country), "", None
    yield "state", many(us.state), "", None
    # times, amounts and text
    yield (
        "created_at",
        many(lambda: us.date_time_between("-2y", "now").isoformat()),
        "event times",
        "timestamp",
    )
    yield "updated_at", many(lambda: us.date_time_between("-1y", "now").isoformat()), "ISO strings", None
    yield "order_date", many(lambda: us.date_between("-3y", "today").isoformat()), "", "date"
    yield "ship_date", many(lambda: us.date_between("-3y", "today").strftime("%m/%d/%Y")), "", None
    yield "event_year", many(lambda: rng.randint(1990, 2024)), "", None
    yield "price", many(lambda: round(rng.uniform(1, 500), 2)), "", None
    yield "amount", many(lambda: f"{rng.uniform(1, 5000):.2f}"), "", None
    yield "quantity", many(lambda: rng.randint(1, 20)), "", None
    yield "revenue", many(lambda: rng.randint(10_000, 900_000)), "", None
    yield "order_total", many(lambda: round(rng.uniform(20, 3000), 2)), "", None
    yield "description", many(us.paragraph), "", None
    yield "notes", many(lambda: us.email() if rng.random() < 0.1 else rng.choice(NOTES)), "10% emails", None
    yield "review_text", many(us.sentence), "", None
    yield "status", many(pick("pending", "shipped", "delivered", "cancelled")), "", None
    yield "url", many(us.url), "", None
    yield "user_agent", many(us.user_agent), "", None
    yield (
        "build_version",
        many(lambda: f"{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 30000)}.{rng.randint(0, 9)}"),
        "four-part versions, some IP-like",
        None,
    )
    yield "latitude", many(lambda: float(us.latitude())), "", None
    yield "longitude", many(lambda: float(us.longitude())), "", None
    yield "hex_color", many(us.hex_color), "", None
    yield "mac_address", many(us.mac_address), "", None
    yield "file_path", many(us.file_path), "", None
    yield "tags", many(lambda: ",".join(us.words(3))), "", None
    yield "http_status", many(pick(200, 201, 301, 404, 500)), "", None
    yield "score", many(lambda: round(rng.random(), 4)), "", None
    yield "grade", many(pick("A+", "A", "A-", "B+", "B", "B-", "C")), "letter grades", None
    yield "model", many(pick("X5", "A4", "Q7", "C300", "E350", "B12")), "ICD-like codes", None
    yield "timezone", many(us.timezone), "", None
    yield "locale", many(us.locale), "", None
