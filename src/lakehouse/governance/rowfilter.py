"""Row filters: parsed with sqlglot and accepted only inside an allow-list of node types over the base
dataset's own columns (no subqueries, no other tables, no functions outside the list). The accepted
filter is re-rendered from the checked tree, never spliced from the caller's text."""

from __future__ import annotations

from collections.abc import Iterable

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, SqlglotError

from lakehouse.errors import InvalidInput
from lakehouse.sql_bounds import DEFAULT_MAX_CHAIN, DEFAULT_MAX_DEPTH, SqlLimits, find_excess

MAX_FILTER_CHARS = 4000
MAX_DEPTH = 64
LIMITS = SqlLimits(max_length=MAX_FILTER_CHARS, max_depth=DEFAULT_MAX_DEPTH, max_chain=DEFAULT_MAX_CHAIN)
_ALLOWED: tuple[type[exp.Expression], ...] = (
    exp.Column, exp.Identifier, exp.Literal, exp.Boolean, exp.Null, exp.And, exp.Or, exp.Not, exp.Paren,
    exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.Is, exp.In, exp.Between, exp.Like, exp.ILike,
    exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Mod, exp.Neg, exp.Cast, exp.DataType, exp.DataTypeParam,
    exp.Lower, exp.Upper, exp.Length, exp.Coalesce, exp.Abs, exp.Trim, exp.Substring, exp.Tuple,
)
ALLOWED_FUNCTIONS = ("lower", "upper", "length", "coalesce", "abs", "trim", "substring", "cast")


def _refuse(reason: str) -> InvalidInput:
    return InvalidInput(
        f"Row filter refused: {reason}.",
        hint="A row filter is one predicate over the base dataset's columns: comparisons, AND/OR/NOT, IN "
        f"(literal list), BETWEEN, LIKE, IS NULL, arithmetic and {', '.join(ALLOWED_FUNCTIONS)}.",
    )


def validate_row_filter(text: str, columns: Iterable[str]) -> str:
    """The filter as DataFusion-ready SQL with quoted canonical column names, or 422 with the reason."""
    excess = find_excess(text, LIMITS)
    if excess is not None:  # before parsing: the parser recurses per nesting level
        raise _refuse(excess.describe())
    names = list(columns)
    exact = set(names)
    folded: dict[str, list[str]] = {}
    for name in names:
        folded.setdefault(name.lower(), []).append(name)
    try:
        trees = sqlglot.parse(text, read="postgres")
    except SqlglotError as exc:
        raise _refuse(f"it is not a valid SQL expression: {parse_error_text(exc)}") from None
    except RecursionError:
        raise _refuse("it is nested too deeply") from None
    if len(trees) != 1 or trees[0] is None:
        raise _refuse("it must be exactly one expression")
    tree = trees[0]
    for node in tree.walk():
        if node.depth > MAX_DEPTH:
            raise _refuse("it is nested too deeply")
        if not isinstance(node, _ALLOWED):
            raise _refuse(f"{describe_part(node)} is not allowed")
        if isinstance(node, exp.In) and (node.args.get("query") or node.args.get("unnest")):
            raise _refuse("IN takes a literal list, not a subquery")
        if isinstance(node, exp.Column):
            if node.table or node.args.get("db") or node.args.get("catalog"):
                raise _refuse(f"column '{node.sql()}' names a table: use the base dataset's columns only")
            canonical = node.name if node.name in exact else None
            if canonical is None and len(folded.get(node.name.lower(), [])) == 1:
                canonical = folded[node.name.lower()][0]
            if canonical is None:
                raise _refuse(f"'{node.name}' is not a column of the base dataset")
            node.set("this", exp.to_identifier(canonical, quoted=True))
    if isinstance(tree, exp.Column | exp.Literal):
        raise _refuse("it must be a predicate (a comparison or a boolean expression), not a bare value")
    return tree.sql(dialect="postgres", comments=False)


def describe_part(node: exp.Expr) -> str:
    """A user's words for a part of their SQL (never a library's class name)."""
    if isinstance(node, exp.Anonymous):
        return f"function '{node.name}'"
    if isinstance(node, exp.Func):
        return f"function '{node.sql_name().lower()}'"
    if isinstance(node, exp.Select | exp.Subquery | exp.Query):
        return "a subquery"
    if isinstance(node, exp.Table):
        return "a table reference"
    if isinstance(node, exp.Placeholder | exp.Parameter):
        return "a query parameter"
    text = node.sql(dialect="postgres")
    return f"'{text if len(text) <= 60 else text[:57] + '...'}'"


def parse_error_text(exc: SqlglotError) -> str:
    """Where and what, from sqlglot's structured errors: "unexpected 'DROP' at line 1, column 8"."""
    errors = exc.errors if isinstance(exc, ParseError) else []
    if not errors:
        return "it does not parse"
    first = errors[0]
    token = str(first.get("highlight") or "").strip()
    description = str(first.get("description") or "")
    if "missing for" in description or not description:  # sqlglot names its own node classes there
        what = f"'{token}' is missing an operand" if token else "an operand is missing"
    elif description.startswith("Invalid expression") or description.startswith("Unexpected"):
        what = f"unexpected '{token}'" if token else "unexpected end of text"
    else:
        what = description.split(" for <class")[0].rstrip(". ")
        what = f"{what[0].lower()}{what[1:]} near '{token}'" if token else what
    return f"{what} at line {first.get('line', 1)}, column {first.get('col', 1)}"
