"""A view's row filter, dropped for the data files on which it holds for every row.

A data file never changes once written (a Delta version adds and removes whole files, and a
tombstone-free copy is written once per generation), so whether a row filter holds on every row of a
file is worked out once and kept for the life of the worker (within a time budget per query: files
not checked yet keep the filter until a later query has checked them). The engine itself answers it
(``SELECT 1 ... WHERE (filter) IS NOT TRUE LIMIT 1``, which stops at the first failing row), so NULL and
NaN follow exactly the semantics the filter has in the view. A filter that holds everywhere, such as a
sanity check ``amount >= 0``, then costs a view nothing after its first read; a selective one fails on
a file's first rows and stays in force, as it must.

The view reads ``<files that pass> UNION ALL (<other files> WHERE filter)``; a table the file route
cannot express keeps its filter whole.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import OrderedDict
from dataclasses import replace

from datafusion import DataFrame, SessionContext, SQLOptions

from lakehouse.query import erased as erasing
from lakehouse.query.sources import Source, quote
from lakehouse.query.spec import GovernedView, TableRegistration

_CACHE_SIZE = 65_536


class FilterCache:
    """Per worker: whether a row filter holds on every row of a data file (read with a schema).

    Entries are keyed by a digest of (file, filter, schema), so a long filter costs 32 bytes per file.
    """

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self._size = size
        self._entries: OrderedDict[bytes, bool] = OrderedDict()

    def verdicts(self, source: Source, paths: list[str], row_filter: str, options: SQLOptions,
                 seconds: float) -> dict[str, bool]:
        """Each file's verdict. Files not seen before are checked while ``seconds`` last; the rest count
        as not holding (their filter stays in force, which is always correct) and a later query checks
        them. So a first read pays at most about that much more, and a check never runs into a query's
        time limit, where the worker would be killed and its cache lost."""
        schema = hashlib.sha256(source.schema.to_string().encode()).digest()
        deadline = time.monotonic() + seconds
        out: dict[str, bool] = {}
        for path in paths:
            key = hashlib.sha256(b"\0".join((path.encode(), row_filter.encode(), schema))).digest()
            if key in self._entries:
                self._entries.move_to_end(key)
                out[path] = self._entries[key]
            elif time.monotonic() < deadline:
                out[path] = self._entries[key] = _holds(source, path, row_filter, options)
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
            else:
                out[path] = False
        return out


def _holds(source: Source, path: str, row_filter: str, options: SQLOptions) -> bool:
    ctx = SessionContext()
    ctx.register_view("f", source.scan(ctx, [path]))
    try:
        failing = ctx.sql_with_options(f"SELECT 1 FROM f WHERE ({row_filter}) IS NOT TRUE LIMIT 1", options)  # noqa: S608 - checked filter
        return failing.count() == 0
    except Exception:  # noqa: BLE001 - a filter that fails on some row (a bad cast) stays in force, as before
        return False


def base_relation(
    ctx: SessionContext,
    view: GovernedView,
    table: TableRegistration,
    source: Source,
    erased: erasing.ErasedPlan | None,  # given exactly when ``table`` is an ErasedTable
    keys: Source | None,
    cache: FilterCache,
    options: SQLOptions,
    check_seconds: float,
) -> DataFrame:
    """The view's base rows: its table with the row filter applied where it does not hold already."""
    row_filter = view.row_filter
    if row_filter is None:
        return ctx.table(view.base)

    def filtered(relation: str) -> DataFrame:
        return ctx.sql_with_options(f"SELECT * FROM {quote(relation)} WHERE ({row_filter})", options)  # noqa: S608


    direct = list(source.files) if erased is None else erased.clean
    if source.route != "files" or (erased is not None and erased.whole) or not direct:
        return filtered(view.base)
    holds = cache.verdicts(source, direct, row_filter, options, check_seconds)
    passing = [f for f in direct if holds[f]]
    failing = [f for f in direct if not holds[f]]
    if not failing and (erased is None or not erased.rest):
        return source.scan(ctx, passing)
    rest = f"__f{secrets.token_hex(8)}"
    if isinstance(table, erasing.ErasedTable) and erased is not None:
        remainder = erasing.ErasedPlan(failing, erased.rest, whole=False)
        erasing.register(ctx, replace(table, name=rest), source, remainder, keys)
    else:
        ctx.register_view(rest, source.scan(ctx, failing))
    checked = filtered(rest)
    return source.scan(ctx, passing).union(checked) if passing else checked
