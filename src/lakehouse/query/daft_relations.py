"""The relations of a ``QuerySpec`` as Daft DataFrames: exactly what query/engine.py registers on DataFusion.

- a table is its Delta table at the pinned version (``daft.read_deltalake``; S3 buckets get an ``IOConfig``
  from the bucket's storage options);
- a dataset with tombstones (``ErasedTable``) is its table anti-joined against the tombstone key set, whole:
  the tombstone-free file copies DataFusion reads are a speed-up only, the anti-join alone gives the same
  rows (a row whose key is null has no match and stays, as in DataFusion's ``LEFT ANTI JOIN``);
- a governed view is its base relation filtered by the view's row filter (raw values; the filter is the
  checked SQL predicate, written for Daft by sqlglot), then its column list with each redaction built by
  query/daft_masks.py, so the caller's statement sees masked values in predicates and joins too;
- any other view is its SQL run by Daft over the relations registered before it.

Nothing is skipped: a part Daft cannot express fails the statement (the engine turns it into a 400).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lakehouse.query.erased import ErasedTable
from lakehouse.query.spec import GovernedView, QuerySpec, TableRegistration

if TYPE_CHECKING:
    from daft import DataFrame
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
    """``base`` where the filter holds, planned by Daft's SQL in a session of its own (``daft.sql_expr`` keeps
    the quotes of a quoted column name as part of the name)."""
    from daft.session import Session

    sess = Session()
    sess.attach_view(base, "base")
    rows = sess.sql(f"SELECT * FROM base WHERE ({daft_sql(row_filter)})")  # noqa: S608 - a checked filter
    if rows is None:
        raise ValueError("a row filter planned to no relation")
    return rows


def daft_sql(predicate: str) -> str:
    """A checked row filter (governance/rowfilter.py renders it for PostgreSQL) in the dialect Daft reads:
    ``SUBSTRING(x FROM 1 FOR 3)`` becomes ``SUBSTRING(x, 1, 3)``."""
    import sqlglot

    return sqlglot.transpile(predicate, read="postgres", write="duckdb")[0]


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
