"""Compressed input files (gzip, bzip2, xz, zstd), recognised by their first bytes whatever their names say, are
decompressed into a temp file first, chunk by chunk (bounded memory), so the readers see the plain file.

The decompressed size is bounded by ``ingest.max_upload_bytes``: a small archive that expands without end (a
"zip bomb") stops there instead of filling the disk.
"""

from __future__ import annotations

import lzma
import tempfile
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from lakehouse.errors import LimitExceeded, MalformedFile

_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\x28\xb5\x2f\xfd", "zstd"), (b"\xfd7zXZ\x00", "xz"))
SUFFIXES = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bz2", ".zst": "zstd", ".zstd": "zstd", ".xz": "xz"}
_CHUNK = 1 << 20


def compression_of(sample: bytes) -> str | None:
    """The codec whose signature ``sample`` starts with; None for a file that is not compressed."""
    return next((codec for magic, codec in _MAGIC if sample.startswith(magic)), None)


def inner_name(name: str | None) -> str | None:
    """``people.csv.gz`` -> ``people.csv``: the name the format is then told from."""
    if name and Path(name).suffix.lower() in SUFFIXES:
        return name[: -len(Path(name).suffix)]
    return name


def decompress(path: Path, codec: str, max_bytes: int) -> Path:
    """A temp file with ``path`` decompressed; the caller removes it."""
    out = tempfile.NamedTemporaryFile(prefix="lakehouse-decompressed-", delete=False)  # noqa: SIM115
    size = 0
    try:
        with out, _open(path, codec) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise LimitExceeded(
                        f"{path.name} decompresses to more than {max_bytes:,} bytes.",
                        hint="Decompress it yourself and ingest the result, or raise ingest.max_upload_bytes.",
                        details={"setting": "ingest.max_upload_bytes"})
                out.write(chunk)
    except (OSError, EOFError, lzma.LZMAError, pa.ArrowException) as exc:
        Path(out.name).unlink(missing_ok=True)
        raise MalformedFile(f"{path.name} looks {codec}-compressed but cannot be decompressed: {exc}",
                            hint="Check that the file is complete (a download cut short is the usual cause).") \
            from None
    except BaseException:
        Path(out.name).unlink(missing_ok=True)
        raise
    return Path(out.name)


def _open(path: Path, codec: str) -> BinaryIO:
    if codec == "xz":  # Arrow has no xz codec
        return lzma.open(path, "rb")  # type: ignore[return-value]
    return pa.CompressedInputStream(pa.OSFile(str(path), "rb"), codec)  # type: ignore[return-value]
