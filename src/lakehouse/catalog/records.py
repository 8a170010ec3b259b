"""Conversions between catalog rows and wire models; timestamps normalised to UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lakehouse.catalog.models import ColumnRow, DatasetRow, JobRow, LineageRow, VersionRow
from lakehouse.types import utcnow
from lakehouse.wire import (
    ColumnInfo,
    DatasetManifest,
    Freshness,
    JobInfo,
    LineageEntry,
    VersionEntry,
)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def column_info(row: ColumnRow) -> ColumnInfo:
    return ColumnInfo(
        name=row.name,
        type=row.type,
        nullable=row.nullable,
        original_name=row.original_name,
        sensitivity=row.sensitivity,  # type: ignore[arg-type]
        pii_kind=row.pii_kind,  # type: ignore[arg-type]
        pii_category=row.pii_category,
        pii_confidence=row.pii_confidence,
        pii_evidence=row.pii_evidence,
        pii_overridden=row.pii_overridden,
        source_type=row.source_type,
        contains_pii=row.contains_pii,  # type: ignore[arg-type]
    )


def freshness(row: DatasetRow) -> Freshness:
    last = as_utc(row.last_updated_at)
    interval = row.freshness_interval_seconds
    stale = bool(interval and last and utcnow() - last > timedelta(seconds=interval))
    return Freshness(expected_interval_seconds=interval, last_updated=last, stale=stale)


def manifest(row: DatasetRow, lineage: list[LineageRow] | None = None,
             columns: list[ColumnRow] | None = None) -> DatasetManifest:
    """``row`` may be a plain result row of the datasets table, with its ``columns`` given (the list reads
    them so: building ORM objects for a thousand datasets cost more than the rest of the list)."""
    return DatasetManifest(
        name=row.name,
        bucket=row.bucket,
        description=row.description or "",
        owner=row.owner,
        sensitivity=row.sensitivity,  # type: ignore[arg-type]
        tags=list(row.tags or []),
        freshness=freshness(row),
        row_count=row.row_count,
        version=row.version,
        created_at=as_utc(row.created_at),
        created_by=row.created_by,
        columns=[column_info(c) for c in (row.columns if columns is None else columns)],
        lineage=[lineage_entry(entry) for entry in lineage or []],
    )


def lineage_entry(row: LineageRow) -> LineageEntry:
    return LineageEntry(
        version=row.version,
        source_system=row.source_system,
        source=row.source,
        job_id=row.job_id,
        actor=row.actor,
        at=as_utc(row.at),  # type: ignore[arg-type]
        details=dict(row.details or {}),
    )


def version_entry(row: VersionRow) -> VersionEntry:
    return VersionEntry(
        version=row.version,
        operation=row.operation,
        actor=row.actor,
        at=as_utc(row.at),  # type: ignore[arg-type]
        rows_written=row.rows_written,
        row_count=row.row_count,
        job_id=row.job_id,
    )


def job_info(row: JobRow) -> JobInfo:
    started, finished = as_utc(row.started_at), as_utc(row.finished_at)
    duration = (finished - started).total_seconds() * 1000 if started and finished else None
    return JobInfo(
        job_id=row.id,
        kind=row.kind,
        status=row.status,  # type: ignore[arg-type]
        progress=row.progress,
        actor=row.actor,
        created_at=as_utc(row.created_at),  # type: ignore[arg-type]
        started_at=started,
        finished_at=finished,
        duration_ms=duration,
        params=dict(row.params or {}),
        result=row.result,
        error=row.error,
    )
