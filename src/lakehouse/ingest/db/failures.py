"""Driver exceptions -> LakehouseErrors with scrubbed messages (never the password, never the raw DSN).

Raised ``from None`` on purpose: a chained driver exception would carry the unscrubbed text into any
traceback that gets logged.
"""

from __future__ import annotations

import re

from lakehouse.errors import InvalidInput, LakehouseError, NotFound, SourceError, Unavailable
from lakehouse.ingest.db.dsn import Dsn

_UNREACHABLE = re.compile(
    r"connection refused|could not translate host|name or service not known|timeout expired|timed out|"
    r"no route to host|network is unreachable|can't connect to|unknown mysql server host|"
    r"failed to lookup address|temporary failure in name resolution|error connecting to", re.I)
_AUTH = re.compile(r"password authentication failed|access denied|no pg_hba\.conf entry|authentication failed|"
                   r"role .* does not exist", re.I)
_MISSING = re.compile(r"relation .* does not exist|table .* doesn't exist|unknown table|schema .* does not exist|"
                      r"unknown database|database .* does not exist", re.I)
_DROPPED = re.compile(r"terminat|server closed the connection|lost connection|connection reset|broken pipe|"
                      r"server has gone away|connection was killed|query execution was interrupted|"
                      r"unexpected eof|connection.*closed|administrator command|disconnected|"
                      r"bytes remaining on stream|\bio error\b", re.I)
_TIMEOUT = re.compile(r"statement timeout|max_statement_time|max_execution_time|canceling statement", re.I)
_SQLSTATE_CLASS = {"28": "auth", "08": "dropped", "57": "dropped", "42": "query", "22": "query", "25": "query"}


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0][:400]


def source_failure(exc: BaseException, dsn: Dsn, what: str) -> LakehouseError:
    """Classify a driver exception raised while ``what`` (e.g. 'connecting', 'reading')."""
    if isinstance(exc, LakehouseError):
        return exc
    raw = " ".join(str(a) for a in getattr(exc, "args", ()) if a is not None) or str(exc)
    message = dsn.scrub(_first_line(raw.replace("\n", " ")))
    sqlstate = str(getattr(exc, "sqlstate", "") or "")
    where = dsn.redacted
    if sqlstate in ("57014",) or _TIMEOUT.search(raw):
        return SourceError(f"The statement on {where} hit its time limit while {what}: {message}",
                           hint="Raise statement_timeout_seconds, or narrow the query.")
    if sqlstate.startswith("28") or _AUTH.search(raw):
        return SourceError(f"{where} refused the credentials: {message}",
                           hint="Check the user and the password reference (env:LAKEHOUSE_SECRET_...).")
    if sqlstate == "42P01" or sqlstate == "3F000" or _MISSING.search(raw):
        return NotFound(f"Not found on {where}: {message}", hint="Check the table (schema.table) and database.")
    if what == "connecting" and _UNREACHABLE.search(raw):
        return Unavailable(f"Cannot reach {where}: {message}", hint="Check host, port and that the server runs.")
    if _SQLSTATE_CLASS.get(sqlstate[:2]) == "dropped" or _DROPPED.search(raw):
        return SourceError(f"The connection to {where} was lost while {what}; nothing was committed: {message}",
                           hint="Run the ingest again.")
    if _SQLSTATE_CLASS.get(sqlstate[:2]) == "query":
        return InvalidInput(f"{where} refused the query: {message}")
    if _UNREACHABLE.search(raw):
        return Unavailable(f"Cannot reach {where}: {message}", hint="Check host, port and that the server runs.")
    return SourceError(f"{where} failed while {what}: {message}")
