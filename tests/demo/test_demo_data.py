from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from pathlib import Path

import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from email_validator import EmailNotValidError, validate_email

from lakehouse.demo.data import (
    CANDIDATE_SCHEMA,
    PLACEMENT_SCHEMA,
    THREAT_INTEL_SCHEMA,
    VERTICALS,
    candidates,
    placements,
    threat_intel,
    write_demo_files,
)
from lakehouse.demo.resumes import resumes

N = 3_000


@pytest.fixture(scope="module")
def cands() -> pa.Table:
    return candidates(N, seed=7)


def digest(table: pa.Table) -> str:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.sha256(sink.getvalue().to_pybytes()).hexdigest()


def test_candidates_shape_and_types(cands: pa.Table) -> None:
    assert cands.num_rows == N
    assert cands.num_columns == 15
    assert cands.schema == CANDIDATE_SCHEMA
    assert cands.column_names[:3] == ["candidate_id", "first_name", "last_name"]
    assert cands.column("candidate_id").to_pylist() == list(range(1, N + 1))
    assert cands.column("skills").null_count == 0
    assert set(cands.column("vertical").to_pylist()) == set(VERTICALS)
    assert set(cands.column("status").to_pylist()) == {"active", "placed", "inactive", "do_not_contact"}
    assert all(re.fullmatch(r"[A-Z]{2}", s) for s in cands.column("state").to_pylist())
    years = cands.column("years_experience")
    assert pc.min(years).as_py() >= 0 and pc.max(years).as_py() <= 50
    assert pc.min(cands.column("hourly_rate")).as_py() > 0


def test_skills_come_from_the_candidates_vertical(cands: pa.Table) -> None:
    for row in cands.slice(0, 300).to_pylist():
        skills = row["skills"].split(", ")
        assert 3 <= len(skills) == len(set(skills))
        assert set(skills) <= set(VERTICALS[row["vertical"]][2])


def test_emails_are_valid_and_unique(cands: pa.Table) -> None:
    emails = cands.column("email").to_pylist()
    assert len(set(emails)) == len(emails)
    valid = 0
    for email in emails:
        try:
            validate_email(email, check_deliverability=False)
            valid += 1
        except EmailNotValidError:
            pass
    assert valid / len(emails) >= 0.95


def test_phones_are_valid_us_numbers(cands: pa.Table) -> None:
    phones = cands.column("phone").to_pylist()
    valid = sum(phonenumbers.is_valid_number(phonenumbers.parse(p, "US")) for p in phones)
    assert valid / len(phones) >= 0.95
    assert not any("555-01" in p for p in phones)


def test_same_seed_same_tables_other_seed_differs() -> None:
    a, b = candidates(500, seed=1), candidates(500, seed=1)
    assert digest(a) == digest(b)
    assert digest(placements(a, seed=1)) == digest(placements(b, seed=1))
    assert digest(threat_intel(300, seed=1)) == digest(threat_intel(300, seed=1))
    assert digest(resumes(a, seed=1)) == digest(resumes(b, seed=1))
    other = candidates(500, seed=2)
    assert digest(other) != digest(a)
    assert digest(placements(other, seed=2)) != digest(placements(a, seed=1))
    assert digest(threat_intel(300, seed=2)) != digest(threat_intel(300, seed=1))


def test_smaller_run_is_a_prefix(cands: pa.Table) -> None:
    assert candidates(200, seed=7).equals(cands.slice(0, 200))


def test_placements_reference_existing_candidates(cands: pa.Table) -> None:
    table = placements(cands, seed=7)
    assert table.schema == PLACEMENT_SCHEMA
    assert table.num_rows == N // 2
    assert table.column("placement_id").to_pylist() == list(range(1, N // 2 + 1))
    known = set(cands.column("candidate_id").to_pylist())
    assert set(table.column("candidate_id").to_pylist()) <= known
    for row in table.to_pylist():
        assert row["bill_rate"] > row["pay_rate"] > 0
        assert row["end_date"] is None or row["end_date"] >= row["start_date"]
        assert (row["end_date"] is None) == (row["status"] in ("active", "pending"))
    placed = pc.filter(cands, pc.equal(cands.column("status"), "placed")).column("candidate_id")
    active = pc.filter(table, pc.equal(table.column("status"), "active")).column("candidate_id")
    assert sorted(placed.to_pylist()) == sorted(active.to_pylist())
    assert placements(cands, n=10, seed=7).num_rows == 10


def test_placements_need_candidates() -> None:
    empty = candidates(0)
    assert empty.schema == CANDIDATE_SCHEMA
    assert placements(empty).num_rows == 0
    with pytest.raises(ValueError):
        placements(empty, n=5)


def test_threat_intel_values_look_real() -> None:
    table = threat_intel(1_000, seed=3)
    assert table.schema == THREAT_INTEL_SCHEMA
    assert table.num_rows == 1_000
    values = table.column("value").to_pylist()
    assert len(set(values)) == len(values)
    kinds = table.column("indicator_type").to_pylist()
    assert set(kinds) == {"ip", "domain", "hash", "url"}
    for kind, value in zip(kinds, values, strict=True):
        if kind == "ip":
            assert ipaddress.ip_address(value).is_global
        elif kind == "hash":
            assert re.fullmatch(r"[0-9a-f]{64}", value)
        elif kind == "domain":
            assert re.fullmatch(r"[a-z0-9-]+\.[a-z]{2,}", value)
        else:
            assert re.match(r"https?://[a-z0-9-]+\.[a-z]{2,}/", value)
    assert pc.all(pc.less_equal(table.column("first_seen"), table.column("last_seen"))).as_py()
    conf = table.column("confidence")
    assert pc.min(conf).as_py() >= 0 and pc.max(conf).as_py() <= 100


def test_resumes_describe_their_candidate(cands: pa.Table) -> None:
    subset = cands.slice(0, 500)
    table = resumes(subset, seed=7)
    assert table.column_names == ["candidate_id", "resume_text"]
    assert table.schema.field("candidate_id").type == pa.int64()
    assert table.column("candidate_id").equals(subset.column("candidate_id"))
    for cand, text in zip(subset.to_pylist(), table.column("resume_text").to_pylist(), strict=True):
        assert text.count("\n\n") >= 3
        assert cand["vertical"] in text and cand["city"] in text
        assert all(skill in text for skill in cand["skills"].split(", "))
        assert f"{cand['years_experience']} year" in text or cand["years_experience"] == 0


def test_write_demo_files(tmp_path: Path) -> None:
    paths = write_demo_files(tmp_path / "demo", n_candidates=400, seed=5, n_resumes=50)
    assert set(paths) == {"candidates", "placements", "threat_intel", "resumes"}
    assert all(p.exists() and p.parent == tmp_path / "demo" for p in paths.values())
    csv = pacsv.read_csv(paths["candidates"])
    assert csv.num_rows == 400 and csv.column_names == CANDIDATE_SCHEMA.names
    assert pacsv.read_csv(paths["placements"]).column_names == PLACEMENT_SCHEMA.names
    lines = paths["threat_intel"].read_text().splitlines()
    assert len(lines) == 5_000
    assert list(json.loads(lines[0])) == THREAT_INTEL_SCHEMA.names
    assert pq.read_table(paths["resumes"]).num_rows == 50
