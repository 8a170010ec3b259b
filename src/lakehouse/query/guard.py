"""Cheap statement pre-checks that turn sandbox escapes into clear ``QueryRefused`` messages.

This is not the security boundary: the engine registers only the spec's tables and runs every
statement through ``sql_with_options`` with DDL, DML and statements disallowed, and never enables URL
tables. The guard exists so that the user learns *why* a statement is refused, and to close doors the
engine would leave open (``information_schema``, ``SHOW``, ``DESCRIBE``, ``EXPLAIN``).

``information_schema`` is refused rather than allowed: it would only list registered tables, but it
also exposes engine settings (``df_settings``) and view plans, and the governed way to list datasets
and columns is the catalog API, which applies the same grants.
"""

from __future__ import annotations

import functools
import re

import sqlglot
import sqlglot.errors
from sqlglot import exp

from lakehouse.errors import QueryRefused, QueryTooComplex
from lakehouse.sql_bounds import SqlLimits, find_excess

CHECKED_STATEMENTS = 256  # statements whose passing verdict a process remembers (per query worker)
REMEMBERED_LENGTH = 16_384  # characters: longer statements are checked every time
ALLOWED_TABLE_FUNCTIONS = frozenset({"generate_series", "range", "unnest"})
_FILE_FUNCTIONS = frozenset({
    "parquet_metadata", "metadata_cache", "statistics_cache", "list_files_cache", "glob", "load_extension",
    "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "lo_import", "lo_export", "file", "load_file",
})
_PATHLIKE = re.compile(r"[/\\:]|\.\.|\.(csv|tsv|parquet|json|jsonl|ndjson|avro|arrow|txt|orc|gz|zst)$", re.I)
_WRITE_NODES: tuple[type[exp.Expression], ...] = (
    exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Alter, exp.Copy, exp.Set,
    exp.Command, exp.Describe, exp.Pragma, exp.Use, exp.Transaction, exp.Commit, exp.Rollback, exp.Cache,
    exp.Uncache, exp.LoadData,
)
_KIND_NAMES = {exp.Create: "CREATE", exp.Copy: "COPY", exp.Set: "SET", exp.Insert: "INSERT",
               exp.Update: "UPDATE", exp.Delete: "DELETE", exp.Drop: "DROP", exp.Alter: "ALTER",
               exp.Merge: "MERGE", exp.Describe: "DESCRIBE", exp.Pragma: "PRAGMA", exp.Use: "USE"}
ONLY_SELECT = "Only a single read-only SELECT query is allowed"
SETTING_OF_LIMIT = {"max_length": "query.max_sql_length", "max_depth": "query.max_nesting_depth",
                    "max_chain": "query.max_chained_operators"}
_TOO_DEEP = "The statement nests too deeply to parse"
_FLATTEN = "Flatten it: x IN (1, 2, ...) instead of long OR chains, a CTE (WITH ...) instead of nested subqueries"


def size_problem(sql: str, limits: SqlLimits, what: str = "statement") -> tuple[str, str] | None:
    """(message, hint) when ``sql`` is longer or deeper than ``limits`` allow, measured without parsing it."""
    excess = find_excess(sql, limits)
    if excess is None:
        return None
    setting = SETTING_OF_LIMIT[excess.limit]
    return (f"The {what} is refused before parsing: {excess.describe()} ({setting}).",
            f"{_FLATTEN}; or raise {setting}.")


def check_bounds(sql: str, limits: SqlLimits) -> None:
    """Refuse, before anything parses it, a statement longer or deeper than the settings allow (400)."""
    problem = size_problem(sql, limits)
    if problem is not None:
        raise QueryTooComplex(problem[0], hint=problem[1])


def check_statement(sql: str) -> None:
    """Raise ``QueryRefused`` for statements outside the sandbox; leave unparsable SQL to the engine.

    The verdict depends on the text alone, so a statement that passed is remembered (a refusal raises, and
    is not): a dashboard or agent that repeats a statement skips the parse, 1-2 ms of a small TPC-H query.
    Only texts up to ``REMEMBERED_LENGTH`` are, so what is remembered stays a few MB at most."""
    if len(sql) <= REMEMBERED_LENGTH:
        _remembered(sql)
    else:
        _check(sql)


@functools.lru_cache(maxsize=CHECKED_STATEMENTS)
def _remembered(sql: str) -> None:
    _check(sql)


def _check(sql: str) -> None:
    try:
        trees = [t for t in sqlglot.parse(sql, read="postgres") if t is not None]
    except sqlglot.errors.SqlglotError:
        return
    except RecursionError:  # check_bounds runs first on every path that has settings; this is the backstop
        raise QueryTooComplex(f"{_TOO_DEEP}.", hint=f"{_FLATTEN}.") from None
    if len(trees) > 1:
        raise QueryRefused(f"{ONLY_SELECT}; this text holds {len(trees)} statements.")
    if not trees:
        return
    tree = trees[0]
    if not isinstance(tree, exp.Query | exp.Values):
        raise QueryRefused(f"{ONLY_SELECT}; {_kind(tree)} statements are refused.")
    for node in tree.walk():
        if isinstance(node, _WRITE_NODES):
            raise QueryRefused(f"{ONLY_SELECT}; {_kind(node)} is refused, even inside a query.")
        if isinstance(node, exp.Table):
            _check_table(node)
        elif isinstance(node, exp.Func):
            _check_function(node)


def _check_table(table: exp.Table) -> None:
    source = table.this
    if not isinstance(source, exp.Identifier):
        name = _function_name(source) if isinstance(source, exp.Expression) else str(source)
        if name not in ALLOWED_TABLE_FUNCTIONS:
            raise QueryRefused(
                f"Table function '{name}' is not available: queries cannot read files, URLs or other "
                "sources, only the catalog datasets registered for you."
            )
        return
    if table.db.lower() == "information_schema" or table.name.lower() == "information_schema":
        raise QueryRefused(
            "information_schema is not available in the query sandbox.",
            hint="List datasets and their columns with GET /catalog/datasets.",
        )
    if _PATHLIKE.search(table.name):
        raise QueryRefused(
            f"'{_shorten(table.name)}' looks like a file path or URL; queries can only read catalog datasets "
            "by name."
        )


def _check_function(func: exp.Func) -> None:
    name = _function_name(func)
    if name.startswith("read_") or name in _FILE_FUNCTIONS:
        raise QueryRefused(f"Function '{name}' reads files or the network and is not available in queries.")


def _function_name(node: exp.Expr) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    if isinstance(node, exp.GenerateSeries | exp.ExplodingGenerateSeries):
        return "generate_series"
    if isinstance(node, exp.Unnest):
        return "unnest"
    if isinstance(node, exp.Func):
        return node.sql_name().lower()
    return type(node).__name__.lower()


def _kind(node: exp.Expr) -> str:
    for cls, name in _KIND_NAMES.items():
        if isinstance(node, cls):
            return name
    if isinstance(node, exp.Command):
        return str(node.this).split()[0].upper() if node.this else "this command"
    return type(node).__name__.upper()


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
