"""The data files of a served table and the URLs a recipient fetches them by.

An S3 bucket's files get S3 pre-signed GET URLs (obstore signs them with the bucket's credentials). A local
bucket's files are served by this server: the URL carries a signed, expiring ticket (bucket, file, recipient,
expiry; HMAC-SHA256 with the lakehouse secret) that ``GET /delta-sharing/files/{ticket}`` checks, together with
the recipient still being active, so revoking a recipient also stops URLs already handed out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from lakehouse.errors import SignedUrlInvalid
from lakehouse.storage.buckets import Bucket

if TYPE_CHECKING:
    from deltalake import DeltaTable


# The query every local file URL carries. delta-kernel (the delta-format reader of the official connectors) fetches
# a file URL with a plain HTTP GET only when its query names a pre-signed URL's parameter (S3's X-Amz-Signature,
# Azure SAS's sp, GCS's X-Goog-Credential, ...); any other URL it looks up by path in its own filesystem. ``sp=r``
# (SAS: signed permission, read) says what the ticket grants; the ticket itself is in the path.
URL_QUERY = "sp=r"


@dataclass(frozen=True)
class DataFile:
    relpath: str  # inside the bucket
    size: int
    rows: int | None
    modified_ms: int

    @property
    def id(self) -> str:
        """Stable across requests (the protocol lets clients cache by it)."""
        return hashlib.sha256(self.relpath.encode()).hexdigest()[:32]

    def stats(self) -> str | None:
        return json.dumps({"numRecords": self.rows}) if self.rows is not None else None


def data_files(path: str, table: DeltaTable) -> list[DataFile]:
    """The files of ``table`` (at the version it is loaded at; ``path`` inside its bucket), from its Delta log."""
    import pyarrow as pa

    actions = pa.table(table.get_add_actions(flatten=True)).to_pylist()
    files = []
    for action in actions:
        modified = action.get("modification_time")
        millis = int(modified.timestamp() * 1000) if hasattr(modified, "timestamp") else int(modified or 0)
        rows = action.get("num_records")
        files.append(DataFile(f"{path}/{unquote(action['path'])}", int(action["size_bytes"]),
                              int(rows) if rows is not None else None, millis))
    return sorted(files, key=lambda f: f.relpath)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Ticket:
    bucket: str
    relpath: str
    recipient_id: str
    expires_ms: int


class Signer:
    def __init__(self, secret: bytes, expiry_seconds: float):
        self._key = hmac.new(secret, b"lakehouse.sharing.files", hashlib.sha256).digest()  # its own key
        self.expiry_seconds = expiry_seconds

    def expires_ms(self) -> int:
        return int((time.time() + self.expiry_seconds) * 1000)

    def sign(self, ticket: Ticket) -> str:
        body = _b64(json.dumps({"b": ticket.bucket, "p": ticket.relpath, "r": ticket.recipient_id,
                                "e": ticket.expires_ms}, separators=(",", ":")).encode())
        return f"{body}.{_b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())}"

    def verify(self, signed: str) -> Ticket:
        body, _, mac = signed.partition(".")
        try:
            expected = _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())
            if not mac or not hmac.compare_digest(mac, expected):
                raise ValueError("signature")
            fields: dict[str, Any] = json.loads(_unb64(body))
            ticket = Ticket(str(fields["b"]), str(fields["p"]), str(fields["r"]), int(fields["e"]))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise SignedUrlInvalid("This file URL was not signed by this server.") from None
        if ticket.expires_ms <= time.time() * 1000:
            raise SignedUrlInvalid("This file URL has expired.")
        return ticket


def presign_s3(bucket: Bucket, relpath: str, seconds: float) -> str:
    """An S3 pre-signed GET URL for a file of ``bucket`` (an S3 bucket), valid ``seconds``."""
    import obstore
    from obstore.store import S3Store

    options = bucket.storage_options()
    key = bucket.resolve(relpath).split("/", 1)[1]  # resolve gives "<s3 bucket>/<prefix>/<relpath>"
    config: dict[str, Any] = {"region": options.get("AWS_REGION")}
    if "AWS_ENDPOINT_URL" in options:
        config["endpoint"] = options["AWS_ENDPOINT_URL"]
    if "AWS_ACCESS_KEY_ID" in options:
        config.update(access_key_id=options["AWS_ACCESS_KEY_ID"],
                      secret_access_key=options["AWS_SECRET_ACCESS_KEY"])
    client = {"allow_http": True} if options.get("AWS_ALLOW_HTTP") == "true" else None
    store = S3Store(bucket.spec.bucket, config=config, client_options=client)  # type: ignore[arg-type]
    return str(obstore.sign(store, "GET", key, timedelta(seconds=seconds)))
