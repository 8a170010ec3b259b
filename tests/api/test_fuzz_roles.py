"""Schemathesis over the OpenAPI spec, once per role (admin, writer, reader, agent) with real tokens:
no 500, and every response in a documented status with the documented shape.

Generated requests, valid (positive) and invalid (negative) against the schema, go through the real app
(ASGI) over a seeded lakehouse in ``auth.mode = "token"``: a dataset, an AI-safe view over it, a vector
index with its own vectors, and grants. Checks: schemathesis's defaults (server errors, status codes,
content types, response schemas, invalid input rejected) except ``positive_data_acceptance``: requests
that are valid for the schema but name things that do not exist, or SQL that does not parse, rightly
answer 4xx here. ``LAKEHOUSE_FUZZ_EXAMPLES`` raises the examples per operation for a longer run.

Not fuzzed, and why:
- ``POST /ingest/arrow``: its body is an Arrow IPC stream, which schemathesis cannot generate (tested with
  real streams in tests/api/test_server.py and the library tests);
- as admin, ``POST /storage/buckets`` (it would create folders at generated paths on this machine) and
  ``POST /ingest/db``, ``POST /ingest/mysql`` (they would connect to generated hosts); the other roles
  are fuzzed there too and must be refused before anything happens.
Long jobs (index builds, autotune, purge, refresh) run on the small seeded data only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from lakehouse.api.app import create_app
from lakehouse.app import Lakehouse
from tests.ollama_server import OllamaServer

ROLES = ("admin", "writer", "reader", "agent")
EXAMPLES = int(os.environ.get("LAKEHOUSE_FUZZ_EXAMPLES", "4"))
NEVER = {("POST", "/ingest/arrow")}
NOT_AS_ADMIN = {("POST", "/storage/buckets"), ("POST", "/ingest/db"), ("POST", "/ingest/mysql")}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, str]]]:
    from lakehouse.config import load_settings

    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    models = OllamaServer().start()  # generated model names reach a real (empty) model server: 404, not 503
    lh = Lakehouse(load_settings(None, data_dir=data_dir, auth={"mode": "token"},
                                 query={"workers": 1, "time_limit_seconds": 10},
                                 catalog={"lock_timeout_seconds": 0.3}, models={"url": models.url}))
    try:
        lh.write_table("people", pa.table({
            "id": [1, 2, 3], "email": ["ada@example.org", "alan@example.org", "grace@example.org"],
            "state": ["TX", "CA", "TX"],
            "emb": [[0.1, 0.2, 0.3, 0.4], [0.4, 0.1, 0.0, 0.5], [0.9, 0.1, 0.1, 0.1]]}))
        lh.create_view({"name": "people_safe", "base_dataset": "people", "columns": ["id", "email", "state"],
                        "row_filter": "state = 'TX'", "column_redactions": {"email": {"kind": "hash"}}})
        job = lh.create_vector_index({"index_name": "people_vec", "dataset": "people", "id_column": "id",
                                      "vector_column": "emb"})
        assert job.status == "succeeded", job
        tokens = {role: lh.create_token(f"fuzz-{role}", role)["token"] for role in ROLES}
        for role in ("writer", "reader"):
            lh.add_grant(f"fuzz-{role}", "dataset", "people")
        for role in ("writer", "reader", "agent"):
            lh.add_grant(f"fuzz-{role}", "view", "people_safe")
            lh.add_grant(f"fuzz-{role}", "index", "people_vec")
        yield create_app(lh), tokens
    finally:
        lh.close()
        models.stop()


def _operations(app: Any, role: str) -> Iterator[Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    for result in schema.get_all_operations():
        operation = result.ok()
        key = (operation.method.upper(), operation.path)
        if key in NEVER or (role == "admin" and key in NOT_AS_ADMIN):
            continue
        yield operation


def _send(case: Any, token: str) -> None:
    headers = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
    if headers is not None and headers.mode.is_negative:
        # the generated Authorization header is itself the invalid part: send it as is (401 expected)
        case.call_and_validate(excluded_checks=[positive_data_acceptance])
    else:
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"},
                               excluded_checks=[positive_data_acceptance])


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_in_its_documented_statuses_and_shapes(world, role: str, mode: GenerationMode) -> None:  # type: ignore[no-untyped-def]
    app, tokens = world
    failures: list[str] = []
    seen = 0
    for operation in _operations(app, role):
        seen += 1

        @given(case=operation.as_strategy(mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case: Any) -> None:
            _send(case, tokens[role])

        try:
            fuzz()
        except Unsatisfiable:  # nothing to make invalid (no parameters, no body): the positive run covers it
            continue
        except Exception as exc:  # noqa: BLE001 - collected, so one run reports every operation that fails
            failures.append(f"{operation.label}: {exc}")
    assert seen >= 45
    assert not failures, f"{len(failures)} operations failed as {role}:\n\n" + "\n\n".join(failures)
