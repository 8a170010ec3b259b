"""Calendar dates as people write them: dates of birth, and dates that only look like other numbers.

A date written with separators (``05/27/2025``, ``28.08.2025``) parses as a phone number in some numbering
plan (eight digits after a trunk 0): phones.py asks ``is_written_date`` first, so appointment and booking dates
are not flagged as phones by their values alone.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Final

_MIDNIGHT = re.compile(r"(?:\s+|T)00:00(?::00(?:\.0+)?)?Z?$")
_DATE_FORMATS: Final = ("%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%Y%m%d", "%b %d, %Y",
                        "%d %b %Y", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%m-%d-%Y", "%Y.%m.%d", "%d-%b-%Y",
                        "%m/%d/%y", "%d/%m/%y", "%d.%m.%y", "%d %b %y", "%b %d %Y", "%d-%b-%y", "%d%b%y", "%d%b%Y",
                        "%d. %m. %Y", "%Y. %m. %d.", "%Y.%m.%d.", "%Y.%m.%d", "%d.%m.%Y.",
                        "%m%d%Y", "%d%m%Y")  # fixed-width files' 01161979 / 16011979, after %Y%m%d


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not 6 <= len(value) <= 30:
        return None
    value = _MIDNIGHT.sub("", value)  # 07/28/1957 00:00:00: a date kept in a datetime column, its time empty
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            day = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        # %y reads 00-68 as 20xx: a birth date written with two digits is 19xx when that is in the future
        return day.replace(year=day.year - 100) if "%y" in fmt and day > date.today() else day
    return None


_MONTH_DAY = re.compile(r"^(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])$"  # 03/15
                        r"|^(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.?$")  # 15.03.


def is_birth_date(value: Any) -> bool:
    """A date between 1900 and today (people alive or recently so), or a birthday without its year
    (``03/15``, ``15.03.``) as mailing lists keep them."""
    day = _as_date(value)
    if day is None:
        return isinstance(value, str) and bool(_MONTH_DAY.match(value))
    return date(1900, 1, 1) <= day <= date.today()


_DATE_WRITTEN = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})$"
                           r"|^((?:19|20)\d{2})([/.-])(\d{1,2})\6(\d{1,2})$")


def is_written_date(value: str) -> bool:
    """``05/27/2025``, ``27.05.2025``, ``2025/05/27``: a calendar date (day and month either way round)."""
    m = _DATE_WRITTEN.match(value.strip())
    pairs: tuple[tuple[int, int], ...]
    if m is None:
        return False
    if m.group(1) is not None:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        pairs = ((a, b), (b, a))  # month/day or day/month
    else:
        year, a, b = int(m.group(5)), int(m.group(7)), int(m.group(8))
        pairs = ((a, b),)
    for month, day in pairs:
        try:
            date(year, month, day)
        except ValueError:
            continue
        return True
    return False
