"""Phone numbers: valid under libphonenumber, or written the way people write them.

A date written with separators (``05/27/2025``, ``28.08.2025``) parses as a phone number in some numbering
plan (eight digits after a trunk 0), so a value that reads as a calendar date is not a phone: appointment and
booking dates would otherwise be flagged as phones by their values alone.
"""

from __future__ import annotations

import re
from typing import Any, Final

from lakehouse.ingest.pii.dates import is_written_date

PHONE_SHAPE = re.compile(r"^\+?[\d\s().\-/]{7,22}(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$", re.IGNORECASE)
_PHONE_FORMATTED = re.compile(r"^(?:\+|00|\(|\d{2,5}[\s.\-/)])")
_TRUNK_REGIONS: Final = ("GB", "DE", "FR", "IN", "JP", "KR", "AU")


def _valid_phone(text: str, region: str | None) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, region)))
    except phonenumbers.NumberParseException:
        return False


def is_phone(value: Any) -> bool:
    """Valid under libphonenumber: US national format, international (+ or 00), or a common trunk-0 form."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        return 10 <= len(text) <= 15 and (_valid_phone(text, "US") or _valid_phone("+" + text, None))
    if not isinstance(value, str) or not PHONE_SHAPE.match(value) or is_written_date(value):
        return False
    if not 7 <= sum(c.isdigit() for c in value) <= 15:
        return False
    if value.startswith("00"):  # no country code starts with 0: 00001234 is no number, libphonenumber unloaded
        return value[2] != "0" and _valid_phone("+" + value[2:], None)
    if _valid_phone(value, "US"):
        return True
    if value.isdigit() and 11 <= len(value) <= 15 and value[0] != "0":  # an MSISDN: 41791234567
        return _valid_phone("+" + value, None)
    national = value.lstrip("(")
    return national.startswith("0") and any(_valid_phone(value, r) for r in _TRUNK_REGIONS)


_NANP_WRITTEN = re.compile(r"^\s*(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\s*$|^\s*\+1\d{10}\s*$")
_INTL_WRITTEN = re.compile(r"^\s*(?:\+|00)\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}\s*$")


def is_phone_shaped(value: Any) -> bool:
    """Written the way people write phone numbers (``(868) 594-5132``, ``521.708.5991``, ``+44 20 7946 0018``),
    valid or not: under a header that says phone, the shape is enough."""
    return isinstance(value, str) and bool(_NANP_WRITTEN.match(value) or _INTL_WRITTEN.match(value))


def is_formatted_phone(value: Any) -> bool:
    """A phone written like one (+, parentheses or separators): bare digit runs are too often ids."""
    return isinstance(value, str) and bool(_PHONE_FORMATTED.match(value)) and is_phone(value)
