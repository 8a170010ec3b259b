"""Child process that runs one ConnectorX read and writes it to stdout as an Arrow IPC stream.

ConnectorX holds the GIL for the whole time it waits on the server, so run in the server process it
froze every other thread (API requests, other jobs, the Delta writer of the same ingest) for as long as
the source took. In its own process it reads while the parent writes. The job arrives as one JSON
line on stdin, never in argv (the URL may carry the password). A failure is one line on stderr and
exit status 1; the parent trusts a stream only when the exit status is 0.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> int:
    import connectorx  # before the job arrives: the parent starts this process while it plans the read
    import pyarrow as pa

    job = json.loads(sys.stdin.readline() or "null")
    if job is None:
        return 0  # the parent closed without a read
    try:
        reader = connectorx.read_sql(job["url"], job["sql"], return_type="arrow_stream",
                                     batch_size=job["batch_rows"], pre_execution_query=job["session"])
        with pa.ipc.new_stream(sys.stdout.buffer, reader.schema) as out:
            for batch in reader:
                out.write_batch(batch)
    except BrokenPipeError:  # the parent stopped reading (cancelled, or failed elsewhere)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return 1
    except BaseException as exc:  # noqa: BLE001 - ConnectorX panics are BaseExceptions; all go to the parent
        text = " ".join(str(a) for a in getattr(exc, "args", ()) if a is not None) or type(exc).__name__
        sys.stderr.write(text.replace("\n", " ")[:2000] + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
