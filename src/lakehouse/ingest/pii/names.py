"""Column-name rules: tokenize a column name and match whole-token phrases to PII categories."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from lakehouse.ingest.pii.name_rules import (
    ABBREVIATIONS,
    ACTOR_ROLES,
    ADDRESS_MARKERS,
    BIRTH_MARKERS,
    CATEGORY_KEEPS,
    CITY_ALONE,
    CITY_WORDS,
    COMPOUNDS,
    CONTEXT_LETTERS,
    DATE_PARTS,
    HOUSE_NUMBER_HEADS,
    HOUSE_NUMBER_WORDS,
    ID_SUFFIX,
    MARKED_REGIONS,
    MEDICAL_KEEPS,
    NAME_PARTICLES,
    NAME_PARTS,
    PERSON_QUALIFIERS,
    PHI_QUALIFIERS,
    POSTAL_ABBREVIATIONS,
    PREFIX_NEG,
    REGION_WORDS,
    SUFFIX_NEG,
    UNIT_WORDS,
    WEAK_RULES,
    phrases,
)
from lakehouse.ingest.pii.name_words import SPLIT_SUFFIXES, TRANSLATIONS
from lakehouse.ingest.pii.name_words_health import HEALTH_TRANSLATIONS
from lakehouse.ingest.pii.name_words_more import BUSINESS_PHRASES, MORE_TRANSLATIONS, read_cjk_words
from lakehouse.ingest.pii.name_words_scripts import SCRIPT_TRANSLATIONS
from lakehouse.ingest.pii.name_words_world import CONNECTORS, ROMANISED, WORLD_TRANSLATIONS
from lakehouse.ingest.pii.person_names_romanised import header_transliteration


@dataclass(frozen=True)
class NameHint:
    category: str
    rule: str  # the matched phrase, normalised, e.g. "date of birth"
    weak: bool = False  # a bare "name" or a role ("maintainer"): only values can tell a person from a team
    surrogate: bool = False  # followed by id/key: integer or UUID values mean a foreign key
    part: str | None = None  # card_expiry written as two columns: "month" or "year"
    end: int = 0  # where the matched phrase ends in the name's tokens (next_hint reads on from there)


_CAMEL_1 = re.compile(r"([a-z0-9])([A-Z])")
_CAMEL_2 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_SPLIT = re.compile(r"[\W\d_]+")  # separators and digits: address1 -> address, icd10 -> icd, DOB_yr
# vCard/iCalendar property parameters (TEL;TYPE=CELL, ADR;TYPE=HOME): the property before them names the value.
_PARAMS = re.compile(r"^([A-Za-z][A-Za-z-]*);[A-Za-z-]+=.*$")
# A layout hint in a header says how the value is written, not what it is: "Date of birth (MM/DD/YYYY)".
_INITIALS = re.compile(r"(?<![^\W\d_])[^\W\d_]\.(?:\s?[^\W\d_]\.)+(?![^\W\d_])")
_FORMAT_HINT = re.compile(r"[(\[]\s*[dmyDMY]{1,4}(?:\s*[-/. ]\s*[dmyDMY]{1,4}){1,2}\s*[)\]]")
_PAREN = re.compile(r"\(([^()]*)\)")
_NUMERO = re.compile(r"(?<![^\W\d_])[Nn]\s?[°º]")  # N° dossier, nº de sócio: the number
# Words of a header written as a question or an instruction ("What is your full legal name?").
_FILLER: Final = frozenset(["what", "your", "please", "enter", "today", "todays", "the", "an", "my", "any", "you",
                            "list", "s", "ye"])  # ye: "of" in Zulu and Amharic headers (inombolo_ye_akhawunti)
# pt_last, PtDOB: "pt" is a patient only before what a patient has (a point, a part or Portugal elsewhere).
_PT_BEFORE: Final = frozenset(["first", "last", "name", "dob", "birth", "address", "phone", "email", "id", "number",
                               "sex", "gender", "age", "given", "family", "middle", "surname", "fname", "lname",
                               "mrn", "ssn", "zip", "city", "street", "mobile", "contact", "insurance"])


# Latin letters that Unicode does not decompose to a base letter, which NFKD would drop (Baba Adı -> "ad").
_LATIN_EXTRA: Final = {ord(k): v for k, v in {"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                                              "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
                                              "ð": "d", "Ð": "D", "ħ": "h", "ŀ": "l"}.items()}
_TRANSLIT: Final = {**header_transliteration(), **_LATIN_EXTRA}
_WORDS: Final = {**TRANSLATIONS, **WORLD_TRANSLATIONS, **HEALTH_TRANSLATIONS, **MORE_TRANSLATIONS,
                  **SCRIPT_TRANSLATIONS, **ABBREVIATIONS}
_PHRASES: Final = phrases()
_PHRASE_WORDS: Final = frozenset(w for p, _ in _PHRASES for w in p.split())
# A rule of three or more words written run together in lower case (reasonforvisit, dateofbirth): those words.
_JOINED: Final = {"".join(p.split()): tuple(p.split()) for p, c in _PHRASES  # not "d o b": dob is a word
                   if c and len(p.split()) >= 3 and min(map(len, p.split())) >= 2}
_KNOWN_HEADS: Final = frozenset(w for w in _PHRASE_WORDS if len(w) >= 3)


def _split(word: str) -> tuple[str, ...]:
    """``telefonnummer`` -> (``telefon``, ``nummer``): a compound before a known ending."""
    if word in COMPOUNDS:
        return COMPOUNDS[word]
    if word in _JOINED and word not in _WORDS:
        return _JOINED[word]
    if len(word) >= 7 and word not in _WORDS:
        for suffix in SPLIT_SUFFIXES:
            head = word[: -len(suffix)]
            if word.endswith(suffix) and len(head) >= 3:
                return (*_split(head), suffix)
    for key in ("ids", "id"):  # authorids, patientid: a known word and "id" run together
        if word.endswith(key) and len(word) - len(key) >= 4 and word[: -len(key)] in _KNOWN_HEADS:
            return (*_split(word[: -len(key)]), key)
    if word.endswith("nr") and word not in _WORDS and (word[:-2] in _WORDS or word[:-2] in _KNOWN_HEADS):
        return (*_split(word[:-2]), "nr")  # huisnr, patientnr, kontonr, telnr: a known word and its number
    return (word,)


@lru_cache(maxsize=8192)
def _word(word: str, depth: int = 0) -> tuple[str, ...]:
    """One raw word as normalised tokens: split, then each part read as its English word (which may split
    again: ``vorname`` -> ``forename`` -> ``fore name``)."""
    out: list[str] = []
    for part in _split(word):
        english = _WORDS.get(part)
        out.extend(_word(english, depth + 1) if english and english != part and depth < 3 else (part,))
    return tuple(out)


def _singular(word: str) -> str:
    """``names`` -> ``name``, ``cities`` -> ``city``, ``addresses`` -> ``address``: plurals of rule words."""
    if len(word) < 4 or not word.endswith("s") or word in _VOCABULARY:
        return word
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and (stem := word[: -len(cut)] + add) in _VOCABULARY:
            return stem
    return word


def _normalise(words: list[str]) -> tuple[str, ...]:
    tokens: list[str] = []
    for word in words:  # num_phones counts phones; numero_telefono is one: plurals stay after a count word
        counted = bool(tokens) and tokens[-1] in ("number", "count", "total", "cnt", "n")
        tokens.extend(_word(word if counted else _singular(word)))
    if "name" in tokens[:-1]:  # nombre de la madre, name of the pet: whose name, without the particle
        tokens = [t for i, t in enumerate(tokens) if not (t in NAME_PARTICLES and "name" in tokens[:i]
                                                           and i + 1 < len(tokens))]
    for marker, letters in CONTEXT_LETTERS.items():
        if marker in tokens:
            tokens = [letters.get(t, t) for t in tokens]
    tokens = ["patient" if t == "pt" and i + 1 < len(tokens) and tokens[i + 1] in _PT_BEFORE else t
              for i, t in enumerate(tokens)]
    return tuple(tokens)


@lru_cache(maxsize=8192)
def tokenize(name: str) -> tuple[str, ...]:
    """Lower-case word tokens of a snake_case, CamelCase, kebab-case or spaced name.

    Digits separate words and are dropped; run-together words are split (``firstname``) and
    abbreviations read as their word (``usrNm`` -> ``user name``, ``DOB_yr`` -> ``dob year``).
    """
    params = _PARAMS.match(name)
    if params:
        name = params.group(1)
    name = _NUMERO.sub(" number ", _FORMAT_HINT.sub(" ", name).replace("#", " number "))
    name = _INITIALS.sub(lambda m: " " + re.sub(r"[.\s]", "", m.group(0)) + " ", name)  # C.P., N.I.F.: one word
    whole = re.sub(r"[\W\d_]+", "", name).lower()
    if whole in COMPOUNDS and name.isalpha() and name != whole:  # sAMAccountName, not s AM Account Name
        return _normalise([whole])
    spaced = _CAMEL_2.sub(r"\1 \2", _CAMEL_1.sub(r"\1 \2", name.replace("ß", "ss")))
    if not spaced.isascii():
        spaced = read_cjk_words(spaced).translate(_TRANSLIT)  # Телефон -> telefon, Τηλέφωνο -> tilefono
    ascii_only = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()  # teléfono
    words = [raw.lower() for raw in _SPLIT.split(ascii_only) if raw]
    kept = [w for w in words if w not in _FILLER]
    return _normalise(_drop_connectors(kept if kept else words))


def _drop_connectors(words: list[str]) -> list[str]:
    """``himitsu_no_kotae``, ``tarehe_ya_kuzaliwa``: a particle between two romanised words joins them (the
    Japanese ``no`` is not the number in ``phone_no``)."""
    return [w for i, w in enumerate(words) if not (
        w in CONNECTORS and 0 < i < len(words) - 1 and words[i - 1] in ROMANISED and words[i + 1] in ROMANISED)]


_VOCABULARY: Final = _PHRASE_WORDS | frozenset(_WORDS.values()) | frozenset(
    ["name", "address", "city", "number", "phone", "email", "date", "year", "month", "day", "street"])
_RULES: Final = [(_normalise(p.split()), p, c) for p, c in _PHRASES]
_MAX_LEN: Final = max(len(p) for p, _, _ in _RULES)
_INDEX: Final[dict[tuple[str, ...], tuple[int, str | None]]] = {}
for _i, (_tokens, _phrase, _cat) in enumerate(_RULES):
    _INDEX.setdefault(_tokens, (_i, _cat))
_DATE_PART_WORDS: Final = frozenset(DATE_PARTS)
_NOT_A_HOME: Final = frozenset([*BIRTH_MARKERS, "death", "office", "hotel", "event", "branch", "origin",
                                "destination", "departure", "arrival", "pickup", "dropoff", "company", "store",
                                "shop", "business", "vendor", "supplier", "merchant", "bank", "warehouse", "airport",
                                "venue", "school", "university", "hospital", "clinic", "facility", "employer",
                                "agency", "org", "organization", "organisation", "site", "plant", "factory"])
_PLACE_CATEGORIES: Final = frozenset(["phone", "address", "postal_code"])
_BUSINESSES: Final = frozenset(["store", "shop", "branch", "company", "business", "vendor", "supplier", "merchant",
                                "warehouse", "restaurant", "hotel", "pharmacy", "hospital", "school", "factory",
                                "plant", "venue", "outlet", "dealer", "depot", "agency", "firm", "employer", "bank",
                                "headquarters", "hq", "retailer", "carrier", "airline", "site", "facility",
                                # a line or a room that answers for an organisation, and workplaces in other words
                                "hotline", "helpline", "switchboard", "reception", "workshop", "werkstatt", "wkst",
                                "garage", "station", "geratehaus", "feuerwache", "wache", "rathaus", "praxis",
                                "kanzlei", "filiale", "sucursal", "tienda", "magasin", "atelier",
                                # the firm, its supplier, and lodgings, cellars and pharmacies in other languages
                                "firma", "firmy", "firmie", "azienda", "empresa", "entreprise", "unternehmen", "spolka",
                                "societa", "supp", "suppl", "lieferant", "proveedor", "fornitore", "fournisseur",
                                "spolki", "spolky", "aziendale", "firmen", "dostawca", "dodavatel", "leverancier",
                                "tedarikci", "hut", "shelter", "refuge",
                                "schronisko", "rifugio", "refugio", "hutte", "chata", "ryokan", "hostel",
                                "guesthouse", "albergo", "hostal", "posada", "pousada", "pensione", "cantina",
                                "winery", "bodega", "weingut", "cellar", "kellerei", "apteka", "farmacia",
                                "pharmacie", "apotheke", "lekarna", "apotek", "eczane", "dispensary",
                                # accounts payable/receivable and remit-to: a vendor's or payee firm's contact points
                                "remit", "remittance", "ap", "ar", "payable", "payables", "receivable", "receivables"])
# A person's work mailbox is named for the employer (company_email, business_email): not a business's own mailbox.
_EMPLOYERS: Final = frozenset(["company", "business", "employer", "firm", "firma", "firmy", "firmie", "azienda",
                               "aziendale", "empresa", "entreprise", "unternehmen", "firmen", "spolka", "spolki",
                               "spolky", "societa", "agency"])
# A firm's tax id and bank account are not a person's either (the bank's own word names the account, not a firm).
_FIRM_IDS: Final = frozenset(["iban", "bank_account", "national_id"])
_NOT_A_HOUSE: Final = frozenset(["in", "publishing", "clearing", "auction", "open", "coffee", "opera", "trading",
                                  "fashion", "software", "design", "tea", "steak", "ware"])
_RECORD_WORDS: Final = frozenset(["id", "number", "no", "key", "ref", "mrn", "record", "identifier", "value", "nr"])
# What a name part cannot belong to: card_last4, order_first, seen_last.
_NOT_PEOPLE: Final = frozenset([
    "card", "account", "login", "seen", "order", "visit", "purchase", "payment", "update", "updated", "modified",
    "page", "item", "row", "record", "entry", "line", "step", "stage", "quarter", "half", "week", "month", "year",
    "day", "time", "date", "event", "session", "transaction", "digit", "char", "character", "letter", "word",
    "value", "price", "sale", "contact", "activity", "access", "run", "build", "release", "in", "out", "come",
])


# Identifiers a head-first header names after its number word (no_ktp, nomor_paspor, numero_iban).
_NUMBERED: Final = frozenset(["national_id", "passport", "driver_license", "phone", "bank_account", "credit_card",
                              "ssn", "iban"])
_AND: Final = frozenset(["and", "und", "y", "e", "et", "en", "og", "och", "i", "a", "ve", "dan", "na"])
_PERSON_NOUNS: Final = frozenset(PERSON_QUALIFIERS) - frozenset(NAME_PARTS) - frozenset([
    "full", "fam", "sur", "fore", "billing", "shipping", "legal", "real", "preferred", "personal", "f", "l", "card"])
_PARTICIPLES: Final = frozenset(["run", "done", "made", "sent", "paid", "written", "taken", "given", "seen", "held",
                                 "kept", "led", "set", "read", "brought", "bought", "built", "chosen", "driven",
                                 "known", "shown", "told", "won", "drawn", "put", "signed", "owned"])


def _birth_part(tokens: tuple[str, ...]) -> str | None:
    """``dob_yr``, ``BirthMonth``, ``year_of_birth``: one part of a date of birth (groups.py pairs them)."""
    words = set(tokens)
    if not words & BIRTH_MARKERS or "date" in words:
        return None
    parts = [DATE_PARTS[t] for t in tokens if t in _DATE_PART_WORDS]
    return parts[-1] if parts else None


@lru_cache(maxsize=4096)
def match_name(name: str) -> NameHint | None:
    """The PII category a column name points at, or None (no rule, a blocker, or a negating modifier)."""
    tokens = tokenize(name)
    part = _birth_part(tokens)
    if part is not None and not (part == "day" and "birth" in tokens):  # birth_day: a birthday
        return None
    inner = _PAREN.search(name)
    if inner is not None and inner.group(1).strip():  # "Tax ID (SSN)": the words in brackets say which one
        specific = match_name(inner.group(1))
        if specific is not None and not specific.weak:
            return NameHint(specific.category, specific.rule, surrogate=specific.surrogate, part=specific.part)
        # otherwise a remark: "Driver's license # (we verify ID at pickup)" is read without it, unless only the
        # bracket names something: "TaxCode (CF / NIF)" is a NIF if its values say so (a weak rule)
        tokens = tokenize(_PAREN.sub(" ", name)) or tokens
        if specific is not None:
            return _match(tokens, 0) or specific
    return _match(tokens, 0)


@lru_cache(maxsize=4096)
def next_hint(name: str) -> NameHint | None:
    """The reading of the words after the first rule's phrase (``Default Address Zip``: ``zip``), for when
    the values contradict the first reading."""
    first = match_name(name)
    return None if first is None or first.end == 0 else _match(tokenize(name), first.end)


def _match(tokens: tuple[str, ...], first: int) -> NameHint | None:
    best: tuple[int, int, int, int, str | None] | None = None  # (-len, rule order, start, end, category)
    for start in range(first, len(tokens)):
        for end in range(start + 1, min(len(tokens), start + _MAX_LEN) + 1):
            hit = _INDEX.get(tokens[start:end])
            if hit is not None:
                cand = (start - end, hit[0], start, end, hit[1])
                if best is None or cand[:2] < best[:2]:
                    best = cand
    if best is None:
        return _actor(tokens) if first == 0 else None
    if best[4] is None:
        return None
    start, end, category = best[2], best[3], best[4]
    medical = category == "medical"
    before, after = tokens[:start], tokens[end:]
    rule = " ".join(tokens[start:end])
    head_first = before[-1:] == ("number",) and category in _NUMBERED and len(before) == 1  # no_ktp: a KTP number
    if not medical and before and not head_first and (before[-1] in PREFIX_NEG or before[-2:] == ("number", "of")):
        return None  # has_email, num_phones, number_of_emails; numero_de_telefono is a phone number
    if rule == "patient" and after and not set(after) <= _RECORD_WORDS:
        return _match(tokens, end)  # patient_phone, Patient.gender: PHI as a qualifier (phi_qualified) only
    negators = SUFFIX_NEG - MEDICAL_KEEPS if medical else SUFFIX_NEG - CATEGORY_KEEPS.get(category, frozenset())
    if any(t in negators for t in after):
        return None
    if rule in NAME_PARTS and before and before[-1] in _PERSON_NOUNS and end == len(tokens):
        return NameHint(category, f"{before[-1]} {rule}", end=end)  # pt_last, cust_first: a person's last name
    if rule in NAME_PARTS and len(tokens) > 1 and (end < len(tokens) or set(before) & _NOT_PEOPLE):
        return None  # FIRST, pax_given, host_first are name parts (values decide); first_seen, card_last4 not
    if category in _PLACE_CATEGORIES and (_of_business(before) or _of_business(after)):
        return None  # store_phone, branch_address, vendor_zip, telefono_azienda: a place of business, not a person
    if category == "email" and set(before) & _BUSINESSES - _EMPLOYERS:
        return None  # store_email, supplier_contact_email: the shop's or supplier's mailbox; company_email is staff's
    if category in _FIRM_IDS and "bank" not in tokens and (_of_business(before) or _of_business(after)):
        return None  # supplier_iban, nip_firmy: a firm's account or tax id
    if category == "address" and "number" in after:  # street_number: a house number, one part of an address
        if after[0] in _AND or set(after) & HOUSE_NUMBER_HEADS:  # "Straße / Hausnr.", "calle y número": both,
            return NameHint(category, rule, weak=True, end=end)  # if the values are streets with their numbers
        return None
    expiry_part = next((t for t in after if t in ("month", "year")), None) if category == "card_expiry" else None
    # patient_id is a record number, unless its values are UUIDs (a resource's key: FHIR Patient.id)
    surrogate = (not medical or rule == "patient") and any(t in ID_SUFFIX for t in after)
    weak = rule in WEAK_RULES
    if weak and surrogate and category == "person_name" and is_actor(rule):
        # author_id, reviewer_ids: a key (42, a UUID, C0042), unless the values are the people's login handles
        return NameHint("username", f"{rule} id", weak=True, surrogate=True, end=end)
    if weak and surrogate:
        return None  # customer_id, user_key: a person's key, not the person
    return NameHint(category, rule, weak=weak, surrogate=surrogate, part=expiry_part, end=end)


def _of_business(tokens: tuple[str, ...]) -> bool:
    pairs = zip(tokens, tokens[1:], strict=False)
    return bool(set(tokens) & _BUSINESSES) or any(pair in BUSINESS_PHRASES for pair in pairs)


def names_firm(name: str) -> bool:
    """``supplier_iban``, ``nip_firmy``: a firm's account or tax id (a bank's own word names the account)."""
    tokens = tokenize(name)
    return "bank" not in tokens and _of_business(tokens)


def names_business(name: str) -> bool:
    """``store_phone``, ``branch_address``: the name is about a place of business, whose contact points and
    address are not a person's (values that look like phones there stay unflagged too)."""
    return _of_business(tokenize(name))


def is_actor(rule: str) -> bool:
    """A rule naming who did something, who may be written as a login: ``created by``, ``assignee``."""
    return rule.endswith(" by") or rule in ACTOR_ROLES


def _actor(tokens: tuple[str, ...]) -> NameHint | None:
    """``triggered_by``, ``approved_by``: who did it (a person or a login), not ``sort_by``/``group_by``."""
    if len(tokens) >= 2 and tokens[-1] == "by" and (tokens[-2].endswith("ed") or tokens[-2] in _PARTICIPLES):
        return NameHint("person_name", " ".join(tokens[-2:]), weak=True)
    return None


@lru_cache(maxsize=4096)
def quasi_part(name: str) -> tuple[str, str] | None:
    """(group, part) when the name makes the column one part of a quasi-identifier group.

    Groups: ``date_of_birth`` (year, month, day) and ``address`` (number, street, unit, city, postal).
    """
    tokens = tokenize(_PAREN.sub(" ", name)) or tokenize(name)  # Población (envío): the town, where it goes
    if not tokens:
        return None
    birth = _birth_part(tokens) or (
        "day" if set(tokens) & BIRTH_MARKERS and "day" in tokens and "date" not in tokens else None)
    if birth is not None:
        return ("date_of_birth", birth)
    words = set(tokens)
    core = tokens[:-1] if tokens[-1] in ("name", "number", "code") and len(tokens) > 1 else tokens
    if ("number" in words and words & HOUSE_NUMBER_HEADS) or words & HOUSE_NUMBER_WORDS:
        return ("address", "number")
    if tokens == ("number",):
        return ("address", "bare_number")  # numero, Nr: a house number only beside a street (groups.py)
    owner_ok = not set(core[:-1]) & _NOT_A_HOME  # billing_city, service_addr_town; not company_city, birth_city
    if tokens[-1] in ("house", "building") and owner_ok and len(tokens) > 1 and not words & _NOT_A_HOUSE:
        return ("address", "house")  # donor_house: "12", "4a" or "Rose Cottage", a house number or name
    if core[-1] in UNIT_WORDS and (len(core) == 1 or set(core[:-1]) <= ADDRESS_MARKERS | {"number"}):
        return ("address", "unit")
    if core[-1] in CITY_WORDS and owner_ok:
        return ("address", "city")
    if owner_ok and tokens[-1] != "code" and (core[-1] in REGION_WORDS or core[-1] in MARKED_REGIONS and set(
            core[:-1]) & ADDRESS_MARKERS):  # Province Code: a code, as the development set labels Shopify's
        return ("address", "region")
    if tokens in POSTAL_ABBREVIATIONS:
        return ("address", "postal")
    if tokens in CITY_ALONE:
        return ("address", "city")  # CP, CAP, NPA: a postal code only beside the rest of an address
    hint = match_name(name)
    if hint is not None and hint.category == "address" and not hint.weak:
        return ("address", "street")
    if hint is not None and hint.category == "postal_code":
        return ("address", "postal")
    return None


def phi_qualified(name: str) -> bool:
    """The name says the column is about a patient (patient_email): its PII is PHI under HIPAA."""
    return any(t in PHI_QUALIFIERS for t in tokenize(name))
