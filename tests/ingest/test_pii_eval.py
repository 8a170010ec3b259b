"""The labelled evaluation set: its coverage, and the detector's precision and recall on it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lakehouse.ingest.pii import CATEGORIES, EvalReport, evaluate, load_evalset


def test_evalset_is_shipped_and_covers_every_category() -> None:
    columns = load_evalset()
    assert len(columns) >= 120
    labelled = Counter(c.label["category"] for c in columns if c.label)
    assert set(labelled) == set(CATEGORIES)
    negatives = [c for c in columns if c.label is None]
    assert len(negatives) >= 60
    assert {c.split for c in columns} == {"dev", "test"}
    for c in columns:
        if c.label:
            assert CATEGORIES[c.label["category"]][0] == c.label["kind"] or c.label["kind"] == "PHI"


def test_precision_and_recall_on_the_evalset() -> None:
    report = evaluate()
    assert isinstance(report, EvalReport)
    assert report.precision >= 0.9, report.summary()
    assert report.recall >= 0.9, report.summary()
    assert 0 < report.f1 <= 1
    assert report.per_category["email"].tp >= 5
    held_out = evaluate(split="test")
    assert held_out.precision >= 0.85 and held_out.recall >= 0.85, held_out.summary()


def test_evaluate_takes_a_path_and_reports_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "mini.jsonl"
    path.write_text(
        '{"name": "email", "values": ["a.b@example.com", "c.d@example.org", "e@example.net", '
        '"f@example.com", "g@example.com"], "label": {"kind": "PII", "category": "email"}}\n'
        '{"name": "country_code", "values": ["US", "DE"], "label": null}\n'
        '{"name": "comment", "values": ["x", "y"], "label": {"kind": "PII", "category": "email"}}\n'
        '{"name": "ssn", "values": ["536-90-4399"], "label": null}\n'
    )
    report = evaluate(path)
    assert report.columns == 4
    assert report.precision == 0.5 and report.recall == 0.5
    assert report.false_negatives == ["comment: expected email, got nothing"]
    assert report.false_positives[0].startswith("ssn: expected nothing, got ssn")
