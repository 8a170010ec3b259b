"""compute.* settings and the failures that need no cluster: a bad address, a refused host, a head that
does not answer (the job fails naming it, nothing is committed)."""

from __future__ import annotations

import socket

import pytest
from pydantic import ValidationError

from lakehouse.config import load_settings
from lakehouse.errors import NetworkRefused


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens once the socket is closed


def test_settings_validate_the_engine_and_address(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(None, data_dir=tmp_path)
    assert (settings.compute.engine, settings.compute.ray_address) == ("local", None)
    ray = load_settings(None, data_dir=tmp_path, compute={"engine": "ray", "ray_address": "head.internal:6379"})
    assert ray.compute.ray_address == "head.internal:6379"
    for bad in ({"engine": "ray"}, {"ray_address": "http://head:6379"}, {"ray_address": "head"},
                {"ray_address": "ray://head:10001"},
                {"ray_address": "head:99999"}, {"engine": "spark"}, {"ray_actor_cpus": 0}):
        with pytest.raises(ValidationError, match="compute"):
            load_settings(None, data_dir=tmp_path, compute=bad)


def test_a_ray_address_outside_the_allowed_hosts_is_refused(make_lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("ray")
    lh = make_lakehouse("a", compute={"engine": "ray", "ray_address": "10.11.12.13:6379"})
    path = tmp_path / "a.csv"
    path.write_text("id\n1\n")
    job = lh.ingest_files([path], "t", wait=True)
    assert job.status == "failed" and job.error["code"] == NetworkRefused.code
    assert "10.11.12.13" in job.error["message"] and "compute.ray_address" in job.error["message"]
    assert not lh.catalog.datasets.exists("t")


def test_a_ray_head_that_does_not_answer_fails_the_job_naming_it(make_lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("ray")
    from lakehouse.vectors.spec import IndexSpec

    address = f"127.0.0.1:{closed_port()}"
    lh = make_lakehouse("a", compute={"engine": "ray", "ray_address": address, "ray_min_chunks": 0})
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,nurse icu\n2,python cloud\n")
    lh.ingest_file(path, "docs")  # one file: the local path, whatever the engine
    job = lh.ingest_files([path, path], "docs", wait=True)
    assert job.status == "failed" and job.error["code"] == "compute_unavailable"
    assert address in job.error["message"] and "does not answer" in job.error["message"]
    assert (lh.get_dataset("docs").version, lh.get_dataset("docs").row_count) == (0, 2)
    assert not lh.catalog.pending_intents()
    job = lh.vectors.create_index(lh.actor, IndexSpec(index_name="idx", dataset="docs", id_column="id",
                                                      text_column="body"), wait=True)
    assert job.status == "failed" and job.error["code"] == "compute_unavailable" and address in job.error["message"]
    info = lh.get_vector_index("idx")
    assert (info.generation, info.status, info.vectors) == (0, "failed", 0)


def test_a_build_below_ray_min_chunks_embeds_here_without_the_cluster(make_lakehouse, embedding_server) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa

    from lakehouse.vectors.spec import IndexSpec

    address = f"127.0.0.1:{closed_port()}"  # no cluster: a job that needed it would fail naming the address
    lh = make_lakehouse("a", compute={"engine": "ray", "ray_address": address, "ray_min_chunks": 30},
                        embeddings={"openai": {"url": embedding_server.url, "model": "hash-24"}})
    lh.write_table("docs", pa.table({"id": list(range(29)), "body": [f"nurse {i} icu" for i in range(29)]}))
    spec = IndexSpec(index_name="idx", dataset="docs", id_column="id", text_column="body", embedder="openai")
    job = lh.vectors.create_index(lh.actor, spec, wait=True)
    assert job.status == "succeeded", job.error
    assert embedding_server.texts == lh.get_vector_index("idx").vectors == 29
    lh.write_table("docs", pa.table({"id": list(range(29, 31)), "body": ["welder", "payroll"]}))
    job = lh.vectors.refresh_index(lh.actor, "idx", wait=True)  # 2 new chunks: here too
    assert job.status == "succeeded", job.error
    assert embedding_server.texts == 31
    lh.write_table("docs", pa.table({"id": list(range(100, 130)), "body": [f"python {i}" for i in range(30)]}))
    job = lh.vectors.refresh_index(lh.actor, "idx", wait=True)  # 30 chunks: on the cluster, which is down
    assert job.status == "failed" and job.error["code"] == "compute_unavailable" and address in job.error["message"]


def test_daft_on_a_ray_head_that_does_not_answer_fails_naming_it(make_lakehouse) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("ray")
    pytest.importorskip("daft")
    import pyarrow as pa

    from lakehouse.errors import ComputeUnavailable

    address = f"127.0.0.1:{closed_port()}"
    lh = make_lakehouse("a", compute={"engine": "ray", "ray_address": address})
    lh.write_table("t", pa.table({"id": [1, 2]}))
    with pytest.raises(ComputeUnavailable, match="does not answer") as caught:
        lh.sql("SELECT count(*) AS n FROM t", engine="daft")
    assert address in caught.value.message and "compute.ray_address" in caught.value.message
    assert lh.sql("SELECT count(*) AS n FROM t").table.to_pylist() == [{"n": 2}]  # DataFusion stays local


def test_without_the_extra_the_engine_says_what_to_install(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from lakehouse.compute.cluster import load_ray
    from lakehouse.errors import NotInstalled

    monkeypatch.setitem(sys.modules, "ray", None)  # what a missing package looks like to import
    with pytest.raises(NotInstalled) as caught:
        load_ray()
    assert caught.value.hint == "pip install 'lakehouse[ray]'"
