"""``datasets list`` is what the caller can query: a view-only reader sees its views (marked as views), never
the base dataset; an admin sees both."""

from __future__ import annotations

import pyarrow as pa

from lakehouse.app import Lakehouse
from tests.governance.conftest import principal


def test_a_view_only_reader_lists_its_views(gov: Lakehouse) -> None:
    gov.write_table("people", pa.table({"id": [1, 2], "email": ["a@x.io", "b@x.io"], "age": [31, 45]}))
    gov.create_view({"name": "people_safe", "base_dataset": "people", "columns": ["id", "email"],
                     "column_redactions": {"email": {"kind": "hash"}}})
    reader, _ = principal(gov, "rita", "reader", view=["people_safe"])
    listed = gov.list_datasets(actor=reader)
    assert [(m.name, m.kind, m.view_of) for m in listed] == [("people_safe", "view", "people")]
    columns = {c.name: c for c in listed[0].columns}
    assert set(columns) == {"id", "email"}  # never the base's other columns
    assert columns["email"].redaction == "hash" and columns["email"].pii_kind is None
    assert columns["id"].type == "int64" and listed[0].row_count is None
    admin = {m.name: m.kind for m in gov.list_datasets()}
    assert admin == {"people": "dataset", "people_safe": "view"}
    outsider, _ = principal(gov, "olga", "reader")
    assert gov.list_datasets(actor=outsider) == []
