"""Source column types -> Arrow types a Delta table stores, exactly (see docs/connectors.md).

Each source column gets a ``ColumnPlan``: the stored Arrow type, whether the server casts it to text
first (types Delta cannot hold: time, interval, uuid, unknown), and how a batch column is converted.
Conversions are checked casts: a value that does not fit fails the run naming the column, it is never
rounded or dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.errors import InvalidInput, SchemaConflict

Convert = Literal["none", "decimal", "bool01", "utc", "text"]
MAX_DECIMAL_DIGITS = 38  # Delta's decimal cap


@dataclass(frozen=True)
class ColumnPlan:
    source_name: str
    name: str  # the dataset column name (normalised)
    source_type: str  # kept in the catalog, e.g. numeric(12,2), tinyint(1), timestamptz
    arrow_type: pa.DataType
    text_cast: bool = False  # the server sends the value as text
    convert: Convert = "none"
    note: str | None = None  # a fallback the job reports
    driver: pa.DataType | None = None  # what the driver sends, when known before the stream


def decimal_or_text(
    source_type: str, precision: int | None, scale: int | None
) -> tuple[pa.DataType, Convert, str | None]:
    """decimal(p, s) when it fits Delta; otherwise an exact string (never a float)."""
    if precision is not None and scale is not None and 0 < precision <= MAX_DECIMAL_DIGITS and 0 <= scale <= precision:
        return pa.decimal128(precision, scale), "decimal", None
    return pa.string(), "text", (
        f"{source_type} has no precision that fits decimal(38): kept as an exact decimal string"
    )


def _plain(t: pa.DataType) -> bool:
    """Arrow types a Delta table stores as they are."""
    checks = (pa.types.is_integer, pa.types.is_floating, pa.types.is_boolean, pa.types.is_string,
              pa.types.is_large_string, pa.types.is_binary, pa.types.is_large_binary, pa.types.is_date32,
              pa.types.is_timestamp)
    return any(check(t) for check in checks)


def postgres_plan(source_name: str, name: str, typname: str, typmod: int, driver: pa.DataType) -> ColumnPlan:
    """Plan one PostgreSQL column from the driver's Arrow type and the type's name and modifier."""
    storage = driver.storage_type if isinstance(driver, pa.ExtensionType) else driver
    if typname == "numeric":
        p = ((typmod - 4) >> 16) & 0xFFFF if typmod >= 4 else None
        s = (typmod - 4) & 0xFFFF if typmod >= 4 else None
        label = f"numeric({p},{s})" if p is not None else "numeric"
        arrow, convert, note = decimal_or_text(label, p, s)
        # ::text on the server: cheaper on both ends than the driver's binary numeric -> string decoding
        return ColumnPlan(source_name, name, label, arrow, True, convert, note)
    if typname in ("json", "jsonb"):
        return ColumnPlan(source_name, name, typname, pa.string(), convert="text")
    if typname in ("time", "timetz", "interval", "uuid"):
        note = {"time": "time kept as ISO-8601 string (HH:MM:SS[.ffffff])",
                "timetz": "time with time zone kept as ISO-8601 string",
                "interval": "interval kept as ISO-8601 duration string (e.g. P1DT2H)",
                "uuid": None}[typname]
        return ColumnPlan(source_name, name, typname, pa.string(), True, "text", note)
    if typname == "timestamptz":
        return ColumnPlan(source_name, name, typname, pa.timestamp("us", tz="UTC"), convert="utc")
    if typname.startswith("_"):
        label = typname[1:] + "[]"
        if (pa.types.is_list(storage) or pa.types.is_large_list(storage)) and _plain(storage.value_type) and not (
            isinstance(storage.value_type, pa.ExtensionType)
        ):
            return ColumnPlan(source_name, name, label, pa.list_(storage.value_type))
        return ColumnPlan(source_name, name, label, pa.string(), True, "text",
                          f"array {label} kept as PostgreSQL array text")
    if not isinstance(driver, pa.ExtensionType) and _plain(driver):
        return ColumnPlan(source_name, name, typname, driver)
    return ColumnPlan(source_name, name, typname, pa.string(), True, "text",
                      f"unsupported type {typname}: cast to text")


def convert_column(column: pa.Array, plan: ColumnPlan) -> pa.Array:
    """One batch column -> the planned type; a value that does not fit raises, naming the column."""
    if isinstance(column.type, pa.ExtensionType):
        column = column.storage  # type: ignore[attr-defined]
    try:
        if plan.convert == "bool01":
            # min/max, not a comparison with the Python literals 0 and 1: converting those imports pandas
            # (pyarrow asks whether they are pandas objects), 0.25 s of an ingest's CPU
            low, high = (v.as_py() for v in pc.min_max(column).values())
            if low is not None and (low < 0 or high > 1):
                raise InvalidInput(
                    f"Column '{plan.source_name}' is {plan.source_type} (read as boolean) but holds values "
                    "other than 0 and 1; nothing was committed.",
                    hint="Ingest it through a query that casts the column, e.g. CAST(col AS SIGNED).")
        if column.type.equals(plan.arrow_type):
            return column
        if plan.convert == "utc" and pa.types.is_timestamp(column.type) and column.type.tz is None:
            column = column.cast(pa.timestamp(column.type.unit, tz="UTC"))
        return pc.cast(column, plan.arrow_type, safe=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
        first = (str(exc).splitlines() or [""])[0][:200]
        raise InvalidInput(
            f"Column '{plan.source_name}' ({plan.source_type}) holds a value that is not a {plan.arrow_type}: "
            f"{first}. Nothing was committed.",
            hint="Ingest it through a query that casts the column to text.",
        ) from None


class BatchConverter:
    """Renames and converts driver batches; a column whose driver type changes mid-stream fails the run."""

    def __init__(self, plans: Sequence[ColumnPlan]):
        self.plans = list(plans)
        self.schema = pa.schema([pa.field(p.name, p.arrow_type) for p in self.plans])
        self._driver: list[pa.DataType | None] = [p.driver for p in self.plans]

    def __call__(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        if batch.num_columns != len(self.plans):
            raise SchemaConflict(
                f"The source now returns {batch.num_columns} columns instead of {len(self.plans)}; "
                "nothing was committed.", hint="Run the ingest again to pick up the new shape.")
        arrays = []
        for i, plan in enumerate(self.plans):
            column = batch.column(i)
            seen = self._driver[i]
            if seen is None:
                self._driver[i] = column.type
            elif not _same(seen, column.type) and not pa.types.is_null(column.type):
                raise SchemaConflict(
                    f"Column '{plan.source_name}' changed type mid-stream ({seen} -> {column.type}); "
                    "nothing was committed.", hint="Run the ingest again once the source schema is stable.")
            arrays.append(convert_column(column, plan))
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)


def _same(a: pa.DataType, b: pa.DataType) -> bool:
    def strip(t: pa.DataType) -> pa.DataType:
        return t.storage_type if isinstance(t, pa.ExtensionType) else t

    return bool(strip(a).equals(strip(b)))
