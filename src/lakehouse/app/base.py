"""The core every capability shares: settings, catalog, buckets, governance, the bus, audit of every call.

Services a command may not need (query workers, vector search, ingest) are built on first use, so a CLI
command that lists datasets never starts a query worker or imports the vector stack."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.events import Erasable, ErasableRegistry, ErasureReport, EventBus, LazyErasable
from lakehouse.governance.audit import AuditScope
from lakehouse.governance.service import Governance
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import LOCAL_ADMIN, Actor, Event

if TYPE_CHECKING:
    from lakehouse.agents.autotune import AutotuneAgent
    from lakehouse.app.recovery import ReconcileReport
    from lakehouse.catalog.jobs import JobRunner
    from lakehouse.compute.cluster import RayCluster
    from lakehouse.ingest.db.service import DbIngestService
    from lakehouse.ingest.maintenance import TableMaintenance
    from lakehouse.ingest.service import IngestService
    from lakehouse.ingest.writer import TableWriter
    from lakehouse.models.slot import ModelSlot
    from lakehouse.query.executor import QueryExecutor
    from lakehouse.query.sql_service import SqlService
    from lakehouse.sharing.service import SharingService
    from lakehouse.vectors.scheduler import RefreshScheduler
    from lakehouse.vectors.service import VectorService

log = logging.getLogger(__name__)
_VECTOR_EVENTS = ("dataset.appended", "dataset.overwritten", "dataset.restored", "dataset.deleted",
                  "tombstone.added")


class LakehouseBase:
    def __init__(self, settings: Settings, actor: Actor = LOCAL_ADMIN, *, executor: QueryExecutor | None = None):
        """``executor``: query workers the caller already started (the CLI's ``sql`` starts them first, so
        they boot while the catalog opens)."""
        if executor is not None:
            self.__dict__["executor"] = executor
        self.settings = settings
        self.actor = actor
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.bus = EventBus()
        self.erasables = ErasableRegistry()
        self.catalog = CatalogStore(settings.catalog_url, settings.catalog.lock_timeout_seconds,
                                    heartbeat_seconds=settings.catalog.heartbeat_seconds,
                                    lease_seconds=settings.catalog.lease_seconds)
        self.buckets = BucketRegistry(settings, self.catalog, self.catalog.datasets.in_bucket)
        self.governance = Governance(settings, self.catalog, self.buckets, self.bus, self.erasables)
        self.access = self.governance.access
        self.erasables.register(_LazyVectorErasure(self))
        self.erasables.register(LazyErasable("agent-answers", self._answer_erasure))
        self.erasables.register(LazyErasable("shared-snapshots", lambda: self.sharing.snapshots))
        for pattern in ("view.deleted", "dataset.deleted"):
            self.bus.subscribe(pattern, self._on_shared_object_deleted)
        for pattern in _VECTOR_EVENTS:
            self.bus.subscribe(pattern, self._on_dataset_event)
        for pattern in ("dataset.appended", "dataset.overwritten"):
            self.bus.subscribe(pattern, self._enqueue_for_agent)
        self._closed = False
        self._recover()

    # Services built on first use ------------------------------------------------------------
    @cached_property
    def jobs(self) -> JobRunner:
        from lakehouse.catalog.jobs import JobRunner

        return JobRunner(self.catalog, workers=2)

    @cached_property
    def writer(self) -> TableWriter:
        from lakehouse.ingest.writer import TableWriter

        writer = TableWriter(self.settings, self.catalog, self.buckets, self.bus)
        writer.row_gate = self.governance.tombstones.gate
        return writer

    @cached_property
    def ingest(self) -> IngestService:
        from lakehouse.ingest.service import IngestService

        return IngestService(self.settings, self.writer, self.buckets, self.jobs, self.compute_cluster)

    @cached_property
    def compute_cluster(self) -> RayCluster | None:
        """The Ray cluster big jobs run on (compute.engine = "ray"), connected on the first such job."""
        from lakehouse.compute.registry import cluster_for
        from lakehouse.network import NetworkPolicy

        return cluster_for(self.settings, NetworkPolicy.from_settings(self.settings))

    @cached_property
    def db_ingest(self) -> DbIngestService:
        from lakehouse.ingest.db.service import DbIngestService
        from lakehouse.network import NetworkPolicy

        return DbIngestService(self.writer, self.catalog, self.jobs, self.settings.ingest.batch_rows,
                               network=NetworkPolicy.from_settings(self.settings))

    @cached_property
    def tables(self) -> TableMaintenance:
        from lakehouse.ingest.maintenance import TableMaintenance

        return TableMaintenance(self.catalog, self.buckets, self.bus, self.settings.storage.vacuum_retention_hours)

    @cached_property
    def executor(self) -> QueryExecutor:
        from lakehouse.query.executor import QueryExecutor

        return QueryExecutor(self.settings.query)

    @cached_property
    def sql_service(self) -> SqlService:
        from lakehouse.query.sql_service import SqlService

        return SqlService(self.settings, self.catalog, self.buckets, self.executor, self.governance)

    @cached_property
    def vectors(self) -> VectorService:
        from lakehouse.vectors.governed import GovernedSearch
        from lakehouse.vectors.service import VectorService

        service = VectorService(self.settings, self.catalog, self.buckets, self.jobs, self.sql_service,
                                self.executor, views=self.governance.views, cluster=self.compute_cluster)
        service.guards.register(GovernedSearch(self.governance, self.catalog, self.buckets))
        return service

    @cached_property
    def sharing(self) -> SharingService:
        """Delta Sharing: shares, recipients, snapshots and the protocol's answers (sharing/)."""
        from lakehouse.sharing.service import SharingService

        return SharingService(self.settings, self.catalog, self.buckets, self.governance, self.bus,
                              lambda: self.sql_service)

    @cached_property
    def agent(self) -> AutotuneAgent:
        from lakehouse.agents.autotune import AutotuneAgent

        return AutotuneAgent(self.settings, self.catalog, self.vectors, self.catalog.owners.owner_id)

    @cached_property
    def vector_scheduler(self) -> RefreshScheduler:
        from lakehouse.catalog.leader import LeaderLock
        from lakehouse.vectors.scheduler import RefreshScheduler

        return RefreshScheduler(self.vectors, self.settings.vectors.scheduler_interval_seconds,
                                LeaderLock(self.catalog.engine, "refresh-scheduler", self.settings.data_dir))

    @cached_property
    def model_slot(self) -> ModelSlot:
        """The GPU slot (models/): one per process, so one per server; profile activation swaps it."""
        from lakehouse.models.slot import ModelSlot
        from lakehouse.network import NetworkPolicy

        return ModelSlot.from_settings(self.settings, NetworkPolicy.from_settings(self.settings))

    def _answer_erasure(self) -> Erasable:
        from lakehouse.governance.answers import AnswerStore

        return AnswerStore(self.catalog.sessions)

    def _on_dataset_event(self, event: Event) -> None:
        """Dependent vector indexes go stale; the vector stack loads only when some index exists."""
        if "vectors" in self.__dict__ or self.catalog.has_vector_indexes(event.subject):
            self.vectors.on_dataset_event(event)

    def _on_shared_object_deleted(self, event: Event) -> None:
        """A deleted view or dataset leaves every share; the sharing stack loads only when it was shared."""
        from lakehouse.sharing.store import ShareStore

        if "sharing" in self.__dict__ or ShareStore(self.catalog.sessions).knows(event.subject):
            self.sharing.on_object_deleted(event)

    def _enqueue_for_agent(self, event: Event) -> None:
        """New data may move an index's best config: queue its indexes for the agent, from whichever process
        ingested (the leader reads the queue from the catalog)."""
        if not self.settings.agent.enabled or not self.catalog.has_vector_indexes(event.subject):
            return
        from lakehouse.agents.agent_store import AgentStore

        store = AgentStore(self.catalog.sessions)
        for name in self.catalog.vector_indexes_on(event.subject):
            store.enqueue(name, f"{event.type} (version {event.payload.get('version', '?')})")

    # Lifecycle ------------------------------------------------------------------------------
    def _recover(self) -> None:
        from lakehouse.app.recovery import recover

        self.startup_report: ReconcileReport = recover(self)

    @property
    def loops_led(self) -> dict[str, bool]:
        """Which background loops this process runs now: of several servers on one catalog, one leads each."""
        led = {"refresh_scheduler": self.vector_scheduler.leads}
        if self.settings.agent.enabled:
            led["autotune_agent"] = self.agent.lock.held
        return led

    @property
    def staging_dir(self) -> Path:
        """Where this process stages uploads: its own folder, so another process's recovery never touches
        files this one is still writing."""
        return self.catalog.owners.staging_dir(self.settings.primary_root / "staging")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        started = self.__dict__
        if "agent" in started:
            self.agent.stop()
        if "vector_scheduler" in started:
            self.vector_scheduler.stop()
        if "jobs" in started:
            self.jobs.close()
        if "executor" in started:
            self.executor.close()
        if "model_slot" in started:
            self.model_slot.close()
        self.catalog.close()

    def __enter__(self) -> LakehouseBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Every call -----------------------------------------------------------------------------
    def _who(self, actor: Actor | None) -> Actor:
        return actor or self.actor

    @contextmanager
    def _call(self, actor: Actor | None, action: str, *objects: str) -> Iterator[tuple[Actor, AuditScope]]:
        """Every library call is audited (actor, action, objects, outcome, rows, elapsed, request id)."""
        who = self._who(actor)
        with self.governance.audit.scope(who, action, *objects) as scope:
            yield who, scope

    def _publish(self, event_type: str, subject: str, actor: Actor | None, payload: dict[str, Any]) -> None:
        self.bus.publish(Event(event_type, subject, self._who(actor).name, payload))


class _LazyVectorErasure:
    """Purge reaches vector indexes without loading the vector stack when no index exists."""

    name = "vector-indexes"

    def __init__(self, lakehouse: LakehouseBase):
        self._lakehouse = lakehouse

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport:
        if not self._lakehouse.catalog.has_vector_indexes(dataset):
            return ErasureReport(store=self.name)
        from lakehouse.vectors.service import VectorIndexErasure

        store: Erasable = VectorIndexErasure(self._lakehouse.vectors)
        return store.erase(dataset, key_column, keys, actor)
