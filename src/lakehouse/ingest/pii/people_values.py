"""More columns of a table of people that their values explain, whatever language the header is in.

Once a table is known to be about people (a name, an email or a checked national id found with confidence),
weaker evidence is enough for its other columns: given names or surnames the name dictionaries know, in any
script (a header nobody listed, ``ad``, ``სახელი``); a family name that recurs, row by row, at the end of
another person column (a child's surname beside its parent's whole name); a birth date of people still young
(students, club juniors), when the table has no birth date yet; and a bank account written as a distinct digit
run under an account header, when the table speaks of banks or money.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final

from lakehouse.ingest.pii.detector import MIN_VALUES, PiiFinding, best_hint, finding
from lakehouse.ingest.pii.name_rules import NON_PERSON_QUALIFIERS
from lakehouse.ingest.pii.names import names_business, tokenize
from lakehouse.ingest.pii.people import first_names, last_names
from lakehouse.ingest.pii.people_table import MONEY, anchored, date_years, other_identifier
from lakehouse.ingest.pii.sampling import Values
from lakehouse.ingest.pii.validators import VALIDATORS

_RATE: Final = 0.8
_CAP: Final = 60
_DIGIT: Final = re.compile(r"\d")
_THINGS: Final = frozenset(NON_PERSON_QUALIFIERS)  # pet_name, course, town: names of things, not people
_SHARED: Final = 0.6  # rows whose value ends another person column's value in the same row
_DISTINCT: Final = 0.3
# Names the dictionaries half know (hand-written lists, other countries' names): all shaped as one or two
# words and mostly different, as a register's people are (a town or a street column repeats its values)
_SOME_KNOWN: Final = 0.5
_MOSTLY: Final = 0.7
_YOUNG_SPREAD: Final = 5  # years over which a register's young members were born
_RECENT: Final = 4  # nobody in the table was born in the last years: a class of its own, not events
_BANK_WORDS: Final = frozenset(["bank", "payout", "payee", "settlement", "disbursement", "disb", "salary", "wage",
                                "payroll", "loan", "repay", "deposit", "iban"])
# An identity number as people write it: digits, maybe a check letter or two at either end (923214723V, 7672610P).
_ID_RUN: Final = re.compile(r"^[A-Za-z]{0,2}\d{6,18}[A-Za-z]{0,2}$")
_ID_RATE: Final = 0.9
_LETTERED_ID: Final = re.compile(r"^(?:[A-Za-z]{1,2}\d{6,18}[A-Za-z]{0,2}|\d{6,18}[A-Za-z]{1,2})$")
_ACCOUNT_RUN: Final = re.compile(r"^\d{8,20}$|^\d{2,6}(?:[- ]\d{2,12}){1,3}$")


def _words(value: object) -> list[str] | None:
    """The words of a short letters-only value (any script, with its combining marks), or None."""
    if not isinstance(value, str) or not 2 <= len(value) <= 40:
        return None
    words = value.replace("-", " ").replace("'", " ").split()
    if not 1 <= len(words) <= 3 or not all(w[0].isalpha() and all(c.isalpha() or c in ".\u200c\u200d" or
                                                                     _mark(c) for c in w) for w in words):
        return None
    return words


def _mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def _known_parts(items: Sequence[object]) -> tuple[float, float]:
    """(share of values that are one or two words, each a known given name or surname, an initial aside
    (``Shelby J.``); share of values shaped so, known or not)."""
    first, last = first_names(), last_names()
    hits = shaped = 0
    for value in items:
        words = _words(value)
        if not words or len(words) > 2:
            continue
        shaped += 1
        named = [w.lower() for w in words if not (len(w) <= 2 and w.endswith("."))]
        if named and all(w in first or w in last for w in named):
            hits += 1
    return hits / len(items), shaped / len(items)


def _ends_other(items: Sequence[object], other: Sequence[object]) -> float:
    """Share of rows whose value is the last word(s) of the other column's value in the same row."""
    pairs = [(str(a).strip().lower(), str(b).strip().lower()) for a, b in zip(items[:_CAP], other[:_CAP],
                                                                                strict=False)
             if isinstance(a, str) and isinstance(b, str) and a.strip() and b.strip()]
    if len(pairs) < MIN_VALUES:
        return 0.0
    return sum(b != a and b.endswith(" " + a) for a, b in pairs) / len(pairs)


def _young_birth_dates(values: Values) -> str | None:
    """Dates over several years, none recent, the people mostly under 25 (the other birth rule's floor)."""
    items = _capped(values.items)
    years = date_years(values.kind, items)
    if years is None or len(set(years)) < _YOUNG_SPREAD:
        return None
    ages = [date.today().year - y for y in years]
    if min(ages) <= _RECENT or max(ages) > 30 or max(years) - min(years) < _YOUNG_SPREAD - 1:
        return None
    return f"{len(years)} of {len(items)} sampled values are dates over {max(years) - min(years)} years, " \
           f"none in the last {_RECENT} (median age {round(statistics.median(ages))})"


def _account_runs(items: Sequence[object]) -> bool:
    texts = [str(v).strip() for v in items if str(v).strip()]
    return len(texts) >= MIN_VALUES and sum(bool(_ACCOUNT_RUN.match(t)) for t in texts) >= _RATE * len(texts) \
        and len(set(texts)) >= 0.9 * len(texts)


def _id_runs(items: Sequence[object]) -> bool:
    """Distinct identity-number shaped values, of at most three lengths (a country's old and new numbers);
    words with no digit in them (``pending``, ``n/a``) are blanks written out and left aside."""
    texts = [str(v).strip().replace(" ", "").replace("-", "") for v in items]
    texts = [t for t in texts if t and any(c.isdigit() for c in t)]
    if len(texts) < max(MIN_VALUES, _RATE * len(items)) or len(set(texts)) < _ID_RATE * len(texts):
        return False
    shaped = [t for t in texts if _ID_RUN.match(t)]
    if len(shaped) < _ID_RATE * len(texts) or len({len(t) for t in shaped}) > 3:
        return False
    prefixes = Counter(t[:2] for t in shaped if t[0].isalpha())  # OR892640235: a register's own prefix, a code
    return not prefixes or prefixes.most_common(1)[0][1] < 0.5 * len(shaped)


def _checked_ids(values: Values) -> float:
    """Share of values passing some country's national-id check (lenient: any of the checks), for ids that carry
    a check letter (7672610P)."""
    if sum(isinstance(v, str) and bool(_LETTERED_ID.match(v)) for v in values.items[:5]) < 3:
        return 0.0  # a quick look at the first values: most columns are something else
    sampled = _capped(values.items)
    items = [v for v in sampled if isinstance(v, str) and _DIGIT.search(v)]  # blanks written out left aside
    if len(items) < max(MIN_VALUES, _RATE * len(sampled)) or \
            sum(any(c.isalpha() for c in v) for v in items) < 0.5 * len(items) or not _id_runs(items):
        return 0.0  # digits alone: people_table's one-country check decides those
    allowed, misses = len(items) - _ID_RATE * len(items), 0
    for value in items:
        if not VALIDATORS["national_id"].check(value):
            misses += 1
            if misses > allowed:
                return 0.0
    return 1 - misses / len(items)


def _capped(items: Sequence[object]) -> Sequence[object]:
    """At most _CAP values, spread over the sample: shares need no more."""
    return items if len(items) <= _CAP else [items[int(i * len(items) / _CAP)] for i in range(_CAP)]


def value_findings(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                   found: Mapping[str, PiiFinding], skip: set[str]) -> dict[str, PiiFinding]:
    """Columns of a table of people that their values explain; ``skip``: columns already judged not PII."""
    if not anchored(found):
        return {}
    out: dict[str, PiiFinding] = {}
    free = [n for n in columns if n not in found and n not in skip and not other_identifier(columns[n])
            and samples[n].kind in ("str", "date", "int") and len(samples[n].items) >= MIN_VALUES]
    people = [n for n, f in found.items() if f.category == "person_name"]
    for name in free:
        items = samples[name].items
        hint = best_hint(columns[name])
        if samples[name].kind != "str" or (hint is not None and hint.category != "person_name") or any(
                set(tokenize(n)) & _THINGS for n in columns[name]):
            continue
        if sum(_words(v) is not None for v in items[:5]) < 3 or len(set(items)) < max(MIN_VALUES,
                                                                                   _DISTINCT * len(items)):
            continue  # a quick look at the first values: words of letters, then enough of them different
        rate, shaped = _known_parts(_capped(items))
        if rate >= _RATE or (rate >= _SOME_KNOWN and shaped >= _ID_RATE and len(set(items)) >= _MOSTLY * len(items)):
            out[name] = finding(columns[name], "person_name", 0.7, f"beside a person's data, {round(rate * 100)}% "
                                f"of {len(items)} sampled values are known given names or surnames")
            continue
        for other in people:
            shared = _ends_other(items, samples[other].items)
            if shared >= _SHARED:
                out[name] = finding(columns[name], "person_name", 0.7, f"{round(shared * 100)}% of the values end "
                                    f"the same row's '{other}' (a family name shared with a person beside)")
                break
    for name in free:  # identity numbers: under a header that says so, or passing a national check digit
        if name in out or samples[name].kind not in ("str", "int"):
            continue
        hint = best_hint(columns[name])
        if hint is not None and hint.category == "national_id" and _id_runs(samples[name].items):
            out[name] = finding(columns[name], "national_id", 0.7, f"beside a person's data, name rule "
                                f"'{hint.rule}' over distinct identity-number shaped values")
        elif hint is None and (rate := _checked_ids(samples[name])) >= _ID_RATE:
            out[name] = finding(columns[name], "national_id", 0.7, f"beside a person's data, {round(rate * 100)}% "
                                f"of {len(samples[name].items)} sampled values pass a national-id check")
    if not any(f.category == "date_of_birth" for f in found.values()):
        young = [(n, e) for n in free if n not in out and samples[n].kind in ("str", "date")
                 for e in [_young_birth_dates(samples[n])] if e is not None]
        if len(young) == 1:  # one such column: two would be events of the same register as well
            name, evidence = young[0]
            out[name] = finding(columns[name], "date_of_birth", 0.7, f"beside a person's data, {evidence}")
    moneyed = any(f.category in MONEY for f in found.values()) or any(
        set(tokenize(n)) & _BANK_WORDS for names in columns.values() for n in names)
    for name in free:
        if name in out or not moneyed or names_business(name):
            continue
        if "account" in tokenize(name) and _account_runs(samples[name].items):
            out[name] = finding(columns[name], "bank_account", 0.7, "an account header over distinct digit runs, "
                                "in a table of people that speaks of banks or money")
    return out

