"""The one rule for names that may become paths: buckets, datasets, views, indexes."""

from __future__ import annotations

import re
import unicodedata

from lakehouse.errors import InvalidName

NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_NAME_RE = re.compile(NAME_PATTERN)
_CAMEL_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_2 = re.compile(r"([a-z0-9])([A-Z])")
_NOT_NAME = re.compile(r"[^a-z0-9_-]+")


def validate_name(name: str, kind: str = "name") -> str:
    """Return ``name`` unchanged when it matches ``NAME_PATTERN``, else raise ``InvalidName``.

    ``fullmatch`` rather than ``match`` because ``$`` also matches before a trailing newline.
    """
    if not isinstance(name, str) or _NAME_RE.fullmatch(name) is None:
        shown = repr(name) if isinstance(name, str) and len(name) <= 80 else repr(str(name)[:80]) + "..."
        suggestion = suggest_name(name) if isinstance(name, str) else None
        raise InvalidName(
            f"Invalid {kind} {shown}: use 1-63 characters from a-z, 0-9, '_' and '-', "
            "starting with a letter or digit.",
            hint=f"Use '{suggestion}' (the name normalised as column names are)." if suggestion
            else "For example 'sales_2024' or 'crm-contacts'.",
            details={"kind": kind, "pattern": NAME_PATTERN, **({"suggestion": suggestion} if suggestion else {})},
        )
    return name


def suggest_name(name: str) -> str | None:
    """``MyData`` -> ``my_data``, ``Sales 2024.csv`` -> ``sales_2024_csv``: camelCase split, lower case, other
    characters to ``_`` (as column names are normalised); None when nothing valid comes out."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = _CAMEL_2.sub(r"\1_\2", _CAMEL_1.sub(r"\1_\2", text.strip())).lower()
    text = _NOT_NAME.sub("_", text).strip("_-")[:63].rstrip("_-")
    return text if _NAME_RE.fullmatch(text) else None
