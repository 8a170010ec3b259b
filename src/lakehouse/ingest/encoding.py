"""Text encodings of uploaded files: UTF-8 checks with a helpful diagnosis, and streaming transcoding."""

from __future__ import annotations

import codecs
import shutil
import tempfile
from pathlib import Path

from lakehouse.errors import InvalidInput, MalformedFile

BOM = codecs.BOM_UTF8
_CHUNK = 1 << 20


# On short samples many code pages decode equally well; prefer the ones files are usually written in.
_COMMON = ("cp1252", "utf_16", "cp1251", "shift_jis", "gb18030", "big5", "euc_kr", "cp1250", "iso8859_15")


def _guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return None
    plausible = [m for m in matches if m.chaos <= matches[0].chaos + 0.1]
    for name in _COMMON:
        if any(name in m.could_be_from_charset for m in plausible):
            return name
    return str(matches[0].encoding)


def encoding_error(path: Path, line: int | None, offset: int) -> MalformedFile:
    """The error for bytes that are not UTF-8, naming the likely encoding and how to pass it."""
    with open(path, "rb") as f:
        f.seek(max(0, offset - 32 * 1024))
        sample = f.read(256 * 1024)
    guess = _guess(sample)
    where = f"line {line}: " if line is not None else ""
    if guess and guess.replace("_", "-").lower() not in ("utf-8", "ascii"):
        hint = f'Pass the encoding: --encoding {guess} (CLI) or "encoding": "{guess}" (API).'
        msg = f"{where}the file is not valid UTF-8; it looks like {guess}."
    else:
        hint = 'Pass the file\'s encoding: --encoding NAME (CLI) or "encoding": "NAME" (API).'
        msg = f"{where}the file is not valid UTF-8 and its encoding could not be detected."
    return MalformedFile(msg, hint=hint, details={"line": line, "detected_encoding": guess})


def find_invalid_utf8(path: Path, start: int = 0) -> tuple[int, int] | None:
    """(1-based line, byte offset) of the first byte sequence that is not UTF-8, or None."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    line, pos = 1, start
    with open(path, "rb") as f:
        f.seek(start)
        while chunk := f.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return line + chunk.count(b"\n", 0, exc.start), pos + exc.start
            line += chunk.count(b"\n")
            pos += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return line, pos
    return None


def check_utf8_sample(path: Path, sample: bytes, start: int) -> None:
    """Fail fast when the beginning of the file is not UTF-8 (the sample may end mid-character)."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise MalformedFile(
            "The file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8.",
            hint='Pass the encoding: --encoding utf-16 (CLI) or "encoding": "utf-16" (API).',
            details={"detected_encoding": "utf-16"},
        )
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample[start:])
    except UnicodeDecodeError as exc:
        line = sample.count(b"\n", 0, start + exc.start) + 1
        raise encoding_error(path, line, start + exc.start) from None


def transcode_to_utf8(path: Path, encoding: str, tmp_dir: str | None = None) -> Path:
    """Stream ``path`` from ``encoding`` into a UTF-8 temp file (the caller deletes it)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InvalidInput(
            f"Unknown encoding {encoding!r}.", hint="Use a Python codec name such as cp1252, latin-1, utf-16."
        ) from None
    out = tempfile.NamedTemporaryFile(prefix="lakehouse-utf8-", dir=tmp_dir, delete=False)  # noqa: SIM115
    try:
        with open(path, encoding=encoding, errors="strict", newline="") as src, out:
            writer = codecs.getwriter("utf-8")(out)
            try:
                shutil.copyfileobj(src, writer, _CHUNK)
            except UnicodeDecodeError as exc:
                raise MalformedFile(
                    f"The file is not valid {encoding}: {exc.reason} at byte {exc.start} of a chunk.",
                    hint="Check the encoding you passed; omit it to have the file checked as UTF-8.",
                ) from None
    except BaseException:
        Path(out.name).unlink(missing_ok=True)
        raise
    return Path(out.name)
