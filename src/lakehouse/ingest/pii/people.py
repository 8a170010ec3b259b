"""People: name shapes, first- and last-name dictionaries from Faker's locale lists, mailboxes, user names."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any, Final

# Latin-script locales; the dictionary tells "Maria Lopez" from "Steel Chair", it is not a census.
_LOCALES: Final = ("en_US", "en_GB", "en_IE", "en_IN", "en_NG", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT",
                   "pt_BR", "pt_PT", "nl_NL", "pl_PL", "sv_SE", "da_DK", "no_NO", "fi_FI", "cs_CZ",
                   "tr_TR", "id_ID", "ro_RO", "hu_HU", "vi_VN", "fil_PH")
_TITLES: Final = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mx", "herr", "frau", "mme", "m",
                            "mlle", "sr", "sra", "srta", "sr(a)", "dra", "don", "dona", "doña", "ing", "mag",
                            "dipl", "pan", "pani", "sig", "sig.ra", "dott", "dott.ssa", "av", "lic", "fru",
                            "hr", "rev", "hon", "ir", "drs", "mevr", "dhr", "bapak", "ibu"})
_ORG_WORDS: Final = frozenset({
    "inc", "llc", "ltd", "plc", "gmbh", "corp", "co", "group", "and", "&", "company", "sa", "ag", "bv",
    "limited", "holdings", "partners", "associates", "services", "solutions", "the",
})


def _faker_names(attrs: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in attrs:
            names.update(n.lower() for n in getattr(provider, attr, ()) if isinstance(n, str))
    return frozenset(names)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _faker_names(("first_names", "first_names_male", "first_names_female"))


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Surnames, less the English words among them (Green, Price, Long) that products also use."""
    from faker.providers.lorem.en_US import Provider as Lorem

    words = {w.lower() for w in Lorem.word_list}
    return _faker_names(("last_names", "last_names_male", "last_names_female")) - words


def _parts(value: Any) -> list[str] | None:
    if not isinstance(value, str) or not 2 <= len(value) <= 60:
        return None
    if "," in value:  # "Lopez, Maria"
        last, _, first = value.partition(",")
        value = f"{first} {last}"
    parts = [p for p in value.split() if p.lower().rstrip(".") not in _TITLES and p.lower() not in _TITLES]
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


def is_known_name_part(value: Any) -> bool:
    """One word (a first name, a surname), known to the dictionaries."""
    parts = _parts(value)
    return parts is not None and len(parts) == 1 and (
        parts[0].lower() in first_names() or parts[0].lower() in last_names())


def is_known_person_name(value: Any) -> bool:
    """Two to four words, none a company suffix, starting with a known first name or ending with a known
    surname (``Lopez, Maria`` is read as ``Maria Lopez``)."""
    parts = _parts(value)
    if parts is None or len(parts) < 2:
        return False
    lowered = [p.lower().rstrip(".,") for p in parts]
    if any(p in _ORG_WORDS for p in lowered):
        return False
    return lowered[0] in first_names() or lowered[-1] in last_names()


# RFC 5322 name-addr ("Jane Doe <jane@example.org>", quoted or not) and the old "jane@example.org (Jane Doe)".
_NAME_ADDR: Final = re.compile(r'^\s*"?(?P<name>[^"<>@]*?)"?\s*<(?P<email>[^<>\s]+)>\s*$')
_ADDR_NAME: Final = re.compile(r"^\s*(?P<email>[^\s()<>]+@[^\s()<>]+)\s+\((?P<name>[^()]+)\)\s*$")


def mailbox(value: Any) -> tuple[str, str] | None:
    """(display name, address) of a ``Name <email>`` value with a non-empty name, else None; of a list
    (``A <a@x.org>, B <b@y.org>``, Debian's Uploaders), the first."""
    if not isinstance(value, str) or len(value) > 1000:
        return None
    first = value.split(">,", 1)[0] + ">" if ">," in value else value
    found = _NAME_ADDR.match(first) or _ADDR_NAME.match(first)
    if found is None or not any(c.isalpha() for c in found["name"]):
        return None
    return found["name"].strip(), found["email"]


# a handle, "@handle", or a Windows logon "DOMAIN\\user"
_HANDLE: Final = re.compile(r"^(?:[A-Za-z0-9][\w.-]{0,30}\\)?@?[A-Za-z0-9_][A-Za-z0-9._\-]{1,39}$")


def is_username(value: Any) -> bool:
    """A login handle: 2-40 letters, digits, dots, dashes or underscores, at least one letter, no spaces."""
    return isinstance(value, str) and bool(_HANDLE.match(value)) and any(c.isalpha() for c in value)
