"""The model server's load/unload API (Ollama's, documented in its docs/api.md), over httpx.

Calls: ``POST /api/generate {"model", "keep_alive"}`` with no prompt loads a generation model (``keep_alive: 0``
unloads any model: Ollama expires the runner before it looks at capabilities); embedding-only models refuse
/api/generate (HTTP 400 "... does not support generate") and load through ``POST /api/embed {"model",
"input": ""}``; ``GET /api/ps`` lists loaded models with ``size_vram``; ``GET /api/tags`` sizes on disk;
``POST /api/show`` capabilities. No retries: a swap must do exactly what it says, once.

Every failure is a ``LakehouseError`` naming the server: unreachable (503), too slow (504), an answer that is
not the API's JSON or an error status (502), an unknown model (404)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import httpx

from lakehouse.errors import ModelNotFound, ModelServerError, ModelServerTimeout, ModelServerUnavailable
from lakehouse.network import NetworkPolicy, describe_url
from lakehouse.wire import LoadedModel

_NO_GENERATE = "does not support generate"


def model_key(name: str) -> str:
    """Ollama's own spelling of a name: ``llama3`` is ``llama3:latest`` (a tag after the last '/')."""
    name = name.strip()
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


class ModelServer:
    def __init__(self, url: str, *, keep_alive: int | str = -1, timeout: float = 300.0, probe_timeout: float = 5.0,
                 network: NetworkPolicy | None = None, transport: httpx.BaseTransport | None = None):
        self.base_url = url.rstrip("/")
        self.where = describe_url(self.base_url)
        self.keep_alive = keep_alive
        self.timeout = timeout
        self.probe_timeout = probe_timeout
        self._network = network or NetworkPolicy.default(self.base_url)
        self._client = httpx.Client(base_url=self.base_url, trust_env=False, follow_redirects=False,
                                    transport=transport)

    def close(self) -> None:
        self._client.close()

    # Load and unload -----------------------------------------------------------------------------
    def unload(self, name: str) -> str:
        """Unload ``name`` now (``keep_alive: 0``); unloading a model that is not loaded is a no-op there."""
        self._post("/api/generate", {"model": name, "keep_alive": 0}, self.timeout)
        return "/api/generate"

    def preload(self, name: str, embedding: bool | None = None) -> tuple[str, bool]:
        """Load ``name`` and keep it (``keep_alive`` from the settings). ``embedding``: the caller knows it is
        an embedding-only model (True) or a generation model (False); None asks /api/show for its capabilities.
        A generation preload the server refuses as 'does not support generate' goes through /api/embed.
        Returns (the endpoint that loaded it, whether as an embedding model)."""
        if embedding is None:
            embedding = self.is_embedding_only(name)
        if not embedding:
            try:
                self._post("/api/generate", {"model": name, "keep_alive": self.keep_alive}, self.timeout)
                return "/api/generate", False
            except ModelServerError as exc:
                if _NO_GENERATE not in exc.message:
                    raise
        self._post("/api/embed", {"model": name, "input": "", "keep_alive": self.keep_alive}, self.timeout)
        return "/api/embed", True

    # Facts ------------------------------------------------------------------------------------------
    def loaded(self) -> list[LoadedModel] | None:
        """What the server has loaded (``/api/ps``), or None when it has no such endpoint (404)."""
        body = self._request("GET", "/api/ps", None, self.probe_timeout, missing_ok=True)
        if body is None:
            return None
        return [LoadedModel(name=model_key(str(m.get("name") or m.get("model"))), size_bytes=_int(m.get("size")),
                            size_vram_bytes=_int(m.get("size_vram")),
                            expires_at=str(m["expires_at"]) if m.get("expires_at") else None)
                for m in self._models(body, "/api/ps")]

    def sizes(self) -> dict[str, int]:
        """Each local model's size in bytes (``/api/tags``): what a load needs at least."""
        body = self._request("GET", "/api/tags", None, self.probe_timeout) or {}
        return {model_key(str(m.get("name") or m.get("model"))): size for m in self._models(body, "/api/tags")
                if (size := _int(m.get("size"))) is not None}

    def capabilities(self, name: str) -> list[str] | None:
        """The model's capabilities (``/api/show``: completion, embedding, ...), None when the server does not say."""
        body = self._post("/api/show", {"model": name}, self.probe_timeout)
        caps = body.get("capabilities")
        if caps is None:
            return None
        if not isinstance(caps, list):
            raise ModelServerError(f"The model server at {self.where} answered /api/show with 'capabilities' "
                                   "that is not a list.")
        return [str(c) for c in caps]

    def is_embedding_only(self, name: str) -> bool:
        caps = self.capabilities(name)
        return caps is not None and "embedding" in caps and "completion" not in caps

    # HTTP ---------------------------------------------------------------------------------------------
    def _models(self, body: Mapping[str, Any], path: str) -> list[Mapping[str, Any]]:
        models = body.get("models")
        if not isinstance(models, list) or not all(isinstance(m, dict) and (m.get("name") or m.get("model"))
                                                     for m in models):
            raise ModelServerError(f"The model server at {self.where} answered {path} without a 'models' list "
                                   "of named models.", hint="Check that models.url points at an Ollama server.")
        return models

    def _post(self, path: str, payload: dict[str, Any], timeout: float) -> Mapping[str, Any]:
        body = self._request("POST", path, payload, timeout)
        assert body is not None
        return body

    def _request(self, method: str, path: str, payload: dict[str, Any] | None, timeout: float, *,
                 missing_ok: bool = False) -> Mapping[str, Any] | None:
        url = f"{self.base_url}{path}"
        self._network.check_url(url, "The GPU slot's model server (models.url)")
        model = f" (model '{payload['model']}')" if payload and "model" in payload else ""
        started = time.perf_counter()
        try:
            response = self._client.request(method, path, json=payload, timeout=timeout)
        except httpx.TimeoutException:
            raise ModelServerTimeout(f"The model server at {self.where} did not answer {method} {path}{model} "
                                     f"within {timeout:g} s.") from None
        except httpx.TransportError as exc:
            raise ModelServerUnavailable(f"The model server at {self.where} is unreachable ({type(exc).__name__}: "
                                         f"{exc}); {method} {path}{model} may not have been sent.") from None
        except httpx.RequestError as exc:  # a body that cannot be decoded, and the like
            raise ModelServerError(f"The model server at {self.where} answered {method} {path}{model} "
                                   f"unreadably ({type(exc).__name__}: {exc}).") from None
        if response.status_code == 404 and missing_ok:
            return None
        detail = _detail(response)
        if response.status_code == 404 and payload and "model" in payload:
            raise ModelNotFound(f"The model server at {self.where} does not have model '{payload['model']}': "
                                f"{detail}")
        if response.status_code >= 300:
            raise ModelServerError(f"The model server at {self.where} answered {method} {path}{model} with HTTP "
                                   f"{response.status_code}: {detail}")
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise ModelServerError(f"The model server at {self.where} answered {method} {path}{model} with a body "
                                   f"that is not a JSON object ({_snippet(response.text)}) after "
                                   f"{(time.perf_counter() - started) * 1000:.0f} ms.",
                                   hint="Check that models.url points at an Ollama-compatible server.")
        if body.get("error"):
            raise ModelServerError(f"The model server at {self.where} answered {method} {path}{model} with an "
                                   f"error: {_snippet(str(body['error']))}")
        return body


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return repr(text[:120] + ("..." if len(text) > 120 else ""))


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return _snippet(response.text)
    if isinstance(body, dict) and body.get("error"):
        return str(body["error"])[:200]
    return _snippet(response.text)
