"""Score ``detect_pii`` against a labelled evaluation set shipped with the package.

Two sets: ``evalset.jsonl``, the development set (the rules were written and adjusted while looking at
it, and it holds every earlier held-out round once its mistakes were read), and ``heldout.jsonl``,
round 15 (evalgen_round15.py), written by a hand that never read the rules, and scored only to report
(docs/pii.md). Rounds 16 and 17 (evalgen_round16.py, evalgen_round17.py), each a second independent round
scored once, are development data now that their mistakes were read. ``heldout_round18.jsonl``
(evalgen_round18.py) is the second held-out round, by another independent author, scored once.

One JSON object a line: ``{"name", "values": [...], "label": null | {"kind", "category"},
"type"?: "date" | "timestamp", "split"?: "dev" | "test", "table"?: "t", "contains"?: ["email", ...],
"note"?}``. Consecutive lines with the same ``table`` are judged together as one table (quasi-identifier
groups need their siblings); a line without one is a table of its own. A prediction counts as correct
when it flags a labelled column with the labelled category; a wrong category is both a false positive
and a false negative. ``flagged`` scores the coarser question a catalog user asks first — is a column
that holds personal data flagged at all, whatever its category — as the issue that set the goal measured it.
``contains`` labels a free-text column with the entity kinds inside its prose;
those are scored apart (``text_precision``, ``text_recall``: a column counts as found when it is
reported ``contains_pii`` with exactly the labelled kinds).
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

from lakehouse.ingest.pii.detector import PiiFinding, TextPii, detect_pii


@dataclass(frozen=True)
class EvalColumn:
    name: str
    values: list[Any]
    label: dict[str, str] | None
    type: str | None = None
    split: str = "dev"
    note: str = ""
    table: str | None = None
    contains: list[str] | None = None

    def to_array(self) -> pa.Array:
        if self.type == "date":
            return pa.array([date.fromisoformat(v) if v else None for v in self.values], pa.date32())
        if self.type == "timestamp":
            return pa.array([datetime.fromisoformat(v) if v else None for v in self.values], pa.timestamp("us"))
        try:
            return pa.array(self.values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return pa.array([None if v is None else str(v) for v in self.values], pa.string())

    def to_table(self) -> pa.Table:
        return pa.table({self.name: self.to_array()})


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
    text: CategoryScore = field(default_factory=CategoryScore)
    text_mistakes: list[str] = field(default_factory=list)
    flagged: CategoryScore = field(default_factory=CategoryScore)

    @property
    def text_precision(self) -> float:
        return self.text.precision

    @property
    def text_recall(self) -> float:
        return self.text.recall

    def summary(self) -> str:
        lines = [
            f"columns={self.columns} precision={self.precision:.3f} recall={self.recall:.3f} "
            f"f1={self.f1:.3f} elapsed_ms={self.elapsed_ms:.0f}"
        ]
        for cat, s in sorted(self.per_category.items()):
            lines.append(
                f"  {cat:15} tp={s.tp:3} fp={s.fp:2} fn={s.fn:2} p={s.precision:.2f} r={s.recall:.2f}"
            )
        f = self.flagged
        lines.append(f"  {'flagged (any)':15} tp={f.tp:3} fp={f.fp:2} fn={f.fn:2} p={f.precision:.2f} r={f.recall:.2f}")
        t = self.text
        if t.tp + t.fp + t.fn:
            lines.append(f"  {'contains_pii':15} tp={t.tp:3} fp={t.fp:2} fn={t.fn:2} p={t.precision:.2f} "
                         f"r={t.recall:.2f}")
        lines += [f"  FP {x}" for x in self.false_positives] + [f"  FN {x}" for x in self.false_negatives]
        lines += [f"  KIND {x}" for x in self.kind_mismatches] + [f"  TEXT {x}" for x in self.text_mistakes]
        return "\n".join(lines)


def default_path() -> Path:
    """The development set."""
    return Path(str(resources.files("lakehouse.ingest.pii").joinpath("evalset.jsonl")))


def heldout_path() -> Path:
    """The held-out set (round 15): never looked at while the rules were developed."""
    return Path(str(resources.files("lakehouse.ingest.pii").joinpath("heldout.jsonl")))


def second_heldout_path() -> Path:
    """A second held-out set (round 18), by another independent author, scored once on the detector of its day."""
    return Path(str(resources.files("lakehouse.ingest.pii").joinpath("heldout_round18.jsonl")))


def load_evalset(path: str | Path | None = None) -> list[EvalColumn]:
    text = Path(path or default_path()).read_text(encoding="utf-8")
    return [EvalColumn(**json.loads(line)) for line in text.splitlines() if line.strip()]


def _describe(col: EvalColumn, found: PiiFinding | None) -> str:
    got = f"{found.category} ({found.confidence}: {found.evidence})" if found else "nothing"
    want = col.label["category"] if col.label else "nothing"
    return f"{col.name}: expected {want}, got {got}"


def _tables(columns: list[EvalColumn]) -> list[list[EvalColumn]]:
    groups: list[list[EvalColumn]] = []
    for col in columns:
        if groups and col.table is not None and groups[-1][0].table == col.table:
            groups[-1].append(col)
        else:
            groups.append([col])
    return groups


def _score_text(col: EvalColumn, found: TextPii | None, report: EvalReport) -> None:
    want = sorted(col.contains or [])
    got = sorted(found.kinds) if found else []
    if want and got == want:
        report.text.tp += 1
        return
    if got:
        report.text.fp += 1
    if want:
        report.text.fn += 1
    if got or want:
        where = f"{col.table or '-'}.{col.name}"
        report.text_mistakes.append(f"{where}: contains {want or 'nothing'}, got {got or 'nothing'}")


def _score_flagged(found: bool, wanted: bool, score: CategoryScore) -> None:
    if found and wanted:
        score.tp += 1
    elif found:
        score.fp += 1
    elif wanted:
        score.fn += 1


def evaluate(path: str | Path | None = None, *, split: str | None = None) -> EvalReport:
    """Run ``detect_pii`` on every table of the set (or one ``split``) and score it."""
    columns = [c for c in load_evalset(path) if split is None or c.split == split]
    report = EvalReport(0.0, 0.0, 0.0, {}, [], [], len(columns))
    per_category = report.per_category
    tp = 0
    started = time.perf_counter()
    for table in _tables(columns):
        found_all = detect_pii(pa.table({c.name: c.to_array() for c in table}))
        for col in table:
            found = found_all.get(col.name)
            _score_text(col, found_all.text.get(col.name), report)
            want = col.label["category"] if col.label else None
            _score_flagged(found is not None, want is not None, report.flagged)
            if found is not None and found.category == want:
                tp += 1
                per_category.setdefault(want, CategoryScore()).tp += 1
                if col.label and found.kind != col.label["kind"]:
                    report.kind_mismatches.append(f"{col.name}: expected {col.label['kind']}, got {found.kind}")
                continue
            if found is not None:
                per_category.setdefault(found.category, CategoryScore()).fp += 1
                report.false_positives.append(_describe(col, found))
            if want is not None:
                per_category.setdefault(want, CategoryScore()).fn += 1
                report.false_negatives.append(_describe(col, found))
    report.elapsed_ms = (time.perf_counter() - started) * 1000
    fps, fns = len(report.false_positives), len(report.false_negatives)
    report.precision = tp / (tp + fps) if tp + fps else 1.0
    report.recall = tp / (tp + fns) if tp + fns else 1.0
    p, r = report.precision, report.recall
    report.f1 = 2 * p * r / (p + r) if p + r else 0.0
    return report
