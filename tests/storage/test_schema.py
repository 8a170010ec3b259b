from __future__ import annotations

import pyarrow as pa
import pytest

from lakehouse.errors import InvalidInput, SchemaConflict
from lakehouse.storage.delta import check_append_schema, to_delta_schema

TABLE = pa.schema(
    [
        pa.field("id", pa.int64(), nullable=False),
        pa.field("name", pa.string()),
        pa.field("amount", pa.float64()),
        pa.field("price", pa.decimal128(10, 2)),
        pa.field("tags", pa.list_(pa.field("element", pa.string()))),
    ]
)


def test_identical_schema_is_unchanged() -> None:
    assert check_append_schema(TABLE, TABLE).equals(TABLE)


def test_representation_only_differences_are_equal() -> None:
    incoming = pa.schema(
        [
            ("id", pa.int64()),
            ("name", pa.large_string()),
            ("amount", pa.float64()),
            ("price", pa.decimal128(10, 2)),
            ("tags", pa.list_(pa.string())),
        ]
    )
    assert check_append_schema(TABLE, incoming).equals(TABLE)


@pytest.mark.parametrize(
    "column, incoming_type",
    [
        ("id", pa.int32()),
        ("id", pa.int8()),
        ("id", pa.uint16()),  # becomes int32, then widens
        ("amount", pa.float32()),
        ("amount", pa.int32()),
        ("price", pa.decimal128(5, 1)),
        ("name", pa.null()),
        ("name", pa.dictionary(pa.int32(), pa.string())),
    ],
)
def test_exact_widenings_are_accepted(column: str, incoming_type: pa.DataType) -> None:
    incoming = pa.schema([pa.field(column, incoming_type)] + [f for f in TABLE if f.name != column])
    assert check_append_schema(TABLE, incoming).equals(TABLE)


def test_new_columns_are_appended_nullable_and_missing_nullable_ones_are_fine() -> None:
    incoming = pa.schema(
        [("id", pa.int64()), ("email", pa.string()), pa.field("n", pa.int32(), nullable=False)]
    )
    merged = check_append_schema(TABLE, incoming)
    assert merged.names == [*TABLE.names, "email", "n"]
    assert merged.field("email").nullable and merged.field("n").nullable
    assert merged.field("id").nullable is False


def test_null_typed_table_column_takes_the_incoming_type() -> None:
    table = pa.schema([("id", pa.int64()), ("later", pa.null())])
    merged = check_append_schema(table, pa.schema([("id", pa.int64()), ("later", pa.string())]))
    assert merged.field("later").type == pa.string()


def test_every_conflict_is_named_in_one_error() -> None:
    incoming = pa.schema(
        [
            ("name", pa.int64()),  # changed type
            ("amount", pa.int64()),  # int64 -> float64 is lossy
            ("price", pa.decimal128(20, 2)),  # does not fit decimal(10, 2)
            ("Email", pa.string()),
            ("tags", pa.string()),
        ]
    )
    table = TABLE.append(pa.field("email", pa.string()))
    with pytest.raises(SchemaConflict) as err:
        check_append_schema(table, incoming)
    e = err.value
    assert e.http_status == 409
    named = {c["column"] for c in e.details["conflicts"]}
    assert named == {"name", "amount", "price", "Email", "tags", "id"}
    for column in named:
        assert f"'{column}'" in e.message
    assert "NOT NULL" in e.message  # id is missing
    assert "only in case" in e.message


def test_narrowing_is_a_conflict() -> None:
    table = pa.schema([("n", pa.int32())])
    with pytest.raises(SchemaConflict, match="'n' is int32 in the table but int64 in the data"):
        check_append_schema(table, pa.schema([("n", pa.int64())]))


def test_null_into_not_null_is_a_conflict() -> None:
    with pytest.raises(SchemaConflict, match="'id'"):
        check_append_schema(TABLE, pa.schema([("id", pa.null())]))


def test_to_delta_schema_maps_and_refuses() -> None:
    mapped = to_delta_schema(
        pa.schema(
            [
                ("u8", pa.uint8()),
                ("u64", pa.uint64()),
                ("ts", pa.timestamp("ns", tz="Europe/Paris")),
                ("naive", pa.timestamp("s")),
                ("d", pa.date64()),
                ("dict", pa.dictionary(pa.int8(), pa.string())),
                ("nested", pa.struct([("x", pa.uint32()), ("y", pa.list_(pa.float16()))])),
            ]
        )
    )
    assert mapped.field("u8").type == pa.int16()
    assert mapped.field("u64").type == pa.decimal128(20, 0)
    assert mapped.field("ts").type == pa.timestamp("us", tz="UTC")
    assert mapped.field("naive").type == pa.timestamp("us")
    assert mapped.field("d").type == pa.date32()
    assert mapped.field("dict").type == pa.string()
    assert mapped.field("nested").type == pa.struct([("x", pa.int64()), ("y", pa.list_(pa.float32()))])
    with pytest.raises(InvalidInput) as err:
        to_delta_schema(pa.schema([("t", pa.time64("us")), ("ok", pa.int64()), ("dur", pa.duration("s"))]))
    assert "'t'" in err.value.message and "'dur'" in err.value.message and "'ok'" not in err.value.message
    with pytest.raises(InvalidInput, match="Duplicate"):
        to_delta_schema(pa.schema([("A", pa.int64()), ("a", pa.int64())]))
