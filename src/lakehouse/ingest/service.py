"""File ingest: every entry (upload, bucket path, local path, watcher, CLI, library) comes through here."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from lakehouse.catalog.jobs import JobContext, JobRunner
from lakehouse.compute.cluster import RayCluster
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput
from lakehouse.ingest import many
from lakehouse.ingest.fanout import fan_out
from lakehouse.ingest.parts import PartOptions, PartResult, PartSource
from lakehouse.ingest.readers import SourceReader, open_source
from lakehouse.ingest.seen import content_hash, duplicate_warning, seen_before
from lakehouse.ingest.writer import TableWriter, WriteRequest
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, WriteMode
from lakehouse.wire import JobInfo

if TYPE_CHECKING:
    from lakehouse.ingest.early_file import EarlyFile, StartedFile

log = logging.getLogger(__name__)


@dataclass
class FileIngestOptions:
    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    on_error: Literal["fail", "skip"] = "fail"
    description: str | None = None
    owner: str | None = None
    tags: list[str] | None = None
    skip_if_seen: bool = False
    """Do nothing when the same content was already ingested into the dataset (see ingest/seen.py)."""


@dataclass
class FileSource:
    """Exactly one of: a local path, a path inside a bucket, or a staged upload (deleted afterwards)."""

    path: Path | None = None
    bucket: str | None = None
    bucket_path: str | None = None
    staged_upload: Path | None = None
    display_name: str | None = None

    @property
    def label(self) -> str:
        if self.bucket_path is not None:
            return f"{self.bucket}:{self.bucket_path}"
        return self.display_name or str(self.path or self.staged_upload)


class IngestService:
    def __init__(self, settings: Settings, writer: TableWriter, buckets: BucketRegistry, jobs: JobRunner,
                 cluster: RayCluster | None = None):
        """``cluster``: many-file ingests fan out there, one task per file (compute.engine = "ray")."""
        self._settings = settings
        self._writer = writer
        self._buckets = buckets
        self._jobs = jobs
        self._cluster = cluster
        self.early: EarlyFile | None = None  # set by the CLI; adopted by the next matching ingest_file

    def _adopt(self, source: FileSource, options: FileIngestOptions) -> StartedFile | None:
        """The read the CLI started for exactly this local file and these options (ingest.early_file)."""
        early, self.early = self.early, None
        if early is None:
            return None
        if source.path is None:
            early.close()
            return None
        from lakehouse.ingest.early_file import read_key

        return early.take(read_key(source.path, options.format, options.encoding, options.delimiter,
                                   options.on_error, self._settings.ingest))

    def _open(self, source: FileSource, options: FileIngestOptions) -> tuple[SourceReader, BinaryIO | None]:
        handle: BinaryIO | None = None
        target: Any
        if source.bucket_path is not None:
            handle = self._buckets.source(source.bucket or "primary").open_input(source.bucket_path)
            target = handle
        else:
            target = source.path or source.staged_upload
        try:
            reader = open_source(
                target, format=options.format, encoding=options.encoding, delimiter=options.delimiter,
                on_error=options.on_error, limits=self._settings.ingest,
                name=source.bucket_path or source.display_name,
            )
        except BaseException:
            if handle is not None:
                handle.close()
            raise
        return reader, handle

    def ingest_file(
        self,
        actor: Actor,
        source: FileSource,
        dataset: str,
        mode: WriteMode = WriteMode.append,
        options: FileIngestOptions | None = None,
        bucket: str | None = None,
        wait: bool = False,
    ) -> JobInfo:
        """Validate now (name, bucket, header, schema); stream and commit in a job."""
        options = options or FileIngestOptions()
        started: StartedFile | None = None
        try:
            self._writer.target(dataset, bucket)
            started = self._adopt(source, options)
            reader, handle = (started.reader, None) if started is not None else self._open(source, options)
        except BaseException:
            if started is not None:
                started.close()
            self._discard_upload(source)
            raise
        try:
            self._writer.check_schema(dataset, reader.schema, mode)
        except BaseException:
            reader.close()
            if handle is not None:
                handle.close()
            self._discard_upload(source)
            raise
        params = {"dataset": dataset, "mode": mode.value, "source": source.label, "format": reader.format,
                  "on_error": options.on_error}

        def body(ctx: JobContext) -> dict[str, Any]:
            try:
                sha256 = started.sha256 if started is not None else self._content_hash(source)
                seen = seen_before(self._writer.catalog, dataset, sha256, mode)
                if seen is not None and options.skip_if_seen:
                    return {"dataset": dataset, "skipped": True, "version": seen.version, "rows": 0,
                            "content_sha256": sha256, "reason": f"the same content was already ingested at "
                            f"version {seen.version} (from {seen.source}); nothing was written"}
                warnings = [duplicate_warning(dataset, seen)] if seen is not None and mode is WriteMode.append else []
                for warning in warnings:
                    log.info("%s", warning)
                result = self._run(ctx, actor, source, reader, dataset, mode, options, bucket, sha256)
                return {**result, "warnings": warnings} if warnings else result
            finally:
                reader.close()
                if handle is not None:
                    handle.close()
                self._discard_upload(source)

        job = self._jobs.submit("ingest.file", actor, params, body)
        return self._jobs.wait(job.job_id) if wait else job

    def _content_hash(self, source: FileSource) -> str:
        """SHA-256 of the file's bytes (a second read of a bucket object; local files come from the page cache)."""
        if source.bucket_path is not None:
            with self._buckets.source(source.bucket or "primary").open_input(source.bucket_path) as handle:
                return content_hash(handle)
        with open(source.path or source.staged_upload, "rb") as local:  # type: ignore[arg-type]
            return content_hash(local)

    def _run(self, ctx: JobContext, actor: Actor, source: FileSource, reader: SourceReader, dataset: str,
             mode: WriteMode, options: FileIngestOptions, bucket: str | None, sha256: str) -> dict[str, Any]:
        total = reader.total_bytes

        def progress(_rows: int, _bytes: int) -> None:
            if total:
                ctx.progress(min(0.99, reader.bytes_read / total))

        mapping = reader.mapping
        request = WriteRequest(
            dataset=dataset, reader=reader.to_reader(), mode=mode, bucket=bucket,
            lineage={"source_system": "file", "source": source.label,
                     "details": {"format": reader.format, "column_mapping": mapping.to_dict(),
                                 "content_sha256": sha256}},
            original_names={norm: orig for orig, norm in mapping.pairs},
            create_defaults={"description": options.description, "owner": options.owner, "tags": options.tags},
            job_id=ctx.job_id, on_progress=progress, cancelled=ctx.cancelled,
        )
        result = self._writer.write(request, actor)
        rejects_path = self._write_rejects(ctx.job_id, reader) if reader.rejects else None
        seconds = max(result.elapsed_ms / 1000, 1e-9)
        return {
            "dataset": dataset, "version": result.version, "operation": result.operation,
            "rows": result.rows_written, "bytes": reader.bytes_read, "row_count": result.row_count,
            "duration_ms": round(result.elapsed_ms, 1), "rows_per_second": round(result.rows_written / seconds),
            "rejected_rows": len(reader.rejects), "rejects_path": rejects_path, "rows_filtered": result.rows_filtered,
            "pii_columns": result.pii_columns, "column_mapping": mapping.to_dict(), "content_sha256": sha256,
        }

    def _write_rejects(self, job_id: str, reader: SourceReader) -> str:
        """Rejected rows go to primary:rejects/<job>.jsonl with line numbers and reasons."""
        lines = "".join(
            json.dumps({"line": r.line, "reason": r.reason, "raw": r.raw}) + "\n" for r in reader.rejects
        )
        return self._store_rejects(job_id, lines)

    def _store_rejects(self, job_id: str, lines: str) -> str:
        relpath = f"rejects/{job_id}.jsonl"
        self._buckets.get("primary").write_bytes(relpath, lines.encode())
        return f"primary:{relpath}"

    # Many files, one commit -----------------------------------------------------------------------
    def part_source(self, source: FileSource) -> PartSource:
        """Where a compute worker (or this process) reads ``source``: a local path or a bucket file URI."""
        if source.bucket_path is not None:
            bucket = self._buckets.source(source.bucket or "primary")
            return PartSource(source.label, bucket.uri(source.bucket_path), bucket.storage_options())
        if source.path is None:
            raise InvalidInput("A many-file ingest reads files by path or inside a bucket, not uploads.")
        return PartSource(source.label, str(source.path))

    def ingest_files(self, actor: Actor, sources: list[FileSource], dataset: str, mode: WriteMode = WriteMode.append,
                     options: FileIngestOptions | None = None, bucket: str | None = None,
                     wait: bool = False) -> JobInfo:
        """Validate every file now (names, bucket, each file's header and schema); read and commit them as one
        version in a job, here or on the Ray cluster."""
        options = options or FileIngestOptions()
        if mode is WriteMode.upsert:
            raise InvalidInput("A many-file ingest appends or overwrites.", hint="Use mode append or overwrite.")
        self._writer.target(dataset, bucket)
        parts = [self.part_source(s) for s in sources]
        many.check_count(parts)
        read = PartOptions(options.format, options.encoding, options.delimiter, options.on_error)
        schemas = [many.read_schema(p, read, self._settings.ingest) for p in parts]
        first = self._writer.check_schema(dataset, schemas[0], mode)
        schema = many.union_schema(first, parts, schemas)
        self._writer.check_schema(dataset, schema, mode)
        engine = "ray" if self._cluster is not None else "local"
        params = {"dataset": dataset, "mode": mode.value, "files": len(parts), "engine": engine,
                  "source": parts[0].label if len(parts) == 1 else f"{parts[0].label} and {len(parts) - 1} more",
                  "on_error": options.on_error}
        job = self._jobs.submit("ingest.files", actor, params,
                                lambda ctx: self._run_files(ctx, actor, parts, read, schema, dataset, mode, options,
                                                            bucket))
        return self._jobs.wait(job.job_id) if wait else job

    def _run_files(self, ctx: JobContext, actor: Actor, parts: list[PartSource], read: PartOptions,
                   schema: Any, dataset: str, mode: WriteMode, options: FileIngestOptions,
                   bucket: str | None) -> dict[str, Any]:
        results: list[PartResult] = []
        files: list[dict[str, Any]] = []  # filled as each file is read, before the commit records the lineage

        def record(result: PartResult) -> None:
            results.append(result)
            files.append(many.file_summary(parts[result.index], result))

        lineage: dict[str, Any] = {"source_system": "file", "source": f"{len(parts)} files",
                                   "details": {"engine": "ray" if self._cluster else "local", "files": files}}
        request = WriteRequest(dataset=dataset, reader=schema.empty_table().to_reader(), mode=mode, bucket=bucket,
                               lineage=lineage, job_id=ctx.job_id, cancelled=ctx.cancelled,
                               create_defaults={"description": options.description, "owner": options.owner,
                                                "tags": options.tags})
        if self._cluster is None:
            local = many.LocalFiles(parts, read, self._settings.ingest, schema, record)
            request.reader = local.reader()
        else:
            request.parts = fan_out(self._cluster, parts, read, self._settings.ingest,
                                    lambda f: ctx.progress(min(0.99, f)), ctx.cancelled, record)
        result = self._writer.write(request, actor)
        rejected = sum(len(r.rejects) for r in results)
        rejects_path = self._store_rejects(ctx.job_id, many.rejects_lines(parts, results)) if rejected else None
        seconds = max(result.elapsed_ms / 1000, 1e-9)
        return {"dataset": dataset, "version": result.version, "operation": result.operation,
                "engine": lineage["details"]["engine"], "rows": result.rows_written, "bytes": result.bytes_read,
                "row_count": result.row_count, "duration_ms": round(result.elapsed_ms, 1),
                "rows_per_second": round(result.rows_written / seconds), "rejected_rows": rejected,
                "rejects_path": rejects_path, "rows_filtered": result.rows_filtered,
                "pii_columns": result.pii_columns, "files": files}

    def _discard_upload(self, source: FileSource) -> None:
        if source.staged_upload is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(source.staged_upload)

