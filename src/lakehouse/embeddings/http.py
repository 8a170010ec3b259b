"""Embedders behind an HTTP model server: batching, a timeout per request, retries with exponential
backoff on connection errors, timeouts, 429 and 5xx; every error names the URL and the model.

Every request, and every redirect hop, is checked against the network policy first (``network.allowed_hosts``
plus the configured server's own host); redirects are followed only after that check, at most a few."""

from __future__ import annotations

import time
from abc import abstractmethod
from typing import Any

import httpx
import numpy as np

from lakehouse.config import EmbedderEndpoint, EmbeddingsSettings, resolve_secret
from lakehouse.embeddings.base import Embedder, EmbedderError, EmbedderUnavailable, check_vectors
from lakehouse.network import NetworkPolicy

_RETRY_STATUS = {408, 429, 500, 502, 503, 504}
_MAX_REDIRECTS = 5


class HttpEmbedder(Embedder):
    path: str

    def __init__(self, settings: EmbeddingsSettings, endpoint: EmbedderEndpoint,
                 network: NetworkPolicy | None = None):
        self._settings = settings
        self.base_url = endpoint.url.rstrip("/")
        self.model = endpoint.model
        self._network = network or NetworkPolicy.default(endpoint.url)
        headers = {"Authorization": f"Bearer {resolve_secret(endpoint.api_key)}"} if endpoint.api_key else {}
        # follow_redirects=False: each hop is checked in _send (httpx drops Authorization across origins)
        self._client = httpx.Client(timeout=settings.timeout_seconds, headers=headers, trust_env=False,
                                    follow_redirects=False)
        self._dim: int | None = None

    @property
    def url(self) -> str:
        return f"{self.base_url}{self.path}"

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self._embed(["dimension probe"]).shape[1])
        return self._dim

    @abstractmethod
    def _payload(self, texts: list[str]) -> dict[str, Any]: ...

    @abstractmethod
    def _parse(self, body: Any) -> list[list[float]]: ...

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = []
        size = self._settings.batch_size
        for start in range(0, len(texts), size):
            batch = texts[start:start + size]
            rows = self._parse(self._post(self._payload(batch)))
            vectors = check_vectors(np.asarray(rows, dtype=np.float32).reshape(len(rows), -1), len(batch),
                                    self._dim, f"{self.name} embedder at {self.url} (model '{self.model}')")
            self._dim = vectors.shape[1]
            out.append(vectors)
        return np.vstack(out)

    def _post(self, payload: dict[str, Any]) -> Any:
        where = f"{self.name} embedder at {self.url} (model '{self.model}')"
        attempts = self._settings.retries + 1
        last = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self._settings.backoff_seconds * 2 ** (attempt - 1))
            try:
                response = self._send(payload)
            except httpx.TimeoutException:
                last = f"timed out after {self._settings.timeout_seconds:g} s"
                continue
            except httpx.TransportError as exc:
                last = f"is unreachable ({type(exc).__name__}: {exc})"
                continue
            if response.status_code in _RETRY_STATUS:
                last = f"answered HTTP {response.status_code}: {_detail(response)}"
                continue
            if response.status_code == 404:
                raise EmbedderError(f"The {where} answered 404: {_detail(response)}",
                                    hint=f"Check that the server serves model '{self.model}' at {self.url}.")
            if response.status_code >= 400:
                raise EmbedderError(f"The {where} answered HTTP {response.status_code}: {_detail(response)}")
            try:
                return response.json()
            except ValueError:
                raise EmbedderError(f"The {where} answered with a body that is not JSON.") from None
        raise EmbedderUnavailable(f"The {where} {last} (after {attempts} attempts).",
                                  hint="Start the model server or fix embeddings.*.url, then run the build again: "
                                       "finished batches are kept and reused.")

    def _send(self, payload: dict[str, Any]) -> httpx.Response:
        """POST, then follow redirects one checked hop at a time (raises ``NetworkRefused``)."""
        who = f"The {self.name} embedder (model '{self.model}')"
        self._network.check_url(self.url, who)
        response = self._client.post(self.url, json=payload)
        for _ in range(_MAX_REDIRECTS):
            if response.next_request is None:
                return response
            source, target = str(response.request.url), str(response.next_request.url)
            self._network.check_redirect(source, target, who)
            response.close()
            response = self._client.send(response.next_request)
        if response.next_request is not None:
            raise EmbedderError(f"{who} at {self.url} redirected more than {_MAX_REDIRECTS} times.",
                                hint="Point embeddings.*.url at the final address.")
        return response

    def close(self) -> None:
        self._client.close()


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            return str(error.get("message", error))[:200]
        if error:
            return str(error)[:200]
    return str(body)[:200]


def _bad(embedder: HttpEmbedder, what: str) -> EmbedderError:
    return EmbedderError(f"The {embedder.name} embedder at {embedder.url} (model '{embedder.model}') "
                         f"answered without {what}.")


class OllamaEmbedder(HttpEmbedder):
    """Ollama's batched ``POST /api/embed`` ``{"model", "input": [...]}`` -> ``{"embeddings": [[...]]}``."""

    name = "ollama"
    path = "/api/embed"

    def _payload(self, texts: list[str]) -> dict[str, Any]:
        return {"model": self.model, "input": texts, "truncate": True}

    def _parse(self, body: Any) -> list[list[float]]:
        if not isinstance(body, dict) or not isinstance(body.get("embeddings"), list):
            raise _bad(self, "'embeddings'")
        return list(body["embeddings"])


class OpenAIEmbedder(HttpEmbedder):
    """Any OpenAI-compatible ``POST /v1/embeddings`` (vLLM, llama.cpp, TEI, LM Studio, OpenAI)."""

    name = "openai"
    path = "/embeddings"

    def _payload(self, texts: list[str]) -> dict[str, Any]:
        return {"model": self.model, "input": texts, "encoding_format": "float"}

    def _parse(self, body: Any) -> list[list[float]]:
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, list) or not all(isinstance(d, dict) and "embedding" in d for d in data):
            raise _bad(self, "'data[].embedding'")
        ordered = sorted(data, key=lambda d: int(d.get("index", 0)))
        return [d["embedding"] for d in ordered]


def load_ollama(settings: EmbeddingsSettings, network: NetworkPolicy | None = None) -> Embedder:
    return OllamaEmbedder(settings, settings.ollama, network)


def load_openai(settings: EmbeddingsSettings, network: NetworkPolicy | None = None) -> Embedder:
    return OpenAIEmbedder(settings, settings.openai, network)
