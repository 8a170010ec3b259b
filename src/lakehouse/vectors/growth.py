"""Arrays that an append grows by its rows without copying what earlier generations of an index still read."""

from __future__ import annotations

import numpy as np


def grown(vectors: np.ndarray, new: np.ndarray) -> np.ndarray:
    """``vectors`` with the rows ``new`` after them. The rows are written into spare room after ``vectors`` in
    the array it views, when there is some (an array seen by earlier generations ends before it), else into a
    new array half as large again: appends copy the array O(log n) times in all, not once each. The caller
    never writes into the part ``vectors`` covers (earlier generations read it)."""
    rows = len(vectors) + len(new)
    base = vectors.base
    if (isinstance(base, np.ndarray) and base.flags.owndata and base.flags.writeable  # not a view of Arrow memory
            and base.shape[0] >= rows and base.shape[1:] == vectors.shape[1:] and base.dtype == vectors.dtype
            and base.ctypes.data == vectors.ctypes.data and vectors.flags.c_contiguous):
        base[len(vectors):rows] = new
        return base[:rows]
    room = np.empty((max(rows, len(vectors) * 3 // 2), *vectors.shape[1:]), dtype=vectors.dtype)
    room[:len(vectors)] = vectors
    room[len(vectors):rows] = new
    return room[:rows]
