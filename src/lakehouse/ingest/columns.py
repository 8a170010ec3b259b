"""Catalog column records from a table schema plus PII findings and source names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from lakehouse.wire import ColumnInfo, ContainsPii


def column_infos(
    schema: pa.Schema,
    findings: Mapping[str, Any],
    original_names: Mapping[str, str] | None = None,
    source_types: Mapping[str, str] | None = None,
) -> list[ColumnInfo]:
    columns = []
    text = getattr(findings, "text", None) or {}  # PiiFindings: free-text columns with PII inside
    for f in schema:
        finding = findings.get(f.name)
        inside = text.get(f.name)
        columns.append(
            ColumnInfo(
                name=f.name,
                type=str(f.type),
                nullable=f.nullable,
                original_name=(original_names or {}).get(f.name, f.name),
                source_type=(source_types or {}).get(f.name),
                sensitivity=finding.sensitivity if finding else None,
                pii_kind=finding.kind if finding else None,
                pii_category=finding.category if finding else None,
                pii_confidence=finding.confidence if finding else None,
                pii_evidence=finding.evidence if finding else None,
                contains_pii=ContainsPii(kinds=list(inside.kinds), rate=inside.rate, sampled=inside.sampled)
                if inside else None,
            )
        )
    return columns
