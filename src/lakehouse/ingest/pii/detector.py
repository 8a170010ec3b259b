"""Combine column-name rules and value validators into per-column PII findings."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.ingest.pii.categories import kind_and_sensitivity
from lakehouse.ingest.pii.names import NameHint, match_name, phi_qualified
from lakehouse.ingest.pii.validators import KNOWN_PERSON, VALIDATORS, Validator

SAMPLE_CAP: Final = 200  # values validated per column
MIN_VALUES: Final = 5  # fewer non-null values than this: the name decides alone
VALUE_ONLY_RATE: Final = 0.8  # share of valid values that flags a column with no name rule
AGREE_RATE: Final = 0.2  # under a name rule, below this share the values contradict the name
WEAK_AGREE_RATE: Final = 0.5  # a bare "name" needs half its values to look like people
NAME_ONLY: Final = 0.6
REPORT_AT: Final = 0.5

_PLACEHOLDERS: Final = frozenset({"", "n/a", "na", "none", "null", "nil", "unknown", "-", "--", "?", "nan",
                                  "tbd", "#n/a", "not available", "redacted"})
_BOOLEAN_WORDS: Final = frozenset({"true", "false", "yes", "no", "y", "n", "t", "f", "0", "1"})
_UUID: Final = re.compile(r"^[0-9a-fA-F]{8}(?:-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class PiiFinding:
    column: str
    kind: str  # "PII" | "PHI" | "Financial"
    category: str
    confidence: float  # 0..1
    evidence: str
    sensitivity: str  # "restricted" | "confidential"


@dataclass(frozen=True)
class _Values:
    items: list[Any]
    kind: str  # str | int | float | bool | date | other | empty


def _value_kind(dtype: pa.DataType) -> str:
    if pa.types.is_boolean(dtype):
        return "bool"
    if pa.types.is_integer(dtype):
        return "int"
    if pa.types.is_floating(dtype) or pa.types.is_decimal(dtype):
        return "float"
    if pa.types.is_string(dtype) or pa.types.is_large_string(dtype) or pa.types.is_string_view(dtype):
        return "str"
    if pa.types.is_date(dtype) or pa.types.is_timestamp(dtype):
        return "date"
    if pa.types.is_dictionary(dtype):
        return _value_kind(dtype.value_type)
    return "other"


def sample_values(column: pa.ChunkedArray | pa.Array, cap: int = SAMPLE_CAP) -> _Values:
    """Up to ``cap`` non-null values spread evenly over the column (not just its head)."""
    kind = _value_kind(column.type)
    if kind == "other":
        return _Values([], "other")
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    present = pc.drop_null(column)
    if kind == "str":
        present = pc.utf8_trim_whitespace(present)
    n = len(present)
    if n > cap * 3:  # strings may be placeholders; oversample a little before filtering them
        present = present.take(pa.array([i * n // (cap * 3) for i in range(cap * 3)]))
    items = present.to_pylist()
    if kind == "str":
        items = [v for v in items if v.lower() not in _PLACEHOLDERS]
    if len(items) > cap:
        step = len(items) / cap
        items = [items[int(i * step)] for i in range(cap)]
    return _Values(items, kind if items else "empty")


def _looks_boolean(values: _Values) -> bool:
    if values.kind == "bool":
        return True
    if values.kind != "str" or not values.items:
        return False
    return sum(v.lower() in _BOOLEAN_WORDS for v in values.items) >= 0.9 * len(values.items)


def _is_surrogate_key(values: _Values) -> bool:
    if values.kind == "int":
        return True
    return values.kind == "str" and sum(bool(_UUID.match(v)) for v in values.items) >= 0.8 * len(values.items)


def _rate(
    validator: Validator, values: _Values, strict: bool = False, need: float = 0.0
) -> tuple[float, int]:
    """Share of (up to ``validator.cap``) values that pass; gives up early once ``need`` is out of reach."""
    if values.kind not in validator.kinds:
        return 0.0, len(values.items)
    check = validator.strict if strict and validator.strict else validator.check
    items = values.items
    if len(items) > validator.cap:
        step = len(items) / validator.cap
        items = [items[int(i * step)] for i in range(validator.cap)]
    allowed_misses = len(items) - math.ceil(round(need * len(items), 6))
    hits = misses = 0
    for value in items:
        if check(value):
            hits += 1
        else:
            misses += 1
            if misses > allowed_misses:
                return hits / len(items), len(items)
    return hits / len(items), len(items)


def _shaped(pattern: re.Pattern[str], values: _Values) -> float:
    texts = [str(v) for v in values.items if isinstance(v, str | int) and not isinstance(v, bool)]
    return sum(1 for t in texts if pattern.match(t)) / len(values.items)


def _pct(rate: float, n: int, noun: str) -> str:
    return f"{round(rate * 100)}% of {n} sampled values are {noun}"


@dataclass(frozen=True)
class _Candidate:
    category: str
    confidence: float
    evidence: str


def _from_name(hint: NameHint, values: _Values) -> _Candidate | None:
    rule = f"name rule '{hint.rule}'"
    if hint.surrogate and values.items and _is_surrogate_key(values):
        return None
    if hint.category != "medical" and values.items and _looks_boolean(values):
        return None
    validator = KNOWN_PERSON if hint.weak else VALIDATORS[hint.category]
    n = len(values.items)
    if n < MIN_VALUES:
        if hint.weak:
            return None
        if values.kind == "other":
            detail = "values of this type are not inspected"
        else:
            detail = "no non-null values sampled" if n == 0 else f"only {n} non-null values sampled"
        return _Candidate(hint.category, NAME_ONLY, f"{rule} ({detail})")
    rate, checked = _rate(validator, values)
    if hint.weak:
        if rate < WEAK_AGREE_RATE:
            return None
        return _Candidate(hint.category, round(0.5 + 0.45 * rate, 2),
                          f"{rule} + {_pct(rate, checked, validator.noun)}")
    if rate >= AGREE_RATE:
        return _Candidate(hint.category, round(min(0.99, NAME_ONLY + 0.4 * rate), 2),
                          f"{rule} + {_pct(rate, checked, validator.noun)}")
    if validator.shape is not None and _shaped(validator.shape, values) >= VALUE_ONLY_RATE:
        return _Candidate(hint.category, NAME_ONLY,
                          f"{rule}; values are shaped right but only {_pct(rate, checked, validator.noun)}")
    if validator.contradicts:
        return _Candidate(hint.category, 0.3, f"{rule} but only {_pct(rate, checked, validator.noun)}")
    return _Candidate(hint.category, NAME_ONLY, f"{rule} (values not checkable: {values.kind})")


def _from_values(values: _Values, skip: str | None) -> _Candidate | None:
    if len(values.items) < MIN_VALUES:
        return None
    best: _Candidate | None = None
    for validator in VALIDATORS.values():
        if validator.strict is None or validator.category == skip or values.kind not in validator.kinds:
            continue
        prefilter = validator.prefilter
        if prefilter is not None and values.kind == "str" and _shaped(prefilter, values) < VALUE_ONLY_RATE:
            continue
        rate, checked = _rate(validator, values, strict=True, need=VALUE_ONLY_RATE)
        if rate >= VALUE_ONLY_RATE:
            evidence = _pct(rate, checked, validator.noun)
            cand = _Candidate(validator.category, round(0.45 + 0.5 * rate, 2), evidence)
            if best is None or cand.confidence > best.confidence:
                best = cand
    return best


def _best_hint(names: Sequence[str]) -> NameHint | None:
    hints = [h for h in (match_name(n) for n in names) if h is not None]
    return min(hints, key=lambda h: (h.weak, -len(h.rule.split())), default=None)


def _choose(hint: NameHint | None, by_name: _Candidate | None, values: _Values) -> _Candidate | None:
    if hint is None or by_name is None:
        return _from_values(values, None)
    if by_name.confidence < REPORT_AT:
        by_values = _from_values(values, None)
        if by_values is None:
            return None
        return _Candidate(by_values.category, by_values.confidence,
                          f"{by_values.evidence} (name rule '{hint.rule}' contradicted)")
    distinctive = VALIDATORS[hint.category].strict is not None
    if distinctive and by_name.confidence >= 0.9:
        return by_name  # name and a distinctive validator agree: nothing could be more specific
    by_values = _from_values(values, hint.category)
    if by_values is None:
        return by_name
    if not distinctive:
        # A distinctive value match is more specific than a shape-only name category (IBANs in bank_account).
        return _Candidate(by_values.category, max(by_name.confidence, by_values.confidence),
                          f"name rule '{hint.rule}' + {by_values.evidence}")
    return max(by_name, by_values, key=lambda c: c.confidence)


def judge_column(names: Sequence[str], values: _Values) -> PiiFinding | None:
    """The finding for one column known by ``names`` (normalized first), or None when not PII."""
    hint = _best_hint(names)
    chosen = _choose(hint, _from_name(hint, values) if hint is not None else None, values)
    if chosen is None or chosen.confidence < REPORT_AT:
        return None
    phi = any(phi_qualified(n) for n in names)
    kind, sensitivity = kind_and_sensitivity(chosen.category, phi=phi)
    return PiiFinding(names[0], kind, chosen.category, chosen.confidence, chosen.evidence, sensitivity)


def detect_pii(sample: pa.Table, *, original_names: Mapping[str, str] | None = None) -> dict[str, PiiFinding]:
    """Flag the columns of ``sample`` that hold PII, PHI or financial data, keyed by column name.

    ``original_names`` maps a normalized column name to its name in the source file; both are
    matched against the name rules.
    """
    findings: dict[str, PiiFinding] = {}
    for index, name in enumerate(sample.column_names):
        names = [name]
        original = (original_names or {}).get(name)
        if original and original != name:
            names.append(original)
        finding = judge_column(names, sample_values(sample.column(index)))
        if finding is not None:
            findings[name] = finding
    return findings
