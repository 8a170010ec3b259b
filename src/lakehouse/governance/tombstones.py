"""Tombstones: erased row keys per dataset. The key column is fixed by a dataset's first tombstone.

Reads exclude tombstoned keys through an anti-join against a small Delta table of the active keys
(one generation directory per change, so a purge can drop every copy of a key); writes drop rows whose
key is tombstoned, including keys already purged (matched by HMAC, since their value is gone).
"""

from __future__ import annotations

import logging
import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc
from deltalake import write_deltalake
from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.db import reading
from lakehouse.catalog.models_governance import TombstoneRow
from lakehouse.errors import Conflict, InvalidInput, NotFound
from lakehouse.governance.redaction import hmac_hex
from lakehouse.storage import delta
from lakehouse.storage.arrays import filter_table, is_in
from lakehouse.types import Actor, iso_utc, utcnow

if TYPE_CHECKING:  # pyarrow.dataset imports pandas: not on every write's path
    import pyarrow.dataset as pads

log = logging.getLogger(__name__)
KEY = "k"
BUILDING = ".building-"  # a generation being written (renamed into place when complete)
CLEAN_DIR = ".clean"  # tombstone-free copies of data files, per generation (clean_copies.py)
BatchGate = Callable[[pa.RecordBatch], pa.RecordBatch]
KeyTypeOf = Callable[[str], pa.DataType]


def tombstone_view(row: TombstoneRow, pending: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``purged``: ``no`` (rows hidden from every read, still stored), ``pending`` (removed from the current
    version; older files keep them until the purge's retention passes; the value is kept so the next purge
    can find and verify them) or ``complete`` (gone everywhere; only the HMAC is kept, to filter writes)."""
    state = "complete" if row.purged_at is not None else ("pending" if row.key_hmac in pending else "no")
    return {"id": row.id, "dataset": row.dataset_name, "row_key_column": row.key_column, "value": row.key_value,
            "purged": state, "key_hmac": row.key_hmac, "reason": row.reason, "note": row.note, "actor": row.actor,
            "created_at": iso_utc(row.created_at),
            "purged_at": iso_utc(row.purged_at)}


class TombstoneStore:
    """The catalog holds the tombstones; the key-set generations under ``root`` (the data dir) are this
    process's copy of them, named after the catalog state they were built from (``_state``), so a process
    with another data dir on the same catalog (a replica) rebuilds its copy when the state moves on."""

    def __init__(self, sessions: sessionmaker[Session], secret: bytes, root: Path, retain_seconds: float = 120.0,
                 key_type_of: KeyTypeOf | None = None):
        """``retain_seconds``: how long a superseded key-set generation stays for queries planned against it;
        ``key_type_of``: a dataset's key column type (to build a first copy of keys another process added)."""
        self._sessions = sessions
        self._secret = secret
        self._root = root
        self._retain_ns = int(retain_seconds * 1e9)
        self._key_type_of = key_type_of
        self._hidden: dict[tuple[str, int, str], int] = {}

    def hidden_rows(self, dataset: str, data: Callable[[], pads.Dataset], version: int) -> int:
        """Rows of ``version`` that active tombstones hide (stored until a purge): a scan of the key column,
        remembered per version and tombstone generation."""
        column, relation = self.key_column(dataset), self.relation(dataset)
        if column is None or relation is None:
            return 0
        cache_key = (dataset, version, relation)
        if cache_key not in self._hidden:
            active = pa.array(self.active_keys(dataset)[1])
            count = 0
            for batch in data().to_batches(columns=[column]):
                keys = batch.column(0)
                count += int(pc.sum(pc.fill_null(is_in(keys, active.cast(keys.type)), False)).as_py() or 0)
            if len(self._hidden) > 1024:
                self._hidden.clear()
            self._hidden[cache_key] = count
        return self._hidden[cache_key]

    # Catalog rows ---------------------------------------------------------------------------
    def rows(self, dataset: str, *, active_only: bool = False) -> list[TombstoneRow]:
        with self._sessions() as session:
            query = select(TombstoneRow).where(TombstoneRow.dataset_name == dataset).order_by(TombstoneRow.id)
            if active_only:
                query = query.where(TombstoneRow.purged_at.is_(None))
            return list(session.scalars(query))

    def active_keys(self, dataset: str) -> tuple[str | None, list[str]]:
        """The key column and the values of the dataset's tombstones not yet purged (two columns, no row objects:
        an index append checks them on every call)."""
        with reading(self._sessions, None) as conn:
            found = conn.execute(select(TombstoneRow.key_column, TombstoneRow.key_value).where(
                TombstoneRow.dataset_name == dataset, TombstoneRow.purged_at.is_(None))).all()
        keys = [value for _, value in found if value is not None]
        return (found[0][0] if found else None), keys

    def key_column(self, dataset: str) -> str | None:
        with self._sessions() as session:
            return session.scalar(select(TombstoneRow.key_column).where(
                TombstoneRow.dataset_name == dataset).order_by(TombstoneRow.id).limit(1))

    def add(self, dataset: str, key_column: str, key_type: pa.DataType, values: Sequence[object], reason: str,
            note: str | None, actor: Actor) -> tuple[list[TombstoneRow], list[dict[str, Any]]]:
        fixed = self.key_column(dataset)
        if fixed is not None and fixed != key_column:
            raise InvalidInput(f"Dataset '{dataset}' is keyed by '{fixed}' (fixed by its first tombstone).",
                               hint=f"Tombstone by '{fixed}': --key-column {fixed} (CLI), "
                                    f'"row_key_column": "{fixed}" (API).')
        existing = {r.key_hmac for r in self.rows(dataset)}
        failed: list[dict[str, Any]] = []
        fresh: list[TombstoneRow] = []
        now = utcnow()
        for value, (ok, typed) in zip(values, _cast_each(values, key_type), strict=True):
            if not ok:
                failed.append({"value": value, "reason": typed})
                continue
            digest = hmac_hex(self._secret, typed)
            if digest in existing:
                failed.append({"value": value, "reason": "already tombstoned"})
                continue
            existing.add(digest)
            fresh.append(TombstoneRow(dataset_name=dataset, key_column=key_column, key_value=_jsonable(typed),
                                      key_hmac=digest, reason=reason, note=note, actor=actor.name,
                                      created_at=now, purged_at=None))
        if fresh:
            with self._sessions.begin() as session:
                session.add_all(fresh)
            self.rebuild(dataset, key_type)
        return fresh, failed

    def remove(self, dataset: str, tombstone_id: int, key_type: pa.DataType | None) -> TombstoneRow:
        with self._sessions.begin() as session:
            row = session.get(TombstoneRow, tombstone_id)
            if row is None or row.dataset_name != dataset:
                raise NotFound(f"Dataset '{dataset}' has no tombstone {tombstone_id}.")
            if row.purged_at is not None:
                raise Conflict(f"Tombstone {tombstone_id} was purged: the row no longer exists to restore.")
            session.delete(row)
        self.rebuild(dataset, key_type)
        return row

    def mark_purged(self, dataset: str, ids: Sequence[int], key_type: pa.DataType | None) -> None:
        """After a complete purge only the HMAC is kept (to keep filtering writes); the value is dropped."""
        sqlite = self._sessions.kw["bind"].dialect.name == "sqlite"
        with self._sessions.begin() as session:
            if sqlite:  # zero the freed cells, so the old value does not linger in the file
                session.execute(text("PRAGMA secure_delete = ON"))
            for row in session.scalars(select(TombstoneRow).where(TombstoneRow.id.in_(list(ids)))):
                row.purged_at = utcnow()
                row.key_value = None
        if sqlite:
            with self._sessions() as session:
                session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        else:
            self._rewrite_table()
        self.rebuild(dataset, key_type, drop_old=True)

    def _rewrite_table(self) -> None:
        """PostgreSQL keeps the old row (with the value) as a dead tuple until the table is rewritten:
        VACUUM FULL writes a new heap without it and unlinks the old file (the WAL recycles it later)."""
        engine = self._sessions.kw["bind"]
        if engine.dialect.name != "postgresql":
            return
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"VACUUM FULL {TombstoneRow.__tablename__}"))

    def drop_dataset(self, dataset: str) -> None:
        shutil.rmtree(self._root / dataset, ignore_errors=True)

    # The anti-join relation -----------------------------------------------------------------
    def relation(self, dataset: str) -> str | None:
        """The current generation of the dataset's tombstone table (None without active tombstones), first
        rebuilt when it is not of the catalog's current state (another process changed the tombstones)."""
        state = self._state(dataset)
        generations = _generations(self._root / dataset)
        latest = generations[-1] if generations else None
        if state is None and latest is None:
            return None
        if state is not None and latest is not None and _state_of(latest) == state:
            return str(latest)
        key_type = _key_type(latest) if latest is not None else None
        if key_type is None and state is not None and self._key_type_of is not None:
            key_type = self._key_type_of(dataset)
        purged_since = latest is not None and _purged(state) > _purged(_state_of(latest))
        self.rebuild(dataset, key_type, drop_old=purged_since)  # a purge elsewhere: drop the old copies now
        generations = _generations(self._root / dataset)
        return str(generations[-1]) if generations and state is not None else None

    def sync(self) -> None:
        """Bring every local copy to the catalog's state (run on each lease heartbeat: a key purged through
        another replica leaves this one's disk within a heartbeat, not at its next query of the dataset)."""
        if self._root.is_dir():
            for folder in self._root.iterdir():
                try:
                    if folder.is_dir() and _generations(folder):
                        self.relation(folder.name)
                except Exception:  # noqa: BLE001 - one dataset's copy must not stop the others' (nor the lease)
                    log.warning("could not bring the tombstone keys of %s up to date", folder.name, exc_info=True)

    def _state(self, dataset: str) -> str | None:
        """The catalog's tombstones of ``dataset`` as a name part (None without active ones)."""
        live = TombstoneRow.purged_at.is_(None)
        with self._sessions() as session:
            active, ids, top, purged = session.execute(select(
                func.coalesce(func.sum(case((live, 1), else_=0)), 0),
                func.coalesce(func.sum(case((live, TombstoneRow.id), else_=0)), 0),
                func.coalesce(func.max(case((live, TombstoneRow.id), else_=None)), 0),
                func.coalesce(func.sum(case((live, 0), else_=1)), 0),
            ).where(TombstoneRow.dataset_name == dataset)).one()
        return _state_name(int(active), int(ids), int(top), int(purged)) if active else None

    def rebuild(self, dataset: str, key_type: pa.DataType | None, *, drop_old: bool = False) -> None:
        folder = self._root / dataset
        rows = self.rows(dataset)
        live = [r for r in rows if r.purged_at is None]
        active = [r.key_value for r in live]
        state = _state_name(len(live), sum(r.id for r in live), max((r.id for r in live), default=0),
                            len(rows) - len(live))
        previous = _generations(folder)
        now = time.time_ns()
        newer = previous[1:]
        if active and key_type is not None:
            name = f"{now:020d}-{state}-{uuid.uuid4().hex[:8]}"
            target, staging = folder / name, folder / f"{BUILDING}{name}"
            folder.mkdir(parents=True, exist_ok=True)
            # Written under a dot-name, then renamed: a reader listing generations never picks one whose
            # Delta log is not committed yet ("No files in log segment").
            write_deltalake(str(staging), pa.table({KEY: pa.array(active).cast(key_type)}))
            staging.rename(target)
            newer = [*newer, target]
        _drop_abandoned_builds(folder, now - self._retain_ns)
        for old, successor in zip(previous, newer, strict=False):
            # A superseded generation stays while queries planned against it may still read it (several
            # changes in quick succession must not pull it from under them), unless the keys must vanish.
            if not (drop_old or not active or now - _created_ns(successor) > self._retain_ns):
                continue
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(folder / CLEAN_DIR / old.name, ignore_errors=True)  # its tombstone-free copies
        if drop_old or not active:
            for old in previous[len(newer):]:
                shutil.rmtree(old, ignore_errors=True)
                shutil.rmtree(folder / CLEAN_DIR / old.name, ignore_errors=True)

    # The write gate -------------------------------------------------------------------------
    def gate(self, dataset: str) -> BatchGate | None:
        rows = self.rows(dataset)
        if not rows:
            return None
        column = rows[0].key_column
        active = [r.key_value for r in rows if r.purged_at is None]
        purged = {r.key_hmac for r in rows if r.purged_at is not None}
        secret = self._secret

        def apply(batch: pa.RecordBatch) -> pa.RecordBatch:
            if column not in batch.schema.names or batch.num_rows == 0:
                return batch
            keys = batch.column(column)
            drop = is_in(keys, pa.array(active)) if active else None
            if purged:
                hashed = pa.array([v is not None and hmac_hex(secret, v) in purged for v in keys.to_pylist()])
                drop = hashed if drop is None else pc.or_(drop, hashed)
            return batch if drop is None else filter_table(batch, pc.invert(pc.fill_null(drop, False)))

        return apply


def _state_name(active: int, ids: int, top: int, purged: int) -> str:
    return f"a{active}s{ids}m{top}p{purged}"


def _state_of(generation: Path) -> str | None:
    """The catalog state a generation was built from (None for a generation of an older release)."""
    parts = generation.name.split("-")
    return parts[1] if len(parts) == 3 else None


def _purged(state: str | None) -> int:
    head, _, count = (state or "").rpartition("p")
    return int(count) if head and count.isdigit() else 0


def _key_type(generation: Path) -> pa.DataType | None:
    try:
        return delta.schema(str(generation)).field(KEY).type
    except Exception:  # noqa: BLE001 - a generation swept meanwhile: the caller falls back to the dataset
        return None


def _created_ns(generation: Path) -> int:
    """A generation folder is named ``<time_ns>-<random>``; older names without the prefix count as old."""
    head = generation.name.split("-", 1)[0]
    return int(head) if head.isdigit() else 0


def _generations(folder: Path) -> list[Path]:
    """The key-table generations, oldest first (dot-names, such as the copies' folder, are not ones)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _drop_abandoned_builds(folder: Path, older_than_ns: int) -> None:
    """A build a crash interrupted; only old ones, since another process may be writing one right now."""
    for staging in folder.glob(f"{BUILDING}*"):
        if _created_ns(staging.with_name(staging.name.removeprefix(BUILDING))) < older_than_ns:
            shutil.rmtree(staging, ignore_errors=True)


_CAST_ERRORS = (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError)


def _cast_each(values: Sequence[object], key_type: pa.DataType) -> list[tuple[bool, object]]:
    """Each value as the key column's type (Python value), or (False, reason) when it cannot be one."""
    if None not in values:
        try:
            return [(True, v) for v in pa.array(list(values)).cast(key_type).to_pylist()]
        except _CAST_ERRORS:
            pass  # some value is bad: find which, one by one
    out: list[tuple[bool, object]] = []
    for value in values:
        if value is None:
            out.append((False, "a null key cannot be tombstoned"))
            continue
        try:
            out.append((True, pa.array([value]).cast(key_type)[0].as_py()))
        except _CAST_ERRORS:
            out.append((False, f"not a valid {key_type} value"))
    return out


def _jsonable(value: object) -> object:
    return value if isinstance(value, str | int | float | bool) else str(value)
