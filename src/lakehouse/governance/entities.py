"""PII entities inside text: the span patterns the ``entities`` redaction replaces, and its SQL.

The patterns are written in the syntax shared by Python's ``re`` and Rust's ``regex`` crate (which
DataFusion's ``regexp_replace`` uses): classes, ``\\b``, ``\\d``, ``\\s``, ``(?:...)``, bounded repeats;
no look-around, no back-references. They are shapes, not validators: SQL cannot run a Luhn or a check
digit, so the redaction replaces every span *shaped* like an entity (a 16-digit order number in prose
is replaced as ``[CARD]`` too). Ingest's free-text scan (ingest/pii/text.py) finds candidates with the
same patterns and confirms them with the validators, so whatever it reports, the redaction removes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

ENTITY_KINDS: Final = ("email", "iban", "credit_card", "national_id", "phone")
TOKENS: Final[dict[str, str]] = {
    "email": "[EMAIL]", "iban": "[IBAN]", "credit_card": "[CARD]", "national_id": "[NATIONAL_ID]",
    "phone": "[PHONE]",
}
# "+421 940 ..." or, unbroken after the international call prefix most of the world dials, "00421940700650"
_INTERNATIONAL_PHONE: Final = (r"\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}\b"
                               r"|\b00[1-9]\d{8,13}\b")
PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "email": (r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}",),
    "iban": (r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",),
    # 13-19 digits, single spaces or dashes between them, starting like a card network's numbers (2-6)
    "credit_card": (r"\b[2-6](?:[ -]?\d){12,18}\b",),
    "national_id": (
        r"\b\d{3}-\d{2}-\d{4}\b",  # US SSN
        r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",  # UK National Insurance
        r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b",  # Italian codice fiscale
        r"\b[XYZ]?-?\d{7,8}-?[A-HJ-NP-TV-Z]\b",  # Spanish DNI / NIE
        r"\b\d{3}\.\d{3}\.\d{3}-\d{2}\b",  # Brazilian CPF
        r"\b\d{4} \d{4} \d{4}\b",  # Indian Aadhaar, written in groups
    ),
    "phone": (
        _INTERNATIONAL_PHONE,
        r"(?:\(\d{3}\) ?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b",  # North American
        r"\b1[ .-]\d{3}[ .-]\d{3}[ .-]\d{4}\b",  # 1-800-555-0100
        r"\(0\d{1,4}\) ?\d{3,8}\b|\b0\d{1,4}[ /-]\d{3,4}[ -]?\d{3,4}\b",  # trunk-0 national (GB, DE, ...)
        r"\b0\d(?:[ .]\d{2}){4}\b",  # French pairs
    ),
}
# The order of the passes: an email's digits must not become a phone, nor a card's groups a phone; an
# international phone (+49 1512 3456789) goes before cards, whose digit count it may have.
PASSES: Final[tuple[tuple[str, str], ...]] = (
    ("email", "|".join(f"(?:{p})" for p in PATTERNS["email"])),
    ("iban", "|".join(f"(?:{p})" for p in PATTERNS["iban"])),
    ("phone", _INTERNATIONAL_PHONE),
    ("credit_card", "|".join(f"(?:{p})" for p in PATTERNS["credit_card"])),
    ("national_id", "|".join(f"(?:{p})" for p in PATTERNS["national_id"])),
    ("phone", "|".join(f"(?:{p})" for p in PATTERNS["phone"][1:])),
)


def passes(kinds: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """The (kind, regex) passes for ``kinds`` (all by default), in the order they must run."""
    wanted = set(kinds or ENTITY_KINDS)
    return [(kind, regex) for kind, regex in PASSES if kind in wanted]


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def entities_sql(text_sql: str, kinds: Sequence[str] | None = None) -> str:
    """``text_sql`` with every span of ``kinds`` (all by default) replaced by its token, in SQL."""
    expr = text_sql
    for kind, regex in passes(kinds):
        expr = f"regexp_replace({expr}, {_sql_string(regex)}, {_sql_string(TOKENS[kind])}, 'g')"
    return expr
