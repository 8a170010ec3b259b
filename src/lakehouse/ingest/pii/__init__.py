"""PII detection at ingest: header words, value validators and table context, with labelled development
and held-out evaluation sets (docs/pii.md)."""

from lakehouse.ingest.pii.categories import CATEGORIES, kind_and_sensitivity
from lakehouse.ingest.pii.detector import PiiFinding, PiiFindings, TextPii, detect_pii
from lakehouse.ingest.pii.evaluation import CategoryScore, EvalReport, evaluate, load_evalset
from lakehouse.ingest.pii.names import match_name, tokenize

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
