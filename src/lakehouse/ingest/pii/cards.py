"""Payment-card values beside the number: expiry dates and card security codes (CVV/CVC)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any, Final

_MONTH = r"(?:0?[1-9]|1[0-2])"
# MM/YY, MM/YYYY, MM-YY, MM.YY, "MM / YY"; YYYY-MM, YYYY/MM; MMYY and MMYYYY written together.
_EXPIRY_FORMAT: Final = re.compile(
    rf"^{_MONTH}\s*[/\-.]\s*(?:\d{{2}}|(?:19|20)\d{{2}})$"
    r"|^(?:19|20)\d{2}\s*[/\-]\s*(?:0[1-9]|1[0-2])$"
    r"|^(?:0[1-9]|1[0-2])(?:\d{2}|20\d{2})$"
)
_ISO_DATE: Final = re.compile(r"^(?:19|20)\d{2}-\d{2}-\d{2}(?:[ T].*)?$")
_CVV: Final = re.compile(r"^\d{3,4}$")
_MONTH_NAMES: Final = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
     "december",
     # the months as Spanish, Portuguese, French, Italian and German write them (a birth month in a form)
     "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
     "octubre", "noviembre", "diciembre", "janeiro", "fevereiro", "marco", "maio", "junho", "julho", "setembro",
     "outubro", "novembro", "dezembro", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
     "septembre", "octobre", "novembre", "decembre", "gennaio", "febbraio", "aprile", "maggio", "giugno",
     "luglio", "settembre", "ottobre", "dicembre", "januar", "februar", "marz", "juni", "juli", "oktober",
     "dezember"])


def is_expiry_format(value: Any) -> bool:
    """Written like a card's expiry: month and year only (``08/27``, ``8/2027``, ``2027-08``, ``0827``)."""
    return isinstance(value, str) and bool(_EXPIRY_FORMAT.match(value))


def is_card_expiry(value: Any) -> bool:
    """Under a card header: an expiry format, or a date (some systems store the month's last day)."""
    if isinstance(value, datetime | date):
        return 1990 <= value.year <= 2100
    if isinstance(value, int) and not isinstance(value, bool):
        return is_expiry_format(f"{value:04d}") if 100 <= value <= 1299 else False
    return is_expiry_format(value) or (isinstance(value, str) and bool(_ISO_DATE.match(value)))


def is_month(value: Any) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return 1 <= value <= 12
    if not isinstance(value, str):
        return False
    text = value.strip().lower().rstrip(".")
    if not text.isascii():  # março, août, märz
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return (text.isdigit() and 1 <= int(text) <= 12) or text in _MONTH_NAMES


def is_expiry_year(value: Any) -> bool:
    """A card's expiry year: two digits, or four from 1990 to 2100."""
    if isinstance(value, str) and value.isdigit():
        value = int(value) if len(value) in (2, 4) else -1
    if isinstance(value, int) and not isinstance(value, bool):
        return 0 <= value <= 99 or 1990 <= value <= 2100
    return False


def is_security_code(value: Any) -> bool:
    """Three or four digits (leading zeros lost when the column was read as integers)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 0 <= value <= 9999
    return isinstance(value, str) and bool(_CVV.match(value))
