"""Per-query DataFusion settings, chosen by measurement (bench/governance.py, docs/governance.md).

- **Top-k over rows** (``ORDER BY`` whose input is scans, filters, projections and joins; every
  ``ORDER BY`` is a top-k because results are capped): Parquet row-level filter pushdown is turned on,
  so the TopK's dynamic filter (``amount > 10th best so far``) is applied while decoding and the other
  columns, and expressions over them such as a view's masks, are produced only for rows that can still
  make the top k. Not on by default: for scans without a selective filter (joins, aggregates) evaluating
  the join's dynamic filter per row costs 10-60%.
- **Key sets** (tombstones): a query that anti-joins a key set of integers spanning at most
  ``MAX_DIRECT_SLOTS`` values lets hash joins on integer keys with at most that range use a direct-mapped
  table (DataFusion's ``ArrayMap``: one 4-byte slot per value in the range, so at most 64 MiB) instead of
  hashing every probe row; and the key set stays the single shared build side (no repartitioning of the
  probed table) up to ``MAX_COLLECTED_KEYS`` keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lakehouse.query.spec import TableRegistration

if TYPE_CHECKING:
    from datafusion import LogicalPlan

MAX_DIRECT_SLOTS = 1 << 24
MAX_COLLECTED_KEYS = 4_000_000
PUSHDOWN = "datafusion.execution.parquet.pushdown_filters"
_ABOVE_SORT = frozenset({"Limit", "Projection", "SubqueryAlias"})
_ROW_SOURCES = frozenset({"Projection", "Filter", "SubqueryAlias", "TableScan", "Join", "Union", "Repartition",
                          "Values", "EmptyRelation"})


@dataclass(frozen=True)
class KeySet(TableRegistration):
    """A one-column table of keys that a governed view anti-joins against (a tombstone generation)."""


@dataclass(frozen=True)
class KeyStats:
    rows: int
    low: int | None
    high: int | None


def key_set_settings(stats: list[KeyStats]) -> dict[str, str]:
    settings: dict[str, str] = {}
    ranges = [s.high - s.low + 1 for s in stats if s.low is not None and s.high is not None]
    direct = [r for r in ranges if r <= MAX_DIRECT_SLOTS]
    if direct:
        settings["datafusion.execution.perfect_hash_join_small_build_threshold"] = str(max(direct) + 1)
    rows = max((s.rows for s in stats if s.rows <= MAX_COLLECTED_KEYS), default=0)
    if rows:
        settings["datafusion.optimizer.hash_join_single_partition_threshold_rows"] = str(max(rows + 1, 131_072))
        settings["datafusion.optimizer.hash_join_single_partition_threshold"] = str(max(rows * 64, 1 << 20))
    return settings


def is_topk_over_rows(plan: LogicalPlan) -> bool:
    """True when the plan's top is a sort (under limits and projections) over row sources only."""
    try:
        node = plan
        while (kind := _kind(node)) in _ABOVE_SORT:
            inputs = node.inputs()
            if len(inputs) != 1:
                return False
            node = inputs[0]
        return kind == "Sort" and all(_rows_only(child) for child in node.inputs())
    except Exception:  # noqa: BLE001 - a plan node the bindings cannot describe: keep the defaults
        return False


def _rows_only(plan: LogicalPlan) -> bool:
    return _kind(plan) in _ROW_SOURCES and all(_rows_only(child) for child in plan.inputs())


def _kind(plan: LogicalPlan) -> str:
    return type(plan.to_variant()).__name__
