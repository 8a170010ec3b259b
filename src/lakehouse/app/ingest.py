"""Ingest: files, PostgreSQL and MySQL tables, Arrow data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.errors import InvalidInput
from lakehouse.types import Actor, WriteMode
from lakehouse.wire import JobInfo

if TYPE_CHECKING:
    import pyarrow as pa

    from lakehouse.ingest.service import FileIngestOptions
    from lakehouse.ingest.writer import WriteResult

class IngestApi(LakehouseBase):
    # Ingest ---------------------------------------------------------------------------------
    def ingest_file(
        self,
        path: str | Path | None = None,
        dataset: str | None = None,
        *,
        mode: WriteMode | str = WriteMode.append,
        bucket: str | None = None,
        source_bucket: str | None = None,
        source_path: str | None = None,
        staged_upload: Path | None = None,
        display_name: str | None = None,
        options: FileIngestOptions | None = None,
        wait: bool = True,
        actor: Actor | None = None,
    ) -> JobInfo:
        """Ingest a local file, a file inside a bucket (``source_bucket``/``source_path``) or an upload."""
        if dataset is None:
            raise InvalidInput("Name the target dataset.", hint="Pass dataset='name' (CLI: --dataset NAME).")
        if sum(x is not None for x in (path, source_path, staged_upload)) != 1:
            raise InvalidInput("Give exactly one of a file path, a bucket path or an upload.")
        from lakehouse.ingest.service import FileSource

        source = FileSource(
            path=Path(path) if path is not None else None,
            bucket=source_bucket, bucket_path=source_path, staged_upload=staged_upload,
            display_name=display_name,
        )
        with self._call(actor, "ingest.file", dataset) as (who, _):
            self.access.require_write_dataset(who, dataset, self.catalog.datasets.exists(dataset), "ingest into")
            if source.path is not None and not (who.is_admin and source.path.is_file()):
                # Server-side paths are the trust root's: only an admin may name one.
                self.access.require_admin(who, "ingest a file by server path")
                raise InvalidInput(f"File '{source.path}' does not exist or is not a file.")
            return self.ingest.ingest_file(who, source, dataset, WriteMode(mode), options, bucket, wait)

    def ingest_files(
        self,
        paths: Sequence[str | Path] | None = None,
        dataset: str | None = None,
        *,
        mode: WriteMode | str = WriteMode.append,
        bucket: str | None = None,
        source_bucket: str | None = None,
        source_paths: Sequence[str] | None = None,
        options: FileIngestOptions | None = None,
        wait: bool = True,
        actor: Actor | None = None,
    ) -> JobInfo:
        """Ingest many files into one dataset as one version: local ``paths`` (admin) or ``source_paths`` inside
        ``source_bucket``. With compute.engine = "ray" each file is read by a task on the cluster."""
        if dataset is None:
            raise InvalidInput("Name the target dataset.", hint="Pass dataset='name' (CLI: --dataset NAME).")
        if (paths is None) == (source_paths is None):
            raise InvalidInput("Give either local file paths or paths inside a bucket.")
        from lakehouse.ingest.service import FileSource

        if paths is not None:
            sources = [FileSource(path=Path(p)) for p in paths]
        else:
            sources = [FileSource(bucket=source_bucket or "primary", bucket_path=p) for p in source_paths or ()]
        with self._call(actor, "ingest.files", dataset) as (who, _):
            self.access.require_write_dataset(who, dataset, self.catalog.datasets.exists(dataset), "ingest into")
            if paths is not None:
                self.access.require_admin(who, "ingest files by server path")
                missing = [str(s.path) for s in sources if s.path is not None and not s.path.is_file()]
                if missing:
                    raise InvalidInput(f"Not a file: {', '.join(missing[:5])}" + (" ..." if len(missing) > 5 else ""))
            return self.ingest.ingest_files(who, sources, dataset, WriteMode(mode), options, bucket, wait)

    def ingest_postgres(self, dsn: str, dataset: str, *, table: str | None = None, query: str | None = None,
                        wait: bool = True, actor: Actor | None = None, **options: Any) -> JobInfo:
        """Stream a PostgreSQL table or read-only query into a dataset (see docs/connectors.md).

        ``options``: mode, incremental_column, primary_key (list), bucket, description, owner, tags,
        connect_timeout_seconds, statement_timeout_seconds."""
        from lakehouse.ingest.db.service import DbIngestRequest

        request = DbIngestRequest(dsn=dsn, dataset=dataset, table=table, query=query, **_db_options(options))
        with self._call(actor, "ingest.postgres", dataset) as (who, _):
            self.access.require_admin(who, "ingest from a database")
            return self.db_ingest.ingest(who, "postgresql", request, wait)

    def ingest_mysql(self, dsn: str, dataset: str, *, table: str | None = None, query: str | None = None,
                     wait: bool = True, actor: Actor | None = None, **options: Any) -> JobInfo:
        """Stream a MySQL/MariaDB table or read-only query into a dataset; options as ``ingest_postgres``."""
        from lakehouse.ingest.db.service import DbIngestRequest

        request = DbIngestRequest(dsn=dsn, dataset=dataset, table=table, query=query, **_db_options(options))
        with self._call(actor, "ingest.mysql", dataset) as (who, _):
            self.access.require_admin(who, "ingest from a database")
            return self.db_ingest.ingest(who, "mysql", request, wait)

    def write_table(self, dataset: str, data: pa.Table | pa.RecordBatchReader, *,
                    mode: WriteMode | str = WriteMode.append, bucket: str | None = None,
                    source: str = "library", actor: Actor | None = None) -> WriteResult:
        """Write Arrow data straight into a dataset (same commit path, PII scan and events as files)."""
        import pyarrow as pa

        reader = data if isinstance(data, pa.RecordBatchReader) else pa.RecordBatchReader.from_batches(
            data.schema, data.to_batches())
        from lakehouse.ingest.writer import WriteRequest

        request = WriteRequest(dataset=dataset, reader=reader, mode=WriteMode(mode), bucket=bucket,
                               lineage={"source_system": "arrow", "source": source})
        with self._call(actor, "dataset.write", dataset) as (who, scope):
            self.access.require_write_dataset(who, dataset, self.catalog.datasets.exists(dataset))
            result = self.writer.write(request, who)
            scope.rows = result.rows_written
            return result


def _db_options(options: dict[str, Any]) -> dict[str, Any]:
    from lakehouse.ingest.db.service import DbIngestRequest

    allowed = set(DbIngestRequest.__dataclass_fields__) - {"dsn", "dataset", "table", "query"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise InvalidInput(f"Unknown database ingest option(s): {', '.join(unknown)}.")
    out = {k: v for k, v in options.items() if v is not None}
    if "mode" in out:
        try:
            out["mode"] = WriteMode(out["mode"])
        except ValueError:
            raise InvalidInput(f"Unknown mode {out['mode']!r}; use append, overwrite or upsert.") from None
    if isinstance(out.get("primary_key"), str):
        out["primary_key"] = [k.strip() for k in out["primary_key"].split(",") if k.strip()]
    return out
