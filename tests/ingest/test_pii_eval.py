"""The labelled evaluation sets: their coverage, and the detector's precision and recall on each.

``evalset.jsonl`` is development data (rules were written and changed while reading it); ``heldout.jsonl``
is the held-out set (round 15, evalgen_round15.py), scored to report, never to tune (docs/pii.md).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from lakehouse.ingest.pii import CATEGORIES, EvalReport, evaluate, load_evalset
from lakehouse.ingest.pii.evaluation import default_path, heldout_path, second_heldout_path

# The held-out goal is recall >= 0.90 at precision >= 0.90. Round 15 (written by a hand that never read the rules,
# committed before it was scored, scored once) measured precision 0.971, recall 0.925 with the category exact, and
# 0.986 / 0.938 for columns flagged at all: these floors are its first score (docs/pii.md), so a change that loses
# ground on data nobody here tuned on fails.
HELDOUT_PRECISION = 0.971  # 135 of 139
HELDOUT_RECALL_FLOOR = 0.924  # 135 of 146
HELDOUT_FLAGGED_PRECISION = 0.985  # 137 of 139
HELDOUT_FLAGGED_RECALL = 0.938  # 137 of 146
# Round 18, the second held-out round (another independent author), scored once on the detector after round 17's
# fixes: 0.955 / 0.962 with the category exact, 0.962 / 0.969 flagged at all (docs/pii.md).
SECOND_PRECISION = 0.954  # 126 of 132
SECOND_RECALL = 0.961  # 126 of 131
SECOND_FLAGGED_PRECISION = 0.962  # 127 of 132
SECOND_FLAGGED_RECALL = 0.969  # 127 of 131


def test_evalsets_are_shipped_and_cover_every_category() -> None:
    columns = load_evalset()
    assert len(columns) >= 1290
    labelled = Counter(c.label["category"] for c in columns if c.label)
    assert set(labelled) == set(CATEGORIES)
    assert len([c for c in columns if c.label is None]) >= 300
    assert {c.split for c in columns} == {"dev", "test"}
    for c in columns:
        if c.label:
            assert CATEGORIES[c.label["category"]][0] == c.label["kind"] or c.label["kind"] == "PHI"
    dev_tables = {c.table for c in columns if c.table}
    for path in (heldout_path(), second_heldout_path()):
        held = load_evalset(path)
        assert len(held) >= 150 and {c.split for c in held} == {"heldout"}
        assert len({c.table for c in held}) >= 18 and sum(c.label is None for c in held) >= 80
        assert not dev_tables & {c.table for c in held}  # no held-out table is development data
    # rounds 16 and 17, each scored once as a second held-out round, moved into development whole once their
    # mistakes were read
    assert len([c for c in columns if c.note.startswith("round-16 held-out, now dev")]) == 238
    assert len([c for c in columns if c.note.startswith("round-17 held-out, now dev")]) == 262


def test_development_set_figures_do_not_regress() -> None:
    report = evaluate()
    assert isinstance(report, EvalReport)
    assert report.precision >= 0.99 and report.recall >= 0.985, report.summary()
    # round 10's commit messages name people in trailers ("Signed-off-by: Name <email>"): the email is found,
    # the name is not (names inside prose are not scanned), so that one column counts as a miss and a false alarm;
    # round 17's support tickets and candidate notes hold addresses in prose, no entity kind (the `entities`
    # redaction has none), so each counts the same way: 54 of 57 found with exactly their kinds
    assert report.text_precision >= 0.94 and report.text_recall >= 0.94, report.summary()
    assert report.per_category["email"].tp >= 5
    original = default_path().read_text(encoding="utf-8").splitlines()[:189]
    assert all(json.loads(line).get("table") is None for line in original)  # the set before issue 11


def test_first_189_columns_score_at_least_as_before(tmp_path: Path) -> None:
    """Before issue 11 the original 189 columns scored precision 0.969, recall 0.979."""
    path = tmp_path / "original.jsonl"
    path.write_text("\n".join(default_path().read_text(encoding="utf-8").splitlines()[:189]) + "\n")
    report = evaluate(path)
    assert report.precision >= 0.969 and report.recall >= 0.979, report.summary()


def test_heldout_set_precision_and_recall() -> None:
    report = evaluate(heldout_path())
    assert report.precision >= HELDOUT_PRECISION, report.summary()
    assert report.recall >= HELDOUT_RECALL_FLOOR, report.summary()
    flagged = report.flagged
    assert flagged.precision >= HELDOUT_FLAGGED_PRECISION and flagged.recall >= HELDOUT_FLAGGED_RECALL, report.summary()
    # round 15's five free-text columns with PII inside: three found with exactly their kinds at its first score (an
    # SSN inside legacy comments reported as a national id, a phone inside Spanish remarks missed)
    assert report.text.fp <= 2 and report.text.tp >= 3, report.summary()


def test_second_heldout_round_precision_and_recall() -> None:
    report = evaluate(second_heldout_path())
    assert report.precision >= SECOND_PRECISION and report.recall >= SECOND_RECALL, report.summary()
    flagged = report.flagged
    assert flagged.precision >= SECOND_FLAGGED_PRECISION and flagged.recall >= SECOND_FLAGGED_RECALL, report.summary()
    # its four free-text columns with PII inside: three found with exactly their kinds, no false alarm (first score)
    assert report.text.tp >= 3 and report.text.fp == 0, report.summary()


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
    assert (report.flagged.tp, report.flagged.fp, report.flagged.fn) == (1, 1, 1)


def test_tables_are_judged_together_and_free_text_is_scored_apart(tmp_path: Path) -> None:
    rows = [
        {"name": "dob_year", "values": [1950 + i for i in range(20)], "table": "t",
         "label": {"kind": "PII", "category": "date_of_birth_part"}},
        {"name": "dob_month", "values": [1 + i % 12 for i in range(20)], "table": "t",
         "label": {"kind": "PII", "category": "date_of_birth_part"}},
        {"name": "notes", "values": [f"write to user{i}@example.org about it" for i in range(20)], "table": "t",
         "label": None, "contains": ["email"]},
        {"name": "memo", "values": ["call back tomorrow please"] * 20, "label": None, "contains": ["phone"]},
    ]
    path = tmp_path / "tables.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = evaluate(path)
    assert (report.precision, report.recall) == (1.0, 1.0)  # the parts are only parts beside each other
    assert (report.text.tp, report.text.fp, report.text.fn) == (1, 0, 1)
    assert report.text_mistakes == ["-.memo: contains ['phone'], got nothing"]
