from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lakehouse.config import Settings
from lakehouse.errors import Conflict, Forbidden, InvalidInput, InvalidName, NotFound, PathNotAllowed, StorageError
from lakehouse.storage.buckets import BucketSpec
from lakehouse.storage.registry import BucketRegistry, MemoryBucketStore


def test_builtins_are_present_and_created(registry: BucketRegistry, settings: Settings) -> None:
    assert registry.names() == ["primary", "rescue"]
    assert registry.get("primary").root == str(settings.primary_root)
    assert settings.primary_root.is_dir() and settings.rescue_root.is_dir()


@pytest.mark.parametrize("name", ["primary", "rescue"])
def test_builtins_cannot_be_added_or_removed(registry: BucketRegistry, tmp_path: Path, name: str) -> None:
    with pytest.raises(Forbidden) as err:
        registry.add(BucketSpec(name=name, root=str(tmp_path / "elsewhere")))
    assert err.value.http_status == 403
    with pytest.raises(Forbidden):
        registry.remove(name)


def test_add_creates_root_persists_and_survives_a_new_registry(
    registry: BucketRegistry, store: MemoryBucketStore, settings: Settings, tmp_path: Path
) -> None:
    root = tmp_path / "archive" / "deep"
    bucket = registry.add(BucketSpec(name="archive", root=str(root)))
    assert root.is_dir()
    assert bucket.name == "archive"
    assert [s.name for s in store.load_buckets()] == ["archive"]
    again = BucketRegistry(settings, store, lambda name: False)
    assert again.names() == ["primary", "rescue", "archive"]
    assert again.get("archive").root == str(root)


def test_store_may_hold_json_dicts(settings: Settings, tmp_path: Path) -> None:
    class DictStore(MemoryBucketStore):
        def load_buckets(self) -> list[dict[str, object]]:  # type: ignore[override]
            return [s.model_dump(mode="json") for s in super().load_buckets()]

    registry = BucketRegistry(settings, DictStore())
    registry.add(BucketSpec(name="cold", root=str(tmp_path / "cold")))
    assert registry.get("cold").spec.name == "cold"


def test_duplicates_conflict(registry: BucketRegistry, tmp_path: Path) -> None:
    registry.add(BucketSpec(name="archive", root=str(tmp_path / "a")))
    with pytest.raises(Conflict) as err:
        registry.add(BucketSpec(name="archive", root=str(tmp_path / "b")))
    assert err.value.http_status == 409


@pytest.mark.parametrize("sub", ["a", "a/inner", "."])
def test_overlapping_roots_conflict(registry: BucketRegistry, tmp_path: Path, sub: str) -> None:
    registry.add(BucketSpec(name="one", root=str(tmp_path / "a")))
    with pytest.raises(Conflict, match="overlaps"):
        registry.add(BucketSpec(name="two", root=str((tmp_path / sub).resolve())))


def test_root_over_the_data_dir_is_refused(registry: BucketRegistry, settings: Settings) -> None:
    with pytest.raises(PathNotAllowed):  # outside storage.allowed_roots before anything else
        registry.add(BucketSpec(name="everything", root="/"))
    with pytest.raises((InvalidInput, Conflict)):
        registry.add(BucketSpec(name="parent", root=str(settings.data_dir.parent)))


def test_remove_rules(settings: Settings, store: MemoryBucketStore, tmp_path: Path) -> None:
    used = {"busy"}
    registry = BucketRegistry(settings, store, lambda name: name in used)
    registry.add(BucketSpec(name="busy", root=str(tmp_path / "busy")))
    registry.add(BucketSpec(name="idle", root=str(tmp_path / "idle")))
    with pytest.raises(Conflict) as err:
        registry.remove("busy")
    assert err.value.http_status == 409
    with pytest.raises(NotFound) as missing:
        registry.remove("ghost")
    assert missing.value.http_status == 404
    registry.remove("idle")
    assert (tmp_path / "idle").is_dir()  # data stays
    used.clear()
    registry.remove("busy")
    assert registry.names() == ["primary", "rescue"]


def test_get_unknown_lists_existing_names(registry: BucketRegistry) -> None:
    with pytest.raises(NotFound) as err:
        registry.get("nope")
    assert err.value.hint is not None and "primary" in err.value.hint and "rescue" in err.value.hint


def test_changes_by_another_registry_on_the_same_store_are_seen(
    registry: BucketRegistry, store: MemoryBucketStore, settings: Settings, tmp_path: Path
) -> None:
    other = BucketRegistry(settings, store)
    other.add(BucketSpec(name="shared", root=str(tmp_path / "shared")))
    assert registry.get("shared").name == "shared"
    other.remove("shared")
    with pytest.raises(NotFound):
        registry.get("shared")


def test_invalid_names_never_reach_the_store(registry: BucketRegistry, store: MemoryBucketStore) -> None:
    with pytest.raises(InvalidName):
        registry.add(BucketSpec.model_construct(name="Bad/Name", backend="local", root="/tmp/x"))
    assert store.load_buckets() == []


def test_concurrent_adds_of_one_name_store_one(registry: BucketRegistry, tmp_path: Path) -> None:
    results: list[str] = []

    def add(i: int) -> None:
        try:
            registry.add(BucketSpec(name="race", root=str(tmp_path / f"race{i}")))
            results.append("ok")
        except Conflict:
            results.append("conflict")

    threads = [threading.Thread(target=add, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict"] * 7 + ["ok"]


def test_s3_secret_missing_fails_before_persisting(
    registry: BucketRegistry, store: MemoryBucketStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LAKEHOUSE_SECRET_NOPE", raising=False)
    spec = BucketSpec(
        name="cloud",
        backend="s3",
        bucket="some-bucket",
        endpoint="http://127.0.0.1:1",
        allow_http=True,
        access_key_id_ref="env:LAKEHOUSE_SECRET_NOPE",
        secret_access_key_ref="env:LAKEHOUSE_SECRET_NOPE",
    )
    with pytest.raises(InvalidInput, match="LAKEHOUSE_SECRET_NOPE"):
        registry.add(spec)
    assert store.load_buckets() == []


@pytest.mark.s3
def test_add_s3_bucket_checks_reachability(
    registry: BucketRegistry, store: MemoryBucketStore, s3_bucket_spec: BucketSpec
) -> None:
    bucket = registry.add(s3_bucket_spec)
    assert bucket.backend == "s3"
    assert store.load_buckets() == [s3_bucket_spec]
    missing = s3_bucket_spec.model_copy(update={"name": "gone", "bucket": "not-created-bucket"})
    with pytest.raises(StorageError):
        registry.add(missing)
    overlapping = s3_bucket_spec.model_copy(update={"name": "nested", "prefix": "lake/inner"})
    with pytest.raises(Conflict, match="overlaps"):
        registry.add(overlapping)
    assert [s.name for s in store.load_buckets()] == ["s3test"]
