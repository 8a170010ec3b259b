"""A search filter: one SQL predicate on the index's source columns, checked before it reaches the engine.

The predicate then runs in the query sandbox as the caller (``SELECT id FROM source WHERE <filter>``), so
the sandbox stays the security boundary; these checks bound what the parser is given and say, in the
user's words, which part of a filter cannot work there (never a library's class name).
"""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from lakehouse.errors import InvalidInput
from lakehouse.governance.rowfilter import describe_part, parse_error_text
from lakehouse.query.guard import size_problem
from lakehouse.sql_bounds import SqlLimits

EXAMPLE = "For example: state = 'TX' AND years_experience >= 5"
_NOT_IN_A_FILTER: tuple[tuple[type[exp.Expr], str], ...] = (
    (exp.Query, "a filter is a predicate on the source's columns, not a query"),
    (exp.Subquery, "a filter is a predicate on the source's columns, not a query"),
    (exp.Table, "a filter reads only the index's source"),
    (exp.AggFunc, "a filter tests one row at a time"),
    (exp.Window, "a filter tests one row at a time"),
    (exp.Placeholder, "search filters take no parameters: write the value"),
    (exp.Parameter, "search filters take no parameters: write the value"),
)


def checked_filter(predicate: str, limits: SqlLimits) -> str:
    """The predicate as SQL re-rendered from its checked tree, or 422 saying what to change."""
    problem = size_problem(predicate, limits, "filter")
    if problem is not None:
        raise InvalidInput(problem[0], hint=problem[1])
    try:
        condition = sqlglot.condition(predicate, dialect="postgres")
    except SqlglotError as exc:
        raise InvalidInput(f"The filter is not a valid SQL predicate: {parse_error_text(exc)}.", hint=EXAMPLE) from None
    except RecursionError:
        raise InvalidInput("The filter nests too deeply to parse.", hint=EXAMPLE) from None
    for node in condition.walk():
        for kind, why in _NOT_IN_A_FILTER:
            if isinstance(node, kind):
                raise InvalidInput(f"The filter is not allowed: {describe_part(node)} cannot be used here ({why}).",
                                   hint=EXAMPLE)
        if isinstance(node, exp.Column) and (node.table or node.args.get("db")):
            raise InvalidInput(f"The filter is not allowed: column '{node.sql()}' names a table; use the source's "
                               "column names alone.", hint=EXAMPLE)
    return condition.sql(dialect="postgres")
