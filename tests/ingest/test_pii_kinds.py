"""The kinds issue 11 found missing on other people's tables: card numbers under abbreviated headers, card
expiry dates, security codes, user names, security answers, person roles and ``Name <email>`` mailboxes;
each with the look-alikes that must stay unflagged."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest
from stdnum import luhn

from lakehouse.ingest.pii import PiiFinding, detect_pii

rng = random.Random(11)


def card(prefix: str = "4", length: int = 16, sep: str = "") -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    number = body + luhn.calc_check_digit(body)
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4)) if sep else number


def one(name: str, values: list[object], **siblings: list[object]) -> PiiFinding | None:
    return detect_pii(pa.table({name: values, **siblings})).get(name)


def category(name: str, values: list[object], **siblings: list[object]) -> str | None:
    found = one(name, values, **siblings)
    return found.category if found else None


CARDS = [card(rng.choice(["4", "51", "6011"])) for _ in range(40)]


@pytest.mark.parametrize("name", ["CCNum", "CardNo", "cc_no", "PAN", "cardNumber", "col_9", "debit_card"])
@pytest.mark.parametrize("sep", ["", " ", "-"])
def test_card_numbers_with_and_without_separators(name: str, sep: str) -> None:
    values = [card(rng.choice(["4", "55", "2221"]), 16, sep) for _ in range(40)]
    found = one(name, values)
    assert found is not None and found.category == "credit_card" and found.kind == "Financial", (name, sep)


def test_numbers_that_are_not_cards() -> None:
    assert category("order_id", list(range(10**15, 10**15 + 40))) is None  # integers: Luhn fails 9 in 10
    assert category("order_ref", [card() for _ in range(40)]) is None  # Luhn + Visa prefix, but an order ref
    assert category("batch_no", [card() for _ in range(40)]) is None
    imeis = [card("35", 15) for _ in range(40)]  # JCB prefix, 15 digits: no JCB card is 15 long
    assert category("device", imeis) is None
    assert category("col_3", [str(rng.randint(10**15, 10**16 - 1)) for _ in range(40)]) is None


@pytest.mark.parametrize(("name", "values"), [
    ("cc_exp", [f"{m:02d}/{y}" for m, y in zip(range(1, 13), range(25, 37), strict=True)] * 4),
    ("CardExpiry", [f"{m}/20{y}" for m, y in zip(range(1, 13), range(25, 37), strict=True)] * 4),
    ("ExpDate", [f"{m:02d}{y}" for m, y in zip(range(1, 13), range(25, 37), strict=True)] * 4),
    ("valid_thru", [f"20{y}-{m:02d}" for m, y in zip(range(1, 13), range(25, 37), strict=True)] * 4),
    ("card_exp_date", [f"20{y}-{m:02d}-28" for m, y in zip(range(1, 13), range(25, 37), strict=True)] * 4),
])
def test_card_expiry_formats(name: str, values: list[object]) -> None:
    assert category(name, values) == "card_expiry"


def test_expiry_month_and_year_columns_need_a_card_beside_them() -> None:
    months, years = [rng.randint(1, 12) for _ in range(40)], [rng.randint(2025, 2032) for _ in range(40)]
    found = detect_pii(pa.table({"CCNum": CARDS, "ExpMonth": months, "ExpYr": years}))
    assert {n: f.category for n, f in found.items()} == {
        "CCNum": "credit_card", "ExpMonth": "card_expiry", "ExpYr": "card_expiry"}
    alone = detect_pii(pa.table({"sku": [f"S{i}" for i in range(40)], "ExpMonth": months, "ExpYr": years}))
    assert dict(alone) == {}  # a product's expiry month is not a card's


def test_expiry_look_alikes() -> None:
    iso = [f"202{rng.randint(5, 9)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(40)]
    assert category("expiration_date", iso) is None  # products expire on days; cards on months
    assert category("exp_years", [rng.randint(0, 40) for _ in range(40)]) is None  # years of experience
    assert category("exp", ["junior", "senior", "lead"] * 10) is None
    assert category("expiration_date", iso, card_number=CARDS) == "card_expiry"  # beside a card, a date is one


@pytest.mark.parametrize("name", ["CVV2", "cvc", "card_security_code", "SecCode", "card_verification_value"])
def test_security_codes(name: str) -> None:
    assert category(name, [f"{rng.randint(0, 999):03d}" for _ in range(40)]) == "card_security_code"
    assert category(name, [rng.randint(0, 9999) for _ in range(40)]) == "card_security_code"  # leading 0s lost


def test_security_code_look_alikes() -> None:
    assert category("cvv", ["ok", "n/a", "skipped"] * 10) is None
    assert category("area_code", [rng.randint(200, 999) for _ in range(40)]) is None
    assert category("security_level", [rng.randint(1, 5) for _ in range(40)]) is None


HANDLES = [f"{rng.choice(['jdoe', 'msmith', 'kat', 'dev_ops', 'a.b'])}{i}" for i in range(40)]


@pytest.mark.parametrize("name", ["usrNm", "UserName", "user_name", "Login", "login_name", "screen_name",
                                  "twitter_handle", "Benutzername"])
def test_user_names(name: str) -> None:
    found = one(name, HANDLES)
    assert found is not None and (found.category, found.kind) == ("username", "PII"), name


def test_user_name_look_alikes() -> None:
    assert category("login", [f"user{i}@example.org" for i in range(40)]) == "email"  # the values say more
    assert category("handle", ["brass", "chrome", "steel"] * 14) is None  # three values: a product finish
    assert category("last_login", [f"2024-05-{d:02d}T10:00:00" for d in range(1, 29)]) is None
    assert category("login_count", list(range(40))) is None
    assert category("user_id", list(range(40))) is None
    assert category("user_agent", ["Mozilla/5.0 (X11; Linux x86_64)"] * 40) is None


@pytest.mark.parametrize("name", ["SecAnswer", "security_answer", "secret_answer", "SecurityQuestionAnswer",
                                  "sec_q_ans", "password_hint"])
def test_security_answers(name: str) -> None:
    found = one(name, ["Fluffy", "Springfield", "Pizza", "Blue", "Mr Smith"] * 8)
    assert found is not None and (found.category, found.sensitivity) == ("security_answer", "restricted"), name


def test_security_questions_are_not_answers() -> None:
    questions = ["What was the name of your first pet?", "In what city were you born?"] * 20
    assert category("SecurityQuestion", questions) is None
    assert category("security_question_id", list(range(40))) is None
    assert category("answer", ["yes", "no"] * 20) is None


NAMES = ["Maria Lopez", "James Smith", "Aarav Sharma", "Emma Dubois", "Jan de Vries", "Kowalski, Tomasz",
         "Ingrid Johansson", "Okafor Chidinma"] * 5


@pytest.mark.parametrize("name", ["maintainer", "author", "created_by", "assignee", "Owner", "reporter"])
def test_person_roles_hold_people(name: str) -> None:
    assert category(name, NAMES) == "person_name"


def test_name_email_mailboxes() -> None:
    boxes = [f"{n} <{n.split()[0].lower().strip(',')}@example.org>" for n in NAMES]
    # an email address in every cell makes the column an email, whoever the header names (docs/pii.md)
    for name in ("maintainer", "uploaders", "col_4", "from", "requester"):
        assert category(name, boxes) == "email", name
    assert category("reporter", [f"bob{i}@example.org (Bob Jones)" for i in range(40)]) == "email"
    mixed = [box if i % 2 else box.split(" <")[0] for i, box in enumerate(boxes)]
    assert category("maintainer", mixed) == "person_name"  # names, some with their address: a person's name


def test_person_roles_that_hold_teams_or_bots() -> None:
    assert category("maintainer", ["Debian Python Team", "platform-team", "dependabot[bot]"] * 14) is None
    assert category("owner", ["data-eng", "finance", "ml-platform", "web"] * 10) is None
    assert category("author", ["Acme Corp", "Globex LLC", "Initech Inc"] * 14) is None


def test_surnames_count_when_the_first_name_is_not_in_the_dictionary() -> None:
    unusual = ["Zorblax Smith", "Quenby Johnson", "Tamsin Garcia", "Yarrow Martinez"] * 10
    assert category("full_name", unusual) == "person_name"
    assert category("owner_of_record", unusual) == "person_name"  # a role
    assert category("col_2", unusual) == "person_name"  # values alone: two words ending with a known surname
    products = ["Green Tea", "Price Tag", "Long Sleeve Shirt", "White Board"] * 10
    assert category("name", products) is None  # English words that are also surnames do not count


def test_dirty_values_whitespace_case_nulls_and_placeholders() -> None:
    dirty = [f"  {c}  " if i % 3 == 0 else c for i, c in enumerate(CARDS)] + [None, "n/a", "", "UNKNOWN"] * 5
    assert category("CCNum", dirty) == "credit_card"
    upper = [n.upper() for n in NAMES[:20]] + [n.lower() for n in NAMES[20:]]
    assert category("maintainer", upper) == "person_name"
    assert category("Email_Addr", [f"  User{i}@Example.COM " for i in range(40)]) == "email"
