"""Catalog access for vector indexes, eval sets and trials (the rows live in catalog/models_vectors.py)."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.db import reading
from lakehouse.catalog.models_vectors import VectorEvalSetRow, VectorIndexRow, VectorQueryLogRow, VectorTrialRow
from lakehouse.catalog.records import as_utc
from lakehouse.errors import NotFound
from lakehouse.types import utcnow
from lakehouse.vectors.spec import IndexManifest


def manifest(row: VectorIndexRow) -> IndexManifest:
    data = {c.name: getattr(row, c.name) for c in VectorIndexRow.__table__.columns}
    data.update({k: as_utc(v) for k, v in data.items() if isinstance(v, datetime)})  # SQLite hands back naive
    data["index_name"] = data.pop("name")
    data["base_dataset"] = row.dataset
    data["view"] = (row.ann or {}).get("view")
    if data["view"] is not None:
        data["dataset"] = data["view"]  # the source as it was named: the view
    return IndexManifest.model_validate(data)


def trial_dict(row: VectorTrialRow) -> dict[str, Any]:
    return {"trial_id": row.id, "index_name": row.index_name, "kind": row.kind, "config": row.config,
            "metrics": row.metrics, "eval_set_id": row.eval_set_id, "generation": row.generation,
            "source_version": row.source_version, "note": row.note, "created_at": row.created_at,
            "proposal": row.proposal}


_INDEXES = VectorIndexRow.__table__


class IndexRecords:
    def __init__(self, sessions: sessionmaker[Session]):
        self.sessions = sessions

    def find(self, name: str) -> VectorIndexRow | None:
        """The row, read on a connection (every search and append reads it; an ORM session costs twice as much)
        and handed back as a detached object, as a closed session would."""
        with reading(self.sessions, None) as conn:
            found = conn.execute(select(_INDEXES).where(_INDEXES.c.name == name)).mappings().first()
        return None if found is None else VectorIndexRow(**found)

    def get(self, name: str) -> VectorIndexRow:
        row = self.find(name)
        if row is None:
            raise NotFound(f"Vector index '{name}' does not exist.", hint="GET /vectors/indexes lists them.")
        return row

    def list(self, dataset: str | None = None) -> list[VectorIndexRow]:
        with self.sessions() as session:
            query = select(VectorIndexRow).order_by(VectorIndexRow.name)
            if dataset is not None:
                query = query.where(VectorIndexRow.dataset == dataset)
            return list(session.scalars(query))

    def save(self, row: VectorIndexRow) -> VectorIndexRow:
        with self.sessions.begin() as session:
            return session.merge(row)

    def update(self, name: str, **changes: Any) -> VectorIndexRow:
        with self.sessions.begin() as session:
            row = session.get(VectorIndexRow, name)
            if row is None:
                raise NotFound(f"Vector index '{name}' does not exist.")
            for key, value in changes.items():
                setattr(row, key, value)
            return row

    def set(self, name: str, **changes: Any) -> None:
        """``update`` in one UPDATE statement on a connection, without reading the row first or the ORM's
        machinery (the append path's switch)."""
        bind = self.sessions.kw["bind"]
        with bind.begin() as conn:
            done = conn.execute(sql_update(VectorIndexRow).where(VectorIndexRow.name == name).values(**changes))
            if not done.rowcount:
                raise NotFound(f"Vector index '{name}' does not exist.")

    def delete(self, name: str) -> None:
        with self.sessions.begin() as session:
            session.execute(delete(VectorTrialRow).where(VectorTrialRow.index_name == name))
            session.execute(delete(VectorQueryLogRow).where(VectorQueryLogRow.index_name == name))
            session.execute(delete(VectorEvalSetRow).where(VectorEvalSetRow.index_name == name))
            session.execute(delete(VectorIndexRow).where(VectorIndexRow.name == name))

    # Eval sets and trials -----------------------------------------------------------------------
    def add_eval_set(self, index: str, source: str, k: int, queries: dict[str, Any],
                     ground_truth: dict[str, Any], generation: int) -> VectorEvalSetRow:
        row = VectorEvalSetRow(index_name=index, source=source, k=k, queries=queries, ground_truth=ground_truth,
                               generation=generation, created_at=utcnow())
        with self.sessions.begin() as session:
            session.add(row)
        return row

    def latest_eval_set(self, index: str, generation: int | None, k: int,
                        source: str | None = None) -> VectorEvalSetRow | None:
        with self.sessions() as session:
            query = select(VectorEvalSetRow).where(VectorEvalSetRow.index_name == index, VectorEvalSetRow.k == k)
            if generation is not None:
                query = query.where(VectorEvalSetRow.generation == generation)
            if source is not None:
                query = query.where(VectorEvalSetRow.source == source)
            return session.scalars(query.order_by(VectorEvalSetRow.id.desc()).limit(1)).first()

    def eval_set(self, set_id: int) -> VectorEvalSetRow | None:
        with self.sessions() as session:
            return session.get(VectorEvalSetRow, set_id)

    # The query log (live eval set) ------------------------------------------------------------
    def log_query(self, index: str, vector: np.ndarray, keep: int) -> None:
        """Record one search vector; the log keeps the newest ``keep`` per index."""
        with self.sessions.begin() as session:
            session.add(VectorQueryLogRow(index_name=index, at=utcnow(),
                                          vector=np.ascontiguousarray(vector, dtype=np.float32).tobytes()))
            session.flush()
            cutoff = session.scalar(select(VectorQueryLogRow.id).where(VectorQueryLogRow.index_name == index)
                                    .order_by(VectorQueryLogRow.id.desc()).offset(keep).limit(1))
            if cutoff is not None:
                session.execute(delete(VectorQueryLogRow).where(VectorQueryLogRow.index_name == index,
                                                                VectorQueryLogRow.id <= cutoff))

    def logged_queries(self, index: str, limit: int) -> builtins.list[np.ndarray]:
        with self.sessions() as session:
            blobs = session.scalars(select(VectorQueryLogRow.vector).where(VectorQueryLogRow.index_name == index)
                                    .order_by(VectorQueryLogRow.id.desc()).limit(limit))
            return [np.frombuffer(b, dtype=np.float32) for b in blobs]

    def logged_count(self, index: str) -> int:
        with self.sessions() as session:
            return int(session.scalar(select(func.count()).where(VectorQueryLogRow.index_name == index)) or 0)

    def add_trial(self, index: str, kind: str, config: dict[str, Any], metrics: dict[str, Any],
                  eval_set_id: int | None, generation: int, source_version: int | None,
                  note: str | None = None, proposal: dict[str, Any] | None = None) -> dict[str, Any]:
        row = VectorTrialRow(index_name=index, kind=kind, config=config, metrics=metrics, eval_set_id=eval_set_id,
                             generation=generation, source_version=source_version, note=note, created_at=utcnow(),
                             proposal=proposal)
        with self.sessions.begin() as session:
            session.add(row)
            session.flush()
            return trial_dict(row)

    def trials(self, index: str, limit: int = 1000, eval_set_id: int | None = None) -> builtins.list[dict[str, Any]]:
        with self.sessions() as session:
            query = select(VectorTrialRow).where(VectorTrialRow.index_name == index)
            if eval_set_id is not None:
                query = query.where(VectorTrialRow.eval_set_id == eval_set_id)
            rows = session.scalars(query.order_by(VectorTrialRow.id.desc()).limit(limit))
            return [trial_dict(r) for r in rows]

    def agent_trials_since(self, since: Any, index: str | None = None) -> int:
        """How many trials the agent journaled since ``since`` (one index, or all): the rate limit's count."""
        with self.sessions() as session:
            query = select(func.count()).where(VectorTrialRow.kind == "agent", VectorTrialRow.created_at >= since)
            if index is not None:
                query = query.where(VectorTrialRow.index_name == index)
            return int(session.scalar(query) or 0)

    def trial(self, index: str, trial_id: int) -> dict[str, Any]:
        with self.sessions() as session:
            row = session.get(VectorTrialRow, trial_id)
            if row is None or row.index_name != index:
                raise NotFound(f"Index '{index}' has no trial {trial_id}.")
            return trial_dict(row)
