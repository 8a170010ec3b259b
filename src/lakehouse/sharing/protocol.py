"""The Delta Sharing protocol's wire shapes (PROTOCOL.md of delta-io/delta-sharing): paged lists, the
``delta-sharing-capabilities`` header, and the newline-delimited protocol / metaData / file actions in both
response formats (``parquet``, the default every connector reads, and ``delta``, which delta-kernel readers ask
for)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any, Literal

from lakehouse.errors import InvalidInput
from lakehouse.sharing.files import DataFile

Format = Literal["parquet", "delta"]
CAPABILITIES = "delta-sharing-capabilities"
SCHEMA = "default"  # every object of a share appears in this one schema, under its own name
MAX_PAGE = 1000


def response_format(capabilities: str | None) -> Format:
    """``delta`` only when it is the one format asked for: a list that names parquet too gets parquet, which
    reads every table shared here (no deletion vectors, no column mapping)."""
    formats: list[str] = []
    for part in (capabilities or "").split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "responseformat":
            formats = [v.strip().lower() for v in value.split(",") if v.strip()]
    return "delta" if formats == ["delta"] else "parquet"


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


def protocol_line(fmt: Format) -> dict[str, Any]:
    if fmt == "delta":
        return {"protocol": {"deltaProtocol": {"minReaderVersion": 1, "minWriterVersion": 2}}}
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
