"""Where local buckets may be rooted (storage.allowed_roots), built-in roots, and reads that stay inside."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from lakehouse.config import Settings
from lakehouse.errors import Conflict, Forbidden, InvalidInput, NotFound, PathNotAllowed
from lakehouse.storage.buckets import Bucket, BucketSpec
from lakehouse.storage.localfiles import open_regular
from lakehouse.storage.registry import BucketRegistry, MemoryBucketStore


@pytest.fixture
def default_registry(tmp_path: Path) -> BucketRegistry:
    """The shipped defaults: only the data dir is an allowed root."""
    return BucketRegistry(Settings(data_dir=tmp_path / "data"), MemoryBucketStore())


def test_a_root_outside_the_allowed_roots_is_403_naming_the_setting(default_registry: BucketRegistry) -> None:
    with pytest.raises(PathNotAllowed) as info:
        default_registry.add(BucketSpec(name="etc", root="/etc"))
    error = info.value
    assert error.http_status == 403 and error.code == "path_not_allowed"
    assert "/etc" in error.message and "storage.allowed_roots" in (error.hint or "")
    assert default_registry.names() == ["primary", "rescue"]


def test_a_root_under_the_data_dir_is_allowed(default_registry: BucketRegistry, tmp_path: Path) -> None:
    bucket = default_registry.add(BucketSpec(name="archive", root=str(tmp_path / "data" / "archive")))
    assert Path(bucket.root).is_dir()


def test_symlinks_are_resolved_before_the_check(default_registry: BucketRegistry, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "data").mkdir(exist_ok=True)
    os.symlink(outside, tmp_path / "data" / "looks-inside")
    with pytest.raises(PathNotAllowed, match=str(outside)):
        default_registry.add(BucketSpec(name="sneaky", root=str(tmp_path / "data" / "looks-inside")))
    os.symlink("/etc", tmp_path / "data" / "etc-link")
    with pytest.raises(PathNotAllowed):
        default_registry.add(BucketSpec(name="etc", root=str(tmp_path / "data" / "etc-link" / "ssl")))


def test_allowed_roots_widen_the_choice_and_may_themselves_be_symlinks(tmp_path: Path) -> None:
    (tmp_path / "mnt" / "lake").mkdir(parents=True)
    os.symlink(tmp_path / "mnt" / "lake", tmp_path / "lake")
    settings = Settings(data_dir=tmp_path / "data", storage={"allowed_roots": [tmp_path / "lake"]})
    registry = BucketRegistry(settings, MemoryBucketStore())
    assert registry.add(BucketSpec(name="cold", root=str(tmp_path / "mnt" / "lake" / "cold"))).name == "cold"
    assert registry.add(BucketSpec(name="warm", root=str(tmp_path / "lake" / "warm"))).name == "warm"
    with pytest.raises(PathNotAllowed):
        registry.add(BucketSpec(name="other", root=str(tmp_path / "mnt" / "other")))


def test_relative_allowed_roots_are_refused() -> None:
    with pytest.raises(ValueError, match="absolute"):
        Settings(storage={"allowed_roots": ["relative/dir"]})


def test_roots_inside_other_buckets_are_refused(default_registry: BucketRegistry, tmp_path: Path) -> None:
    default_registry.add(BucketSpec(name="outer", root=str(tmp_path / "data" / "outer")))
    for name, root in (("inner", "outer/inner"), ("prim", "buckets/primary/sub"), ("holds", "buckets")):
        with pytest.raises(Conflict, match="overlaps"):
            default_registry.add(BucketSpec(name=name, root=str(tmp_path / "data" / root)))


def test_a_root_over_the_drop_folder_is_refused_while_the_watcher_runs(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", ingest={"watch": {"enabled": True}})
    registry = BucketRegistry(settings, MemoryBucketStore())
    with pytest.raises(Conflict, match=r"ingest\.watch\.path"):
        registry.add(BucketSpec(name="drop", root=str(tmp_path / "data" / "dropbox" / "in")))


def test_buckets_stored_before_the_rule_keep_their_datasets_but_serve_no_file_by_path(tmp_path: Path) -> None:
    store = MemoryBucketStore()
    store.save_bucket(BucketSpec(name="legacy", root=str(tmp_path / "legacy")))  # as an older release allowed
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "f.csv").write_text("a\n1\n")
    registry = BucketRegistry(Settings(data_dir=tmp_path / "data"), store)
    assert "legacy" in registry.names()
    assert registry.get("legacy").table_uri("t") == str(tmp_path / "legacy" / "tables" / "t")
    with pytest.raises(PathNotAllowed) as info:
        registry.source("legacy")
    assert "storage.allowed_roots" in (info.value.hint or "")
    assert registry.source("primary").name == "primary"
    widened = BucketRegistry(Settings(data_dir=tmp_path / "data", storage={"allowed_roots": [tmp_path]}), store)
    assert widened.source("legacy").read_bytes("f.csv") == b"a\n1\n"
    with pytest.raises(PathNotAllowed):  # and a new bucket like it is refused
        registry.add(BucketSpec(name="legacy2", root=str(tmp_path / "legacy2")))
    registry.remove("legacy")
    assert registry.names() == ["primary", "rescue"]


def test_configured_builtin_roots_may_not_hold_the_data_dir_or_each_other(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"storage\.primary_root"):
        BucketRegistry(Settings(data_dir=tmp_path / "data", storage={"primary_root": tmp_path}), MemoryBucketStore())
    with pytest.raises(InvalidInput, match="overlap"):
        BucketRegistry(Settings(data_dir=tmp_path / "data", storage={"primary_root": tmp_path / "p",
                                                                     "rescue_root": tmp_path / "p" / "r"}),
                       MemoryBucketStore())
    # outside the data dir is fine: the configuration is the operator's
    ok = BucketRegistry(Settings(data_dir=tmp_path / "data", storage={"primary_root": tmp_path / "p"}),
                        MemoryBucketStore())
    assert ok.primary.root == str(tmp_path / "p")


# Reads inside a bucket ---------------------------------------------------------------------------
def test_a_file_symlink_pointing_out_is_not_read(local_bucket: Bucket, tmp_path: Path) -> None:
    (tmp_path / "secret.csv").write_text("secret\n42\n")
    os.symlink(tmp_path / "secret.csv", Path(local_bucket.root) / "data.csv")
    with pytest.raises(Forbidden):
        local_bucket.open_input("data.csv")


def test_a_directory_swapped_for_a_symlink_after_the_check_is_caught(tmp_path: Path) -> None:
    root = tmp_path / "bucket"
    (root / "in").mkdir(parents=True)
    (root / "in" / "f.csv").write_text("a\n1\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "f.csv").write_text("secret\n")
    checked = str(root / "in" / "f.csv")  # what Bucket.resolve returned a moment ago
    os.rename(root / "in", root / "moved")
    os.symlink(tmp_path / "outside", root / "in")
    with pytest.raises(Forbidden, match="outside"):
        open_regular(checked, str(root), "'in/f.csv'")
    fd = open_regular(str(root / "moved" / "f.csv"), str(root), "'moved/f.csv'")
    try:
        assert os.read(fd, 10) == b"a\n1\n"
    finally:
        os.close(fd)


def test_fifos_and_folders_are_not_files(local_bucket: Bucket) -> None:
    fifo = Path(local_bucket.root) / "pipe.csv"
    os.mkfifo(fifo)
    done = threading.Event()
    errors: list[BaseException] = []

    def read() -> None:
        try:
            local_bucket.open_input("pipe.csv")
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(10), "opening a FIFO blocked"
    assert errors and isinstance(errors[0], NotFound)
    (Path(local_bucket.root) / "folder").mkdir()
    with pytest.raises(NotFound):
        local_bucket.open_input("folder")
