"""The relations of a ``QuerySpec`` as Daft DataFrames: exactly what query/engine.py registers on DataFusion.

- a table is its Delta table at the pinned version (``daft.read_deltalake``; S3 buckets get an ``IOConfig``
  from the bucket's storage options);
- a dataset with tombstones (``ErasedTable``) is its table anti-joined against the tombstone key set, whole:
  the tombstone-free file copies DataFusion reads are a speed-up only, the anti-join alone gives the same
  rows (a row whose key is null has no match and stays, as in DataFusion's ``LEFT ANTI JOIN``);
- a governed view is its base relation filtered by the view's row filter (raw values; the checked SQL
  predicate, evaluated by DataFusion on each batch so that it keeps exactly the same rows), then its column
  list with each redaction built by query/daft_masks.py, so the caller's statement sees masked values in
  predicates and joins too;
- any other view is its SQL run by Daft over the relations registered before it.

Nothing is skipped: a part Daft cannot express fails the statement (the engine turns it into a 400).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from lakehouse.query.erased import ErasedTable
from lakehouse.query.spec import GovernedView, QuerySpec, TableRegistration

if TYPE_CHECKING:
    from daft import DataFrame, Series
    from daft.io import IOConfig
    from daft.session import Session


def session(spec: QuerySpec) -> Session:
    """A fresh Daft session in which exactly the spec's tables and views resolve by name."""
    from daft.session import Session

    sess = Session()
    frames: dict[str, DataFrame] = {}
    for table in spec.tables:
        frames[table.name] = _table(table)
        sess.attach_view(frames[table.name], table.name)
    for view in spec.views:
        if isinstance(view, GovernedView) and view.base in frames:
            frame = governed(frames[view.base], view, spec.secret)
        else:
            planned = sess.sql(view.sql)
            if planned is None:
                raise ValueError(f"view {view.name} is not a query")
            frame = planned
        frames[view.name] = frame
        sess.attach_view(frame, view.name)
    return sess


def governed(base: DataFrame, view: GovernedView, secret: bytes) -> DataFrame:
    from daft import col

    from lakehouse.query.daft_masks import redacted

    rows = _filtered(base, view.row_filter) if view.row_filter else base
    masks = {column: (arrow_type, redaction) for column, arrow_type, redaction in view.redactions}
    if set(view.masked) - set(masks):
        raise ValueError(f"view {view.name} names masks without their redactions")
    schema = rows.schema()
    items = [redacted(c, *masks[c], schema[c].dtype, secret) if c in masks else col(c) for c in view.columns]
    return rows.select(*items)


def _filtered(base: DataFrame, row_filter: str) -> DataFrame:
    """``base`` where the filter holds, decided by DataFusion on each batch Daft reads.

    A row filter is where governance draws the line, so it must keep exactly the rows it keeps on DataFusion,
    and Daft's SQL reads some of its constructs differently: ``age / 10`` divides integers as floats there,
    ``TRIM`` does not exist. Evaluating the very same predicate with DataFusion, on the batch's columns that it
    names, gives the same rows by construction (NULL and NaN included: a row is kept only where the filter is
    TRUE). Daft cannot push this predicate into the scan; the caller's own predicates still are pushed."""
    import daft
    import sqlglot
    from daft import DataType, col
    from sqlglot import exp

    names = sorted({c.name for c in sqlglot.parse_one(row_filter, read="postgres").find_all(exp.Column)})
    fields = names or base.column_names[:1]  # a filter on no column still needs the batch's length

    @daft.func.batch(return_dtype=DataType.bool(), use_process=False)
    def holds(rows: Series) -> pa.Array:
        from datafusion import SessionContext, SQLOptions

        batch = pa.Table.from_struct_array(rows.to_arrow())
        if not batch.num_rows:
            return pa.array([], pa.bool_())
        ctx = SessionContext()
        ctx.register_record_batches("rows", [batch.to_batches()])
        options = SQLOptions().with_allow_ddl(False).with_allow_dml(False).with_allow_statements(False)
        verdict = ctx.sql_with_options(f"SELECT ({row_filter}) IS TRUE AS ok FROM rows", options)  # noqa: S608
        return verdict.to_arrow_table().column("ok").combine_chunks()

    return base.where(holds(daft.functions.to_struct(*(col(n) for n in fields))))


def _table(reg: TableRegistration) -> DataFrame:
    import daft

    frame = daft.read_deltalake(reg.uri, version=reg.version, io_config=io_config(reg.storage_options))
    if isinstance(reg, ErasedTable):
        keys = daft.read_deltalake(reg.keys.uri, version=reg.keys.version,
                                   io_config=io_config(reg.keys.storage_options))
        frame = frame.join(keys, left_on=reg.key_column, right_on="k", how="anti")
    return frame


def io_config(options: dict[str, str]) -> IOConfig | None:
    """Daft's view of a bucket's storage options (storage/buckets.py writes them for delta-rs)."""
    if not options:
        return None
    from daft.io import IOConfig, S3Config

    opts = {k.lower(): v for k, v in options.items()}

    def pick(*names: str) -> str | None:
        return next((opts[n] for n in names if opts.get(n)), None)

    endpoint = pick("aws_endpoint_url", "aws_endpoint", "endpoint_url", "endpoint")
    s3: dict[str, Any] = {
        "region_name": pick("aws_region", "region", "aws_default_region"),
        "endpoint_url": endpoint,
        "key_id": pick("aws_access_key_id", "access_key_id"),
        "access_key": pick("aws_secret_access_key", "secret_access_key"),
        "session_token": pick("aws_session_token", "session_token", "aws_token", "token"),
        "use_ssl": not (endpoint or "").startswith("http://"),
        "force_virtual_addressing": False,
        "connect_timeout_ms": 5000,
    }
    return IOConfig(s3=S3Config(**{k: v for k, v in s3.items() if v is not None}))
