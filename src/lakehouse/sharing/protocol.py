"""The Delta Sharing protocol's wire shapes (PROTOCOL.md of delta-io/delta-sharing): paged lists, the
``delta-sharing-capabilities`` header, and the newline-delimited protocol / metaData / file actions in both
response formats (``parquet``, the default every connector reads, and ``delta``, which delta-kernel readers ask
for: the table's own protocol and metadata as ``deltaProtocol`` / ``deltaMetadata``, each file as a Delta ``add``
action whose path is the file URL)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from lakehouse.errors import InvalidInput
from lakehouse.sharing.files import DataFile

Format = Literal["parquet", "delta"]
CAPABILITIES = "delta-sharing-capabilities"
SCHEMA = "default"  # every object of a share appears in this one schema, under its own name
MAX_PAGE = 1000


@dataclass(frozen=True)
class TableProtocol:
    """The served Delta table's own protocol (the delta format carries it; the parquet format only says 1)."""

    min_reader: int = 1
    min_writer: int = 2
    reader_features: tuple[str, ...] | None = None
    writer_features: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Capabilities:
    """The request's ``delta-sharing-capabilities`` header: the response formats and the Delta reader features the
    client can read (``responseformat=delta,parquet;readerfeatures=deletionvectors,columnmapping``)."""

    formats: frozenset[str] = frozenset()
    reader_features: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, header: str | None) -> Capabilities:
        values: dict[str, frozenset[str]] = {}
        for part in (header or "").split(";"):
            key, _, value = part.partition("=")
            values[key.strip().lower()] = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
        return cls(values.get("responseformat", frozenset()), values.get("readerfeatures", frozenset()))

    def format_for(self, table: TableProtocol) -> Format:
        """The format to answer in. A client that names one gets it; none named is parquet (the protocol's default).
        Offered both, the server chooses (PROTOCOL.md): ``delta`` whenever the client reads every reader feature the
        table uses, since the official connector then reads through delta-kernel, measured faster here than its
        parquet path (docs/sharing.md, Performance); ``parquet`` otherwise, which reads every table shared here."""
        if "delta" not in self.formats:
            return "parquet"
        if "parquet" not in self.formats:
            return "delta"
        needed = {f.lower() for f in table.reader_features or ()}
        return "delta" if needed <= self.reader_features else "parquet"


def page(items: Sequence[dict[str, Any]], max_results: int | None, page_token: str | None) -> dict[str, Any]:
    """``{"items", "nextPageToken"?}``: items sorted by name, the token names the last one returned."""
    if max_results is not None and max_results < 0:
        raise InvalidInput("maxResults must not be negative.", hint="Leave it out for the first 1000 items.")
    after = ""
    if page_token:
        try:
            after = base64.urlsafe_b64decode(page_token.encode() + b"==").decode()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise InvalidInput("pageToken is not one this server handed out.",
                               hint="Pass the nextPageToken of the previous answer, unchanged.") from None
    size = MAX_PAGE if max_results is None else min(max_results, MAX_PAGE)
    rest = [i for i in items if i["name"] > after]
    body: dict[str, Any] = {"items": rest[:size]}
    if len(rest) > size and size > 0:
        body["nextPageToken"] = base64.urlsafe_b64encode(rest[size - 1]["name"].encode()).decode().rstrip("=")
    return body


def protocol_line(fmt: Format, table: TableProtocol) -> dict[str, Any]:
    if fmt == "delta":
        delta: dict[str, Any] = {"minReaderVersion": table.min_reader, "minWriterVersion": table.min_writer}
        if table.reader_features is not None:
            delta["readerFeatures"] = list(table.reader_features)
        if table.writer_features is not None:
            delta["writerFeatures"] = list(table.writer_features)
        return {"protocol": {"deltaProtocol": delta}}
    return {"protocol": {"minReaderVersion": 1}}


def metadata_line(fmt: Format, table_id: str, name: str, schema_string: str, files: Sequence[DataFile],
                  created_ms: int) -> dict[str, Any]:
    size, count = sum(f.size for f in files), len(files)
    meta = {"id": table_id, "name": name, "format": {"provider": "parquet"}, "schemaString": schema_string,
            "partitionColumns": [], "configuration": {}}
    if fmt == "delta":
        return {"metaData": {"size": size, "numFiles": count, "accessModes": ["url"],
                             "deltaMetadata": {**meta, "format": {"provider": "parquet", "options": {}},
                                               "createdTime": created_ms}}}
    return {"metaData": {**meta, "size": size, "numFiles": count, "accessModes": ["url"]}}


def file_line(fmt: Format, file: DataFile, url: str, expires_ms: int) -> dict[str, Any]:
    stats = file.stats()
    if fmt == "delta":
        add: dict[str, Any] = {"path": url, "partitionValues": {}, "size": file.size,
                               "modificationTime": file.modified_ms, "dataChange": True}
        if stats is not None:
            add["stats"] = stats
        return {"file": {"id": file.id, "size": file.size, "expirationTimestamp": expires_ms,
                         "deltaSingleAction": {"add": add}}}
    line: dict[str, Any] = {"url": url, "id": file.id, "partitionValues": {}, "size": file.size,
                            "expirationTimestamp": expires_ms}
    if stats is not None:
        line["stats"] = stats
    return {"file": line}


def ndjson(lines: Sequence[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(line, separators=(",", ":")).encode() + b"\n" for line in lines)


def within_limit(files: Sequence[DataFile], limit_hint: int | None) -> list[DataFile]:
    """``limitHint`` (best effort): the first files whose row counts cover it; every file when a count is unknown."""
    if limit_hint is None or any(f.rows is None for f in files):
        return list(files)
    chosen, rows = [], 0
    for file in files:
        if rows >= limit_hint:
            break
        chosen.append(file)
        rows += file.rows or 0
    return chosen
