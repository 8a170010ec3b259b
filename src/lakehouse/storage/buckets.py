"""Buckets: named roots on a local directory or an S3-compatible object store.

A ``BucketSpec`` is the wire/catalog shape; it holds only secret *references*. A ``Bucket`` is the
runtime object: it turns relative paths into contained paths/URIs, gives deltalake its storage
options and pyarrow a filesystem. Credentials are resolved when used, so a bucket whose environment
variable is missing still loads (and fails clearly on first use).
"""

from __future__ import annotations

import io
import ipaddress
import os
import posixpath
import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, model_validator

from lakehouse.config import SECRET_ENV_PREFIX, resolve_secret
from lakehouse.errors import Forbidden, InvalidInput, NotFound, StorageError
from lakehouse.lazy import lazy_module
from lakehouse.storage.localfiles import fd_path, open_regular, within
from lakehouse.storage.names import validate_name

if TYPE_CHECKING:
    import pyarrow.fs as pafs
else:
    pafs = lazy_module("pyarrow.fs")  # only buckets that read or write files need Arrow loaded

_S3_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_SECRET_REF_RE = re.compile(rf"^env:{SECRET_ENV_PREFIX}[A-Z0-9_]+$")
_REGION_RE = re.compile(r"^[A-Za-z0-9_-]{0,64}$")  # without an endpoint it becomes part of a host name
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}
_DEFAULT_REGION = "us-east-1"
_TMP_MARK = ".lakehouse-partial-"


class BucketSpec(BaseModel):
    """``{"name", "backend": "local" | "s3", "root" | ("bucket", "prefix", "endpoint", "region"), ...}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    backend: Literal["local", "s3"] = "local"
    root: str | None = None
    bucket: str | None = None
    prefix: str = ""
    endpoint: str | None = None
    region: str | None = None
    access_key_id_ref: str | None = None
    secret_access_key_ref: str | None = None
    allow_http: bool = False

    @model_validator(mode="after")
    def _check(self) -> BucketSpec:
        # Our errors (not ValueError) propagate as-is, so callers get a 422 with the usual shape.
        validate_name(self.name, "bucket name")
        if self.backend == "local":
            self._check_local()
        else:
            self._check_s3()
        return self

    def _check_local(self) -> None:
        s3_only = [
            f
            for f in ("bucket", "endpoint", "region", "access_key_id_ref", "secret_access_key_ref")
            if getattr(self, f) is not None
        ]
        if s3_only or self.prefix or self.allow_http:
            raise InvalidInput(f"Local bucket '{self.name}' takes only 'root', not {s3_only or ['prefix']}.")
        if not self.root or not os.path.isabs(self.root) or "\x00" in self.root:
            raise InvalidInput(
                f"Local bucket '{self.name}' needs an absolute 'root' directory, got {self.root!r}.",
                hint="For example /srv/lakehouse/archive.",
            )

    def _check_s3(self) -> None:
        if self.root is not None:
            raise InvalidInput(f"S3 bucket '{self.name}' takes 'bucket' and 'prefix', not 'root'.")
        if not self.bucket or not _S3_BUCKET_RE.fullmatch(self.bucket):
            raise InvalidInput(
                f"S3 bucket '{self.name}': {self.bucket!r} is not a valid S3 bucket name "
                "(3-63 characters from a-z, 0-9, '.', '-').",
            )
        if self.prefix:
            clean_relpath(self.prefix, what=f"prefix of bucket '{self.name}'")
        for field in ("access_key_id_ref", "secret_access_key_ref"):
            ref = getattr(self, field)
            if ref is not None and not _SECRET_REF_RE.fullmatch(ref):
                # Never echo the value: it may be the secret itself.
                raise InvalidInput(
                    f"S3 bucket '{self.name}': '{field}' must be a reference "
                    f"'env:{SECRET_ENV_PREFIX}<NAME>'; secrets are never stored in clear.",
                    hint=f"export {SECRET_ENV_PREFIX}S3_KEY=... and pass 'env:{SECRET_ENV_PREFIX}S3_KEY'.",
                )
        if self.region is not None and not _REGION_RE.fullmatch(self.region):
            raise InvalidInput(f"S3 bucket '{self.name}': region {self.region!r} is not a region name "
                               "(letters, digits, '-' and '_').", hint="For example us-east-1.")
        if (self.access_key_id_ref is None) != (self.secret_access_key_ref is None):
            raise InvalidInput(f"S3 bucket '{self.name}': give both key references or neither.")
        if self.endpoint is not None:
            self._check_endpoint(self.endpoint)
        elif self.allow_http:
            raise InvalidInput(f"S3 bucket '{self.name}': allow_http needs an http:// loopback endpoint.")

    def _check_endpoint(self, endpoint: str) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidInput(
                f"S3 endpoint {endpoint!r} must be an http(s) URL such as https://s3.example.com."
            )
        if parts.username or parts.password or parts.query or parts.fragment or parts.path not in ("", "/"):
            raise InvalidInput(
                f"S3 endpoint {endpoint!r} must be scheme://host[:port] only (no credentials or path)."
            )
        if parts.scheme == "http":
            if not self.allow_http:
                raise InvalidInput(
                    f"S3 endpoint {endpoint!r} is plain HTTP; set allow_http for a loopback server."
                )
            if not _is_loopback(parts.hostname):
                raise InvalidInput(
                    f"S3 endpoint {endpoint!r}: plain HTTP is allowed only on loopback addresses.",
                    hint="Use https:// for remote object stores.",
                )


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def clean_relpath(relpath: str, *, what: str = "path", allow_root: bool = False) -> str:
    """Normalise a bucket-relative path to ``a/b/c`` or refuse it (``InvalidInput`` naming the path)."""
    if not isinstance(relpath, str):
        raise InvalidInput(f"The {what} must be a string.")
    bad = (
        "\x00" in relpath
        or "\\" in relpath
        or any(ord(c) < 32 for c in relpath)
        or relpath.startswith(("/", "~"))
        or re.match(r"^[A-Za-z]:", relpath) is not None
    )
    parts = [p for p in relpath.split("/") if p not in ("", ".")]
    if bad or ".." in parts:
        raise InvalidInput(
            f"The {what} {relpath!r} is not allowed: use a relative path inside the bucket "
            "(no leading '/', '..', backslashes or control characters).",
        )
    if not parts and not allow_root:
        raise InvalidInput(f"The {what} is empty; name a file or folder inside the bucket.")
    return "/".join(parts)


def s3_filesystem(
    *, endpoint: str | None, region: str | None, key: str | None, secret: str | None
) -> pafs.S3FileSystem:
    kwargs: dict[str, Any] = {
        "region": region or _DEFAULT_REGION,
        "connect_timeout": 5,
        "request_timeout": 60,
        "retry_strategy": pafs.AwsStandardS3RetryStrategy(max_attempts=3),
    }
    if key is not None and secret is not None:
        kwargs.update(access_key=key, secret_key=secret)
    if endpoint:
        parts = urlsplit(endpoint)
        kwargs.update(endpoint_override=parts.netloc, scheme=parts.scheme)
    return pafs.S3FileSystem(**kwargs)


def filesystem_for(uri: str, storage_options: dict[str, str]) -> tuple[pafs.FileSystem, str]:
    """A pyarrow filesystem + path for a table URI and the options ``Bucket.storage_options`` made."""
    if uri.startswith("s3://"):
        fs = s3_filesystem(
            endpoint=storage_options.get("AWS_ENDPOINT_URL"),
            region=storage_options.get("AWS_REGION"),
            key=storage_options.get("AWS_ACCESS_KEY_ID"),
            secret=storage_options.get("AWS_SECRET_ACCESS_KEY"),
        )
        return fs, uri[len("s3://") :].rstrip("/")
    if "://" in uri and not uri.startswith("file://"):
        raise InvalidInput(f"Unsupported storage URI {uri!r}.")
    return pafs.LocalFileSystem(), os.path.abspath(uri.removeprefix("file://"))


class Bucket:
    """A runtime bucket. Every path handed in is bucket-relative and checked with ``resolve``."""

    def __init__(self, spec: BucketSpec):
        self.spec = spec
        self.name = spec.name
        self.backend = spec.backend
        if spec.backend == "local":
            assert spec.root is not None
            self._root = os.path.realpath(spec.root)
            self._base = self._root
        else:
            self._root = ""
            self._base = "/".join(p for p in (spec.bucket, clean_relpath(spec.prefix, allow_root=True)) if p)
        self._fs: pafs.FileSystem | None = None

    def __repr__(self) -> str:
        where = self._root if self.backend == "local" else f"s3://{self._base}"
        return f"Bucket({self.name!r}, {where!r})"

    # Paths and URIs ------------------------------------------------------------------------------
    @property
    def root(self) -> str:
        """The local directory (local) or ``bucket/prefix`` (s3)."""
        return self._base

    def resolve(self, relpath: str, *, allow_root: bool = False) -> str:
        """The filesystem path of ``relpath``, guaranteed inside this bucket's root."""
        rel = clean_relpath(relpath, allow_root=allow_root)
        if self.backend == "s3":
            return posixpath.join(self._base, rel) if rel else self._base
        path = os.path.realpath(os.path.join(self._root, rel))
        if not within(path, self._root):
            raise Forbidden(f"Path {relpath!r} resolves outside bucket '{self.name}' (through a symlink).")
        return path

    def uri(self, relpath: str) -> str:
        path = self.resolve(relpath)
        return path if self.backend == "local" else f"s3://{path}"

    def table_uri(self, dataset: str) -> str:
        return self.uri(f"tables/{validate_name(dataset, 'dataset name')}")

    def vectors_uri(self, index: str) -> str:
        return self.uri(f"vectors/{validate_name(index, 'index name')}")

    # Credentials ---------------------------------------------------------------------------------
    def _keys(self) -> tuple[str | None, str | None]:
        if self.spec.access_key_id_ref is None or self.spec.secret_access_key_ref is None:
            return None, None
        return resolve_secret(self.spec.access_key_id_ref), resolve_secret(self.spec.secret_access_key_ref)

    def storage_options(self) -> dict[str, str]:
        """Options for deltalake/lance. Contains resolved secrets: never log or return them."""
        if self.backend == "local":
            return {}
        key, secret = self._keys()
        opts = {
            "AWS_REGION": self.spec.region or _DEFAULT_REGION,
            # Unreachable endpoints should fail in seconds, not after object_store's 180 s default.
            "connect_timeout": "5s",
            "retry_timeout": "60s",
        }
        # No AWS_S3_ALLOW_UNSAFE_RENAME and no locking provider: delta-rs commits with
        # PUT If-None-Match (put-if-absent), which AWS S3, MinIO and moto honour.
        if self.spec.endpoint:
            opts["AWS_ENDPOINT_URL"] = self.spec.endpoint.rstrip("/")
            if self.spec.endpoint.startswith("http://"):
                opts["AWS_ALLOW_HTTP"] = "true"
        if key is not None and secret is not None:
            opts["AWS_ACCESS_KEY_ID"] = key
            opts["AWS_SECRET_ACCESS_KEY"] = secret
        return opts

    def filesystem(self) -> tuple[pafs.FileSystem, str]:
        """A pyarrow filesystem and the base path under which this bucket's files live."""
        if self._fs is None:
            if self.backend == "local":
                self._fs = pafs.LocalFileSystem()
            else:
                key, secret = self._keys()
                self._fs = s3_filesystem(
                    endpoint=self.spec.endpoint, region=self.spec.region, key=key, secret=secret
                )
        return self._fs, self._base

    # Files ---------------------------------------------------------------------------------------
    def ensure_root(self) -> None:
        """Local: create the root. S3: check the bucket exists and answers (``StorageError`` if not)."""
        if self.backend == "local":
            try:
                os.makedirs(self._root, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"Cannot create bucket root {self._root}: {exc.strerror}") from exc
            return
        fs, _ = self.filesystem()
        where = f"s3://{self.spec.bucket} at {self.spec.endpoint or 'AWS'}"
        try:
            info = fs.get_file_info(str(self.spec.bucket))
        except OSError as exc:
            hint = "Check the endpoint and the credentials."
            raise StorageError(f"Cannot reach {where}: {exc}", hint=hint) from exc
        if info.type == pafs.FileType.NotFound:
            raise StorageError(f"S3 bucket {where} does not exist.", hint="Create it, then add it here.")

    def open_input(self, relpath: str) -> pafs.NativeFile:
        """A seekable binary file for reading. Local files are opened through a descriptor checked to lie
        inside the root, so a symlink swapped in after ``resolve`` cannot lead the read outside."""
        fs, _ = self.filesystem()
        path = self.resolve(relpath)
        if self.backend == "local":
            fd = open_regular(path, self._root, f"{relpath!r} in bucket '{self.name}'")
            try:
                with _storage_errors(relpath, self.name):
                    return fs.open_input_file(fd_path(fd) or path)
            finally:
                os.close(fd)
        with _storage_errors(relpath, self.name):
            if fs.get_file_info(path).type != pafs.FileType.File:
                raise NotFound(f"No file {relpath!r} in bucket '{self.name}'.")
            return fs.open_input_file(path)

    def write_file(self, relpath: str, source: IO[bytes]) -> int:
        """Stream ``source`` to ``relpath`` (replacing it); local writes land atomically. Returns bytes."""
        fs, _ = self.filesystem()
        path = self.resolve(relpath)
        target = path if self.backend == "s3" else f"{path}{_TMP_MARK}{uuid.uuid4().hex}"
        written = 0
        with _storage_errors(relpath, self.name):
            if self.backend == "local":
                os.makedirs(os.path.dirname(path), exist_ok=True)
            try:
                with fs.open_output_stream(target) as out:
                    while chunk := source.read(1 << 20):
                        out.write(chunk)
                        written += len(chunk)
                if target != path:
                    os.replace(target, path)
            finally:
                if target != path and os.path.exists(target):
                    os.unlink(target)
        return written

    def list(self, prefix: str = "", *, recursive: bool = False) -> list[str]:
        """Bucket-relative paths of the entries under ``prefix`` (sorted); [] when it does not exist.

        Paths include the prefix, so they can be passed straight back to ``open_input``/``delete``.
        """
        fs, _ = self.filesystem()
        rel = clean_relpath(prefix, allow_root=True)
        base = self.resolve(rel, allow_root=True).replace(os.sep, "/")
        with _storage_errors(prefix, self.name):
            infos = fs.get_file_info(pafs.FileSelector(base, allow_not_found=True, recursive=recursive))
        names = [posixpath.relpath(i.path.replace(os.sep, "/"), base) for i in infos]
        return sorted(posixpath.join(rel, n) if rel else n for n in names if _TMP_MARK not in n)

    def read_bytes(self, relpath: str) -> bytes:
        with self.open_input(relpath) as handle:
            return bytes(handle.read())

    def write_bytes(self, relpath: str, data: bytes) -> int:
        return self.write_file(relpath, io.BytesIO(data))

    def exists(self, relpath: str) -> bool:
        fs, _ = self.filesystem()
        path = self.resolve(relpath)
        with _storage_errors(relpath, self.name):
            return bool(fs.get_file_info(path).type != pafs.FileType.NotFound)

    def size(self, relpath: str) -> int:
        fs, _ = self.filesystem()
        path = self.resolve(relpath)
        with _storage_errors(relpath, self.name):
            info = fs.get_file_info(path)
        if info.type != pafs.FileType.File or info.size is None:
            raise NotFound(f"No file {relpath!r} in bucket '{self.name}'.")
        return int(info.size)

    def delete(self, relpath: str) -> bool:
        """Delete one file; False when it was not there."""
        fs, _ = self.filesystem()
        path = self.resolve(relpath)
        with _storage_errors(relpath, self.name):
            info = fs.get_file_info(path)
            if info.type == pafs.FileType.NotFound:
                return False
            if info.type == pafs.FileType.Directory:
                raise InvalidInput(f"{relpath!r} in bucket '{self.name}' is a folder; use delete_tree.")
            fs.delete_file(path)
        return True

    def delete_tree(self, relpath: str) -> bool:
        """Delete a folder and everything below it; False when it was not there. Never the root."""
        fs, _ = self.filesystem()
        path = self.resolve(relpath)
        if path == self._base:
            raise Forbidden(f"Refusing to delete the root of bucket '{self.name}'.")
        with _storage_errors(relpath, self.name):
            info = fs.get_file_info(path)
            if info.type == pafs.FileType.NotFound:
                return False
            if self.backend == "local" and info.type == pafs.FileType.Directory:
                shutil.rmtree(path)
            elif info.type == pafs.FileType.Directory:
                fs.delete_dir(path)
            else:
                fs.delete_file(path)
        return True


@contextmanager
def _storage_errors(relpath: str, bucket: str) -> Iterator[None]:
    """Turn low-level I/O failures into ``NotFound``/``StorageError`` that name the path."""
    try:
        yield
    except FileNotFoundError as exc:
        raise NotFound(f"No file {relpath!r} in bucket '{bucket}'.") from exc
    except OSError as exc:
        raise StorageError(f"Storage error on {relpath!r} in bucket '{bucket}': {exc}") from exc
