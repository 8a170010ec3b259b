"""PII detection at ingest: column-name rules plus value validators, with a labelled evaluation set."""

from lakehouse.ingest.pii.categories import CATEGORIES, kind_and_sensitivity
from lakehouse.ingest.pii.detector import PiiFinding, detect_pii
from lakehouse.ingest.pii.evaluation import CategoryScore, EvalReport, evaluate, load_evalset
from lakehouse.ingest.pii.names import match_name, tokenize

__all__ = [
    "CATEGORIES",
    "CategoryScore",
    "EvalReport",
    "PiiFinding",
    "detect_pii",
    "evaluate",
    "kind_and_sensitivity",
    "load_evalset",
    "match_name",
    "tokenize",
]
