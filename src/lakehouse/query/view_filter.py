"""A view's row filter, dropped for the data files on which it holds for every row.

A data file never changes once written (a Delta version adds and removes whole files, and a
tombstone-free copy is written once per generation), so whether a row filter holds on every row of a
file is worked out once and kept for the life of the worker. The engine itself answers it
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
from collections import OrderedDict

from datafusion import DataFrame, SessionContext, SQLOptions

from lakehouse.query import erased as erasing
from lakehouse.query.sources import Source
from lakehouse.query.spec import GovernedView, TableRegistration

_CACHE_SIZE = 65_536


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


class FilterCache:
    """Per worker: (file, filter, schema) -> whether the filter holds on every row of the file."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, str, str], bool] = OrderedDict()

    def holds(self, source: Source, path: str, row_filter: str, options: SQLOptions) -> bool:
        key = (path, row_filter, hashlib.sha256(source.schema.to_string().encode()).hexdigest())
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        ctx = SessionContext()
        ctx.register_view("f", source.scan(ctx, [path]))
        try:
            failing = ctx.sql_with_options(f"SELECT 1 FROM f WHERE ({row_filter}) IS NOT TRUE LIMIT 1", options)  # noqa: S608 - checked filter
            result = failing.count() == 0
        except Exception:  # noqa: BLE001 - a filter that fails on some row (a bad cast) stays in force, as before
            result = False
        self._entries[key] = result
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return result


def base_relation(
    ctx: SessionContext,
    view: GovernedView,
    table: TableRegistration,
    source: Source,
    erased: erasing.ErasedPlan | None,
    keys: Source | None,
    cache: FilterCache,
    options: SQLOptions,
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
    holds = {f: cache.holds(source, f, row_filter, options) for f in direct}
    passing = [f for f in direct if holds[f]]
    failing = [f for f in direct if not holds[f]]
    if not failing and (erased is None or not erased.rest):
        return source.scan(ctx, passing)
    rest = f"__f{secrets.token_hex(8)}"
    if erased is None:
        ctx.register_view(rest, source.scan(ctx, failing))
    else:
        remainder = erasing.ErasedPlan(failing, erased.rest, whole=False)
        erasing.register(ctx, erasing.ErasedTable(name=rest, uri=table.uri, key_column=_key_column(table)),
                         source, remainder, keys)
    checked = filtered(rest)
    return source.scan(ctx, passing).union(checked) if passing else checked


def _key_column(table: TableRegistration) -> str:
    return table.key_column if isinstance(table, erasing.ErasedTable) else ""
