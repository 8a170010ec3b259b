"""Free text with PII inside: flagged ``contains_pii`` (kinds, sampled rate), apart from whole-value PII, and
carried to the catalog, the API manifest and ``lakehouse datasets show``."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pyarrow as pa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lakehouse.governance.entities import TOKENS, passes
from lakehouse.ingest.pii import detect_pii
from lakehouse.ingest.pii.text import entities_in

rng = random.Random(7)
FILLER = ["please", "review", "the", "attached", "notes", "before", "our", "meeting", "thanks", "regards"]


def prose(entity: str | None = None) -> str:
    words = rng.sample(FILLER, 6)
    if entity:
        words.insert(rng.randint(0, 6), entity)
    return " ".join(words) + "."


def test_demo_resumes_come_out_flagged() -> None:
    from lakehouse.demo.data import candidates
    from lakehouse.demo.resumes import resumes

    found = detect_pii(resumes(candidates(300)))
    assert "resume_text" not in found  # a resume is not PII as a whole...
    text = found.text["resume_text"]  # ...it holds PII
    assert (text.kinds, text.rate, text.sampled) == (("email", "phone"), 1.0, 100)


def test_kinds_and_rate() -> None:
    values = [prose("maria.lopez@example.com") for _ in range(3)] + [prose("(212) 736-5000") for _ in range(2)]
    values += [prose("card 4111 1111 1111 1111"), prose("SSN 536-90-4399"), prose("IBAN GB82 WEST 1234 5698 7654 32"),
               prose("NI number AB 12 34 56 C")] + [prose() for _ in range(11)]
    found = detect_pii(pa.table({"notes": values}))
    assert dict(found) == {}
    text = found.text["notes"]
    assert text.kinds[0] == "email"  # most frequent first
    assert set(text.kinds) == {"email", "phone", "credit_card", "national_id", "iban"}
    assert (text.rate, text.sampled) == (0.45, 20)


def test_prose_without_pii_and_numbers_that_are_not_entities() -> None:
    harmless = ["Invoice 2024-01-15 for $1,250.00 is due in 30 days.",
                "Upgraded to version 3.11.2 at 10:30 on 15/01/2024, build 20240115.",
                "Order 1234567890123456 shipped in 2 boxes, 12 kg total.",  # 16 digits, Luhn fails
                "Call center hours are 9 to 5, Monday to Friday, room 101.",
                "ISBN 978-3-16-148410-0 is on back order since 2019."] * 4
    found = detect_pii(pa.table({"comment": harmless, "description": [prose() for _ in range(20)]}))
    assert dict(found) == {} and found.text == {}


def test_whole_values_are_not_free_text() -> None:
    emails = [f"user{i}@example.org" for i in range(20)]
    found = detect_pii(pa.table({"email": emails, "order_ref": [f"4{rng.randint(10**14, 10**15 - 1)}"
                                                                 for _ in range(20)]}))
    assert set(found) == {"email"} and found.text == {}  # PII as a whole, or an id: not "contains"


def test_scan_confirms_what_the_redaction_patterns_find() -> None:
    text = ("Reach jane@example.org, +44 20 7946 0958 or (212) 736-5000; card 5500-0000-0000-0004, "
            "not 5500-0000-0000-0005; SSN 536-90-4399, not 000-12-3456.")
    assert entities_in(text) == [("email", "jane@example.org"), ("phone", "+44 20 7946 0958"),
                                 ("credit_card", "5500-0000-0000-0004"), ("national_id", "536-90-4399"),
                                 ("phone", "(212) 736-5000")]
    redacted = text
    for kind, regex in passes():
        redacted = re.sub(regex, TOKENS[kind], redacted)
    for _, span in entities_in(text):  # whatever the scan reports, the redaction removes
        assert span not in redacted


NOTES_CSV = "id,notes,email\n" + "".join(
    f"{i},\"{prose('jo' + str(i) + '@example.com') if i % 2 else prose()}\",user{i}@example.org\n" for i in range(20))


def test_contains_pii_reaches_catalog_api_and_cli(lakehouse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.api.app import create_app
    from lakehouse.cli.main import app

    lakehouse.write_table("tickets", pa.Table.from_pylist(
        [{"id": i, "notes": prose(f"jo{i}@example.com") if i % 2 else prose(), "email": f"u{i}@example.org"}
         for i in range(20)]))
    columns = {c.name: c for c in lakehouse.get_dataset("tickets").columns}
    assert columns["notes"].pii_kind is None
    assert columns["notes"].contains_pii is not None
    assert (columns["notes"].contains_pii.kinds, columns["notes"].contains_pii.rate) == (["email"], 0.5)
    assert columns["email"].pii_category == "email" and columns["email"].contains_pii is None
    with TestClient(create_app(lakehouse)) as client:
        manifest = client.get("/catalog/datasets/by-name/tickets").json()
    by_name = {c["name"]: c for c in manifest["columns"]}
    assert by_name["notes"]["contains_pii"] == {"kinds": ["email"], "rate": 0.5, "sampled": 20}
    assert by_name["id"]["contains_pii"] is None
    lakehouse.close()
    data = Path(lakehouse.settings.data_dir)
    runner = CliRunner()
    shown = runner.invoke(app, ["--data-dir", str(data), "--format", "json", "datasets", "show", "tickets"])
    assert shown.exit_code == 0, shown.output
    cli_columns = {c["name"]: c for c in json.loads(shown.stdout)["columns"]}
    assert cli_columns["notes"]["contains_pii"]["kinds"] == ["email"]
    table = runner.invoke(app, ["--data-dir", str(data), "datasets", "show", "tickets"], env={"COLUMNS": "250"})
    assert table.exit_code == 0 and "email in 50% of 20" in table.stdout


def test_appends_refresh_contains_pii_and_overwrites_clear_it(lakehouse) -> None:  # type: ignore[no-untyped-def]
    clean = pa.table({"id": list(range(10)), "notes": [prose() for _ in range(10)]})
    lakehouse.write_table("t", clean)
    assert {c.name: c.contains_pii for c in lakehouse.get_dataset("t").columns}["notes"] is None
    dirty = pa.table({"id": list(range(10)), "notes": [prose("+1 202-456-1111") for _ in range(10)]})
    lakehouse.write_table("t", dirty, mode="append")
    found = {c.name: c.contains_pii for c in lakehouse.get_dataset("t").columns}["notes"]
    assert found is not None and found.kinds == ["phone"]
    lakehouse.write_table("t", pa.table({"id": [1], "notes": ["all clean now, thanks"]}), mode="append")
    assert {c.name: c.contains_pii for c in lakehouse.get_dataset("t").columns}["notes"] is not None  # sticky
    lakehouse.write_table("t", clean, mode="overwrite")
    assert {c.name: c.contains_pii for c in lakehouse.get_dataset("t").columns}["notes"] is None
