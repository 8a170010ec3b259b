"""Masks: a reader never gets a redacted cleartext value, and masked columns behave exactly like an
independently materialised masked copy (pyarrow compute + hmac on the raw data, not the view code)."""

from __future__ import annotations

import hashlib
import hmac

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from lakehouse.app import Lakehouse
from lakehouse.errors import InvalidInput
from tests.governance.conftest import open_lakehouse, principal

WORDS = st.text(alphabet="abcdefghijklmnop@.", min_size=1, max_size=12)


def _masked_copy(raw: pa.Table, secret: bytes) -> pa.Table:
    def mask(value: str | None, p: int, s: int) -> str | None:
        if value is None:
            return None
        n = len(value)
        return "*" * n if n <= p + s else value[:p] + "*" * (n - p - s) + (value[n - s:] if s else "")

    emails = raw.column("email").to_pylist()
    ids = raw.column("id").to_pylist()
    return pa.table({
        "id": [hmac.new(secret, str(i).encode(), hashlib.sha256).hexdigest() for i in ids],
        "email": [mask(e, 2, 3) for e in emails],
        "age": pc.multiply(pc.floor(pc.divide(pc.cast(raw.column("age"), pa.float64()), 10)), 10).cast(pa.int64()),
        "city": raw.column("city"),
    })


def _raw(n: int = 300) -> pa.Table:
    return pa.table({"id": list(range(n)), "email": [f"user{i % 37}@mail{i % 5}.org" for i in range(n)],
                     "age": [(i * 7) % 90 for i in range(n)], "city": [f"c{i % 4}" for i in range(n)],
                     "ssn": [f"{i:03d}-55-{i:04d}" for i in range(n)]})


def test_masking_matches_an_independent_copy(gov: Lakehouse) -> None:
    raw = _raw()
    gov.write_table("people", raw)
    gov.write_table("expected", _masked_copy(raw, gov.governance.secret))
    gov.write_table("other", pa.table({"id": list(range(0, 300, 3)), "tag": ["x"] * 100}))
    gov.write_table("other_expected", pa.table({"id": [hmac.new(gov.governance.secret, str(i).encode(),
                                                                 hashlib.sha256).hexdigest() for i in range(0, 300, 3)],
                                                "tag": ["x"] * 100}))
    red = {"id": {"kind": "hash"}, "email": {"kind": "mask", "keep_prefix": 2, "keep_suffix": 3},
           "age": {"kind": "bucket", "width": 10}}
    gov.create_view({"name": "pv", "base_dataset": "people", "columns": ["id", "email", "age", "city"],
                     "column_redactions": red})
    gov.create_view({"name": "ov", "base_dataset": "other", "columns": ["id", "tag"],
                     "column_redactions": {"id": {"kind": "hash"}}})
    reader, _ = principal(gov, "r", "reader", view=["pv", "ov"], dataset=["expected", "other_expected"])
    queries = [
        "SELECT * FROM {v} ORDER BY id",
        "SELECT count(*) FROM {v} WHERE email = 'us*********org'",
        "SELECT count(*) FROM {v} WHERE age >= 40 AND age < 60",
        "SELECT count(*) FROM {v} WHERE age > 45",
        "SELECT count(*) FROM {v} WHERE email LIKE 'us%.org'",
        "SELECT age, count(*) AS n FROM {v} GROUP BY age ORDER BY age",
        "SELECT email, count(*) AS n FROM {v} GROUP BY email ORDER BY email",
        "SELECT city, max(age) AS m FROM {v} GROUP BY city ORDER BY city",
        "SELECT count(*) FROM {v} a JOIN {o} b ON a.id = b.id",
    ]
    for lo, hi in ((0, 90), (0, 45), (45, 90), (30, 40)):  # range bisection on a bucketed column
        queries.append(f"SELECT count(*) FROM {{v}} WHERE age BETWEEN {lo} AND {hi}")
    for q in queries:
        got = gov.sql(q.format(v="pv", o="ov"), actor=reader).table.to_pylist()
        want = gov.sql(q.format(v="expected", o="other_expected"), actor=reader).table.to_pylist()
        assert [list(r.values()) for r in got] == [list(r.values()) for r in want], q


@settings(max_examples=8, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(values=st.lists(WORDS, min_size=1, max_size=20), kind=st.sampled_from(["null", "hash", "mask"]),
       prefix=st.integers(0, 3), suffix=st.integers(0, 3))
def test_reader_never_sees_a_redacted_cleartext(tmp_path_factory, values, kind, prefix, suffix) -> None:  # type: ignore[no-untyped-def]
    lh = open_lakehouse(tmp_path_factory.mktemp("red") / "data")
    try:
        lh.write_table("d", pa.table({"n": list(range(len(values))), "secret": values}))
        rule = {"kind": kind, "keep_prefix": prefix, "keep_suffix": suffix} if kind == "mask" else {"kind": kind}
        lh.create_view({"name": "v", "base_dataset": "d", "columns": ["n", "secret"], "row_filter": "n >= 0",
                        "column_redactions": {"secret": rule}})
        agent, _ = principal(lh, "bot", "agent", view=["v"], dataset=["d"])
        for sql in ("SELECT * FROM v", "SELECT secret FROM v GROUP BY secret", "SELECT max(secret) FROM v",
                    "SELECT lower(secret) || '' FROM v", "SELECT * FROM v WHERE secret IS NOT NULL"):
            # compare cells, not the JSON text: a short value may equal a column name such as "n"
            cells = {cell for row in lh.sql(sql, actor=agent).table.to_pylist() for cell in row.values()}
            for value in values:
                if kind != "mask" or len(value) > prefix + suffix or "*" * len(value) != value:
                    assert value not in cells, (sql, value)
        for sql in ("SELECT * FROM d", "SELECT * FROM __raw__d"):
            with pytest.raises(Exception, match="not found"):
                lh.sql(sql, actor=agent)
    finally:
        lh.close()


def test_view_validation_is_422(gov: Lakehouse) -> None:
    gov.write_table("d", pa.table({"n": [1], "s": ["x"]}))
    bad = [{"columns": ["zzz"]}, {"columns": ["n"], "column_redactions": {"s": {"kind": "null"}}},
           {"columns": ["s"], "column_redactions": {"s": {"kind": "bucket", "width": 5}}},
           {"columns": ["n"], "row_filter": "n > (SELECT 1)"}, {"columns": ["n"], "row_filter": "s + 1 = 'x'"}]
    for extra in bad:
        with pytest.raises(InvalidInput):
            gov.create_view({"name": "v", "base_dataset": "d", **extra})
    assert gov.list_views() == []
