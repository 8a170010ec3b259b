"""People: name shapes, first- and last-name dictionaries from Faker's locale lists, mailboxes, user names."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any, Final

_TITLES: Final = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mx", "herr", "frau", "mme", "m",
                            "mlle", "sr", "sra", "srta", "sr(a)", "dra", "don", "dona", "doña", "ing", "mag",
                            "dipl", "pan", "pani", "sig", "sig.ra", "dott", "dott.ssa", "av", "lic", "fru",
                            "hr", "rev", "hon", "ir", "drs", "mevr", "dhr", "bapak", "ibu", "c/o", "attn", "z.h.",
                            # Vietnamese doctor/master/PhD, Czech and Polish physicians, Indian, Malay, Indonesian
                            "bs", "ths", "ts", "mudr", "lek", "shri", "smt", "kum", "hj", "hjh", "sdr", "sdri",
                            "tn", "ny", "bpk", "sheikh"})
_ORG_WORDS: Final = frozenset({
    "inc", "llc", "ltd", "plc", "gmbh", "corp", "co", "group", "and", "&", "company", "sa", "ag", "bv",
    "limited", "holdings", "partners", "associates", "services", "solutions", "the",
})


@lru_cache(maxsize=1)
def _name_lists() -> dict[str, frozenset[str]]:
    """person_names.json (person_names.py builds it from Faker's locale lists): ~20 ms to load."""
    text = resources.files("lakehouse.ingest.pii").joinpath("person_names.json").read_text(encoding="utf-8")
    return {key: frozenset(names) for key, names in json.loads(text).items()}


def first_names() -> frozenset[str]:
    return _name_lists()["first"]


def last_names() -> frozenset[str]:
    return _name_lists()["last"]


_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md", "dds", "cpa", "mba", "msc", "bsc"})
_REMARK: Final = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_VCARD_N: Final = re.compile(r"^[^;,<>@]+;[^;,<>@]+(?:;[^;<>@]*){0,3}$")
_DN: Final = re.compile(r"^\s*cn=([^,]+),", re.IGNORECASE)
# An airline or GDS name element (IATA): SURNAME/GIVEN NAMES TITLE, as in a PNR or on a boarding pass
_GDS_NAME: Final = re.compile(r"^\s*([^\W\d_][^/\d]*?)\s*/\s*([^\W\d_][^/\d]*?)\s*$")


def _parts(value: Any) -> list[str] | None:
    if not isinstance(value, str) or not 2 <= len(value) <= 60:
        return None
    value = _REMARK.sub("", value)  # "Jane Doe (mother)": a remark after the name
    if value.isupper() and (gds := _GDS_NAME.match(value)):  # WALSH/JUDITH MS (GDS write capitals only)
        value = f"{gds.group(2)} {gds.group(1)}"
    if _VCARD_N.match(value):  # vCard N: family;given;additional;prefixes;suffixes
        family, given, *more = value.split(";")
        value = " ".join(p for p in (given, *more[:1], family) if p)
    if "," in value:  # "Lopez, Maria", but "Maria Lopez, Esq."
        last, _, first = value.partition(",")
        value = last if first.strip().lower().rstrip(".") in _SUFFIXES else f"{first} {last}"
    parts = [p for p in value.split() if p.lower().rstrip(".") not in _TITLES and p.lower() not in _TITLES
             and p.lower().rstrip(".,") not in _SUFFIXES]
    if not 1 <= len(parts) <= 4:
        return None
    for part in parts:
        letters = part.replace("-", "").replace("'", "").replace(".", "").replace("\u2019", "")
        if not letters.isalpha() and not _letters_and_marks(letters):
            return None
    return parts


def _letters_and_marks(word: str) -> bool:
    """Letters with combining vowel signs and marks (Devanagari दिनेश, Thai, Arabic harakat): still a word."""
    return bool(word) and word[0].isalpha() and all(c.isalpha() or unicodedata.category(c)[0] == "M" for c in word)


def is_name_shaped(value: Any) -> bool:
    """One to four words of letters (hyphens, apostrophes, initials allowed), no digits."""
    return _parts(value) is not None


def is_known_name_part(value: Any) -> bool:
    """One word (a first name, a surname), known to the dictionaries."""
    parts = _parts(value)
    return parts is not None and len(parts) == 1 and (
        parts[0].lower() in first_names() or parts[0].lower() in last_names())


def directory_name(value: Any) -> Any:
    """The common name of an LDAP distinguished name (``CN=Jane Doe,OU=Staff,DC=corp``), else the value."""
    found = _DN.match(value) if isinstance(value, str) else None
    return found.group(1).strip() if found else value


# Titles that only ever precede a person (``Dr. Quigley``); ``M`` or ``Don`` alone say too little.
_PERSON_TITLES: Final = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "mx", "herr", "frau", "mme", "mlle",
                                   "sra", "srta", "dra", "rev", "sig.ra", "dott", "dott.ssa", "mevr", "dhr"})
_COUPLE: Final = re.compile(r"^\s*(?P<left>[^&]+?)\s+(?:&|and|und|et|y|e|og|en)\s+(?P<right>.+?)\s*$", re.IGNORECASE)
_CAPITALISED: Final = re.compile(r"^[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*$")


def _titled(value: str) -> bool:
    """A person title, then one to three capitalised words (``Dr. Quigley``, ``Mrs Okafor-Reyes``)."""
    title, _, rest = value.strip().partition(" ")
    words = rest.split()
    return (title.lower().rstrip(".") in _PERSON_TITLES and 1 <= len(words) <= 3
            and all(w[0].isupper() and _CAPITALISED.match(w.rstrip(".,")) for w in words)
            and not any(w.lower().rstrip(".,") in _ORG_WORDS for w in words))


def _couple(value: str) -> bool:
    """Two people in one cell, as on an invitation: ``Mr. & Mrs. Sandoval``, ``Ana & Luis Ortega``."""
    found = _COUPLE.match(value)
    if found is None:
        return False
    left, right = found["left"].strip(), found["right"].strip()
    if not (_titled(right) or is_known_person_name(right)):
        return False
    word = left.lower().rstrip(".")
    return word in _PERSON_TITLES or word in first_names() or _titled(left) or is_known_person_name(left)


def is_known_person_name(value: Any) -> bool:
    """Two to four words, none a company suffix, starting with a known first name or ending with a known
    surname (``Lopez, Maria`` is read as ``Maria Lopez``); or a title and a surname (``Dr. Quigley``), or a
    couple (``Mr. & Mrs. Sandoval``)."""
    if isinstance(value, str) and 4 <= len(value) <= 60 and (_titled(value) or ("&" in value or " and " in
                                                                                  value.lower()) and _couple(value)):
        return True
    parts = _parts(directory_name(value))
    if parts is None or len(parts) < 2:
        return False
    lowered = [p.lower().rstrip(".,") for p in parts]
    if any(p in _ORG_WORDS for p in lowered):
        return False
    first, last = first_names(), last_names()
    # given name first (Maria Lopez), or family name first with a given name known after it (Horváth Mária,
    # Kowalski Jan, Đặng Minh Hà: Vietnamese and other East Asian orders put a middle name between)
    return lowered[0] in first or lowered[-1] in last or (lowered[0] in last and any(p in first for p in lowered[1:]))


_LIST_SEPARATORS = re.compile(r"\s*[;,]\s*|\s+(?:and|&)\s+")


def is_person_list(value: Any) -> bool:
    """Several people in one cell (``Rachael Mason, Leon Thomas, Alan Carr``: a paper's authors, a crew): two
    or more whole names, most of them known. ``Lopez, Maria`` is one person (one word each side)."""
    if not isinstance(value, str) or len(value) > 400 or not _LIST_SEPARATORS.search(value):
        return False
    parts = [p for p in _LIST_SEPARATORS.split(value.strip()) if p]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return False
    return sum(is_known_person_name(p) for p in parts) * 2 > len(parts)


# Names in their own script, for a column whose header already says person: a Korean name (two to four Hangul
# syllables, a common surname first), a Chinese one (two to four Han characters, a common surname first), or
# family and given name with a space between (Japanese 山田 太郎, a katakana reading ヤマダ タロウ).
_HAN_SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤陳張劉楊黃趙吳許鄭謝韓馮鄧蕭葉"
    "蘇呂盧鍾譚陸賈韋鄒錢龔萬湯歐司諸")
_HANGUL_SURNAMES: Final = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우"
    "구민진나지엄채원천방공현변염여추도석선설마길연위표명기반왕금옥육인맹제모탁국")
_CJK: Final = "\u4e00-\u9fff\u30a0-\u30ff\u3040-\u309f"  # Han, katakana, hiragana
_CJK_SPACED: Final = re.compile(rf"^[{_CJK}]{{1,6}}[ \u3000][{_CJK}]{{1,6}}$")
_HAN: Final = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HANGUL: Final = re.compile(r"^[\uac00-\ud7a3]{2,4}$")


def is_native_script_name(value: Any) -> bool:
    """A CJK person name under a header that names a person (not alone: place names have the same shape)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if _CJK_SPACED.match(text):
        return True
    if _HANGUL.match(text.replace(" ", "")):
        return text[0] in _HANGUL_SURNAMES
    return bool(_HAN.match(text)) and text[0] in _HAN_SURNAMES


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


# a handle, "@handle", a profile id "~Jane_Doe1", or a Windows logon "DOMAIN\\user"
_HANDLE: Final = re.compile(r"^(?:[A-Za-z0-9][\w.-]{0,30}\\)?[@~]?[A-Za-z0-9_][A-Za-z0-9._\-]{1,39}(?:#\d{4})?$")


_PROFILE_URL: Final = re.compile(r"^(?:https?://)?(?:[a-z]{2,3}\.|www\.)?(?:linkedin\.com/in|github\.com|twitter\.com|"
                                 r"x\.com|instagram\.com|facebook\.com|tiktok\.com)/@?[\w.%-]{2,100}/?$", re.IGNORECASE)


def is_username(value: Any) -> bool:
    """A login handle: 2-40 letters, digits, dots, dashes or underscores, at least one letter, no spaces; or a
    social profile's URL, which carries the handle (``linkedin.com/in/jdoe``)."""
    return isinstance(value, str) and (bool(_HANDLE.match(value)) and any(c.isalpha() for c in value)
                                       or bool(_PROFILE_URL.match(value.strip())))



_CODE: Final = re.compile(r"^(?:[A-Z]{1,4}[-_]?\d+|[A-Za-z]+[-_]\d+)$")
_HEX_KEY: Final = re.compile(r"^(?=.*\d)[0-9a-fA-F-]{8,}$")  # a UUID or a hash, not a person's handle


def is_login_handle(value: Any) -> bool:
    """A user handle with at least three letters that is not a code (``C123``, ``EMP-0042``, ``runner-4``
    are codes; ``gideon44``, ``j.doe`` and ``DOMAIN\\jdoe`` are handles)."""
    return (is_username(value) and sum(c.isalpha() for c in value) >= 3 and not _CODE.match(value)
            and not _HEX_KEY.match(value)
            and not value.lower().startswith(("bot", "svc", "system", "service", "runner", "worker")))


def is_handle_list(value: Any) -> bool:
    """Several people's handles in one cell (``~Rachael_Mason3, ~Leon_Thomas1``: a paper's author ids)."""
    if not isinstance(value, str) or len(value) > 400 or "," not in value:
        return False
    parts = [p.strip() for p in value.split(",")]
    return len(parts) >= 2 and all(is_login_handle(p) for p in parts)
