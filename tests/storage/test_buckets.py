from __future__ import annotations

import io
import os
from pathlib import Path

import pyarrow.fs as pafs
import pytest

from lakehouse.errors import Forbidden, InvalidInput, InvalidName, NotFound, StorageError
from lakehouse.storage.buckets import Bucket, BucketSpec, clean_relpath


# Specs -------------------------------------------------------------------------------------------
def s3_spec(**overrides: object) -> BucketSpec:
    fields: dict[str, object] = {
        "name": "archive",
        "backend": "s3",
        "bucket": "my-bucket",
        "prefix": "lake",
        "endpoint": "http://127.0.0.1:9000",
        "allow_http": True,
        "access_key_id_ref": "env:LAKEHOUSE_SECRET_S3_KEY",
        "secret_access_key_ref": "env:LAKEHOUSE_SECRET_S3_SECRET",
    }
    fields.update(overrides)
    return BucketSpec.model_validate(fields)


def test_spec_round_trips_through_json() -> None:
    spec = s3_spec()
    assert BucketSpec.model_validate_json(spec.model_dump_json()) == spec


def test_clear_secret_is_refused_without_echoing_it() -> None:
    with pytest.raises(InvalidInput) as err:
        s3_spec(secret_access_key_ref="wJalrXUtnFEMI/K7MDENG")
    assert "wJalrXUtnFEMI" not in err.value.message
    assert "env:LAKEHOUSE_SECRET_" in err.value.message


@pytest.mark.parametrize(
    "ref", ["env:HOME", "env:AWS_SECRET_ACCESS_KEY", "env:lakehouse_secret_x", "LAKEHOUSE_SECRET_X"]
)
def test_secret_refs_must_name_lakehouse_secret_variables(ref: str) -> None:
    with pytest.raises(InvalidInput):
        s3_spec(access_key_id_ref=ref)


def test_both_key_refs_or_neither() -> None:
    with pytest.raises(InvalidInput, match="both"):
        s3_spec(secret_access_key_ref=None)
    assert s3_spec(access_key_id_ref=None, secret_access_key_ref=None).access_key_id_ref is None


@pytest.mark.parametrize(
    "overrides, fragment",
    [
        ({"endpoint": "http://s3.example.com"}, "loopback"),
        ({"allow_http": False}, "allow_http"),
        ({"endpoint": "ftp://127.0.0.1"}, "http(s)"),
        ({"endpoint": "https://user:pw@s3.example.com"}, "no credentials"),
        ({"endpoint": "https://s3.example.com/path"}, "no credentials or path"),
        ({"bucket": "No_Such"}, "not a valid S3 bucket name"),
        ({"prefix": "../escape"}, "not allowed"),
        ({"root": "/tmp/x"}, "not 'root'"),
    ],
)
def test_invalid_s3_specs(overrides: dict[str, object], fragment: str) -> None:
    with pytest.raises(InvalidInput) as err:
        s3_spec(**overrides)
    assert fragment in err.value.message


def test_https_endpoints_and_ipv6_loopback() -> None:
    assert s3_spec(endpoint="https://s3.example.com", allow_http=False).endpoint == "https://s3.example.com"
    assert s3_spec(endpoint="http://[::1]:9000").endpoint == "http://[::1]:9000"
    assert s3_spec(endpoint="http://localhost:9000").endpoint == "http://localhost:9000"


def test_local_spec_needs_absolute_root_and_valid_name() -> None:
    with pytest.raises(InvalidInput, match="absolute"):
        BucketSpec(name="x", root="relative/dir")
    with pytest.raises(InvalidInput, match="only 'root'"):
        BucketSpec(name="x", root="/tmp/x", bucket="b")
    with pytest.raises(InvalidName):
        BucketSpec(name="../etc", root="/tmp/x")


def test_storage_options_resolve_env_refs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKEHOUSE_SECRET_S3_KEY", "AKIA")
    monkeypatch.setenv("LAKEHOUSE_SECRET_S3_SECRET", "sekret")
    bucket = Bucket(s3_spec())
    options = bucket.storage_options()
    assert options["AWS_ACCESS_KEY_ID"] == "AKIA"
    assert options["AWS_SECRET_ACCESS_KEY"] == "sekret"
    assert options["AWS_ENDPOINT_URL"] == "http://127.0.0.1:9000"
    assert options["AWS_ALLOW_HTTP"] == "true"
    assert "AWS_S3_ALLOW_UNSAFE_RENAME" not in options
    assert "sekret" not in repr(bucket)
    assert bucket.table_uri("sales") == "s3://my-bucket/lake/tables/sales"
    assert bucket.uri("staging/a.csv") == "s3://my-bucket/lake/staging/a.csv"


def test_missing_secret_variable_fails_on_use_not_on_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAKEHOUSE_SECRET_S3_KEY", raising=False)
    bucket = Bucket(s3_spec())
    with pytest.raises(InvalidInput, match="LAKEHOUSE_SECRET_S3_KEY"):
        bucket.storage_options()


# Containment -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "relpath",
    ["/etc/passwd", "../x", "a/../../x", "a/..", "..", "a\x00b", "a\\..\\b", "~/x", "C:/x", "a\nb", ""],
)
def test_paths_that_could_escape_are_refused(local_bucket: Bucket, relpath: str) -> None:
    with pytest.raises(InvalidInput) as err:
        local_bucket.resolve(relpath)
    assert "empty" in err.value.message or repr(relpath) in err.value.message


def test_clean_relpath_normalises_harmless_forms() -> None:
    assert clean_relpath("a//b/./c/") == "a/b/c"
    assert clean_relpath("", allow_root=True) == ""


def test_symlink_escaping_the_root_is_forbidden(local_bucket: Bucket, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("top secret")
    os.symlink(outside, Path(local_bucket.root) / "link")
    os.symlink(outside / "secret.txt", Path(local_bucket.root) / "file-link")
    for relpath in ("link/secret.txt", "file-link", "link"):
        with pytest.raises(Forbidden) as err:
            local_bucket.resolve(relpath)
        assert repr(relpath) in err.value.message
    with pytest.raises(Forbidden):
        local_bucket.open_input("link/secret.txt")
    with pytest.raises(Forbidden):
        local_bucket.write_file("link/new.txt", io.BytesIO(b"x"))
    assert not (outside / "new.txt").exists()


def test_symlink_inside_the_root_is_fine(local_bucket: Bucket) -> None:
    root = Path(local_bucket.root)
    (root / "real").mkdir()
    (root / "real" / "f.txt").write_text("ok")
    os.symlink(root / "real", root / "alias")
    assert local_bucket.read_bytes("alias/f.txt") == b"ok"


def test_root_itself_may_be_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "via")
    bucket = Bucket(BucketSpec(name="via", root=str(tmp_path / "via")))
    bucket.write_bytes("a/b.txt", b"hello")
    assert (tmp_path / "real" / "a" / "b.txt").read_bytes() == b"hello"


def test_dataset_names_are_validated_before_becoming_paths(local_bucket: Bucket) -> None:
    with pytest.raises(InvalidName):
        local_bucket.table_uri("../../etc")
    assert local_bucket.table_uri("sales") == os.path.join(local_bucket.root, "tables", "sales")


# Files (local and S3) ----------------------------------------------------------------------------
def test_file_round_trip(bucket: Bucket) -> None:
    payload = os.urandom(3 * (1 << 20) + 17)  # several copy chunks
    assert bucket.write_file("staging/up/data.bin", io.BytesIO(payload)) == len(payload)
    assert bucket.exists("staging/up/data.bin")
    assert bucket.exists("staging/up")
    assert bucket.size("staging/up/data.bin") == len(payload)
    with bucket.open_input("staging/up/data.bin") as handle:
        handle.seek(len(payload) - 17)
        assert handle.read() == payload[-17:]
    assert bucket.read_bytes("staging/up/data.bin") == payload


def test_list_returns_bucket_relative_paths(bucket: Bucket) -> None:
    bucket.write_bytes("backups/b.json", b"2")
    bucket.write_bytes("backups/a.json", b"1")
    bucket.write_bytes("backups/old/c.json", b"3")
    assert bucket.list("backups") == ["backups/a.json", "backups/b.json", "backups/old"]
    assert bucket.list("backups", recursive=True) == [
        "backups/a.json",
        "backups/b.json",
        "backups/old",
        "backups/old/c.json",
    ]
    assert bucket.read_bytes(bucket.list("backups")[0]) == b"1"
    assert bucket.list("nothing-here") == []
    assert "backups" in bucket.list()


def test_overwrite_delete_and_delete_tree(bucket: Bucket) -> None:
    bucket.write_bytes("t/x.txt", b"one")
    bucket.write_bytes("t/x.txt", b"two")
    assert bucket.read_bytes("t/x.txt") == b"two"
    bucket.write_bytes("t/sub/y.txt", b"y")
    with pytest.raises(InvalidInput, match="folder"):
        bucket.delete("t/sub")
    assert bucket.delete("t/x.txt") is True
    assert bucket.delete("t/x.txt") is False
    assert bucket.delete_tree("t") is True
    assert not bucket.exists("t/sub/y.txt")
    assert bucket.delete_tree("t") is False
    with pytest.raises(InvalidInput):
        bucket.delete_tree("")


def test_missing_files_are_not_found(bucket: Bucket) -> None:
    with pytest.raises(NotFound, match="nope.csv"):
        bucket.open_input("nope.csv")
    with pytest.raises(NotFound):
        bucket.size("nope.csv")
    assert not bucket.exists("nope.csv")


def test_failed_local_write_leaves_nothing(local_bucket: Bucket) -> None:
    class Broken(io.RawIOBase):
        def read(self, n: int = -1) -> bytes:
            raise OSError("disk on fire")

    with pytest.raises(StorageError):
        local_bucket.write_file("staging/x.bin", Broken())  # type: ignore[arg-type]
    assert local_bucket.list("staging") == []
    assert os.listdir(Path(local_bucket.root) / "staging") == []


def test_filesystem_gives_pyarrow_access(bucket: Bucket) -> None:
    bucket.write_bytes("raw/f.txt", b"abc")
    fs, base = bucket.filesystem()
    with fs.open_input_stream(f"{base}/raw/f.txt") as handle:
        assert handle.read() == b"abc"
    assert fs.get_file_info(f"{base}/raw").type == pafs.FileType.Directory


# S3 specifics ------------------------------------------------------------------------------------
@pytest.mark.s3
def test_missing_s3_bucket_is_a_clear_storage_error(s3_bucket_spec: BucketSpec) -> None:
    bucket = Bucket(s3_bucket_spec.model_copy(update={"bucket": "does-not-exist-here"}))
    with pytest.raises(StorageError, match="does not exist"):
        bucket.ensure_root()


@pytest.mark.s3
def test_unreachable_endpoint_is_a_storage_error(s3_bucket_spec: BucketSpec) -> None:
    with socketserver_port() as port:
        bucket = Bucket(s3_bucket_spec.model_copy(update={"endpoint": f"http://127.0.0.1:{port}"}))
    with pytest.raises(StorageError, match="Cannot reach"):
        bucket.ensure_root()


class socketserver_port:
    """A loopback port that was free a moment ago (nothing listens on it afterwards)."""

    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        return int(self.sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.sock.close()
