"""The API page works offline, declares bearer auth, and every route documents its error statuses."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

import lakehouse.api.docs as docs_module
from lakehouse.api.app import create_app
from lakehouse.app import Lakehouse

ERROR_REF = "#/components/schemas/ErrorResponse"


def test_docs_page_and_every_asset_it_loads_come_from_this_server(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", page.text)
    urls += re.findall(r"""\burl\s*:\s*['"]([^'"]+)['"]""", page.text)
    assert len(urls) >= 4, urls  # css, favicon, js, the spec
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, f"/docs loads {url} from another host"
        asset = client.get(url)
        assert asset.status_code == 200 and asset.content, url
    assert "https://" not in page.text and "http://" not in page.text
    assert '"validatorUrl": null' in page.text  # no badge fetched from the public validator either
    assert client.get("/redoc").status_code == 404  # not served: it would need another CDN bundle


def test_vendored_assets_match_their_recorded_checksums() -> None:
    folder = Path(docs_module.ASSETS)
    readme = (folder / "README.md").read_text()
    recorded = dict(re.findall(r"\| (\S+\.(?:js|css|png)) \| ([0-9a-f]{64}) \|", readme))
    assert set(recorded) == {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"}
    for name, digest in recorded.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert "Apache License" in (folder / "LICENSE").read_text()
    assert "swagger-ui-dist 5.36.0" in readme


def test_the_spec_declares_bearer_auth_on_every_authenticated_route(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert {n: (s["type"], s["scheme"]) for n, s in schemes.items()} == {"bearer": ("http", "bearer"),
                                                                         "recipient": ("http", "bearer")}
    # Delta Sharing answers recipients' tokens; its file URLs carry their own signature (docs/sharing.md)
    public = {("get", "/health"), ("get", "/delta-sharing/files/{ticket}"), ("head", "/delta-sharing/files/{ticket}")}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            name = "recipient" if path.startswith("/delta-sharing/") else "bearer"
            if (method, path) in public:
                assert "security" not in operation
            else:
                assert operation.get("security") == [{name: []}], f"{method.upper()} {path}"


def test_every_route_documents_its_error_statuses_in_the_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert schemas["ErrorResponse"]["required"] == ["error"]
    body = schemas[schemas["ErrorResponse"]["properties"]["error"]["$ref"].rsplit("/", 1)[1]]
    assert {"code", "message", "hint", "request_id"} <= set(body["required"])
    assert "HTTPValidationError" not in schemas  # FastAPI's 422 shape is not what this API answers
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            statuses = {int(s) for s in operation["responses"]}
            if operation.get("security"):
                assert {401, 403} <= statuses, where
            if operation.get("requestBody") or operation.get("parameters"):
                assert 422 in statuses, where
            if any(p["in"] == "path" for p in operation.get("parameters", [])):
                assert 404 in statuses, where
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert response["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}, where
                    assert response["description"], where
    sql = {int(s) for s in spec["paths"]["/query/sql"]["post"]["responses"]}
    assert {400, 401, 403, 404, 408, 422} <= sql
    job = spec["paths"]["/vectors/index"]["post"]["responses"]
    assert {"200", "202"} <= set(job)  # answered at once (202) or with ?wait=true (200)


def test_the_page_and_spec_need_no_token_in_token_mode(make_settings) -> None:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(auth={"mode": "token"}, query={"workers": 1}))
    try:
        with TestClient(create_app(lh)) as client:
            assert client.get("/docs").status_code == 200
            assert client.get("/openapi.json").status_code == 200
            assert client.get("/catalog/datasets").status_code == 401
    finally:
        lh.close()
