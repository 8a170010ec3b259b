"""Local paths that must stay inside a directory: containment by real path, and opens that cannot be
redirected by a symlink swapped in between the check and the open."""

from __future__ import annotations

import errno
import os
import stat

from lakehouse.errors import Forbidden, NotFound, StorageError

_PROC_FD = "/proc/self/fd"
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0))


def within(path: str, root: str) -> bool:
    """``path`` equals ``root`` or lies below it (both already real, absolute paths)."""
    root = root.rstrip(os.sep) or os.sep
    return path == root or path.startswith(root if root == os.sep else root + os.sep)


def overlaps(a: str, b: str) -> bool:
    """One real path equals or contains the other."""
    return within(a, b) or within(b, a)


def fd_path(fd: int) -> str | None:
    """A path that reopens exactly the file behind ``fd`` (Linux), or None where there is none."""
    return f"{_PROC_FD}/{fd}" if os.path.isdir(_PROC_FD) else None


def open_regular(path: str, root: str, shown: str) -> int:
    """An open descriptor for the regular file at ``path``, which must lie inside ``root``.

    The last component is opened without following a symlink and without blocking (a FIFO would hang
    the reader); then the opened file's own path is checked against ``root``, which catches a parent
    directory swapped for a symlink after the caller resolved ``path``. ``shown`` names the file in errors.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise NotFound(f"No file {shown}.") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Forbidden(f"{shown} is a symbolic link; links are not followed here.") from None
        raise StorageError(f"Cannot open {shown}: {exc.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotFound(f"No file {shown} (it is not a regular file).")
        proc = fd_path(fd)
        real = os.readlink(proc) if proc is not None else os.path.realpath(path)
        if not within(real, root):
            raise Forbidden(f"{shown} resolves outside its folder (through a symlink).")
    except BaseException:
        os.close(fd)
        raise
    return fd
