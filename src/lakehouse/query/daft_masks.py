"""A view's redactions as Daft expressions that return what governance/redaction.py's SQL returns on DataFusion.

``null``, ``mask``, ``bucket`` and ``entities`` are Daft's own expressions (``entities`` runs the same
patterns: both engines use Rust's ``regex`` crate). ``hash`` is HMAC-SHA256 over the value's text, computed
in a batch function. The text of a value is Daft's cast for strings, integers and booleans, where it equals
DataFusion's; for any other type (floats, decimals, dates, timestamps) it is DataFusion's own cast, run on the
batch, because Daft writes some of them differently (a date as ``2020-1-2``) and a hashed id must join with
the same id hashed by the other engine.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from lakehouse.governance.entities import TOKENS, passes
from lakehouse.governance.redaction import Redaction, is_integer

if TYPE_CHECKING:
    from daft import Expression, Series

_NATIVE_TEXT = ("string", "large_string", "utf8", "large_utf8", "bool")


def redacted(column: str, arrow_type: str, redaction: Redaction, dtype: Any, secret: bytes) -> Expression:
    """The expression that replaces ``column`` in the view, aliased back to its name."""
    from daft import DataType, col, lit
    from daft import functions as F

    value = col(column)
    if redaction.kind == "null":
        expr = lit(None).cast(dtype)
    elif redaction.kind == "hash":
        digest = _hmac(secret)(_text(value, arrow_type))
        expr = F.when(value.is_null(), lit(None).cast(DataType.string())).otherwise(digest)
    elif redaction.kind == "mask":
        text = _text(value, arrow_type)
        n = F.length(text).cast(DataType.int64())
        keep = redaction.keep_prefix + redaction.keep_suffix
        stars = F.repeat(lit("*"), (n - keep).clip(lit(0), None))
        middle = F.concat(F.concat(F.left(text, redaction.keep_prefix), stars), F.right(text, redaction.keep_suffix))
        expr = (F.when(value.is_null(), lit(None).cast(DataType.string()))
                .when(n <= lit(keep), F.repeat(lit("*"), n)).otherwise(middle))
    elif redaction.kind == "entities":
        expr = value
        for kind, regex in passes(redaction.kinds):
            expr = F.regexp_replace(expr, regex, TOKENS[kind])
    else:
        width = redaction.width or 1
        if is_integer(arrow_type):
            w = int(width)
            expr = value - ((value % lit(w)) + w) % lit(w)
        else:
            expr = F.floor(value / width) * width
    return expr.alias(column)


def _text(value: Expression, arrow_type: str) -> Expression:
    from daft import DataType

    if arrow_type.lower() in _NATIVE_TEXT or is_integer(arrow_type):
        return value.cast(DataType.string())
    return _datafusion_text(value)


def _datafusion_text(value: Expression) -> Expression:
    import daft
    from daft import DataType

    @daft.func.batch(return_dtype=DataType.string(), use_process=False)
    def as_text(values: Series) -> pa.Array:
        from datafusion import SessionContext, col

        frame = SessionContext().from_arrow(pa.table({"v": values.to_arrow()}))
        return frame.select(col("v").cast(pa.string()).alias("v")).to_arrow_table().column("v").combine_chunks()

    return as_text(value)


def _hmac(secret: bytes) -> Any:
    import daft
    from daft import DataType

    @daft.func.batch(return_dtype=DataType.string(), use_process=False)
    def hmac_hex(texts: Series) -> pa.Array:
        digest = hashlib.sha256
        return pa.array([None if t is None else hmac.new(secret, t.encode(), digest).hexdigest()
                         for t in texts.to_pylist()], pa.string())

    return hmac_hex
