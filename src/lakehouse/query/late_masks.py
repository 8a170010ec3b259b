"""A view's masks applied to a top-k's final rows instead of to every row the scan yields.

``SELECT email, amount FROM v ORDER BY amount DESC LIMIT 10`` over a view that masks ``email`` computes
the mask for every row that reaches the top-k before it has a threshold (a whole row group per
partition), yet returns 10 rows. When the query reads the view only through projections, filters,
sorts and limits, and no expression of its own reads a masked column (the masked columns only pass
through, unchanged and under their own names), the result is the same whether the masks are applied
before or after: the query then runs over the view's unmasked rows and the view's own mask expressions
are applied to its output.

The decision is taken on the engine's own plan of the query, not on a second parse of its text, so no
parser can disagree with what runs: every node above the view must be one of those kinds with a single
input, every sort must sit under a LIMIT (a sort without one is dropped once the query is wrapped), the
subtree below must be exactly the view's plan, no subquery may appear anywhere, the masked columns must
have plain names (a name that needs quoting could print escaped and hide from the text checks), and a
masked column's name may appear in no expression except a bare column reference. Anything else keeps
the masks in the relation.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from datafusion import DataFrame, LogicalPlan, SessionContext

from lakehouse.query.sources import quote
from lakehouse.query.spec import GovernedView

_PASS_THROUGH = frozenset({"Limit", "Sort", "Projection", "Filter", "SubqueryAlias"})
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SUBQUERY = re.compile(r"<subquery>|^\s*Subquery:", re.MULTILINE)


def _mentions(masked: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(masked, key=len, reverse=True))
    return re.compile(rf"(?<![\w$])(?:{names})(?![\w$])", re.IGNORECASE)


def _expressions(plan: LogicalPlan) -> list[tuple[str, bool]]:
    """(text, is a bare column) of each expression a pass-through node evaluates."""
    node = plan.to_variant()
    kind = type(node).__name__
    if kind == "Projection":
        return [(e.canonical_name(), e.variant_name() == "Column") for e in node.projections()]
    if kind == "Filter":
        return [(node.predicate().canonical_name(), False)]
    if kind == "Sort":
        return [(e.expr().canonical_name(), False) for e in node.sort_exprs()]
    if kind == "Limit":
        return [(e.canonical_name(), False) for e in (node.skip(), node.fetch()) if e is not None]
    return []


def reads_masks_only_as_output(plan: LogicalPlan, view_plan: LogicalPlan, masked: tuple[str, ...]) -> bool:
    """True when ``plan`` is pass-through nodes over exactly ``view_plan``, every sort is under a LIMIT,
    and masked columns (plain identifiers only) are used nowhere but as bare output columns."""
    if _SUBQUERY.search(plan.display_indent()) or not all(_PLAIN_NAME.fullmatch(n) for n in masked):
        return False  # a name that needs quoting or escaping could hide from the text checks below
    view_text = view_plan.display_indent()
    mentions = _mentions(masked)
    node, limited = plan, False
    while node.display_indent() != view_text:
        variant = node.to_variant()
        kind = type(variant).__name__
        if kind not in _PASS_THROUGH:
            return False
        if kind == "Sort" and not limited:
            return False  # a sort without a LIMIT above it would be dropped once wrapped: the order is lost
        limited = limited or (kind == "Limit" and variant.fetch() is not None)
        if any(mentions.search(text) for text, bare in _expressions(node) if not bare):
            return False
        inputs = node.inputs()
        if len(inputs) != 1:
            return False
        node = inputs[0]
    return True


@dataclass(frozen=True)
class RegisteredView:
    """A governed view as registered for one query: its masked relation, over ``rows`` (the registered
    name of its base rows, row filter applied), from which the same rows unmasked are planned on demand."""

    view: GovernedView
    masked: DataFrame
    rows: str


def late_masked(ctx: SessionContext, query: DataFrame, views: list[RegisteredView],
                replan: Callable[[], DataFrame]) -> DataFrame | None:
    """``query`` with a view's masks applied to its output instead, or None when that could change
    what it returns. ``replan`` plans the statement again (after the view is re-registered unmasked)."""
    plan = query.logical_plan()
    for reg in views:
        view = reg.view
        if not view.masked or not reads_masks_only_as_output(plan, reg.masked.logical_plan(), view.masked):
            continue
        plain = ctx.sql(f"SELECT {', '.join(map(quote, view.columns))} FROM {quote(reg.rows)}")  # noqa: S608
        ctx.deregister_table(view.name)
        ctx.register_view(view.name, plain)
        unmasked = replan()
        names = unmasked.schema().names
        if (len(set(names)) != len(names)
                or not reads_masks_only_as_output(unmasked.logical_plan(), plain.logical_plan(), view.masked)):
            ctx.deregister_table(view.name)
            ctx.register_view(view.name, reg.masked)
            return None
        inner = f"__q{secrets.token_hex(8)}"
        ctx.register_view(inner, unmasked)
        expression = dict(zip(view.columns, view.select, strict=True))
        items = [expression[n] if n in view.masked else quote(n) for n in names]
        return ctx.sql(f"SELECT {', '.join(items)} FROM {quote(inner)}")  # noqa: S608 - our own names
    return None
