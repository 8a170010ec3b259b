"""Dataset manifests, versions and lineage in the catalog store."""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from lakehouse.catalog.db import reading
from lakehouse.catalog.models import ColumnRow, DatasetRow, LineageRow, VersionRow
from lakehouse.catalog.records import lineage_entry, manifest, version_entry
from lakehouse.errors import InvalidInput, NotFound
from lakehouse.wire import ColumnInfo, DatasetManifest, LineageEntry, MetadataPatch, VersionEntry


@dataclass
class DatasetCommit:
    """Everything the catalog records about one committed table version."""

    name: str
    bucket: str
    version: int
    operation: str  # create | append | overwrite | restore | optimize | upsert
    actor: str
    at: datetime
    rows_written: int
    row_count: int
    columns: list[ColumnInfo]
    job_id: str | None = None
    lineage: dict[str, Any] | None = None  # {"source_system", "source", "details"}
    create_defaults: dict[str, Any] = field(default_factory=dict)  # description/owner/... on create


class DatasetStore:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    # Reads ----------------------------------------------------------------------------------
    def _row(self, session: Session, name: str) -> DatasetRow:
        row = session.scalar(
            select(DatasetRow).where(DatasetRow.name == name).options(selectinload(DatasetRow.columns))
        )
        if row is None:
            raise NotFound(
                f"Dataset '{name}' does not exist.", hint="List datasets with GET /catalog/datasets."
            )
        return row

    def exists(self, name: str) -> bool:
        with self._sessions() as session:
            return session.scalar(select(func.count()).where(DatasetRow.name == name)) == 1

    def get(self, name: str, *, with_lineage: bool = True) -> DatasetManifest:
        with self._sessions() as session:
            row = self._row(session, name)
            lineage = (
                list(
                    session.scalars(
                        select(LineageRow).where(LineageRow.dataset_name == name).order_by(LineageRow.id)
                    )
                )
                if with_lineage
                else []
            )
            return manifest(row, lineage)

    def list(self, with_columns: bool = True) -> builtins.list[DatasetManifest]:
        """Every manifest (without lineage); ``with_columns=False`` leaves the columns out, for lists that
        show a thousand datasets and none of their columns."""
        with self._sessions() as session:  # plain rows, not ORM objects: see records.manifest
            rows = session.execute(select(DatasetRow.__table__).order_by(DatasetRow.name)).all()
            column_rows = session.execute(
                select(ColumnRow.__table__).order_by(ColumnRow.dataset_id, ColumnRow.position)).all() \
                if with_columns else []
        columns: dict[int, builtins.list[Any]] = {}
        for column in column_rows:
            columns.setdefault(column.dataset_id, []).append(column)
        return [manifest(row, columns=columns.get(row.id, [])) for row in rows]  # type: ignore[arg-type]

    def heads(self) -> dict[str, tuple[str, int]]:
        """Every dataset's bucket and current version: what a query registers (no manifests built)."""
        with reading(self._sessions, None) as conn:
            rows = conn.execute(select(DatasetRow.name, DatasetRow.bucket, DatasetRow.version))
            return {name: (bucket, version) for name, bucket, version in rows}

    def column_types(self, names: builtins.list[str]) -> dict[str, dict[str, str]]:
        """Column name -> type string, per dataset (for building views over them)."""
        if not names:
            return {}
        out: dict[str, dict[str, str]] = {n: {} for n in names}
        with self._sessions() as session:
            rows = session.execute(
                select(DatasetRow.name, ColumnRow.name, ColumnRow.type)
                .join(ColumnRow, ColumnRow.dataset_id == DatasetRow.id)
                .where(DatasetRow.name.in_(names)).order_by(ColumnRow.position))
            for dataset, column, type_ in rows:
                out[dataset][column] = type_
        return out

    def in_bucket(self, bucket: str) -> bool:
        with self._sessions() as session:
            return bool(session.scalar(select(func.count()).where(DatasetRow.bucket == bucket)))

    def history(self, name: str, limit: int = 100) -> builtins.list[VersionEntry]:
        with self._sessions() as session:
            self._row(session, name)
            rows = list(session.scalars(
                select(VersionRow)
                .where(VersionRow.dataset_name == name)
                .order_by(VersionRow.version.desc())
                .limit(limit + 1)
            ))
            notes = {r.version: r.details.get("note") for r in session.scalars(
                select(LineageRow).where(LineageRow.dataset_name == name,
                                         LineageRow.version.in_([v.version for v in rows])))}
        entries = []
        for row, older in zip(rows[:limit], [*rows[1:], None], strict=False):
            note = notes.get(row.version)
            if note is None and older is not None and older.version < row.version - 1:
                skipped = _span(older.version + 1, row.version - 1)
                note = (f"Delta {skipped} changed no data the catalog recorded (table settings, or a write "
                        "that never committed and was rolled back), so they are not in this history.")
            entries.append(version_entry(row).model_copy(update={"note": note}))
        return entries

    def lineage(self, name: str) -> builtins.list[LineageEntry]:
        return self.get(name).lineage

    # Writes ---------------------------------------------------------------------------------
    def record_commit(self, commit: DatasetCommit, session: Session | None = None) -> None:
        if session is None:
            with self._sessions.begin() as own:
                self._record(own, commit)
        else:
            self._record(session, commit)

    def _record(self, session: Session, commit: DatasetCommit) -> None:
        row = session.scalar(
            select(DatasetRow)
            .where(DatasetRow.name == commit.name)
            .options(selectinload(DatasetRow.columns))
            .with_for_update()
        )
        if row is None:
            defaults = commit.create_defaults
            row = DatasetRow(
                name=commit.name,
                bucket=commit.bucket,
                description=defaults.get("description") or "",
                owner=defaults.get("owner") or commit.actor,
                sensitivity=defaults.get("sensitivity") or "internal",
                tags=list(defaults.get("tags") or []),
                freshness_interval_seconds=defaults.get("freshness_interval_seconds"),
                created_at=commit.at,
                created_by=commit.actor,
            )
            session.add(row)
        row.version = commit.version
        row.row_count = commit.row_count
        row.last_updated_at = commit.at
        _merge_columns(row, commit.columns, replace=commit.operation in {"overwrite", "restore"})
        session.add(
            VersionRow(
                dataset_name=commit.name,
                version=commit.version,
                operation=commit.operation,
                actor=commit.actor,
                at=commit.at,
                rows_written=commit.rows_written,
                row_count=commit.row_count,
                job_id=commit.job_id,
            )
        )
        if commit.lineage:
            session.add(
                LineageRow(
                    dataset_name=commit.name,
                    version=commit.version,
                    source_system=commit.lineage.get("source_system", "unknown"),
                    source=commit.lineage.get("source", ""),
                    job_id=commit.job_id,
                    actor=commit.actor,
                    at=commit.at,
                    details=dict(commit.lineage.get("details") or {}),
                )
            )

    def patch_metadata(self, name: str, patch: MetadataPatch) -> tuple[DatasetManifest, DatasetManifest]:
        """Apply a PATCH; returns (before, after) for the journal."""
        with self._sessions.begin() as session:
            row = self._row(session, name)
            before = manifest(row)
            for attr in ("description", "owner", "sensitivity", "tags"):
                value = getattr(patch, attr)
                if value is not None:
                    setattr(row, attr, value)
            if "freshness_interval_seconds" in patch.model_fields_set:
                row.freshness_interval_seconds = patch.freshness_interval_seconds or None
            by_name = {c.name: c for c in row.columns}
            unknown = sorted(set(patch.columns or {}) - set(by_name))
            if unknown:
                raise InvalidInput(
                    f"Dataset '{name}' has no column(s) {', '.join(unknown)}.",
                    hint=f"Columns are: {', '.join(by_name)}.",
                )
            for col_name, col_patch in (patch.columns or {}).items():
                column = by_name[col_name]
                for attr in col_patch.model_fields_set:
                    setattr(column, attr, getattr(col_patch, attr))
                if {"pii_kind", "pii_category"} & col_patch.model_fields_set:
                    column.pii_overridden = True
                    column.pii_evidence = "set by user"
                    column.pii_confidence = 1.0 if column.pii_kind else None
                    if column.pii_kind is None:
                        column.pii_category = None
            session.flush()
            return before, manifest(row)

    def delete(self, name: str) -> DatasetManifest:
        with self._sessions.begin() as session:
            row = self._row(session, name)
            before = manifest(row)
            session.delete(row)
            session.execute(delete(VersionRow).where(VersionRow.dataset_name == name))
            session.execute(delete(LineageRow).where(LineageRow.dataset_name == name))
            return before

    def lineage_entries(self, name: str) -> builtins.list[LineageEntry]:
        with self._sessions() as session:
            rows = session.scalars(select(LineageRow).where(LineageRow.dataset_name == name))
            return [lineage_entry(r) for r in rows]


def _merge_columns(row: DatasetRow, columns: list[ColumnInfo], *, replace: bool) -> None:
    """Keep user overrides and earlier detections; add new columns; drop vanished ones on overwrite."""
    existing = {c.name: c for c in row.columns}
    incoming = {c.name for c in columns}
    if replace:
        for name, col in list(existing.items()):
            if name not in incoming:
                row.columns.remove(col)
                del existing[name]
    for position, info in enumerate(columns):
        current = existing.get(info.name)
        if current is None:
            current = ColumnRow(name=info.name, position=position)
            row.columns.append(current)
        current.position = position
        current.type = info.type
        current.nullable = info.nullable
        current.original_name = info.original_name or current.original_name
        current.source_type = info.source_type or current.source_type
        if info.contains_pii is not None or replace or current.contains_pii is None:
            current.contains_pii = info.contains_pii.model_dump() if info.contains_pii else None
        if not current.pii_overridden and (info.pii_kind or replace or current.pii_kind is None):
            current.pii_kind = info.pii_kind
            current.pii_category = info.pii_category
            current.pii_confidence = info.pii_confidence
            current.pii_evidence = info.pii_evidence
            current.sensitivity = info.sensitivity
    row.columns.sort(key=lambda c: c.position)


def _span(first: int, last: int) -> str:
    return f"version {first}" if first == last else f"versions {first}-{last}"
