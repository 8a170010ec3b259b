"""PII detection at ingest: header words, value validators and table context, with labelled development
and held-out evaluation sets (docs/pii.md)."""

from typing import TYPE_CHECKING, Any

from lakehouse.ingest.pii.categories import CATEGORIES, kind_and_sensitivity
from lakehouse.ingest.pii.detector import PiiFinding, PiiFindings, TextPii, detect_pii
from lakehouse.ingest.pii.names import match_name, tokenize

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evaluation import CategoryScore, EvalReport, evaluate, load_evalset

_EVALUATION = frozenset({"CategoryScore", "EvalReport", "evaluate", "load_evalset"})


def __getattr__(name: str) -> Any:
    """The evaluation tools load when asked for: an ingest, which only detects, never imports them."""
    if name in _EVALUATION:
        from lakehouse.ingest.pii import evaluation

        return getattr(evaluation, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CATEGORIES",
    "CategoryScore",
    "EvalReport",
    "PiiFinding",
    "PiiFindings",
    "TextPii",
    "detect_pii",
    "evaluate",
    "kind_and_sensitivity",
    "load_evalset",
    "match_name",
    "tokenize",
]
