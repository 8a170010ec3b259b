"""Score ``detect_pii`` against the labelled evaluation set shipped with the package (evalset.jsonl).

One JSON object a line: ``{"name", "values": [...], "label": null | {"kind", "category"},
"type"?: "date" | "timestamp", "split"?: "dev" | "test", "note"?}``. A prediction counts as correct
when it flags a labelled column with the labelled category; a wrong category is both a false positive
and a false negative.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa

from lakehouse.ingest.pii.detector import PiiFinding, detect_pii


@dataclass(frozen=True)
class EvalColumn:
    name: str
    values: list[Any]
    label: dict[str, str] | None
    type: str | None = None
    split: str = "dev"
    note: str = ""

    def to_table(self) -> pa.Table:
        if self.type == "date":
            array = pa.array([date.fromisoformat(v) if v else None for v in self.values], pa.date32())
        elif self.type == "timestamp":
            array = pa.array(
                [datetime.fromisoformat(v) if v else None for v in self.values], pa.timestamp("us")
            )
        else:
            try:
                array = pa.array(self.values)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                array = pa.array([None if v is None else str(v) for v in self.values], pa.string())
        return pa.table({self.name: array})


@dataclass
class CategoryScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class EvalReport:
    precision: float
    recall: float
    f1: float
    per_category: dict[str, CategoryScore]
    false_positives: list[str]
    false_negatives: list[str]
    columns: int = 0
    kind_mismatches: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def summary(self) -> str:
        lines = [
            f"columns={self.columns} precision={self.precision:.3f} recall={self.recall:.3f} "
            f"f1={self.f1:.3f} elapsed_ms={self.elapsed_ms:.0f}"
        ]
        for cat, s in sorted(self.per_category.items()):
            lines.append(
                f"  {cat:15} tp={s.tp:3} fp={s.fp:2} fn={s.fn:2} p={s.precision:.2f} r={s.recall:.2f}"
            )
        lines += [f"  FP {x}" for x in self.false_positives] + [f"  FN {x}" for x in self.false_negatives]
        lines += [f"  KIND {x}" for x in self.kind_mismatches]
        return "\n".join(lines)


def default_path() -> Path:
    return Path(str(resources.files("lakehouse.ingest.pii").joinpath("evalset.jsonl")))


def load_evalset(path: str | Path | None = None) -> list[EvalColumn]:
    text = Path(path or default_path()).read_text(encoding="utf-8")
    return [EvalColumn(**json.loads(line)) for line in text.splitlines() if line.strip()]


def _describe(col: EvalColumn, found: PiiFinding | None) -> str:
    got = f"{found.category} ({found.confidence}: {found.evidence})" if found else "nothing"
    want = col.label["category"] if col.label else "nothing"
    return f"{col.name}: expected {want}, got {got}"


def evaluate(path: str | Path | None = None, *, split: str | None = None) -> EvalReport:
    """Run ``detect_pii`` on every column of the set (or one ``split``) and score it."""
    columns = [c for c in load_evalset(path) if split is None or c.split == split]
    per_category: dict[str, CategoryScore] = {}
    fps: list[str] = []
    fns: list[str] = []
    kinds: list[str] = []
    tp = 0
    started = time.perf_counter()
    for col in columns:
        found = detect_pii(col.to_table()).get(col.name)
        want = col.label["category"] if col.label else None
        if found is not None and found.category == want:
            tp += 1
            per_category.setdefault(want, CategoryScore()).tp += 1
            if col.label and found.kind != col.label["kind"]:
                kinds.append(f"{col.name}: expected {col.label['kind']}, got {found.kind}")
            continue
        if found is not None:
            per_category.setdefault(found.category, CategoryScore()).fp += 1
            fps.append(_describe(col, found))
        if want is not None:
            per_category.setdefault(want, CategoryScore()).fn += 1
            fns.append(_describe(col, found))
    elapsed = (time.perf_counter() - started) * 1000
    precision = tp / (tp + len(fps)) if tp + len(fps) else 1.0
    recall = tp / (tp + len(fns)) if tp + len(fns) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvalReport(precision, recall, f1, per_category, fps, fns, len(columns), kinds, elapsed)

