"""What must hold after any crash, checked on a reopened lakehouse (shared by the kill sweep and the
crash-consistency replay). Expected states come from the scenario's own data, and every read is
checked against a second engine (pyarrow over the Delta version the catalog names)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from lakehouse.storage import delta
from tests.reliability.scenarios import INDEX, VIEWS, Scenario, unit_vector


def sql_state(lh: Any, relation: str) -> tuple[int, int]:
    table = lh.sql(f'SELECT count(*) AS n, coalesce(sum(id), 0) AS s FROM "{relation}"').table  # noqa: S608
    return int(table.column("n")[0].as_py()), int(table.column("s")[0].as_py())


def delta_state(lh: Any, name: str) -> tuple[int, int]:
    """The catalog's version of the table, read by pyarrow (not the query engine)."""
    manifest = lh.catalog.datasets.get(name, with_lineage=False)
    bucket = lh.buckets.get(manifest.bucket)
    data = delta.dataset(bucket.table_uri(name), bucket.storage_options(), manifest.version).to_table(["id"])
    return data.num_rows, int(pc.sum(data.column("id")).as_py() or 0)


def check_recovered(lh: Any, scenario: Scenario) -> tuple[str, str]:
    """Right after reopening: nothing half-done is visible. Returns which content state the dataset is in
    ("before" / "after") and what tells the two sides of the commit apart where the content cannot (the
    catalog version, the index generation, how many of the views exist)."""
    assert lh.catalog.pending_intents() == [], "a crashed write was left unreconciled"
    assert not [j for j in lh.catalog.list_jobs() if j.status in ("queued", "running")], "a dead job looks alive"
    for manifest in lh.catalog.datasets.list():
        raw = delta_state(lh, manifest.name)
        assert raw[0] == manifest.row_count, f"{manifest.name}: catalog row count != rows of its version"
        history = lh.catalog.datasets.history(manifest.name, 1)
        assert history[0].version == manifest.version and history[0].row_count == manifest.row_count
        if not scenario.raw:
            assert sql_state(lh, manifest.name) == raw, f"{manifest.name}: SQL and pyarrow disagree"
    name = scenario.dataset
    assert name is not None
    if not lh.catalog.datasets.exists(name):
        assert None in (scenario.before, scenario.after), f"{name} vanished"
        return ("before" if scenario.before is None else "after"), "absent"
    seen = sql_state(lh, f"__raw__{name}") if scenario.raw else sql_state(lh, name)
    assert seen in (scenario.before, scenario.after), f"{name} reads {seen}: neither {scenario.before} " \
                                                      f"nor {scenario.after}"
    content = "after" if seen == scenario.after and seen != scenario.before else "before"
    if scenario.index:
        return content, _check_index(lh, scenario)
    if scenario.name == "catalog":
        present = [v for v in VIEWS if v in {info.name for info in lh.list_views()}]
        assert present == VIEWS[:len(present)], f"views {present} are not a prefix of {VIEWS}"
        return content, f"{len(present)} views"
    return content, f"version {lh.catalog.datasets.get(name, with_lineage=False).version}"


def _check_index(lh: Any, scenario: Scenario) -> str:
    manifest = lh.get_vector_index(INDEX["index_name"])
    documents_before, documents_after = scenario.extra["docs"]
    assert manifest.status == "ready" and manifest.generation in (1, 2), manifest
    assert manifest.documents in (documents_before, documents_after), manifest.documents
    for doc in (0, manifest.documents - 1):  # the first document, and the newest the index claims to hold
        hit = lh.vector_search(INDEX["index_name"], vector=unit_vector(doc), k=1).hits[0]
        assert hit.doc_id == doc
    return f"generation {manifest.generation}"


def maintain(lh: Any) -> None:
    """The next maintenance run: optimize (compact + vacuum + unreferenced files) every dataset, refresh
    every vector index."""
    for manifest in lh.catalog.datasets.list():
        lh.optimize_dataset(manifest.name)
    for index in lh.list_vector_indexes():
        job = lh.refresh_vectors(index.dataset, wait=True, force=True)
        assert job.status == "succeeded", job.error


def check_no_orphans(lh: Any) -> None:
    root = Path(lh.settings.primary_root)
    names = {m.name for m in lh.catalog.datasets.list()}
    tables = root / "tables"
    on_disk = {p.name for p in tables.iterdir()} if tables.is_dir() else set()
    assert on_disk <= names, f"table folders without a dataset: {on_disk - names}"
    for name in names:
        left = delta.untracked_files(str(tables / name), None)
        assert left == [], f"{name}: files no version references: {left}"
    staging = root / "staging"
    stray = [p for p in staging.rglob("*") if p.is_file()] if staging.is_dir() else []
    assert stray == [], f"staging files left: {stray}"
    for index in lh.list_vector_indexes():
        folder = root / "vectors" / index.index_name
        entries = sorted(p.name for p in folder.iterdir())
        graphs = [e for e in entries if e.startswith("hnsw-") or e.endswith(".partial")]
        assert graphs == [f"hnsw-{index.generation}.faiss"], f"{index.index_name}: graph files {graphs}"
        for table in ("embeddings", "pending"):
            if (folder / table / "_delta_log").is_dir():
                assert delta.untracked_files(str(folder / table), None) == []
            else:
                assert not (folder / table).exists(), f"{index.index_name}/{table} left without a log"
