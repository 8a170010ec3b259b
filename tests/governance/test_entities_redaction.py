"""The ``entities`` redaction: PII inside text is replaced in the view's relation, so SQL on the view never
shows an email or a phone of the base. Expected sides are built here, independently of the view code: from
the spans this test itself put into the text, and with Python's ``re`` for the engine's regex semantics."""

from __future__ import annotations

import random
import re

import phonenumbers
import pyarrow as pa
import pytest
from faker import Faker
from pydantic import ValidationError
from stdnum import luhn

from lakehouse.app import Lakehouse
from lakehouse.errors import InvalidInput
from lakehouse.governance.entities import ENTITY_KINDS, PATTERNS, TOKENS
from lakehouse.governance.redaction import EntityKind
from tests.governance.conftest import principal

rng = random.Random(2024)
fake = Faker("en_US")
fake.seed_instance(2024)
FILLER = ("please", "call", "or", "write", "to", "about", "the", "invoice", "today", "regards", "thanks", "and")


def _card(prefix: str, length: int, sep: str) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    number = body + luhn.calc_check_digit(body)
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4)) if sep else number


def _phone() -> str:
    region = rng.choice(["US", "GB", "DE", "FR", "IN"])
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if region == "US" and rng.random() < 0.7:
        area, ex, line = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
        return rng.choice([f"({area}) {ex}-{line:04d}", f"{area}-{ex}-{line:04d}", f"{area}.{ex}.{line:04d}",
                           f"1-{area}-{ex}-{line:04d}"])
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# kind -> makers of an entity written the way people write it in prose
MAKERS = {
    "email": [fake.email, lambda: f"{fake.first_name()}.{fake.last_name()}+news@mail.{fake.domain_name()}".lower()],
    "phone": [_phone],
    "credit_card": [lambda: _card(rng.choice(["4", "51", "37", "6011"]), 16, rng.choice(["", " ", "-"]))],
    "national_id": [fake.ssn, lambda: f"AB {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} C",
                    Faker("it_IT").ssn, Faker("pt_BR").cpf,
                    lambda: f"{rng.randint(2000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"],
    "iban": [Faker("de_DE").iban, lambda: " ".join(re.findall(".{1,4}", Faker("en_GB").iban()))],
}
HARMLESS = ["2024-01-15", "$1,250.00", "version 3.11.2", "10:30", "room 101", "12%", "in 2019", "order 77",
            "15/01/2024", "1.5 kg"]


def _document(i: int) -> tuple[str, str, list[str]]:
    """(text, the text with its entities replaced by tokens, the entities), built from known spans."""
    raw: list[str] = []
    want: list[str] = []
    entities: list[str] = []
    for _ in range(rng.randint(3, 6)):
        words = rng.sample(FILLER, 3)
        raw += words
        want += words
        if rng.random() < 0.6:
            kind = rng.choice(ENTITY_KINDS)
            entity = rng.choice(MAKERS[kind])()
            raw.append(entity + rng.choice(["", ",", ";", "."]))
            want.append(TOKENS[kind] + raw[-1][len(entity):])
            entities.append(entity)
        else:
            harmless = rng.choice(HARMLESS)
            raw.append(harmless)
            want.append(harmless)
    return " ".join(raw), " ".join(want), entities


@pytest.fixture(scope="module")
def docs() -> list[tuple[str, str, list[str]]]:
    return [_document(i) for i in range(300)]


@pytest.fixture
def redacted(gov: Lakehouse, docs):  # type: ignore[no-untyped-def]
    gov.write_table("notes", pa.table({"id": list(range(len(docs))), "body": [d[0] for d in docs],
                                       "owner": [fake.email() for _ in docs]}))
    gov.create_view({"name": "safe_notes", "base_dataset": "notes", "columns": ["id", "body"],
                     "column_redactions": {"body": {"kind": "entities"}}})
    agent, _ = principal(gov, "bot", "agent", view=["safe_notes"])
    return gov, agent


def test_view_text_equals_the_text_with_its_known_entities_replaced(redacted, docs) -> None:  # type: ignore[no-untyped-def]
    gov, agent = redacted
    rows = gov.sql("SELECT id, body FROM safe_notes ORDER BY id", actor=agent).table.to_pylist()
    assert len(rows) == len(docs) and sum(len(d[2]) for d in docs) > 300
    for row, (_, want, _) in zip(rows, docs, strict=True):
        assert row["body"] == want


def test_sql_on_the_view_never_shows_an_entity_of_the_base(redacted, docs) -> None:  # type: ignore[no-untyped-def]
    gov, agent = redacted
    entities = {e for d in docs for e in d[2]}
    queries = ["SELECT * FROM safe_notes", "SELECT body FROM safe_notes GROUP BY body",
               "SELECT lower(body) AS b FROM safe_notes", "SELECT substr(body, 1, 80) AS b FROM safe_notes",
               "SELECT body FROM safe_notes WHERE body LIKE '%@%'",
               "SELECT regexp_match(body, '[a-z.]+@[a-z.]+') AS m FROM safe_notes",
               "SELECT string_agg(body, ' | ') AS all_text FROM safe_notes",
               "SELECT max(body) AS m, min(body) AS n FROM safe_notes"]
    for sql in queries:
        cells = " ".join(str(v) for row in gov.sql(sql, actor=agent).table.to_pylist() for v in row.values())
        leaked = [e for e in entities if e in cells]
        assert not leaked, (sql, leaked[:3])
    # predicates see the redacted text too: a search for a base email finds nothing
    some_email = next(e for d in docs for e in d[2] if "@" in e)
    hits = gov.sql(f"SELECT count(*) AS n FROM safe_notes WHERE body LIKE '%{some_email}%'", actor=agent)
    assert hits.table.to_pylist() == [{"n": 0}]
    assert gov.sql("SELECT count(*) AS n FROM safe_notes WHERE body LIKE '%[EMAIL]%'",
                   actor=agent).table.to_pylist()[0]["n"] > 0


ALPHABET = "0123456789" * 3 + " -.()+@/,;:" + "abcxyzABCQXZ_" + "é"


def test_engine_regexes_match_python_re_on_random_text(gov: Lakehouse) -> None:
    """DataFusion's regexp_replace (Rust regex) against Python's re with the same patterns, in order."""
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(1500)]
    texts += [f"{a}{b}" for a, b in zip(texts[:300], [rng.choice(list(MAKERS["phone"]))() for _ in range(300)],
                                          strict=True)]
    gov.write_table("noise", pa.table({"id": list(range(len(texts))), "t": texts}))
    gov.create_view({"name": "noise_v", "base_dataset": "noise", "columns": ["id", "t"],
                     "column_redactions": {"t": {"kind": "entities"}}})
    got = [r["t"] for r in gov.sql("SELECT t FROM noise_v ORDER BY id", max_rows=5000).table.to_pylist()]

    def python_side(text: str) -> str:  # the documented passes, rebuilt here from PATTERNS
        phone = PATTERNS["phone"]
        order = [("email", PATTERNS["email"]), ("iban", PATTERNS["iban"]), ("phone", phone[:1]),
                 ("credit_card", PATTERNS["credit_card"]), ("national_id", PATTERNS["national_id"]),
                 ("phone", phone[1:])]
        for kind, patterns in order:
            text = re.sub("|".join(f"(?:{p})" for p in patterns), TOKENS[kind], text)
        return text

    mismatches = [(t, g, python_side(t)) for t, g in zip(texts, got, strict=True) if g != python_side(t)]
    assert not mismatches, mismatches[:5]


def test_kinds_restrict_what_is_replaced(gov: Lakehouse) -> None:
    gov.write_table("m", pa.table({"id": [1], "t": ["mail jane@example.org or call (212) 736-5000"]}))
    gov.create_view({"name": "only_email", "base_dataset": "m", "columns": ["id", "t"],
                     "column_redactions": {"t": {"kind": "entities", "kinds": ["email"]}}})
    assert gov.sql("SELECT t FROM only_email").table.to_pylist() == [{"t": "mail [EMAIL] or call (212) 736-5000"}]
    assert gov.get_view("only_email").column_redactions["t"].kinds == ["email"]


def test_entities_redaction_validation(gov: Lakehouse) -> None:
    gov.write_table("d", pa.table({"n": [1], "s": ["x"]}))
    with pytest.raises(InvalidInput, match="only applies to text"):
        gov.create_view({"name": "v", "base_dataset": "d", "columns": ["n"],
                         "column_redactions": {"n": {"kind": "entities"}}})
    for bad in ({"kind": "entities", "kinds": ["passport"]}, {"kind": "entities", "kinds": []},
                {"kind": "mask", "kinds": ["email"]}):
        with pytest.raises(ValidationError):
            gov.create_view({"name": "v", "base_dataset": "d", "columns": ["s"], "column_redactions": {"s": bad}})
    assert gov.list_views() == []


def test_entity_kinds_are_one_list() -> None:
    assert set(EntityKind.__args__) == set(ENTITY_KINDS) == set(TOKENS) == set(PATTERNS)


def test_cli_redact_rule_and_its_help(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from lakehouse.cli.main import app

    data = tmp_path / "data"
    csv = tmp_path / "notes.csv"
    csv.write_text('id,body\n1,"mail jane@example.org or call (212) 736-5000"\n')
    runner = CliRunner()
    ingested = runner.invoke(app, ["--data-dir", str(data), "ingest", "file", str(csv), "--dataset", "notes"])
    assert ingested.exit_code == 0, ingested.output
    made = runner.invoke(app, ["--data-dir", str(data), "views", "create", "nv", "--dataset", "notes",
                               "--columns", "id,body", "--redact", "body=entities:email"])
    assert made.exit_code == 0, made.output
    shown = runner.invoke(app, ["--data-dir", str(data), "--format", "json", "sql", "SELECT body FROM nv"])
    assert shown.exit_code == 0 and "[EMAIL]" in shown.stdout and "(212) 736-5000" in shown.stdout
    helped = runner.invoke(app, ["views", "create", "--help"], env={"COLUMNS": "200"})
    assert "entities" in helped.stdout and "[EMAIL]" in helped.stdout
