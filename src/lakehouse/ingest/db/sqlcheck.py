"""What may be sent to a source database: a validated table name or one read-only SELECT.

Checked before any connection is made. The server enforces read-only on top (a read-only session), so
this is the first of two walls, not the only one.
"""

from __future__ import annotations

import hashlib
import re

from lakehouse.errors import InvalidInput
from lakehouse.ingest.db.dsn import System
from lakehouse.sql_bounds import SqlLimits, find_excess

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")
_DIALECT = {"postgresql": "postgres", "mysql": "mysql"}
# Functions that read files, sleep, lock, signal other sessions or change state, even inside a SELECT.
_DENIED_FUNCTIONS = {
    "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_read_file", "pg_read_binary_file", "pg_ls_dir",
    "pg_stat_file", "lo_import", "lo_export", "lo_get", "pg_terminate_backend", "pg_cancel_backend",
    "pg_reload_conf", "pg_rotate_logfile", "set_config", "nextval", "setval", "dblink", "dblink_exec",
    "pg_advisory_lock", "pg_advisory_xact_lock", "pg_notify", "txid_current", "query_to_xml",
    "load_file", "sleep", "benchmark", "get_lock", "release_lock", "sys_exec", "sys_eval",
}
_DENIED_NODES = ("Insert", "Update", "Delete", "Merge", "Create", "Drop", "Alter", "Command", "Into", "Lock", "Set",
                 "Transaction", "Copy")


def quote_ident(name: str, system: System) -> str:
    q = '"' if system == "postgresql" else "`"
    return q + name.replace(q, q + q) + q


def table_identifier(table: str, system: System) -> str:
    """``schema.table`` (or ``table``) -> a quoted identifier; anything else is refused."""
    parts = table.strip().split(".")
    if not 1 <= len(parts) <= 2 or not all(_IDENT.match(p) for p in parts):
        raise InvalidInput(
            f"'{table}' is not a table name.",
            hint="Give table or schema.table (letters, digits, _ and $), or pass a query instead.",
        )
    return ".".join(quote_ident(p, system) for p in parts)


def check_select(sql: str, system: System, limits: SqlLimits = SqlLimits()) -> str:
    """Return ``sql`` (trailing ';' removed) when it is exactly one read-only SELECT; else InvalidInput."""
    import sqlglot  # here, not at the top: a table ingest (the common case) never parses SQL (~80 ms)
    from sqlglot import exp

    denied = tuple(getattr(exp, name) for name in _DENIED_NODES)
    text = (sql or "").strip().rstrip(";").strip()
    if not text:
        raise InvalidInput("The query is empty.")
    excess = find_excess(text, limits)  # before parsing: sqlglot recurses per nesting level
    if excess is not None:
        raise InvalidInput(f"The query is refused before parsing: {excess.describe()}.",
                           hint="Ingest a table or a view defined in the source database instead.")
    try:
        statements = [s for s in sqlglot.parse(text, read=_DIALECT[system]) if s is not None]
    except sqlglot.errors.ParseError as exc:
        first = (str(exc).splitlines() or ["syntax error"])[0]
        raise InvalidInput(f"The query is not valid SQL: {first}", hint="Pass one SELECT statement.") from None
    except RecursionError:
        raise InvalidInput("The query nests too deeply to check.", hint="Pass one SELECT statement.") from None
    if len(statements) != 1:
        raise InvalidInput("Pass exactly one SELECT statement.", hint="Multiple statements are refused.")
    statement = statements[0]
    if not isinstance(statement, exp.Query):
        raise InvalidInput(f"Only SELECT queries may be ingested, not {statement.key.upper()}.",
                           hint="Pass a table name, or a SELECT statement.")
    for node in statement.walk():
        if isinstance(node, denied):
            raise InvalidInput(f"The query contains a {node.key.upper()} clause; only plain SELECTs are allowed.")
        if isinstance(node, exp.Func):
            name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
            if name in _DENIED_FUNCTIONS:
                raise InvalidInput(f"The query calls {name}(), which is not allowed in an ingest query.")
    if re.search(r"\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b", text, re.IGNORECASE):
        raise InvalidInput("The query takes row locks (FOR UPDATE/SHARE); only plain SELECTs are allowed.")
    return text


def query_hash(sql: str) -> str:
    return hashlib.sha256(sql.encode()).hexdigest()[:16]
