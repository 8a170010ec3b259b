"""SQL over what the caller may read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.types import Actor

if TYPE_CHECKING:
    from lakehouse.query.spec import QueryResult

class QueryApi(LakehouseBase):
    # Query ----------------------------------------------------------------------------------
    def sql(self, sql: str, *, params: Mapping[str, Any] | None = None, as_of: Mapping[str, int] | None = None,
            max_rows: int | None = None, actor: Actor | None = None) -> QueryResult:
        with self._call(actor, "query.sql") as (who, scope):
            result = self.sql_service.run(who, sql, params=params, as_of=as_of, max_rows=max_rows)
            scope.rows = result.table.num_rows
            return result
