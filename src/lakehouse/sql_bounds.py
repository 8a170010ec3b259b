"""Bounds on SQL text, measured before anything parses it.

sqlglot's parser and DataFusion's planner recurse over the expression tree: 5,000 nested parentheses
exhaust Python's recursion limit (a ``RecursionError`` wherever the text is parsed), and a chain of
~10,000 ``OR``/``+`` operators overflows the query worker's native stack. Both are refused here, from
tokens alone, with numbers the caller can act on. ``sqlglot`` is imported only when a cheap character
count cannot already prove the text small, so most statements cost a few microseconds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

DEFAULT_MAX_LENGTH = 1_000_000
DEFAULT_MAX_DEPTH = 32
DEFAULT_MAX_CHAIN = 1_000
MEASURED_STATEMENTS = 256  # texts whose measurement a process remembers
MEASURED_LENGTH = 16_384  # characters: longer texts are measured every time


@dataclass(frozen=True)
class SqlLimits:
    max_length: int = DEFAULT_MAX_LENGTH   # characters
    max_depth: int = DEFAULT_MAX_DEPTH     # parentheses, brackets, CASE ... END and prefix NOT / - / +
    max_chain: int = DEFAULT_MAX_CHAIN     # chained operators (AND, OR, +, ||, UNION, JOIN ...) in one expression


@dataclass(frozen=True)
class Excess:
    """Which bound the text breaks: ``limit`` names the ``SqlLimits`` field, ``found`` what was measured."""

    limit: str
    found: int
    allowed: int

    def describe(self) -> str:
        if self.limit == "max_length":
            return f"it is {self.found:,} characters long; the limit is {self.allowed:,}"
        if self.limit == "max_depth":
            return (f"it nests {self.found:,} levels deep (parentheses, subqueries, CASE, NOT); "
                    f"the limit is {self.allowed:,}")
        return (f"it chains {self.found:,} operators (AND, OR, arithmetic, ||, UNION, JOIN) in one "
                f"expression; the limit is {self.allowed:,}")


_NESTING_MARKS = ("(", "[", "{", "~", "+", "-", "case", "not")
_CHAIN_MARKS = ("+", "-", "*", "/", "%", "|", "&", "^", "and", "or", "union", "intersect", "except", "join")


def _upper_bound(text: str, marks: tuple[str, ...]) -> int:
    """Occurrences of the marks as substrings: at least the number of such tokens (plain str.count is
    ~20x faster than a regular expression on a megabyte of SQL)."""
    return sum(text.count(mark) for mark in marks)


def find_excess(sql: str, limits: SqlLimits) -> Excess | None:
    """The first bound ``sql`` breaks, or None. Text the tokenizer refuses is left to the parser."""
    if len(sql) > limits.max_length:
        return Excess("max_length", len(sql), limits.max_length)
    # Upper bounds from plain character counts: every nesting level (at most TYPE_BRACKET_LEVELS each) and
    # every chained operator needs one of these marks, so small counts prove the text within bounds.
    folded = sql.lower()
    if (_upper_bound(folded, _NESTING_MARKS) * TYPE_BRACKET_LEVELS <= limits.max_depth
            and _upper_bound(folded, _CHAIN_MARKS) <= limits.max_chain):
        return None
    depth, chain = _remembered(sql) if len(sql) <= MEASURED_LENGTH else _measure(sql)
    if depth > limits.max_depth:
        return Excess("max_depth", depth, limits.max_depth)
    if chain > limits.max_chain:
        return Excess("max_chain", chain, limits.max_chain)
    return None


@dataclass
class _Level:
    """One open bracket (or CASE): what closes it, how deep it sits, its operator chains so far."""

    closer: object
    depth: int
    operators: int = 0       # since the last comma
    set_operations: int = 0  # UNION / INTERSECT / EXCEPT / JOIN: a comma does not end their chain


# sqlglot tries a bracket after a type name (ARRAY[, INT(, STRUCT() as a type first and backtracks, so its
# parse time grows ~3x per such level (12 levels of ARRAY[ take seconds): each counts as this many levels.
TYPE_BRACKET_LEVELS = 4


@functools.lru_cache(maxsize=MEASURED_STATEMENTS)
def _remembered(sql: str) -> tuple[int, int]:
    """The measurement depends on the text alone: a statement repeated (a dashboard's, TPC-H's) is not
    tokenized again, 0.3-0.6 ms of a small query's fixed cost."""
    return _measure(sql)


def _measure(sql: str) -> tuple[int, int]:
    """(deepest nesting, longest operator chain) over sqlglot's own tokens, so quoting and comments
    are read exactly as the parser will read them."""
    from sqlglot.dialects.postgres import Postgres
    from sqlglot.errors import TokenError
    from sqlglot.tokens import TokenType as T

    try:
        tokens = Postgres().tokenize(sql)
    except TokenError:
        return 0, 0
    opens = {T.L_PAREN: T.R_PAREN, T.L_BRACKET: T.R_BRACKET, T.L_BRACE: T.R_BRACE, T.CASE: T.END}
    type_names = Postgres.parser_class.TYPE_TOKENS
    prefix = {T.NOT, T.DASH, T.PLUS, T.TILDE}
    # operators that chain (a comparison takes two operands and does not: x = 1 OR x = 2 is one OR chain)
    binary = {T.AND, T.OR, T.PLUS, T.DASH, T.STAR, T.SLASH, T.MOD, T.DPIPE, T.PIPE, T.AMP, T.CARET}
    sets = {T.UNION, T.INTERSECT, T.EXCEPT, T.JOIN}
    stack = [_Level(None, 0)]
    deepest = longest = run = 0  # run: consecutive prefix operators (NOT NOT x nests like parentheses)
    previous = None
    for token in tokens:
        kind = token.token_type
        level = stack[-1]
        if kind in opens:
            cost = TYPE_BRACKET_LEVELS if previous in type_names and kind != T.CASE else 1
            stack.append(_Level(opens[kind], level.depth + run + cost))
            run = 0
        elif kind == level.closer and len(stack) > 1:
            stack.pop()
            run = 0
        elif kind == T.COMMA:
            level.operators = run = 0
        elif kind in sets:
            level.set_operations += 1
            run = 0
        else:
            run = run + 1 if kind in prefix else 0
            level.operators += kind in binary
        previous = kind
        deepest = max(deepest, stack[-1].depth + run)
        longest = max(longest, level.operators, level.set_operations)
    return deepest, longest
