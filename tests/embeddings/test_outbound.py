"""Outbound checks on the HTTP embedders: refused hosts, and redirects checked hop by hop (real loopback
servers: the fake model server and a redirector)."""

from __future__ import annotations

import pytest

from lakehouse.config import EmbedderEndpoint, EmbeddingsSettings
from lakehouse.embeddings import EmbedderError, EmbedderRegistry
from lakehouse.errors import NetworkRefused
from lakehouse.network import NetworkPolicy
from tests.embeddings.fake_server import fake_server, vector
from tests.embeddings.redirector import redirector

METADATA = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"


def settings(url: str, **extra) -> EmbeddingsSettings:  # type: ignore[no-untyped-def]
    base = {"batch_size": 4, "timeout_seconds": 2.0, "retries": 2, "backoff_seconds": 0.01,
            "ollama": EmbedderEndpoint(url=url, model="fake-embed"),
            "openai": EmbedderEndpoint(url=f"{url}/v1", model="fake-embed")}
    return EmbeddingsSettings(**{**base, **extra})


@pytest.mark.parametrize("name", ["ollama", "openai"])
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_the_metadata_address_is_refused(name: str, status: int) -> None:
    with redirector(METADATA, status) as (url, seen):
        embedder = EmbedderRegistry(settings(url)).get(name)
        with pytest.raises(NetworkRefused) as info:
            embedder.embed(["hello"])
    error = info.value
    assert error.http_status == 403 and error.code == "network_refused"
    assert "redirects to http://169.254.169.254" in error.message and "link-local" in error.message
    assert len(seen.seen) == 1  # refused, not retried


def test_a_configured_metadata_url_is_refused_before_connecting() -> None:
    embedder = EmbedderRegistry(settings("http://169.254.169.254")).get("ollama")
    with pytest.raises(NetworkRefused, match="169.254.169.254"):
        embedder.embed(["hello"])


def test_a_redirect_to_an_allowed_server_is_followed_without_the_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKEHOUSE_SECRET_EMBED_KEY", "sk-not-for-other-hosts")
    with fake_server() as (target, behaviour), redirector(f"{target}{{path}}", 307, host="127.0.0.2") as (url, seen):
        s = settings(url)
        s.openai = EmbedderEndpoint(url=f"{url}/v1", model="fake-embed", api_key="env:LAKEHOUSE_SECRET_EMBED_KEY")
        out = EmbedderRegistry(s).get("openai").embed(["alpha", "beta"])
    assert out.shape == (2, 8) and list(out[1]) == pytest.approx(vector("beta", 8))
    assert seen.seen[0][2].get("Authorization") == "Bearer sk-not-for-other-hosts"
    assert behaviour.authorization == [None]  # httpx drops it on a cross-origin hop


def test_redirect_targets_must_be_in_the_allow_list() -> None:
    with fake_server() as (target, _), redirector(f"{target}{{path}}", 307, host="127.0.0.2") as (url, _seen):
        only_redirector = NetworkPolicy.of(["127.0.0.2"])
        with pytest.raises(NetworkRefused, match="not in network.allowed_hosts") as info:
            EmbedderRegistry(settings(url), network=only_redirector).get("ollama").embed(["x"])
        assert "127.0.0.1" in info.value.message and "network.allowed_hosts" in (info.value.hint or "")
        both = NetworkPolicy.of(["127.0.0.2", "127.0.0.1"])
        assert EmbedderRegistry(settings(url), network=both).get("ollama").embed(["x"]).shape == (1, 8)


def test_the_configured_host_itself_must_be_allowed_when_a_policy_is_given() -> None:
    with fake_server() as (url, behaviour):
        with pytest.raises(NetworkRefused):
            EmbedderRegistry(settings(url), network=NetworkPolicy.of(["127.0.0.2"])).get("ollama").embed(["x"])
        assert behaviour.requests == 0


def test_redirect_loops_end() -> None:
    with redirector("{path}", 307) as (url, seen), pytest.raises(EmbedderError, match="more than 5 times"):
        EmbedderRegistry(settings(url, retries=0)).get("ollama").embed(["x"])
    assert len(seen.seen) == 6


def test_a_vector_build_through_the_lakehouse_is_refused(make_settings) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa

    from lakehouse.app import Lakehouse

    with redirector(METADATA, 302) as (url, seen):
        lh = Lakehouse(make_settings(embeddings={"ollama": {"url": url, "model": "fake-embed"}, "retries": 0},
                                     query={"workers": 1}))
        try:
            lh.write_table("docs", pa.table({"doc_id": [1, 2], "body": ["a nurse", "a welder"]}))
            spec = {"index_name": "idx", "dataset": "docs", "id_column": "doc_id", "text_column": "body",
                    "embedder": "ollama"}
            try:
                job = lh.create_vector_index(spec, wait=True)
                error = job.error
            except NetworkRefused as exc:
                error = exc.to_dict()
        finally:
            lh.close()
    assert error is not None and error["code"] == "network_refused", error
    assert "169.254.169.254" in error["message"] and len(seen.seen) == 1
