"""A query worker's answer to a capped query, framed as one message.

``[4-byte little-endian length][pickled header][Arrow IPC stream]``: the header is ``("ok", truncated,
engine_ms)`` followed by the result, or ``("error", class_name, message, hint)`` with nothing after it. One
message rather than a header and a payload sent apart saves the parent a wake-up, a poll and a receive per
query; the header is written first into the buffer the IPC stream is then written into, so the result is
never copied to be framed.
"""

from __future__ import annotations

import pickle
import struct
from typing import Any

import pyarrow as pa

_LENGTH = struct.Struct("<I")


def encode(header: tuple[Any, ...], table: pa.Table | None = None) -> pa.Buffer:
    head = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
    sink = pa.BufferOutputStream()
    sink.write(_LENGTH.pack(len(head)))
    sink.write(head)
    if table is not None:
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
    return sink.getvalue()


def decode(message: bytes) -> tuple[tuple[Any, ...], pa.Table | None]:
    """The header and, after an ``ok``, the result (its buffers point into ``message``: no copy)."""
    (length,) = _LENGTH.unpack_from(message)
    end = _LENGTH.size + length
    header = pickle.loads(message[_LENGTH.size:end])  # noqa: S301 - our own worker, over a socketpair
    if header[0] != "ok":
        return header, None
    return header, pa.ipc.open_stream(pa.py_buffer(message).slice(end)).read_all()
