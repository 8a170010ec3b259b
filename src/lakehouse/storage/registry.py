"""The bucket registry: built-in ``primary``/``rescue`` plus the buckets persisted by the catalog.

The store is the source of truth (the CLI and a running server share it), so ``get``/``list`` read it
each time; runtime ``Bucket`` objects are cached per spec.
"""

from __future__ import annotations

import builtins
import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from lakehouse.config import Settings
from lakehouse.errors import Conflict, Forbidden, InvalidInput, NotFound, PathNotAllowed
from lakehouse.network import NetworkPolicy, check_redirect
from lakehouse.storage.buckets import Bucket, BucketSpec
from lakehouse.storage.localfiles import overlaps, within
from lakehouse.storage.names import validate_name

BUILTIN_BUCKETS = ("primary", "rescue")
log = logging.getLogger(__name__)


class BucketStore(Protocol):
    """Persistence for user-defined buckets (implemented by the catalog).

    ``load_buckets`` may return specs or their JSON form (``spec.model_dump(mode="json")``).
    """

    def load_buckets(self) -> Sequence[BucketSpec | Mapping[str, Any]]: ...

    def save_bucket(self, spec: BucketSpec) -> None: ...

    def delete_bucket(self, name: str) -> None: ...


class MemoryBucketStore:
    """A ``BucketStore`` in a dict: for tests and throwaway sessions."""

    def __init__(self) -> None:
        self._specs: dict[str, BucketSpec] = {}
        self._lock = threading.Lock()

    def load_buckets(self) -> list[BucketSpec]:
        with self._lock:
            return list(self._specs.values())

    def save_bucket(self, spec: BucketSpec) -> None:
        with self._lock:
            self._specs[spec.name] = spec

    def delete_bucket(self, name: str) -> None:
        with self._lock:
            self._specs.pop(name, None)


def _never_in_use(name: str) -> bool:
    return False


def _overlaps(a: str, b: str) -> bool:
    """True when one ``/``-separated path equals or contains the other."""
    a, b = a.rstrip("/"), b.rstrip("/")
    return not a or not b or a == b or a.startswith(b + "/") or b.startswith(a + "/")


class BucketRegistry:
    def __init__(
        self,
        settings: Settings,
        store: BucketStore,
        in_use: Callable[[str], bool] = _never_in_use,
    ):
        self._settings = settings
        self._store = store
        self._in_use = in_use
        self._lock = threading.RLock()
        self._network = NetworkPolicy.from_settings(settings)
        self._builtins = {
            "primary": Bucket(BucketSpec(name="primary", root=str(settings.primary_root))),
            "rescue": Bucket(BucketSpec(name="rescue", root=str(settings.rescue_root))),
        }
        self._check_builtins()
        for bucket in self._builtins.values():
            bucket.ensure_root()
        self._cache: dict[str, Bucket] = {}

    def _check_builtins(self) -> None:
        """The configured built-in roots (trusted: they come from the configuration, not a request) must
        still not expose the catalog and the secret key, nor hold one another."""
        data_dir = os.path.realpath(self._settings.data_dir)
        primary, rescue = self._builtins["primary"].root, self._builtins["rescue"].root
        for setting, root in (("storage.primary_root", primary), ("storage.rescue_root", rescue)):
            if within(data_dir, root):
                raise InvalidInput(f"{setting} ({root}) contains the data directory {data_dir}.",
                                   hint=f"Point {setting} at a directory outside the data directory's parents.")
        if overlaps(primary, rescue):
            raise InvalidInput(f"storage.primary_root ({primary}) and storage.rescue_root ({rescue}) overlap.",
                               hint="Give the two built-in buckets separate directories.")

    # Reading -------------------------------------------------------------------------------------
    def _user_specs(self) -> dict[str, BucketSpec]:
        specs = (
            s if isinstance(s, BucketSpec) else BucketSpec.model_validate(s)
            for s in self._store.load_buckets()
        )
        return {s.name: s for s in specs if s.name not in self._builtins}

    def list(self) -> list[BucketSpec]:
        """Built-ins first, then user buckets by name."""
        with self._lock:
            user = sorted(self._user_specs().values(), key=lambda s: s.name)
        return [b.spec for b in self._builtins.values()] + user

    def names(self) -> builtins.list[str]:
        return [s.name for s in self.list()]

    def get(self, name: str) -> Bucket:
        with self._lock:
            if name in self._builtins:
                return self._builtins[name]
            spec = self._user_specs().get(name)
            if spec is None:
                self._cache.pop(name, None)
                raise self._not_found(name)
            cached = self._cache.get(name)
            if cached is None or cached.spec != spec:
                cached = self._cache[name] = Bucket(spec)
                self._warn_if_not_allowed(cached)
            return cached

    def source(self, name: str) -> Bucket:
        """A bucket whose files a request names by path (ingest from ``{bucket, path}``). A bucket stored
        before the allow-lists (or since they were tightened) keeps its datasets and indexes working through
        ``get``, but serves no file by path: 403 naming the setting to change."""
        bucket = self.get(name)
        if name not in self._builtins:
            self._check_allowed(bucket)
        return bucket

    def _warn_if_not_allowed(self, bucket: Bucket) -> None:
        try:
            self._check_allowed(bucket)
        except Forbidden as exc:
            log.warning("%s Its datasets keep working; ingest from its files and new buckets like it are "
                        "refused. %s", exc.message, exc.hint)

    def _not_found(self, name: str) -> NotFound:
        return NotFound(f"No bucket named {name!r}.", hint=f"Existing buckets: {', '.join(self.names())}.")

    @property
    def primary(self) -> Bucket:
        return self._builtins["primary"]

    @property
    def rescue(self) -> Bucket:
        return self._builtins["rescue"]

    # Changing ------------------------------------------------------------------------------------
    def add(self, spec: BucketSpec) -> Bucket:
        """Validate, create the local root or check the S3 bucket answers, then persist."""
        validate_name(spec.name, "bucket name")
        if spec.name in self._builtins:
            raise Forbidden(f"Bucket '{spec.name}' is built in and cannot be redefined.")
        bucket = Bucket(spec)
        self._check_allowed(bucket)
        with self._lock:
            self._check_free(bucket)
        if bucket.backend == "s3":
            bucket.storage_options()  # resolves both secret references: a missing variable fails here
            if spec.endpoint:
                # the S3 clients follow redirects unchecked: refuse an endpoint that redirects already
                check_redirect(f"{spec.endpoint.rstrip('/')}/{spec.bucket}", self._network,
                               f"S3 endpoint of bucket '{spec.name}'")
        # Outside the lock: an S3 reachability check can take seconds.
        bucket.ensure_root()
        with self._lock:
            self._check_free(bucket)
            self._store.save_bucket(spec)
            self._cache[spec.name] = bucket
        return bucket

    def _check_allowed(self, bucket: Bucket) -> None:
        """Local roots under ``storage.allowed_roots`` (real paths); S3 endpoints on allowed hosts."""
        if bucket.backend == "s3":
            if bucket.spec.endpoint:
                self._network.check_url(bucket.spec.endpoint, f"S3 endpoint of bucket '{bucket.name}'")
            return
        allowed = [os.path.realpath(p) for p in self._settings.allowed_bucket_roots]
        if not any(within(bucket.root, root) for root in allowed):
            raise PathNotAllowed(
                f"Bucket '{bucket.name}': root {bucket.root} is outside the directories local buckets may use "
                f"({', '.join(allowed)}).",
                hint="Add the directory (or a parent) to storage.allowed_roots in lakehouse.toml "
                     "(or LAKEHOUSE_STORAGE__ALLOWED_ROOTS) and restart.",
            )

    def _check_free(self, new: Bucket) -> None:
        existing = [*self._builtins.values(), *(Bucket(s) for s in self._user_specs().values())]
        for other in existing:
            if other.name == new.name:
                raise Conflict(f"A bucket named '{new.name}' already exists.", hint="Remove it first.")
        for other in existing:
            if self._same_store(other, new) and _overlaps(new.root, other.root):
                raise Conflict(
                    f"Bucket '{new.name}' ({new.root}) overlaps bucket '{other.name}' ({other.root}).",
                    hint="Buckets must not contain one another.",
                )
        if new.backend == "local":
            data_dir = os.path.realpath(self._settings.data_dir)
            if within(data_dir, new.root):
                raise InvalidInput(
                    f"Bucket root {new.root} contains the lakehouse data directory {data_dir}.",
                    hint="Choose a directory outside the data directory's parents.",
                )
            drop_folder = os.path.realpath(self._settings.watch_path)
            if self._settings.ingest.watch.enabled and overlaps(new.root, drop_folder):
                raise Conflict(
                    f"Bucket root {new.root} overlaps the drop folder {drop_folder} (ingest.watch.path).",
                    hint="The watcher moves what lands there: choose another directory.",
                )

    @staticmethod
    def _same_store(a: Bucket, b: Bucket) -> bool:
        if a.backend != b.backend:
            return False
        return a.backend == "local" or (a.spec.endpoint or "") == (b.spec.endpoint or "")

    def remove(self, name: str) -> None:
        """Forget a bucket (its data stays where it is). 403 built-ins, 404 unknown, 409 while in use."""
        with self._lock:
            if name in self._builtins:
                raise Forbidden(f"Bucket '{name}' is built in and cannot be removed.")
            if name not in self._user_specs():
                raise self._not_found(name)
            if self._in_use(name):
                raise Conflict(
                    f"Bucket '{name}' is still used by datasets or indexes.",
                    hint="Delete or move them first.",
                )
            self._store.delete_bucket(name)
            self._cache.pop(name, None)
