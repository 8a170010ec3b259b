"""The one rule for names that may become paths: buckets, datasets, views, indexes."""

from __future__ import annotations

import re

from lakehouse.errors import InvalidName

NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_NAME_RE = re.compile(NAME_PATTERN)


def validate_name(name: str, kind: str = "name") -> str:
    """Return ``name`` unchanged when it matches ``NAME_PATTERN``, else raise ``InvalidName``.

    ``fullmatch`` rather than ``match`` because ``$`` also matches before a trailing newline.
    """
    if not isinstance(name, str) or _NAME_RE.fullmatch(name) is None:
        shown = repr(name) if isinstance(name, str) and len(name) <= 80 else repr(str(name)[:80]) + "..."
        raise InvalidName(
            f"Invalid {kind} {shown}: use 1-63 characters from a-z, 0-9, '_' and '-', "
            "starting with a letter or digit.",
            hint="For example 'sales_2024' or 'crm-contacts'.",
            details={"kind": kind, "pattern": NAME_PATTERN},
        )
    return name
