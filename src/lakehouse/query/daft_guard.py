"""What a statement must pass before Daft runs it, and Daft's failures in the user's words.

DataFusion's sandbox is the engine itself (``sql_with_options`` refuses DDL, DML and statements; no URL
tables). Daft's SQL has no such switch and its functions reach outside the query: ``url_download('file:///
etc/passwd')`` reads any file the worker can, ``read_parquet(...)`` any path. So here the check is the
boundary: the statement must parse (sqlglot, as query/guard.py reads it), pass query/guard.py's checks (one
read-only query, no table functions, no path-like names, no ``read_*``), and call only functions on an
allow-list of Daft's pure SQL functions (anything else, including every file, URL, model and random one, is
refused). Tables resolve only in the per-query session, which holds the governed relations alone.
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from lakehouse.errors import QueryError, QueryRefused
from lakehouse.governance.rowfilter import parse_error_text
from lakehouse.query.guard import check_statement
from lakehouse.query.spec import QuerySpec

# Daft 0.7's SQL functions (daft.daft.list_sql_functions()) less those that read files or URLs, load models,
# build storage credentials, or return random or clock values. A function not listed is refused by name.
ALLOWED_FUNCTIONS = frozenset({
    "abs", "add_months", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctan2", "arctanh",
    "array_to_string", "ascii", "atan2", "avg", "bin", "bool_and", "bool_or", "capitalize", "cbrt", "ceil",
    "chr", "clip", "coalesce", "concat", "concat_ws", "contains", "conv", "convert_time_zone",
    "convert_timezone", "cos", "cosh", "cosine_distance", "cosine_similarity", "cot", "count", "count_distinct",
    "count_matches", "csc", "damerau_levenshtein_distance", "date", "date_add", "date_diff", "date_format",
    "date_from_unix_date", "date_sub", "date_trunc", "dateadd", "datediff", "datepart", "day", "day_of_month",
    "day_of_week", "day_of_year", "dayofmonth", "dayofyear", "decode", "degrees", "dense_rank", "dot_product",
    "e", "element", "encode", "ends_with", "euclidean_distance", "exp", "expm1", "extract", "extract_all",
    "factorial", "fill_nan", "find", "floor", "from_unixtime", "from_utc_timestamp", "great_circle_distance",
    "hamming_distance", "hamming_distance_str", "hash", "hour", "hypot", "ilike", "is_inf", "is_nan",
    "jaccard_similarity", "jaro_similarity", "jaro_winkler_similarity", "json_array_length", "json_object_keys",
    "json_tuple", "lag", "last_day", "lead", "left", "length", "length_bytes", "levenshtein_distance", "like",
    "list_append", "list_bool_and", "list_bool_or", "list_chunk", "list_contains", "list_count",
    "list_count_distinct", "list_distinct", "list_fill", "list_filter", "list_flatten", "list_get", "list_join",
    "list_map", "list_max", "list_mean", "list_min", "list_seq", "list_sort", "list_sum", "list_value_counts",
    "ln", "log", "log10", "log1p", "log2", "lower", "lpad", "lstrip", "make_date", "make_timestamp",
    "make_timestamp_ltz", "map_extract", "map_get", "map_keys", "max", "mean", "median", "microsecond",
    "millisecond", "min", "minute", "month", "months_between", "nanosecond", "negate", "next_day", "normalize",
    "not_nan", "pearson_correlation", "percentile", "pi", "pmod", "pow", "power", "product", "quarter",
    "radians", "rank", "regexp_count", "regexp_extract", "regexp_extract_all", "regexp_match", "regexp_replace",
    "regexp_split", "repeat", "replace", "replace_time_zone", "reverse", "right", "round", "row_number", "rpad",
    "rstrip", "sec", "second", "sign", "sin", "sinh", "slice", "soundex", "space", "split", "split_part",
    "sqrt", "starts_with", "stddev", "stddev_pop", "stddev_samp", "strftime", "strip", "struct",
    "struct_extract", "struct_get", "substr", "substring", "substring_index", "sum", "tan", "tanh", "time",
    "timestamp_micros", "timestamp_millis", "timestamp_seconds", "to_camel_case", "to_date", "to_datetime",
    "to_kebab_case", "to_mode", "to_snake_case", "to_string", "to_title_case", "to_unix_epoch",
    "to_upper_camel_case", "to_upper_kebab_case", "to_upper_snake_case", "to_utc_timestamp", "total_days",
    "total_hours", "total_microseconds", "total_milliseconds", "total_minutes", "total_nanoseconds",
    "total_seconds", "translate", "trunc", "truncate", "try_decode", "try_divide", "try_encode", "unix_date",
    "upper", "url_parse", "utf8_contains", "var", "var_pop", "var_samp", "variance", "week_of_year",
    "weekofyear", "year",
})
# Names sqlglot knows as functions of its own that Daft would run as one of the refused kinds.
DENIED_FUNCTIONS = frozenset({
    "url_download", "url_upload", "download", "upload", "file", "file_exists", "file_path", "file_size",
    "audio_file", "video_file", "image_file", "hdf5_file", "decode_image_file", "image_file_metadata",
    "tokenize_encode", "tokenize_decode", "uuid", "rand", "random", "random_int", "current_date",
    "current_timestamp", "current_time", "now", "monotonically_increasing_id", "s3config", "azureconfig",
    "gcsconfig", "httpconfig", "tosconfig",
})
_OTHER_ENGINE = "Run it on the default engine (leave out \"engine\", or name datafusion)"


def check_daft_statement(spec: QuerySpec) -> None:
    """Raise ``QueryRefused``/``QueryError`` (400) unless Daft may run ``spec.sql`` (see the module doc)."""
    if spec.params:
        raise QueryError("The daft engine does not bind parameters ($name).",
                         hint=f"Write the values into the statement, or {_lower(_OTHER_ENGINE)}.")
    check_statement(spec.sql)
    try:
        trees = [t for t in sqlglot.parse(spec.sql, read="postgres") if t is not None]
    except SqlglotError as exc:
        raise QueryError(f"The daft engine runs only statements it can check first, and this one does not parse: "
                         f"{parse_error_text(exc)}.", hint=f"Fix the statement, or {_lower(_OTHER_ENGINE)}.") from None
    if len(trees) != 1:
        raise QueryRefused("Only a single read-only SELECT query is allowed.")
    for node in trees[0].walk():
        if isinstance(node, exp.Placeholder | exp.Parameter):
            raise QueryError("The daft engine does not bind parameters ($name).",
                             hint="Write the values into the statement.")
        if isinstance(node, exp.Anonymous):
            name = str(node.name).lower()
            if name not in ALLOWED_FUNCTIONS or name in DENIED_FUNCTIONS:
                raise QueryRefused(f"Function '{name}' is not available on the daft engine.",
                                   hint="Daft runs only its pure SQL functions here: no file, URL, model or "
                                        f"random ones. {_OTHER_ENGINE}.")
        elif isinstance(node, exp.Func) and node.sql_name().lower() in DENIED_FUNCTIONS:
            raise QueryRefused(f"Function '{node.sql_name().lower()}' is not available on the daft engine.")


def _lower(text: str) -> str:
    return text[0].lower() + text[1:]


# Daft's messages for what it cannot plan or run, and the construct each one means.
_CONSTRUCTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Outer reference columns cannot be bound", re.I), "a correlated subquery"),
    (re.compile(r"Unsupported SQL: '(.+?)'(?:\s|$)", re.S), "{0}"),
    (re.compile(r"not yet implemented: (\S+)"), "{0}"),
    (re.compile(r"Function `([^`]+)` not found"), "function '{0}'"),
    (re.compile(r"precision: (\d+) exceed bounds", re.I), "decimal arithmetic whose result needs more than 38 digits"),
    (re.compile(r"if_true and if_false arguments for if_else to be castable", re.I),
     "a CASE whose branches mix decimals and integers"),
    (re.compile(r"Cannot infer supertypes", re.I), "an expression mixing types Daft cannot reconcile"),
    (re.compile(r"Schema at index \d+ was different", re.I), "a window function"),
)
_PREFIX = re.compile(r"^(Daft error: )?(DaftError::\w+ )?")


def translate(exc: BaseException, visible: list[str]) -> QueryError:
    """A Daft failure (its exceptions, pyarrow's, or a Rust panic) as a 400 that names what Daft could not do."""
    text = str(exc).strip() or type(exc).__name__
    first = _PREFIX.sub("", text.splitlines()[0]).strip()
    missing = re.search(r"Table not found: (\S+)", text)
    if missing:
        shown = ", ".join(sorted(visible)[:20])
        # DataFusion's words, so that query/sql_service.py explains it the same way for both engines
        return QueryError(f"table '{missing.group(1).strip(chr(39)).strip(chr(34))}' not found",
                          hint="Only catalog datasets you may read are visible as tables"
                               + (f": {shown}." if shown else " (none are registered for you)."))
    for pattern, construct in _CONSTRUCTS:
        found = pattern.search(text)
        if found:
            what = construct.format(*(g.strip() for g in found.groups()))
            return QueryError(f"The daft engine cannot run this statement: {what} is not supported. "
                              f"Daft said: {_short(first)}", hint=f"{_OTHER_ENGINE}, or rewrite that part.")
    return QueryError(f"The daft engine could not run this statement: {_short(first)}",
                      hint=f"{_OTHER_ENGINE}, or rewrite the part Daft names.")


def _short(text: str, limit: int = 400) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
