"""Tokens: shown once, stored hashed, optional expiry, revocable; the role table on library calls."""

from __future__ import annotations

import pyarrow as pa
import pytest
from sqlalchemy import select

from lakehouse.app import Lakehouse
from lakehouse.catalog.models_governance import TokenRow
from lakehouse.errors import Forbidden, NotFound, QueryError, Unauthorized
from tests.governance.conftest import principal


def test_token_is_stored_hashed_expires_and_revokes(gov: Lakehouse) -> None:
    created = gov.create_token("ana", "reader", expires_in_days=1)
    with gov.catalog.sessions() as session:
        stored = [r.token_hash for r in session.scalars(select(TokenRow))]
    assert created["token"] not in stored and len(stored) == 1
    assert gov.authenticate(created["token"]).name == "ana"
    assert all("token" not in t for t in gov.list_tokens())
    gov.revoke_token(created["id"])
    with pytest.raises(Unauthorized):
        gov.authenticate(created["token"])
    with pytest.raises(Unauthorized):
        gov.authenticate("lh_not-a-token")
    expired = gov.create_token("ana", "reader", expires_in_days=1e-9)["token"]
    with pytest.raises(Unauthorized, match="expired"):
        gov.authenticate(expired)


def test_role_table_on_library_calls(gov: Lakehouse) -> None:
    gov.write_table("mine", pa.table({"id": [1, 2]}))
    gov.write_table("theirs", pa.table({"id": [3]}))
    writer, _ = principal(gov, "wendy", "writer", dataset=["mine", "fresh"])
    reader, _ = principal(gov, "rob", "reader", dataset=["mine"])
    agent, _ = principal(gov, "ada", "agent", dataset=["mine"])
    assert [m.name for m in gov.list_datasets(reader)] == ["mine"]
    assert gov.list_datasets(agent) == []
    with pytest.raises(NotFound):
        gov.get_dataset("theirs", reader)
    with pytest.raises(NotFound):
        gov.get_dataset("mine", agent)  # agents never see raw datasets, even granted
    gov.write_table("mine", pa.table({"id": [4]}), actor=writer)
    gov.write_table("fresh", pa.table({"id": [4]}), actor=writer)  # a granted name may be created
    with pytest.raises(Forbidden):
        gov.write_table("mine", pa.table({"id": [5]}), actor=reader)
    with pytest.raises(NotFound):
        gov.write_table("theirs", pa.table({"id": [5]}), actor=writer)
    with pytest.raises(Forbidden):
        gov.write_table("brand_new", pa.table({"id": [5]}), actor=writer)
    with pytest.raises(Forbidden):
        gov.tombstone("mine", "id", [1], actor=writer)
    with pytest.raises(Forbidden):
        gov.create_token("x", "admin", actor=writer)
    assert gov.sql("SELECT count(*) AS n FROM mine", actor=reader).table.to_pylist() == [{"n": 3}]
    for sql in ("SELECT * FROM theirs", "SELECT * FROM __raw__mine"):
        with pytest.raises(QueryError):
            gov.sql(sql, actor=reader)
    with pytest.raises(QueryError):
        gov.sql("SELECT * FROM mine", actor=agent)
    with pytest.raises(QueryError):
        gov.sql("SELECT count(*) FROM system.audit", actor=reader)
    assert gov.sql("SELECT count(*) AS n FROM system.audit").table.column("n")[0].as_py() > 0
