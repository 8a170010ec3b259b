"""The models.* settings: where the model server is, and keep_alive as Ollama takes it."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from lakehouse.models import ModelSlot
from lakehouse.network import NetworkPolicy


def test_url_defaults_to_the_ollama_embedder(make_settings: Any) -> None:
    settings = make_settings(embeddings={"ollama": {"url": "http://gpu-box:11434/", "model": "m"}})
    assert settings.models_url == "http://gpu-box:11434"
    assert make_settings(models={"url": "http://127.0.0.1:9999"}).models_url == "http://127.0.0.1:9999"


@pytest.mark.parametrize(("given", "kept"), [(-1, -1), ("-1", -1), ("300", 300), ("30m", "30m"), ("1h30m", "1h30m"),
                                             (0, 0)])
def test_keep_alive_as_ollama_takes_it(make_settings: Any, given: Any, kept: Any) -> None:
    assert make_settings(models={"keep_alive": given}).models.keep_alive == kept


def test_bad_keep_alive_is_refused(make_settings: Any) -> None:
    with pytest.raises(ValidationError, match="models.keep_alive"):
        make_settings(models={"keep_alive": "forever"})


def test_vram_check_auto_only_for_a_loopback_server(make_settings: Any) -> None:
    def check(url: str, mode: str = "auto") -> bool:
        settings = make_settings(models={"url": url, "vram_check": mode})
        slot = ModelSlot.from_settings(settings, NetworkPolicy.from_settings(settings))
        slot.close()
        return slot.vram_check

    assert check("http://127.0.0.1:11434") and check("http://localhost:11434") and check("http://[::1]:11434")
    assert not check("http://gpu-box:11434")
    assert check("http://gpu-box:11434", "always") and not check("http://127.0.0.1:11434", "never")


def test_a_configured_model_server_host_is_allowed(make_settings: Any) -> None:
    policy = NetworkPolicy.from_settings(make_settings(models={"url": "http://gpu-box.lan:11434"}))
    assert policy.names_host("gpu-box.lan")
