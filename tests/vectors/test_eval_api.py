"""Eval sets, trials, autotune and champion; the HTTP routes and the CLI over them."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lakehouse.api.app import create_app
from lakehouse.errors import Conflict, NotFound
from tests.api.conftest import assert_error
from tests.vectors.conftest import build


def test_eval_records_a_trial_with_metrics(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=300)
    trial = vlh.evaluate_vector_index("idx", {"sample": 40, "ef_search": 200})
    m = trial["metrics"]
    assert {"recall", "p50_ms", "p95_ms", "qps", "build_seconds", "memory_bytes", "k"} <= set(m)
    assert m["queries"] == 40 and m["k"] == 10 and m["recall"] >= 0.9
    low = vlh.evaluate_vector_index("idx", {"sample": 40, "ef_search": 10, "m": 4, "ef_construction": 8})
    assert low["eval_set_id"] == trial["eval_set_id"]  # the stored eval set is reused
    user = vlh.evaluate_vector_index("idx", {"queries": ["nurse icu", "payroll audit"]})
    assert user["metrics"]["queries"] == 2
    assert [t["trial_id"] for t in vlh.vector_trials("idx")] == [user["trial_id"], low["trial_id"], trial["trial_id"]]


def test_autotune_promotes_the_fastest_config_meeting_the_target(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=300, recall_target=0.9)
    job = vlh.autotune_vector_index("idx", {"m": [8, 16], "ef_construction": [40], "ef_search": [10, 80, 300]})
    assert job.status == "succeeded", job.error
    result = job.result
    assert result["trials"] == 6 and not result["truncated"]
    trials = vlh.vector_trials("idx")
    meeting = [t for t in trials if t["metrics"]["recall"] >= 0.9]
    champion = vlh.vector_champion("idx")["champion"]
    if meeting:
        best = max(meeting, key=lambda t: t["metrics"]["qps"])
        assert champion["trial_id"] == best["trial_id"] and result["meets_target"]
    assert vlh.vector_search("idx", "nurse", k=3).hits
    promoted = vlh.set_vector_champion("idx", {"trial_id": trials[-1]["trial_id"]})
    assert promoted["champion"]["trial_id"] == trials[-1]["trial_id"]
    assert vlh.get_vector_index("idx").ann["graph_config"]["m"] == trials[-1]["config"]["m"]
    with pytest.raises(NotFound):
        vlh.set_vector_champion("idx", {"trial_id": 10_000})


def test_autotune_is_bounded_in_time(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=100)
    job = vlh.autotune_vector_index("idx", {"m": [8, 16, 32], "ef_construction": [40, 80], "ef_search": [10],
                                            "time_limit_seconds": 0.000001})
    assert job.status == "succeeded" and job.result["truncated"] and job.result["trials"] >= 1


def test_unbuilt_index_refuses_eval(vlh) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):
        vlh.evaluate_vector_index("missing")
    vlh.write_table("blank", __import__("pyarrow").table({"id": [1], "t": [""]}))
    vlh.create_vector_index({"index_name": "blank", "dataset": "blank", "id_column": "id", "text_column": "t",
                             "embedder": "hash"}, wait=True)
    with pytest.raises(Conflict):
        vlh.evaluate_vector_index("blank")


@pytest.fixture
def client(vlh) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(create_app(vlh), raise_server_exceptions=False) as test_client:
        yield test_client


def test_routes(vlh, client) -> None:  # type: ignore[no-untyped-def]
    from tests.vectors.conftest import corpus

    vlh.write_table("docs", corpus(120))
    body = {"index_name": "idx", "dataset": "docs", "id_column": "doc_id", "text_column": "body",
            "embedder": "hash", "chunk_size": 300}
    queued = client.post("/vectors/index", json=body)
    assert queued.status_code == 202 and queued.json()["job_id"]
    vlh.wait_job(queued.json()["job_id"])
    done = client.post("/vectors/index?wait=true", json=body)
    assert done.status_code == 200 and done.json()["status"] == "succeeded"
    assert [i["index_name"] for i in client.get("/vectors/indexes").json()["items"]] == ["idx"]
    assert client.get("/vectors/indexes/idx").json()["documents"] == 120
    found = client.post("/vectors/search/idx", json={"query": "nurse icu", "k": 3, "filter": "state = 'CA'"})
    assert found.status_code == 200, found.text
    payload = found.json()
    assert set(payload) == {"hits", "method", "elapsed_ms"} and len(payload["hits"]) == 3
    assert set(payload["hits"][0]) == {"doc_id", "chunk_index", "score", "text"}
    assert all(h["doc_id"] % 4 for h in payload["hits"])
    assert_error(client.post("/vectors/search/idx", json={"query": "x", "k": 0}), 422, "limit_exceeded")
    assert_error(client.post("/vectors/search/idx", json={"vector": [1.0, 2.0]}), 422, "invalid_input")
    assert_error(client.post("/vectors/search/nope", json={"query": "x"}), 404)
    assert_error(client.post("/vectors/index", json={**body, "text_column": "state2"}), 422)
    vlh.write_table("docs", corpus(130).slice(120))
    assert client.get("/vectors/stale").json()["items"][0]["index_name"] == "idx"
    refreshed = client.post("/vectors/refresh/docs?wait=true")
    assert refreshed.status_code == 200 and refreshed.json()["result"]["indexes"][0]["added_documents"] == 10
    trial = client.post("/vectors/eval/idx", json={"sample": 20})
    assert trial.status_code == 200 and trial.json()["metrics"]["queries"] == 20
    assert len(client.get("/vectors/trials/idx").json()["items"]) == 1
    tuned = client.post("/vectors/autotune/idx?wait=true", json={"m": [8], "ef_construction": [40],
                                                                  "ef_search": [10, 40]})
    assert tuned.status_code == 200, tuned.text
    assert client.get("/vectors/champion/idx").json()["champion"]["m"] == 8
    assert client.post("/vectors/champion/idx", json={"ef_search": 64}).json()["champion"]["ef_search"] == 64
    assert client.delete("/vectors/indexes/idx").status_code == 200
    assert_error(client.get("/vectors/indexes/idx"), 404)


def test_cli_with_the_local_model(vlh) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa

    from lakehouse.cli.main import app

    vlh.write_table("cv", pa.table({"id": [1, 2, 3], "text": [
        "Registered nurse with ICU and emergency room experience.",
        "Forklift operator and welder in a busy warehouse.",
        "Senior accountant: month-end close, audits and payroll."]}))
    runner = CliRunner()
    base = ["--data-dir", str(vlh.settings.data_dir)]
    out = runner.invoke(app, [*base, "--format", "json", "vectors", "build", "--dataset", "cv", "--id-column", "id",
                              "--text-column", "text", "--index", "cv"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(app, [*base, "--format", "json", "vectors", "search", "cv", "hospital nursing", "-k", "2"])
    assert out.exit_code == 0, out.output
    hits = json.loads(out.stdout)
    assert len(hits) == 2 and hits[0]["doc_id"] == 1 and {"chunk_index", "score", "text"} <= set(hits[0])
    assert runner.invoke(app, [*base, "vectors", "eval", "cv", "--sample", "3", "-k", "2"]).exit_code == 0
    out = runner.invoke(app, [*base, "vectors", "trials", "cv"])
    assert out.exit_code == 0 and "recall target" in out.stdout
    assert runner.invoke(app, [*base, "vectors", "list"]).exit_code == 0
    actions = {e["action"] for e in vlh.audit_events(limit=10_000)}  # the CLI goes through the audited calls
    audited = {"vectors.create_index", "vectors.search", "vectors.evaluate", "vectors.trials", "vectors.list_indexes"}
    assert audited <= actions, actions
