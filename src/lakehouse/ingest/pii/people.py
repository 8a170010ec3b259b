"""Person names: a shape check, and a first-name dictionary built from Faker's locale name lists."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any, Final

# Latin-script locales; the dictionary tells "Maria Lopez" from "Steel Chair", it is not a census.
_LOCALES: Final = ("en_US", "en_GB", "en_IE", "en_IN", "en_NG", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT",
                   "pt_BR", "pt_PT", "nl_NL", "pl_PL", "sv_SE", "da_DK", "no_NO", "fi_FI", "cs_CZ",
                   "tr_TR", "id_ID", "ro_RO", "hu_HU", "vi_VN", "fil_PH")
_TITLES: Final = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mx", "herr", "frau", "mme", "m"})
_ORG_WORDS: Final = frozenset({
    "inc", "llc", "ltd", "plc", "gmbh", "corp", "co", "group", "and", "&", "company", "sa", "ag", "bv",
    "limited", "holdings", "partners", "associates", "services", "solutions", "the",
})


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    names: set[str] = set()
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names.update(n.lower() for n in getattr(provider, attr, ()) if isinstance(n, str))
    return frozenset(names)


def _parts(value: Any) -> list[str] | None:
    if not isinstance(value, str) or not 2 <= len(value) <= 60:
        return None
    if "," in value:  # "Lopez, Maria"
        last, _, first = value.partition(",")
        value = f"{first} {last}"
    parts = [p for p in value.split() if p.lower().rstrip(".") not in _TITLES]
    if not 1 <= len(parts) <= 4:
        return None
    for part in parts:
        letters = part.replace("-", "").replace("'", "").replace(".", "").replace("\u2019", "")
        if not letters.isalpha():
            return None
    return parts


def is_name_shaped(value: Any) -> bool:
    """One to four words of letters (hyphens, apostrophes, initials allowed), no digits."""
    return _parts(value) is not None


def is_known_person_name(value: Any) -> bool:
    """At least two words, the first a known first name and none a company suffix."""
    parts = _parts(value)
    if parts is None or len(parts) < 2:
        return False
    if any(p.lower().rstrip(".,") in _ORG_WORDS for p in parts):
        return False
    return parts[0].lower() in first_names()
