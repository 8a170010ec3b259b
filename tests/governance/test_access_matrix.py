"""Every route in the OpenAPI spec (vectors and DB ingest included) x every role x own/other object:
the expected status (DESIGN.md 6b role table, 404 for what the caller may not read, 403 for what it may
not do), and every call audited."""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from tests.governance.conftest import principal
from tests.services import MYSQL_HOST, MYSQL_PORT, mysql_database, postgres_schema
from tests.vectors.conftest import HashEmbedder

ROLES = ("admin", "writer", "reader", "agent")
OTHERS_WORK: tuple[str, ...] = ()
PF = "/vectors/profile/{profile_id}"
VX = "/vectors"
DS = "/catalog/datasets/by-name/{name}"
DSH = "/delta-sharing"  # recipients' routes: an API token is no recipient token (401), a forged file URL 403
TB = "/shares/{share}/schemas/{schema}/tables/{table}"
RULES = {
    ("GET", "/health"): "any", ("GET", "/jobs"): "any", ("GET", "/catalog/datasets"): "any",
    ("GET", "/catalog/views"): "any", ("GET", "/jobs/{job_id}"): "job", ("DELETE", "/jobs/{job_id}"): "job",
    ("GET", "/storage/buckets"): "buckets", ("POST", "/storage/buckets"): "admin",
    ("DELETE", "/storage/buckets/{name}"): "admin", ("POST", "/catalog/backups"): "admin",
    ("GET", "/catalog/backups"): "admin", ("POST", "/auth/tokens"): "admin", ("GET", "/auth/tokens"): "admin",
    ("DELETE", "/auth/tokens/{token_id}"): "admin", ("POST", "/auth/grants"): "admin",
    ("GET", "/auth/grants"): "admin", ("DELETE", "/auth/grants/{grant_id}"): "admin", ("GET", "/audit"): "admin",
    ("GET", "/journal/events"): "admin", ("POST", "/governance/erase"): "admin",
    ("POST", "/ingest/db"): "admin", ("POST", "/ingest/mysql"): "admin",
    ("GET", DS): "read", ("GET", f"{DS}/history"): "read", ("DELETE", DS): "ds_admin",
    ("PATCH", f"{DS}/metadata"): "write", ("POST", f"{DS}/restore"): "write", ("POST", f"{DS}/optimize"): "write",
    ("POST", "/ingest/file"): "write", ("POST", "/ingest/files"): "write", ("POST", "/ingest/arrow"): "write",
    ("GET", "/auth/whoami"): "any",
    ("POST", f"{DS}/tombstone"): "ds_admin", ("GET", f"{DS}/tombstone"): "ds_admin",
    ("DELETE", f"{DS}/tombstone/{{tombstone_id}}"): "ds_admin", ("POST", f"{DS}/purge"): "ds_admin",
    ("GET", f"{DS}/purge"): "ds_admin", ("POST", "/query/sql"): "query",
    ("POST", "/catalog/views"): "define_view", ("GET", "/catalog/views/{name}"): "view_read",
    ("DELETE", "/catalog/views/{name}"): "view_owner",
    ("POST", f"{VX}/index"): "define_view", ("GET", f"{VX}/indexes"): "any", ("GET", f"{VX}/stale"): "any",
    ("GET", f"{VX}/indexes/{{idx}}"): "read", ("POST", f"{VX}/search/{{idx}}"): "read",
    ("GET", f"{VX}/trials/{{idx}}"): "read", ("GET", f"{VX}/champion/{{idx}}"): "read",
    ("DELETE", f"{VX}/indexes/{{idx}}"): "write", ("POST", f"{VX}/eval/{{idx}}"): "write",
    ("POST", f"{VX}/autotune/{{idx}}"): "write", ("POST", f"{VX}/champion/{{idx}}"): "write",
    ("POST", f"{VX}/refresh/{{dataset}}"): "write", ("PATCH", f"{VX}/indexes/{{idx}}"): "write",
    ("GET", f"{VX}/agent"): "any", ("GET", f"{VX}/agent/{{idx}}"): "read",
    ("POST", f"{VX}/agent/enqueue/{{idx}}"): "write",
    ("GET", f"{VX}/indexes/{{idx}}/docs/{{doc_id}}"): "read", ("GET", f"{VX}/indexes/{{idx}}/stats"): "read",
    ("POST", f"{VX}/indexes/{{idx}}/append"): "write", ("POST", f"{VX}/indexes/{{idx}}/optimize"): "write",
    ("POST", f"{VX}/indexes/{{idx}}/ann"): "write", ("POST", f"{VX}/indexes/{{idx}}/migrate"): "write",
    ("POST", "/catalog/profiles"): "admin", ("GET", "/catalog/profiles"): "any",
    ("GET", "/catalog/profiles/{profile_id}"): "profile_use",
    ("DELETE", "/catalog/profiles/{profile_id}"): "profile_admin",
    ("GET", f"{VX}/profile/active"): "any", ("POST", f"{PF}/activate"): "profile_admin",
    ("POST", f"{PF}/deactivate"): "profile_admin", ("POST", f"{PF}/search"): "profile_use",
    ("GET", "/admin/vram"): "admin", ("POST", "/admin/models/{name}/preload"): "admin",
    ("POST", "/admin/models/{name}/unload"): "admin",
    ("POST", "/sharing/shares"): "share_create", ("GET", "/sharing/shares"): "any",
    ("GET", "/sharing/shares/{name}"): "share_owner", ("DELETE", "/sharing/shares/{name}"): "share_owner",
    ("POST", "/sharing/recipients"): "share_create", ("GET", "/sharing/recipients"): "any",
    ("DELETE", "/sharing/recipients/{name}"): "share_owner",
    **{(m, f"{DSH}{p}"): "recipient" for m, p in (
        ("GET", "/shares"), ("GET", "/shares/{share}"), ("GET", "/shares/{share}/schemas"),
        ("GET", "/shares/{share}/all-tables"), ("GET", "/shares/{share}/schemas/{schema}/tables"),
        ("HEAD", TB), ("GET", f"{TB}/version"), ("GET", f"{TB}/metadata"), ("POST", f"{TB}/query"))},
    ("GET", f"{DSH}/files/{{ticket}}"): "signed", ("HEAD", f"{DSH}/files/{{ticket}}"): "signed",
}
DESTRUCTIVE = {("DELETE", DS), ("DELETE", "/catalog/views/{name}"), ("DELETE", "/auth/tokens/{token_id}"),
               ("DELETE", "/auth/grants/{grant_id}"), ("DELETE", f"{DS}/tombstone/{{tombstone_id}}"),
               ("DELETE", "/storage/buckets/{name}"), ("DELETE", f"{VX}/indexes/{{idx}}"),
               ("DELETE", "/catalog/profiles/{profile_id}"), ("POST", f"{VX}/indexes/{{idx}}/ann"),
               ("POST", f"{VX}/indexes/{{idx}}/migrate"), ("DELETE", "/sharing/shares/{name}"),
               ("DELETE", "/sharing/recipients/{name}")}  # a fresh index each: the shared one keeps its backend


def expected(rule: str, role: str, own: bool) -> str:
    """'ok' (2xx or 409 for a finished job) or the refusal status."""
    if rule in ("recipient", "signed"):
        return "401" if rule == "recipient" else "403"
    if role == "admin" or rule == "any":
        return "ok"
    sees = own and role in ("writer", "reader")
    return {
        "admin": "403", "buckets": "ok" if role == "writer" else "403",
        "job": "ok" if own else "404",
        "read": "ok" if sees else "404",
        "write": "ok" if sees and role == "writer" else ("403" if sees else "404"),
        "ds_admin": "403" if sees else "404",
        "query": "ok" if sees else "400",
        "define_view": "ok" if sees and role == "writer" else ("403" if sees else "404"),
        "view_read": "ok" if own else "404",
        "view_owner": "ok" if own and role == "writer" else ("403" if own else "404"),
        "profile_use": "ok" if own else "404",  # every non-admin role is granted the own profile
        "profile_admin": "403" if own else "404",
        "share_create": ("ok" if own else "404") if role == "writer" else "403",  # reader, agent: never share
        "share_owner": "ok" if own and role == "writer" else "404",  # a writer manages what it created
    }[rule]


@pytest.fixture
def db_sources() -> Iterator[dict[str, str]]:
    """One small source table in the real PostgreSQL and MariaDB, for the admin-only DB ingest routes."""
    import psycopg
    import pymysql

    pg_dsn, schema = next(pg := postgres_schema())
    database = next(my := mysql_database())
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE TABLE "{schema}".src (id bigint, email text)')
        conn.execute(f"INSERT INTO \"{schema}\".src VALUES (7, 'p@x.org')")
    mysql = pymysql.connect(host=MYSQL_HOST, port=MYSQL_PORT, user="root", database=database, autocommit=True)
    with mysql.cursor() as cur:
        cur.execute("CREATE TABLE src (id bigint, email text)")
        cur.execute("INSERT INTO src VALUES (8, 'm@x.org')")
    mysql.close()
    yield {"/ingest/db": f"{pg_dsn}|{schema}.src", "/ingest/mysql": f"mysql://root@{MYSQL_HOST}:{MYSQL_PORT}/{database}|src"}
    for gen in (pg, my):
        next(gen, None)


class World:
    def __init__(self, lh: Any, tmp: Path, db_sources: dict[str, str]):
        self.lh, self.tmp, self.n = lh, tmp, itertools.count()
        self.db_sources = db_sources
        lh.write_table("own_ds", pa.table({"id": [1, 2, 3], "email": ["a@x.org", "b@x.org", "c@x.org"]}))
        lh.write_table("other_ds", pa.table({"id": [1, 2], "email": ["d@x.org", "e@x.org"]}))
        (lh.settings.primary_root / "matrix.csv").write_text("id,email\n9,z@x.org\n")  # for POST /ingest/files
        self.tokens: dict[str, str] = {}
        self.actors: dict[str, Any] = {}
        for role in ROLES:
            actor, token = principal(lh, f"p-{role}", role, dataset=["own_ds"])
            self.tokens[role], self.actors[role] = token, actor
        lh.create_view({"name": "own_v", "base_dataset": "own_ds", "columns": ["id"]}, actor=self.actors["writer"])
        lh.create_view({"name": "other_v", "base_dataset": "other_ds", "columns": ["id"]})
        for role in ("reader", "agent"):
            lh.add_grant(f"p-{role}", "view", "own_v")
        lh.vectors.embedders.register("hash", lambda settings: HashEmbedder())
        for ds in ("own_ds", "other_ds"):
            self.index(ds.replace("_ds", "_idx"), ds)
        for profile, view in (("own_p", "own_v"), ("other_p", "other_v")):
            lh.create_profile({"id": profile, "bound": [view], "model": "llama3"})  # the test model server has it
        for role in ("writer", "reader", "agent"):
            lh.add_grant(f"p-{role}", "profile", "own_p")
        lh.create_share("own_s", ["own_v"], actor=self.actors["writer"])
        lh.create_share("other_s", ["other_v"])
        lh.create_recipient("own_r", ["own_s"], actor=self.actors["writer"])
        lh.create_recipient("other_r", ["other_s"])
        self.jobs = {r: lh.wait_job(lh.jobs.submit("noop", self.actors[r], {}, lambda _c: {}).job_id).job_id
                     for r in ROLES}

    def index(self, name: str, ds: str) -> str:
        spec = {"index_name": name, "dataset": ds, "id_column": "id", "text_column": "email", "embedder": "hash"}
        assert self.lh.create_vector_index(spec, wait=True).status == "succeeded"
        return name

    def fresh(self, kind: str, role: str, ds: str) -> str:
        n = next(self.n)
        lh = self.lh
        if kind == "index":
            return self.index(f"ti{n}", ds)
        if kind == "dataset":
            lh.write_table(f"tmp{n}", pa.table({"id": [1]}))
            return f"tmp{n}"
        if kind == "view":
            lh.create_view({"name": f"tv{n}", "base_dataset": "own_ds", "columns": ["id"]}, actor=self.actors[role])
            return f"tv{n}"
        if kind == "profile":
            self.lh.create_profile({"id": f"tp{n}", "bound": ["own_v"]})
            return f"tp{n}"
        if kind in ("share", "recipient"):
            who = self.actors[role]
            if kind == "share":
                return str(lh.create_share(f"ts{n}", ["own_v"], actor=who)["name"])
            lh.create_recipient(f"tr{n}", ["own_s"] if role == "writer" else ["other_s"], actor=who)
            return f"tr{n}"
        if kind == "token":
            return str(lh.create_token(f"victim{n}", "reader")["id"])
        if kind == "grant":
            lh.create_token(f"victim{n}", "reader")
            return str(lh.add_grant(f"victim{n}", "dataset", "own_ds")["id"])
        if kind == "tombstone":
            return str(lh.tombstone(ds, "id", [10_000 + n], "matrix")["ids"][0])
        lh.add_bucket({"name": f"bk{n}", "backend": "local", "root": str(self.tmp / f"bk{n}")})
        return f"bk{n}"

    def request(self, method: str, path: str, role: str, own: bool, allowed: bool) -> tuple[str, dict[str, Any]]:
        ds = "own_ds" if own else "other_ds"
        throwaway = allowed and (method, path) in DESTRUCTIVE
        n = next(self.n)
        values = {"job_id": self.jobs[role] if own else self.jobs["admin" if role != "admin" else "writer"],
                  "token_id": self.fresh("token", role, ds) if throwaway else "nope",
                  "grant_id": self.fresh("grant", role, ds) if throwaway else "999999",
                  "tombstone_id": self.fresh("tombstone", role, ds) if throwaway else "999999",
                  "idx": self.fresh("index", role, ds) if throwaway else ds.replace("_ds", "_idx"), "dataset": ds,
                  "doc_id": "1", "share": "own_s", "schema": "default", "table": "own_v", "ticket": "forged.ticket"}
        values["profile_id"] = (self.fresh("profile", role, ds) if throwaway and method == "DELETE"
                                else "own_p" if own else "other_p")
        if allowed and path.endswith("/deactivate"):
            self.lh.activate_profile(values["profile_id"])
        if path.startswith("/catalog/views/"):
            values["name"] = self.fresh("view", role, ds) if throwaway else ("own_v" if own else "other_v")
        elif path.startswith("/admin/models/"):
            values["name"] = "llama3"  # a model the test model server has
        elif path.startswith(("/sharing/shares/", "/sharing/recipients/")):
            kind = "share" if path.startswith("/sharing/shares/") else "recipient"
            values["name"] = (self.fresh(kind, role, ds) if throwaway
                              else f"{'own' if own else 'other'}_{kind[0] if kind == 'recipient' else 's'}")
        elif path.startswith("/storage/buckets/"):
            values["name"] = self.fresh("bucket", role, ds) if throwaway else "primary2"
        else:
            values["name"] = self.fresh("dataset", role, ds) if throwaway and path == DS else ds
        url = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
        bodies: dict[str, dict[str, Any]] = {
            "/storage/buckets": {"json": {"name": f"nb{n}", "backend": "local", "root": str(self.tmp / f"nb{n}")}},
            "/ingest/file": {"files": {"file": ("t.csv", b"id,email\n9,z@x.org\n")}, "data": {"dataset": ds},
                             "params": {"wait": "true"}},
            "/ingest/files": {"json": {"dataset": ds, "bucket": "primary", "paths": ["matrix.csv"]},
                              "params": {"wait": "true"}},
            "/ingest/arrow": {"content": _arrow_rows(), "params": {"dataset": ds},
                              "headers": {"Content-Type": "application/vnd.apache.arrow.stream"}},
            "/query/sql": {"json": {"sql": f"SELECT count(*) FROM {ds}"}},
            "/auth/tokens": {"json": {"name": f"nt{n}", "role": "reader"}},
            "/auth/grants": {"json": {"principal": "p-reader", "view": f"g{n}"}},
            "/catalog/views": {"json": {"name": f"nv{n}", "base_dataset": ds, "columns": ["id"]}},
            "/governance/erase": {"json": {"value": "nobody@x.org", "kind": "email"}},
            **{route: {"json": {"dsn": source.split("|")[0], "table": source.split("|")[1], "dataset": ds},
                       "params": {"wait": "true"}} for route, source in self.db_sources.items()},
            "metadata": {"json": {"description": "d"}}, "restore": {"json": {"version": 0}},
            "optimize": {"json": {"vacuum": False}}, "purge": {"params": {"wait": "true"}},
            "tombstone": {"json": {"row_key_column": "id", "row_key_values": [20_000 + n], "reason": "m"}},
            f"{VX}/index": {"json": {"index_name": f"ni{n}", "dataset": ds, "id_column": "id",
                                     "text_column": "email", "embedder": "hash"}, "params": {"wait": "true"}},
            "/catalog/profiles": {"json": {"id": f"np{n}", "bound": ["own_ds"]}},
            "search": {"json": {"query": "a@x.org", "k": 1}}, "eval": {"json": {"sample": 2, "k": 1}},
            "autotune": {"json": {"m": [8], "ef_construction": [40], "ef_search": [10]}, "params": {"wait": "true"}},
            "champion": {"json": {"m": 8, "ef_construction": 40, "ef_search": 10}},
            "refresh": {"params": {"wait": "true"}}, "indexes": {"json": {"query_log": True}},
            "append": {"json": {"rows": [{"id": 40_000 + n, "email": f"n{n}@x.org"}]}},
            "ann": {"json": {"m": 8, "ef_construction": 40}, "params": {"wait": "true"}},
            "migrate": {"json": {"backend": "lance"}, "params": {"wait": "true"}},
            "/sharing/shares": {"json": {"name": f"ns{n}", "objects": ["own_v" if own else "other_v"]}},
            "/sharing/recipients": {"json": {"name": f"nr{n}", "shares": ["own_s" if own else "other_s"]}},
            "query": {"json": {}},
        }
        tail = path.rsplit("/", 2)[-2] if path.endswith("}") and path.startswith(VX) else path.rsplit("/", 1)[-1]
        kwargs = bodies.get(path) or bodies.get(tail, {}) if method in ("POST", "PATCH") else {}
        return url, dict(kwargs)


def _arrow_rows() -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    table = pa.table({"id": [30_000], "email": ["arrow@x.org"]})
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def test_access_matrix_from_openapi(token_client, tmp_path: Path, db_sources) -> None:  # type: ignore[no-untyped-def]
    lh, client = token_client
    world = World(lh, lh.settings.data_dir / "matrix", db_sources)  # bucket roots must lie under the data dir
    spec = client.get("/openapi.json").json()
    sent: set[str] = set()
    checked = 0
    for path, operations in spec["paths"].items():
        for method in (m.upper() for m in operations):
            rule = RULES.get((method, path))
            if rule is None:
                assert path.startswith(OTHERS_WORK), f"route without an access rule: {method} {path}"
                continue
            for role, own in itertools.product(ROLES, (True, False)):
                want = expected(rule, role, own)
                url, kwargs = world.request(method, path, role, own, want == "ok")
                request_id = uuid.uuid4().hex[:16]
                headers = {"Authorization": f"Bearer {world.tokens[role]}", "x-request-id": request_id,
                           **kwargs.pop("headers", {})}
                response = client.request(method, url, headers=headers, **kwargs)
                got = "ok" if response.status_code < 300 or (rule == "job" and response.status_code == 409) \
                    else str(response.status_code)
                assert got == want, f"{method} {url} as {role} ({'own' if own else 'other'}): {response.text}"
                sent.add(request_id)
                checked += 1
    assert checked >= 400  # every route x 4 roles x own/other
    assert client.get("/catalog/datasets").status_code == 401
    assert client.get("/catalog/datasets", headers={"Authorization": "Bearer lh_wrong"}).status_code == 401
    audited = {r["request_id"] for r in lh.audit_events(limit=1_000_000)}
    assert sent <= audited, f"{len(sent - audited)} calls missing from the audit"
