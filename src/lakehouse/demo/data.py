"""Deterministic synthetic data for the staffing demo: candidates, placements, threat intel.

Faker is slow per call, so it only fills small pools (names, companies, words) once per seed; rows are
composed from those pools with a seeded ``random.Random``. Every date is relative to ``REFERENCE_TIME``
(never "now") so the same seed yields byte-identical tables on any day.
"""

from __future__ import annotations

import ipaddress
import json
import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from faker import Faker

REFERENCE_TIME = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)
REFERENCE_DATE = REFERENCE_TIME.date()
_EPOCH = date(1970, 1, 1)
MONEY = pa.decimal128(8, 2)
TIMESTAMP = pa.timestamp("us", tz="UTC")

# vertical -> (weight, hourly rate range, skills, job titles)
VERTICALS: dict[str, tuple[int, tuple[float, float], tuple[str, ...], tuple[str, ...]]] = {
    "healthcare": (20, (24.0, 78.0), (
        "RN License", "BLS", "ACLS", "Epic EHR", "Cerner", "Patient Care", "Telemetry", "ICU",
        "Med-Surg", "Phlebotomy", "HIPAA Compliance", "IV Therapy", "Wound Care", "Medical Coding",
    ), ("Registered Nurse", "Travel Nurse", "Medical Assistant", "Phlebotomist", "Medical Coder",
        "Certified Nursing Assistant", "Surgical Technologist")),
    "IT": (18, (40.0, 125.0), (
        "Python", "Java", "JavaScript", "AWS", "Azure", "Kubernetes", "Docker", "SQL", "React", "Linux",
        "Terraform", "Go", "CI/CD", "Network Security", "ServiceNow",
    ), ("Software Engineer", "DevOps Engineer", "Data Engineer", "Help Desk Technician",
        "Systems Administrator", "Cloud Architect", "QA Analyst")),
    "finance": (10, (28.0, 92.0), (
        "Financial Modeling", "Excel", "GAAP", "SAP", "QuickBooks", "Accounts Payable",
        "Accounts Receivable", "Audit", "Budgeting", "Forecasting", "Tax Preparation", "SOX Compliance",
        "Reconciliation", "Bloomberg Terminal",
    ), ("Staff Accountant", "Financial Analyst", "Accounts Payable Specialist", "Auditor",
        "Controller", "Payroll Specialist")),
    "engineering": (10, (38.0, 105.0), (
        "AutoCAD", "SolidWorks", "MATLAB", "CATIA", "Six Sigma", "Lean Manufacturing", "PLC Programming",
        "Revit", "Structural Analysis", "GD&T", "FEA", "Civil 3D", "HVAC Design", "Quality Control",
    ), ("Mechanical Engineer", "Civil Engineer", "Electrical Engineer", "Manufacturing Engineer",
        "CAD Designer", "Quality Engineer")),
    "light industrial": (22, (15.0, 26.0), (
        "Forklift", "OSHA 10", "Pallet Jack", "Warehouse Operations", "Shipping and Receiving",
        "Inventory Control", "Assembly", "Machine Operation", "Packaging", "RF Scanner", "Welding",
        "Quality Inspection", "Reach Truck", "Order Picking",
    ), ("Warehouse Associate", "Forklift Operator", "Assembler", "Machine Operator", "Picker Packer",
        "Production Worker", "Welder")),
    "legal": (6, (25.0, 88.0), (
        "Litigation", "Contract Review", "Westlaw", "LexisNexis", "eDiscovery", "Legal Research",
        "Corporate Law", "Document Drafting", "Relativity", "Intellectual Property", "Compliance",
        "Deposition Preparation", "Case Management", "Notary Public",
    ), ("Paralegal", "Legal Assistant", "Contract Attorney", "Document Review Attorney",
        "Litigation Support Specialist")),
    "administrative": (10, (17.0, 34.0), (
        "Microsoft Office", "Data Entry", "Scheduling", "Customer Service", "Salesforce", "Bookkeeping",
        "Reception", "Calendar Management", "Records Management", "Payroll", "Workday",
        "Travel Coordination", "Office Management", "CRM",
    ), ("Administrative Assistant", "Receptionist", "Office Manager", "Data Entry Clerk",
        "Executive Assistant", "Customer Service Representative")),
    "education": (4, (20.0, 52.0), (
        "Lesson Planning", "Classroom Management", "Special Education", "Curriculum Development",
        "ESL", "STEM Instruction", "Google Classroom", "Tutoring", "IEP Development",
        "Early Childhood Education", "Student Assessment", "Behavior Management",
    ), ("Substitute Teacher", "Teacher Aide", "Special Education Teacher", "Tutor",
        "Instructional Designer")),
}

# Real metros with real area codes, so phone numbers agree with the city and pass phonenumbers.
CITIES: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("New York", "NY", (212, 646, 718, 917)), ("Los Angeles", "CA", (213, 310, 323)),
    ("Chicago", "IL", (312, 773)), ("Houston", "TX", (713, 281, 832)), ("Phoenix", "AZ", (602, 480)),
    ("Philadelphia", "PA", (215, 267)), ("San Antonio", "TX", (210,)), ("San Diego", "CA", (619, 858)),
    ("Dallas", "TX", (214, 469, 972)), ("Austin", "TX", (512, 737)), ("Jacksonville", "FL", (904,)),
    ("San Jose", "CA", (408,)), ("Columbus", "OH", (614,)), ("Charlotte", "NC", (704, 980)),
    ("Indianapolis", "IN", (317,)), ("San Francisco", "CA", (415, 628)), ("Seattle", "WA", (206,)),
    ("Denver", "CO", (303, 720)), ("Nashville", "TN", (615,)), ("Washington", "DC", (202,)),
    ("Boston", "MA", (617, 857)), ("Detroit", "MI", (313,)), ("Portland", "OR", (503, 971)),
    ("Las Vegas", "NV", (702,)), ("Memphis", "TN", (901,)), ("Louisville", "KY", (502,)),
    ("Baltimore", "MD", (410, 443)), ("Milwaukee", "WI", (414,)), ("Albuquerque", "NM", (505,)),
    ("Tucson", "AZ", (520,)), ("Sacramento", "CA", (916,)), ("Kansas City", "MO", (816,)),
    ("Atlanta", "GA", (404, 470, 678)), ("Omaha", "NE", (402,)), ("Raleigh", "NC", (919,)),
    ("Miami", "FL", (305, 786)), ("Minneapolis", "MN", (612,)), ("Tampa", "FL", (813,)),
    ("New Orleans", "LA", (504,)), ("Cleveland", "OH", (216,)), ("Pittsburgh", "PA", (412,)),
    ("Salt Lake City", "UT", (801,)), ("St. Louis", "MO", (314,)), ("Orlando", "FL", (407,)),
    ("Cincinnati", "OH", (513,)), ("Richmond", "VA", (804,)), ("Boise", "ID", (208,)),
    ("Hartford", "CT", (860,)), ("Birmingham", "AL", (205,)), ("Oklahoma City", "OK", (405,)),
)

CANDIDATE_STATUSES = ("active", "placed", "inactive", "do_not_contact")
_STATUS_WEIGHTS = (45, 25, 22, 8)
SOURCES = ("referral", "job board", "LinkedIn", "company website", "career fair", "agency partner",
           "walk-in", "social media")
_SOURCE_WEIGHTS = (18, 30, 20, 10, 6, 6, 4, 6)
# RFC 2606 reserved domains: syntactically valid addresses that can never reach a real person.
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass(frozen=True)
class Pools:
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    companies: tuple[str, ...]
    words: tuple[str, ...]


@lru_cache(maxsize=4)
def pools(seed: int) -> Pools:
    """The only Faker calls: a few thousand values, reused by every generator for this seed."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    return Pools(
        first_names=tuple(fake.first_name() for _ in range(1500)),
        last_names=tuple(fake.last_name() for _ in range(1500)),
        companies=tuple(dict.fromkeys(fake.company() for _ in range(600))),
        words=tuple(dict.fromkeys(w.lower() for w in (fake.word() for _ in range(800)) if w.isalpha())),
    )


def _rng(kind: str, seed: int) -> random.Random:
    # One independent stream per generator, so adding a column to one never shifts another.
    return random.Random(f"lakehouse-demo:{kind}:{seed}")


def _days(d: date) -> int:
    return (d - _EPOCH).days


def _money(values: list[float]) -> pa.Array:
    return pa.array([Decimal(round(v * 100)).scaleb(-2) for v in values], MONEY)


def _ascii(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum())


# 555 is fictional and N11 codes are service numbers; neither passes as a subscriber number.
_EXCHANGES = tuple(x for x in range(200, 1000) if x != 555 and x % 100 != 11)


def _phone(rng: random.Random, area: int) -> str:
    r = rng.random
    ex, line, style = _EXCHANGES[int(r() * len(_EXCHANGES))], int(r() * 10_000), r()
    if style < 0.5:
        return f"({area}) {ex}-{line:04d}"
    if style < 0.8:
        return f"{area}-{ex}-{line:04d}"
    if style < 0.9:
        return f"+1 {area} {ex} {line:04d}"
    return f"{area}.{ex}.{line:04d}"


def _picker(values: tuple[str, ...], weights: tuple[int, ...]) -> Callable[[float], str]:
    cum, total = list(accumulate(weights)), sum(weights)
    return lambda u: values[bisect(cum, u * total)]


def _to_table(schema: pa.Schema, rows: list[tuple[Any, ...]]) -> pa.Table:
    """Rows of plain Python values -> table; dates come as epoch days, timestamps as epoch µs."""
    cols: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = [
        _money(list(col)) if field.type == MONEY
        else pa.array(col, pa.int32()).cast(field.type) if field.type == pa.date32()
        else pa.array(col, pa.int64()).cast(field.type) if field.type == TIMESTAMP
        else pa.array(col, field.type)
        for field, col in zip(schema, cols, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


CANDIDATE_SCHEMA = pa.schema([
    ("candidate_id", pa.int64()), ("first_name", pa.string()), ("last_name", pa.string()),
    ("email", pa.string()), ("phone", pa.string()), ("city", pa.string()), ("state", pa.string()),
    ("vertical", pa.string()), ("skills", pa.string()), ("years_experience", pa.int64()),
    ("status", pa.string()), ("date_of_birth", pa.date32()), ("hourly_rate", MONEY),
    ("source", pa.string()), ("created_at", TIMESTAMP),
])


def candidates(n: int = 100_000, seed: int = 42) -> pa.Table:
    """``n`` candidates (ids 1..n) with PII, columns as ``CANDIDATE_SCHEMA``. Rows are drawn one at a
    time, so ``candidates(k, s)`` is a prefix of ``candidates(n, s)`` for k <= n."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng, p = _rng("candidates", seed), pools(seed)
    vertical_of = _picker(tuple(VERTICALS), tuple(v[0] for v in VERTICALS.values()))
    status_of = _picker(CANDIDATE_STATUSES, _STATUS_WEIGHTS)
    source_of = _picker(SOURCES, _SOURCE_WEIGHTS)
    plain = {name: _ascii(name) for name in {*p.first_names, *p.last_names}}
    ref_days = _days(REFERENCE_DATE)
    start_created = int(datetime(2016, 1, 1, tzinfo=UTC).timestamp() * 1_000_000)
    span_created = int(REFERENCE_TIME.timestamp() * 1_000_000) - start_created
    n_first, n_last, n_cities = len(p.first_names), len(p.last_names), len(CITIES)
    r = rng.random
    rows: list[tuple[Any, ...]] = []
    for cid in range(1, n + 1):
        first, last = p.first_names[int(r() * n_first)], p.last_names[int(r() * n_last)]
        city, state, areas = CITIES[int(r() * n_cities)]
        vertical = vertical_of(r())
        f, lst = plain[first], plain[last]
        style = r()
        local = (f"{f}.{lst}{cid}" if style < 0.5 else f"{f[0]}{lst}{cid}" if style < 0.75
                 else f"{f}_{lst}{cid}" if style < 0.9 else f"{f}{cid}")
        email = f"{local}@{EMAIL_DOMAINS[int(r() * 3)]}"
        phone = _phone(rng, areas[int(r() * len(areas))])
        _, (lo, hi), pool, _titles = VERTICALS[vertical]
        skills = ", ".join(rng.sample(pool, rng.randint(3, 6)))
        age = int(rng.triangular(19, 68, 33))
        yrs = max(0, min(age - 18, round(rng.gauss(age - 23, 4))))
        dob = ref_days - age * 365 - int(r() * 365)
        rate = lo + (hi - lo) * (0.65 * min(1.0, yrs / 25) + 0.35 * r())
        rows.append((cid, first, last, email, phone, city, state, vertical, skills, yrs, status_of(r()),
                     dob, rate, source_of(r()), start_created + int(r() * span_created)))

    return _to_table(CANDIDATE_SCHEMA, rows)


PLACEMENT_SCHEMA = pa.schema([
    ("placement_id", pa.int64()), ("candidate_id", pa.int64()), ("client_company", pa.string()),
    ("job_title", pa.string()), ("start_date", pa.date32()), ("end_date", pa.date32()),
    ("bill_rate", MONEY), ("pay_rate", MONEY), ("status", pa.string()),
])


def placements(candidates: pa.Table, n: int | None = None, seed: int = 42) -> pa.Table:
    """Placements of ``candidates``: every ``placed`` candidate holds one active placement (while ``n``
    allows), the rest are past or pending placements of random candidates. Default ``n`` = half the
    candidates. Ids 1..n in start-date order."""
    total = len(candidates) // 2 if n is None else n
    if total < 0:
        raise ValueError("n must be >= 0")
    if total and not len(candidates):
        raise ValueError("cannot place anyone without candidates")
    rng, p = _rng("placements", seed), pools(seed)
    ids: list[int] = candidates.column("candidate_id").to_pylist()
    verticals: list[str] = candidates.column("vertical").to_pylist()
    statuses: list[str] = candidates.column("status").to_pylist()
    rates: list[float] = pc.cast(candidates.column("hourly_rate"), pa.float64()).to_pylist()
    created: list[date] = pc.cast(candidates.column("created_at"), pa.date32()).to_pylist()

    rows = [i for i, s in enumerate(statuses) if s == "placed"][:total]
    rows += rng.choices(range(len(ids)), k=total - len(rows))
    n_active = min(total, sum(1 for s in statuses if s == "placed"))
    ref = _days(REFERENCE_DATE)
    out: list[tuple[int, int, str, str, int, int | None, float, float, str]] = []
    for k, row in enumerate(rows):
        hired = max(_days(created[row]), ref - 1500)
        if k < n_active:
            status = "active"
            start, end = rng.randint(max(hired, ref - 540), ref), None
        else:
            status = rng.choices(("completed", "terminated", "pending"), (75, 15, 10))[0]
            if status == "pending" and statuses[row] in ("active", "placed"):
                start, end = ref + rng.randint(1, 45), None
            else:
                status = "completed" if status == "pending" else status
                start = rng.randint(min(hired, ref - 31), ref - 31)
                length = rng.randint(14, 120) if status == "terminated" else rng.randint(30, 540)
                end = min(start + length, ref - 1)
        pay = rates[row] * rng.uniform(0.95, 1.12)
        title = rng.choice(VERTICALS[verticals[row]][3])
        out.append((start, ids[row], rng.choice(p.companies), title, start, end, pay * rng.uniform(1.35, 1.8),
                    pay, status))
    out.sort(key=lambda r: (r[0], r[1]))
    return _to_table(PLACEMENT_SCHEMA, [(i, *r[1:]) for i, r in enumerate(out, start=1)])


_THREATS = {
    "ip": ("scanner", "botnet", "c2", "brute_force", "spam"),
    "domain": ("phishing", "c2", "malware_distribution", "typosquatting"),
    "hash": ("malware", "ransomware", "trojan", "infostealer"),
    "url": ("phishing", "malware_distribution", "credential_harvesting"),
}
_SEVERITIES = ("low", "medium", "high", "critical")
_TI_SOURCES = ("AlienVault OTX", "abuse.ch URLhaus", "abuse.ch MalwareBazaar", "Spamhaus DROP",
               "internal honeypot", "CISA AIS", "VirusTotal", "partner ISAC")
_TLDS = ("com", "net", "info", "xyz", "top", "online", "site", "click", "ru", "cn", "io", "biz")
_LURES = ("secure", "login", "update", "verify", "account", "support", "billing", "portal", "cdn")
_RESERVED_V4 = {0, 10, 100, 127, 169, 172, 192, 198, 203}
_V6_PREFIXES = (0x2001, 0x2400, 0x2403, 0x2600, 0x2604, 0x2607, 0x2a00, 0x2a01, 0x2a02, 0x2c0f)


def _ipv4(rng: random.Random) -> str:
    while (first := rng.randint(1, 223)) in _RESERVED_V4:
        pass
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randint(1, 254)}"


def _domain(rng: random.Random, words: tuple[str, ...]) -> str:
    lure = rng.choice(_LURES)
    word = rng.choice(words)
    label = f"{lure}-{word}" if rng.random() < 0.6 else f"{word}{lure}{rng.randint(1, 99)}"
    return f"{label}.{rng.choice(_TLDS)}"


def _indicator(rng: random.Random, kind: str, words: tuple[str, ...]) -> str:
    if kind == "ip":
        if rng.random() < 0.85:
            return _ipv4(rng)
        return str(ipaddress.IPv6Address((rng.choice(_V6_PREFIXES) << 112) | rng.getrandbits(112)))
    if kind == "hash":
        return f"{rng.getrandbits(256):064x}"
    domain = _domain(rng, words)
    if kind == "domain":
        return domain
    path = rng.choice((f"{rng.choice(words)}/login.php", "wp-admin/update.php",
                       f"invoice/{rng.getrandbits(32):08x}.zip", f"verify?id={rng.getrandbits(40):010x}",
                       f"download/{rng.choice(words)}.exe"))
    return f"{rng.choice(('http', 'https'))}://{domain}/{path}"


THREAT_INTEL_SCHEMA = pa.schema([
    ("indicator_id", pa.int64()), ("indicator_type", pa.string()), ("value", pa.string()),
    ("threat_type", pa.string()), ("severity", pa.string()), ("first_seen", TIMESTAMP),
    ("last_seen", TIMESTAMP), ("source", pa.string()), ("confidence", pa.int64()),
])


def threat_intel(n: int = 5_000, seed: int = 42) -> pa.Table:
    """``n`` threat indicators (ip/domain/hash/url) with unique values, columns as
    ``THREAT_INTEL_SCHEMA``; ``confidence`` is 0..100."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng, words = _rng("threat_intel", seed), pools(seed).words
    end = int(REFERENCE_TIME.timestamp() * 1_000_000)
    day = 86_400 * 1_000_000
    seen: set[str] = set()
    rows: list[tuple[Any, ...]] = []
    for indicator_id in range(1, n + 1):
        kind = rng.choices(tuple(_THREATS), (40, 25, 20, 15))[0]
        while (value := _indicator(rng, kind, words)) in seen:
            pass
        seen.add(value)
        sev = rng.choices(range(4), (30, 35, 25, 10))[0]
        first = end - rng.randrange(730 * day)
        rows.append((indicator_id, kind, value, rng.choice(_THREATS[kind]), _SEVERITIES[sev], first,
                     min(end, first + rng.randrange(180 * day)), rng.choice(_TI_SOURCES),
                     min(100, rng.randint(20, 80) + 7 * sev)))
    return _to_table(THREAT_INTEL_SCHEMA, rows)


def _write_jsonl(table: pa.Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in table.to_pylist():
            fh.write(json.dumps(row, default=_json_default) + "\n")


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_demo_files(directory: Path, n_candidates: int = 100_000, seed: int = 42, *,
                     n_resumes: int | None = None) -> dict[str, Path]:
    """Write the demo files into ``directory``; returns dataset name -> path. ``n_resumes`` limits the
    resume corpus to the first candidates (all by default)."""
    from lakehouse.demo.resumes import resumes  # resumes imports this module's vocabulary

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    cands = candidates(n_candidates, seed)
    paths = {
        "candidates": directory / "candidates.csv",
        "placements": directory / "placements.csv",
        "threat_intel": directory / "threat_intel.jsonl",
        "resumes": directory / "resumes.parquet",
    }
    pacsv.write_csv(cands, paths["candidates"])
    pacsv.write_csv(placements(cands, seed=seed), paths["placements"])
    _write_jsonl(threat_intel(seed=seed), paths["threat_intel"])
    subset = cands if n_resumes is None else cands.slice(0, n_resumes)
    pq.write_table(resumes(subset, seed), paths["resumes"])
    return paths


__all__ = ["CANDIDATE_SCHEMA", "CITIES", "PLACEMENT_SCHEMA", "REFERENCE_TIME", "THREAT_INTEL_SCHEMA",
           "VERTICALS", "candidates", "placements", "pools", "threat_intel", "write_demo_files"]
