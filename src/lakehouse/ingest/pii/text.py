"""Free text that contains PII: emails, phone numbers, card numbers, IBANs and national ids inside prose.

A column flagged here is not PII as a whole (a resume is not an email address) but holds PII in its
values; the catalog records it as ``contains_pii`` with the kinds and the share of sampled values that
hold one. Candidates are the spans the ``entities`` redaction replaces (governance/entities.py); each is
confirmed by a validator (email syntax, libphonenumber, Luhn and issuer, mod-97, national check digits),
so a count here is a count of real entities, and redacting with the same patterns removes them all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, Final

from lakehouse.governance.entities import ENTITY_KINDS, passes
from lakehouse.ingest.pii.detector import TextPii
from lakehouse.ingest.pii.national import in_aadhaar, is_distinctive_national_id
from lakehouse.ingest.pii.phones import is_phone
from lakehouse.ingest.pii.sampling import Values
from lakehouse.ingest.pii.validators import is_card_number, is_email, is_iban, is_ssn

TEXT_CAP: Final = 100  # values scanned per column: prose is long, and a rate needs no more
MIN_HITS: Final = 1  # one confirmed entity in the sample is enough to say the column holds them
PROSE_WORDS: Final = 2  # free text: at least half the values have this many words (ids and codes have one)
_HINT = re.compile(r"[@\d]")
_GROUPS_OF_FOUR = re.compile(r"^\d{4} \d{4} \d{4}$")
_MAILBOX_CELL = re.compile(r"^\s*[^<>@\n]{1,80}<\s*[^<>\s@]+@[^<>\s]+\s*>\s*$")  # HR Team <hr@x.com>, nothing else


# Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer): two characters make about a word.
_UNSPACED = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff\u0e00-\u0eff\u1780-\u17ff]")


def _words(text: str) -> int:
    spaced = sum(1 for w in text.split() if any(c.isalpha() for c in w))
    return spaced + len(_UNSPACED.findall(text)) // 2 if not text.isascii() else spaced


def is_prose(items: list[Any]) -> bool:
    """Half the values have PROSE_WORDS words with letters ("4069 2845 7790 6698" is one value, not text)."""
    texts = [v for v in items if isinstance(v, str)]
    return bool(texts) and sum(_words(v) >= PROSE_WORDS for v in texts) * 2 >= len(texts)


def _national(span: str) -> bool:
    """US SSN rules, or a national id whose format and check digit make a chance match unlikely."""
    if _GROUPS_OF_FOUR.match(span):
        return in_aadhaar(span)
    return is_ssn(span) or is_distinctive_national_id(span)


_CONFIRM: Final[dict[str, Callable[[str], bool]]] = {
    "email": is_email,
    "iban": is_iban,
    "credit_card": is_card_number,
    "national_id": _national,
    "phone": is_phone,
}
_FINDERS: Final = tuple((kind, re.compile(regex)) for kind, regex in passes())


def entities_in(text: str) -> list[tuple[str, str]]:
    """Confirmed (kind, span) pairs in ``text``, found in the redaction's order, each span once."""
    found: list[tuple[str, str]] = []
    rest = text
    for kind, finder in _FINDERS:
        spans = [m.group(0) for m in finder.finditer(rest)]
        found += [(kind, s) for s in spans if _CONFIRM[kind](s)]
        if spans:  # what the redaction replaces first is gone before the next pass looks
            rest = finder.sub(" ", rest)
    return found


def _scan(items: list[Any]) -> tuple[Counter[str], int, int]:
    """(values holding each kind, values scanned, values holding any kind)."""
    values_with: Counter[str] = Counter()
    scanned = with_any = 0
    for value in items:
        if not isinstance(value, str):
            continue
        scanned += 1
        kinds = {kind for kind, _ in entities_in(value)} if _HINT.search(value) else set()
        values_with.update(kinds)
        with_any += bool(kinds)
    return values_with, scanned, with_any


def _mailboxes(items: list[Any]) -> bool:
    """``HR Team <hr@x.com>`` in four cells of five: a column of mailboxes, judged as one, not prose."""
    return any("<" in str(v) for v in items[:10]) and sum(
        1 for v in items if isinstance(v, str) and _MAILBOX_CELL.match(v)) >= 0.8 * len(items)


def scan_text(samples: Mapping[str, Values]) -> dict[str, TextPii]:
    """The string columns whose sampled values contain confirmed PII entities."""
    out: dict[str, TextPii] = {}
    for name, values in samples.items():
        if values.kind != "str" or not is_prose(values.items) or _mailboxes(values.items):
            continue
        items = values.items
        if len(items) > TEXT_CAP:
            step = len(items) / TEXT_CAP
            items = [items[int(i * step)] for i in range(TEXT_CAP)]
        counts, scanned, with_any = _scan(items)
        if not counts or max(counts.values()) < MIN_HITS:
            continue
        kinds = tuple(k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], ENTITY_KINDS.index(kv[0]))))
        out[name] = TextPii(name, kinds, round(with_any / scanned, 3), scanned)
    return out
