"""ALICE-style recording and replay of a process's file operations (Pillai et al., OSDI 2014), on strace.

``record`` runs a command under ``strace -f -xx`` and returns the operations it made on files under one
folder, in the order the kernel completed them: create/truncate, write (with the bytes and the offset),
rename, link, unlink, mkdir, rmdir, truncate, fsync. ``materialise`` applies a prefix of them to a copy of
the folder as it was before the command: what a crash right after that operation leaves on disk when the
file system keeps operations in order (the model here; reordering within fsync barriers is not explored).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TRACED = ("openat,creat,write,pwrite64,writev,pwritev,lseek,rename,renameat,renameat2,link,linkat,unlink,"
          "unlinkat,mkdir,mkdirat,rmdir,fsync,fdatasync,ftruncate,truncate,fallocate,copy_file_range")
_HEX = re.compile(r"\\x([0-9a-f]{2})")
_STRING = re.compile(r'"((?:\\x[0-9a-f]{2})*)"')
_FD = re.compile(r"^(\d+|AT_FDCWD)<((?:\\x[0-9a-f]{2})*)>")
_LINE = re.compile(r"^(\d+)\s+(.*)$")
_CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(-?\d+)")


def _text(hexed: str) -> str:
    return bytes(int(h, 16) for h in _HEX.findall(hexed)).decode("utf-8", "surrogateescape")


def _bytes(hexed: str) -> bytes:
    return bytes(int(h, 16) for h in _HEX.findall(hexed))


@dataclass
class Op:
    kind: str  # create | write | rename | link | unlink | mkdir | rmdir | truncate | fsync | marker
    path: str = ""
    target: str = ""
    offset: int = 0
    data: bytes = b""
    trunc: bool = False


def _args(raw: str) -> list[str]:
    """Top-level comma-separated arguments (strings are hex-escaped, so commas only separate)."""
    out, depth, current = [], 0, []
    for ch in raw:
        if ch in "[{(":
            depth += 1
        elif ch in "]})":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    if current:
        out.append("".join(current).strip())
    return out


def _at(dirfd: str, path_arg: str) -> str:
    path = _text(_STRING.search(path_arg).group(1))  # type: ignore[union-attr]
    if os.path.isabs(path):
        return os.path.normpath(path)
    base = _FD.match(dirfd)
    return os.path.normpath(os.path.join(_text(base.group(2)) if base else "/", path))


def _fd_path(arg: str) -> tuple[str, str]:
    match = _FD.match(arg)
    return (match.group(1), _text(match.group(2))) if match else ("", "")


def parse(trace: str, root: str) -> list[Op]:
    """Operations on files under ``root``, plus ``marker`` ops for lines the traced process wrote to its stdout."""
    pending: dict[str, str] = {}
    offsets: dict[str, int] = {}
    ops: list[Op] = []
    root = os.path.normpath(root)

    def inside(path: str) -> bool:
        return path == root or path.startswith(root + os.sep)

    for raw in trace.splitlines():
        line = _LINE.match(raw)
        if not line:
            continue
        pid, body = line.groups()
        if body.endswith("<unfinished ...>"):
            pending[pid] = body[: -len("<unfinished ...>")].rstrip()
            continue
        if body.startswith("<..."):
            body = pending.pop(pid, "") + body.split("resumed>", 1)[1]
        call = _CALL.match(body)
        if not call:
            continue
        name, rawargs, ret = call.group(1), call.group(2), int(call.group(3))
        if ret < 0:
            continue
        args = _args(rawargs)
        if name in ("write", "writev", "pwrite64", "pwritev"):
            fd, path = _fd_path(args[0])
            if name in ("write", "writev") and fd == "1":
                ops.append(Op("marker", data=b"".join(_bytes(s) for s in _STRING.findall(args[1]))[:ret]))
                continue
            if not inside(path):
                continue
            data = b"".join(_bytes(s) for s in _STRING.findall(args[1]))[:ret]
            if name in ("pwrite64", "pwritev"):
                offset = int(args[-1])
            else:
                offset = offsets.get(path, 0)
                offsets[path] = offset + ret
            ops.append(Op("write", path, offset=offset, data=data))
        elif name == "lseek":
            _, path = _fd_path(args[0])
            offsets[path] = ret
        elif name in ("openat", "creat"):
            flags = args[2] if name == "openat" else "O_CREAT|O_TRUNC"
            path = _at(args[0], args[1]) if name == "openat" else _at("", args[0])
            if inside(path) and ("O_CREAT" in flags or "O_TRUNC" in flags or "O_WRONLY" in flags
                                 or "O_RDWR" in flags):
                offsets[path] = 0
                ops.append(Op("create", path, trunc="O_TRUNC" in flags))
        elif name in ("rename", "renameat", "renameat2", "link", "linkat"):
            if name in ("rename", "link"):
                src, dst = _at("", args[0]), _at("", args[1])
            else:
                src, dst = _at(args[0], args[1]), _at(args[2], args[3])
            if inside(src) or inside(dst):
                ops.append(Op("rename" if name.startswith("rename") else "link", src, dst))
        elif name in ("unlink", "unlinkat", "rmdir"):
            path = _at("", args[0]) if name in ("unlink", "rmdir") else _at(args[0], args[1])
            if inside(path):
                removedir = name == "rmdir" or (name == "unlinkat" and "AT_REMOVEDIR" in args[-1])
                ops.append(Op("rmdir" if removedir else "unlink", path))
        elif name in ("mkdir", "mkdirat"):
            path = _at("", args[0]) if name == "mkdir" else _at(args[0], args[1])
            if inside(path):
                ops.append(Op("mkdir", path))
        elif name in ("ftruncate", "truncate"):
            path = _fd_path(args[0])[1] if name == "ftruncate" else _at("", args[0])
            if inside(path):
                ops.append(Op("truncate", path, offset=int(args[1])))
        elif name in ("fsync", "fdatasync"):
            _, path = _fd_path(args[0])
            if inside(path):
                ops.append(Op("fsync", path))
        elif name in ("fallocate", "copy_file_range"):
            _, path = _fd_path(args[0])
            if inside(path):
                raise NotImplementedError(f"{name} on {path}: teach the replayer this call")
    return ops


def record(command: list[str], root: Path, output: Path, env: dict[str, str], timeout: float = 300) -> list[Op]:
    subprocess.run(["strace", "-f", "-qq", "-y", "-xx", "-s", "100000000", "-o", str(output), "-e",
                    f"trace={TRACED}", "-e", "signal=none", *command], check=True, env=env, timeout=timeout,
                   capture_output=True)
    return parse(output.read_text(), str(root))


def materialise(base: Path, ops: list[Op], recorded_root: Path, target: Path, *,
                lose_unsynced: str | None = None) -> None:
    """``base`` (the folder before the command) with ``ops`` applied, written to ``target``.

    ``lose_unsynced``: also model a power loss for files whose path contains this text: a file written
    since its last fsync loses its contents (it is left empty), as a file system may do with data that
    was never synced. (SQLite's own files are excluded by the caller: SQLite fsyncs what it relies on,
    and its WAL checksums discard torn frames.)"""
    shutil.copytree(base, target)
    dirty: dict[str, bool] = {}

    def here(path: str) -> Path:
        return target / os.path.relpath(path, recorded_root)

    for op in ops:
        path = here(op.path) if op.path else None
        if op.kind == "create":
            assert path is not None
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "r+b" if path.exists() and not op.trunc else "wb"):
                pass
        elif op.kind == "write":
            assert path is not None
            fd = os.open(path, os.O_WRONLY | os.O_CREAT)
            try:
                os.pwrite(fd, op.data, op.offset)
            finally:
                os.close(fd)
        elif op.kind == "truncate":
            os.truncate(path, op.offset)  # type: ignore[arg-type]
        elif op.kind == "rename":
            os.replace(path, here(op.target))  # type: ignore[arg-type]
        elif op.kind == "link":
            os.link(path, here(op.target))  # type: ignore[arg-type]
        elif op.kind == "unlink":
            path.unlink()  # type: ignore[union-attr]
        elif op.kind == "mkdir":
            path.mkdir()  # type: ignore[union-attr]
        elif op.kind == "rmdir":
            path.rmdir()  # type: ignore[union-attr]
        _track(dirty, op)
    if lose_unsynced is not None:
        for name, unsynced in dirty.items():
            if unsynced and lose_unsynced in name and here(name).is_file():
                os.truncate(here(name), 0)


def _track(dirty: dict[str, bool], op: Op) -> None:
    """Which files hold writes no fsync has covered (by current name; a link shares its source's state)."""
    if op.kind in ("write", "truncate"):
        dirty[op.path] = True
    elif op.kind == "create":
        dirty.setdefault(op.path, op.trunc)
    elif op.kind == "rename":
        dirty[op.target] = dirty.pop(op.path, False)
    elif op.kind == "link":
        dirty[op.target] = dirty.get(op.path, False)
    elif op.kind == "unlink":
        dirty.pop(op.path, None)
    elif op.kind == "fsync":
        dirty[op.path] = False
