"""Table context that a single column cannot show: an identity document's number beside its type, and
the record and plan numbers of a table that holds health data.

``id_number`` alone is any identifier; beside ``id_type`` holding ``Passport``/``DL``/``State ID`` it is
the number of the document named there. ``member_id`` or ``chart_no`` alone is any key; in a table with
a diagnosis or allergies it is a health plan or medical record number (HIPAA identifiers).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from lakehouse.ingest.pii.categories import kind_and_sensitivity
from lakehouse.ingest.pii.detector import MIN_VALUES, PiiFinding, finding
from lakehouse.ingest.pii.name_words_more import LAB_UNITS
from lakehouse.ingest.pii.names import names_business, phi_qualified, tokenize
from lakehouse.ingest.pii.sampling import Values, is_surrogate_key
from lakehouse.ingest.pii.validators import is_salary_amount

_DOC_WORDS: Final = frozenset(["id", "identification", "identity", "document", "doc", "ident", "documento",
                               "dokument", "documenti", "documentos"])
_KIND_WORDS: Final = frozenset(["type", "kind", "category", "tipo", "typ", "soort", "rodzaj"])
_NUMBER_WORDS: Final = frozenset(["number", "value", "identifier"])
_DOC_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9 \-/.]{3,19}$")
_HEALTH_IDS: Final = frozenset(["chart", "member", "subscriber", "beneficiary", "insurance", "insured", "medicare",
                                "medicaid", "enrollee", "policy", "plan", "mrn",
                                # a patient's file and a health insurer's member in other languages (N° dossier,
                                # n° de expediente, cartella clinica, journalnummer, mutuelle, Krankenkasse)
                                "dossier", "expediente", "cartella", "journal", "journalnummer", "mutuelle", "mutua",
                                "krankenkasse", "kasse", "zorgverzekeraar", "convenio"])
# What a visit is for, and what was done (motif, motivo, Åtgärd, acte, Eingriff): health data in a table with
# some (a diagnosis, a patient named in a header), any reason or action elsewhere
_VISIT_WORDS: Final = frozenset(["reason", "procedure", "procedimiento", "procedimento", "acte", "actes",
                                 "intervention", "intervencion", "intervento", "eingriff", "ingrepp", "atgard",
                                 "toimenpide", "zabieg", "behandlingsatgard", "vardatgard"])
_VISIT_QUALIFIERS: Final = frozenset(["visit", "appointment", "admission", "medical", "clinical", "patient"])
HEALTH_CONTEXT: Final = "in a table with health data"
# Gross and net amounts (Brutto, netto, bruto, lordo) are pay beside whose pay it is: a named person with a tax or
# social-security number (a payroll extract); an invoice's gross beside a customer's name has no such number
_PAY_AMOUNTS: Final = frozenset(["gross", "brutto", "bruto", "brut", "lordo", "net", "netto", "neto"])
_PAYEE_IDS: Final = frozenset(["national_id", "ssn"])
_ID_WORDS: Final = frozenset(["id", "number", "identifier", "ref"])
_KEY_WORDS: Final = frozenset(["id", "number", "code", "key", "name", "ref"])
_PLACE_CATEGORIES: Final = frozenset(["address", "address_part", "postal_code", "phone"])
SHARE: Final = 0.8
_MANY_ANSWERS: Final = 10  # distinct answers enough to be people's own, not a survey's options


def document_kind(value: object) -> str | None:
    """The category of an identity document named in an ``id_type`` column, or None."""
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKD", value.lower()).encode("ascii", "ignore").decode()  # Führerschein, dowód
    words = set(re.split(r"[^a-z]+", text))
    if any(w in text for w in ("passport", "pasaport", "passeport", "passaport", "reisepass", "paspoort", "paszport")
           ) or "pp" in words:
        return "passport"
    if words & {"dl", "driver", "drivers", "driving", "licence", "license", "permis", "licencia", "patente",
                "fuhrerschein", "rijbewijs"}:
        return "driver_license"
    if words & {"id", "identity", "national", "dni", "cedula", "nric", "card", "citizen", "residence", "aadhaar",
                "carta", "carte", "ausweis", "personalausweis", "dowod", "cni"} or "identi" in text:
        return "national_id"
    return None


def _is_doc_number(value: object) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return 10_000 <= value < 10**15
    return isinstance(value, str) and bool(_DOC_NUMBER.match(value.upper())) and any(c.isdigit() for c in value)


def _share(values: Values, check: Callable[[object], bool]) -> float:
    return sum(1 for v in values.items if check(v)) / len(values.items)


def _documents(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
               found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    kinds: Counter[str] = Counter()
    type_column = None
    for name in columns:
        tokens = set(tokenize(name))
        values = samples[name]
        if tokens & _DOC_WORDS and tokens & _KIND_WORDS and len(values.items) >= MIN_VALUES:
            named = [str(v).strip().lower() for v in values.items if document_kind(v) is not None]
            if len(named) >= SHARE * len(values.items):
                kinds.update(named)  # the most frequent document decides (passport over id_card, permit)
                type_column = name
    if type_column is None:
        return {}
    category = document_kind(kinds.most_common(1)[0][0]) or "national_id"
    out: dict[str, PiiFinding] = {}
    for name, names in columns.items():
        tokens = set(tokenize(name))
        values = samples[name]
        if name in found or name == type_column or not tokens & _DOC_WORDS or not tokens & _NUMBER_WORDS:
            continue
        if len(values.items) >= MIN_VALUES and _share(values, _is_doc_number) >= SHARE:
            out[name] = finding(names, category, 0.8, f"document numbers beside {type_column!r}, which names "
                                f"the documents (mostly {category.replace('_', ' ')})")
    return out


def _health_ids(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    out: dict[str, PiiFinding] = {}
    for name, names in columns.items():
        tokens = tokenize(name)
        values = samples[name]
        if name in found or not set(tokens) & _HEALTH_IDS or not (set(tokens) & _ID_WORDS or tokens == ("mrn",)):
            continue
        n = len(values.items)
        if n < MIN_VALUES or is_surrogate_key(values) and values.kind != "int" or len(set(values.items)) < 0.9 * n:
            continue
        if _share(values, _is_doc_number) >= SHARE:
            out[name] = finding(names, "medical", 0.7, f"a record or plan number {HEALTH_CONTEXT}")
    return out


def _says_health(f: PiiFinding) -> bool:
    """A medical finding that makes its table one with health data: named so, or read from such a table."""
    return f.category == "medical" and (f.evidence.startswith("name rule") or f.evidence.endswith(HEALTH_CONTEXT))


def _health_table(columns: Mapping[str, Sequence[str]], found: Mapping[str, PiiFinding]) -> bool:
    return any(map(_says_health, found.values())) or any(phi_qualified(n) for names in columns.values() for n in names)


def _visit_reasons(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                   found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    """A bare ``Motif`` or ``Åtgärd`` (what the visit was for, what was done) is health data where the table is
    about patients: words, some of them repeated, not record numbers."""
    out: dict[str, PiiFinding] = {}
    for name, names in columns.items():
        values = samples[name]
        tokens = tokenize(name)
        if name in found or not tokens or tokens[-1] not in _VISIT_WORDS or values.kind != "str":
            continue
        if not set(tokens[:-1]) <= _VISIT_QUALIFIERS:
            continue  # a cancellation reason, a billing action: not what the visit was for
        n = len(values.items)
        if n < MIN_VALUES or _share(values, _is_doc_number) >= 0.5 or len(set(values.items)) == n:
            continue
        if _share(values, lambda v: any(c.isalpha() for c in str(v))) >= SHARE:
            out[name] = finding(names, "medical", 0.7, f"what a visit was for or what was done {HEALTH_CONTEXT}")
    return out


def _pay(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
         found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    categories = {f.category for f in found.values()}
    if "person_name" not in categories or not categories & _PAYEE_IDS:
        return {}
    out: dict[str, PiiFinding] = {}
    for name, names in columns.items():
        values = samples[name]
        tokens = set(tokenize(name))
        if name in found or not tokens & _PAY_AMOUNTS or values.kind not in ("int", "float", "str"):
            continue
        if len(values.items) >= MIN_VALUES and _share(values, is_salary_amount) >= SHARE:
            out[name] = finding(names, "salary", 0.7, "gross or net amounts beside a named person's tax or "
                                "social-security number (a payroll)")
    return out


def _security_answers(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                      found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    """``answer`` beside a ``question`` column that repeats a few questions (chosen from a list, as security
    questions are), in a table about identified people: short, varied answers are the secret answers. An FAQ's
    questions are all different; a survey's answers repeat a few options."""
    questions = [n for n in columns if "question" in tokenize(n) and len(samples[n].items) >= MIN_VALUES
                 and len(set(samples[n].items)) <= 0.5 * len(samples[n].items)]
    if not questions or not found:  # an account holder's secret sits beside who they are; a survey's does not
        return {}
    out: dict[str, PiiFinding] = {}
    for name, names in columns.items():
        values = samples[name]
        if name in found or tokenize(name)[-1:] != ("answer",) or values.kind != "str":
            continue
        if len(values.items) < MIN_VALUES:
            continue
        distinct = len(set(values.items))  # "Bello", "Hamburg", ...; not a survey's "yes", "no", "not sure"
        many = distinct >= 0.5 * len(values.items) or distinct >= _MANY_ANSWERS
        if many and _share(values, lambda v: len(str(v).split()) <= 4) >= SHARE:
            out[name] = finding(names, "security_answer", 0.7, f"short answers beside {questions[0]!r}, which "
                                "repeats a few questions (security questions)")
    return out


def context_findings(columns: Mapping[str, Sequence[str]], samples: Mapping[str, Values],
                     found: Mapping[str, PiiFinding]) -> dict[str, PiiFinding]:
    """Findings for unflagged columns that the rest of the table explains."""
    out = _documents(columns, samples, found)
    out.update(_security_answers(columns, samples, {**found, **out}))
    out.update(_pay(columns, samples, {**found, **out}))
    if _health_table(columns, found):
        out.update(_visit_reasons(columns, samples, {**found, **out}))
    if any(map(_says_health, {**found, **out}.values())):
        out.update(_health_ids(columns, samples, {**found, **out}))
    return out


def business_place_rows(columns: Mapping[str, Sequence[str]], found: Mapping[str, PiiFinding]) -> set[str]:
    """When a table's first column keys a place of business (``store_id``, ``branch_code``), its bare
    ``street``, ``postcode``, ``city`` and ``phone`` are the shop's: the names of those findings."""
    first = next(iter(columns), None)
    if first is None:
        return set()
    tokens = set(tokenize(first))
    if not (names_business(first) and tokens & _KEY_WORDS):
        return _organisation_rows(columns, found)
    return {name for name, f in found.items() if f.category in _PLACE_CATEGORIES and len(tokenize(name)) <= 2
            and not any(t in _PERSON_WORDS for t in tokenize(name))}


# What a CRM describes an organisation by (its website, head count, VAT number, revenue, industry, registry ids)
_ORG_ATTRIBUTES: Final = ("website", "homepage", "employee", "headcount", "revenue", "turnover", "industry")
_ORG_CODES: Final = frozenset(["vat", "duns", "naics", "sic", "ticker"])
# An account's billing, shipping and mailing address is the organisation's, as a customer's is the customer's
_ACCOUNT_ROLES: Final = frozenset(["billing", "shipping", "mailing", "delivery", "customer"])
_ORG_KEYS: Final = frozenset(["account", "company", "organization", "organisation", "org", "firm", "enterprise"])
# A person named in an organisation's row: its contact or the rep who owns the record, not the row's subject
_ORG_PEOPLE: Final = ("contact", "owner", "manager", "rep", "agent", "created", "modified")


def _organisation_rows(columns: Mapping[str, Sequence[str]], found: Mapping[str, PiiFinding]) -> set[str]:
    """An accounts table (first column keys an account or company, two columns describe an organisation, and
    every person it names is a contact or owner): its bare address, phone and mailbox are the organisation's."""
    first = next(iter(columns))
    if not set(tokenize(first)) & _ORG_KEYS or not set(tokenize(first)) & _KEY_WORDS:
        return set()
    if sum(any(a in "".join(tokenize(n)) for a in _ORG_ATTRIBUTES) or bool(set(tokenize(n)) & _ORG_CODES)
           for n in columns) < 2:
        return set()
    if any(f.category == "person_name" and not _names_org_person(name) for name, f in found.items()):
        return set()  # a lead or a customer: the row is about a person
    return {name for name, f in found.items() if f.category in _PLACE_CATEGORIES | {"email"}
            and not set(tokenize(name)) & _PERSON_WORDS - _ACCOUNT_ROLES and not _names_org_person(name)}


def _names_org_person(name: str) -> bool:
    return any(p in name.lower() for p in _ORG_PEOPLE)


_PERSON_WORDS: Final = frozenset(["home", "customer", "client", "member", "owner", "manager", "contact", "personal",
                                  "private", "residential", "mailing", "billing", "shipping", "delivery", "employee",
                                  "patient", "guest", "tenant", "resident"])


# A column about an animal (its species, breed, microchip, or a pet's name): the table's health data is a pet's.
_ANIMAL_WORDS: Final = frozenset(["species", "specie", "especie", "espece", "breed", "microchip", "transponder",
                                  "tierart", "rasse", "gatunek", "livestock", "cattle", "veterinary", "veterinario",
                                  "veterinaire", "tierarzt"])
# A pet or an animal is the subject only with what names it: "pet_name", "animal_type"; a PET scan is not one.
_ANIMALS: Final = frozenset(["pet", "animal", "animale", "haustier", "huisdier", "mascota", "hewan", "hayvan",
                             "zwierze", "zwierzecia"])
_ANIMAL_ATTRIBUTES: Final = frozenset(["name", "type", "kind", "id", "number", "chip", "age", "sex", "weight"])


def animal_table(columns: Mapping[str, Sequence[str]]) -> bool:
    """The table describes animals (a vet's patients): its diagnoses and drugs are not a person's health data."""
    for name in columns:
        tokens = set(tokenize(name))
        if tokens & _ANIMAL_WORDS or (tokens & _ANIMALS and tokens & _ANIMAL_ATTRIBUTES):
            return True
    return False


def lab_values_of_no_one(found: Mapping[str, PiiFinding]) -> set[str]:
    """Lab units in a header (``nitrate_mg_l``, ``glucose_mmol_l``) make a lab result only about a person: in a
    table where nothing else is personal (water samples, a reagent catalogue) they are not health data."""
    labs = {name for name, f in found.items() if f.category == "medical" and
            any(f.evidence.startswith(f"name rule '{unit}'") for unit in LAB_UNITS)}
    return labs if labs and labs == set(found) else set()


def _as_kind(found: PiiFinding, phi: bool) -> PiiFinding:
    if found.kind != ("PII" if phi else "PHI"):
        return found
    kind, sensitivity = kind_and_sensitivity(found.category, phi=phi)
    return PiiFinding(found.column, kind, found.category, found.confidence, found.evidence, sensitivity)


def with_kinds(columns: Mapping[str, Sequence[str]], found: dict[str, PiiFinding]) -> dict[str, PiiFinding]:
    """PII in a table that also holds health data (a diagnosis, a patient number) is PHI under HIPAA; in a
    table about animals it is not (a vet's: the diagnosis is the pet's, the owner's phone is plain PII)."""
    if animal_table(columns):
        return {name: _as_kind(f, phi=False) for name, f in found.items() if f.category != "medical"}
    if any(map(_says_health, found.values())):
        return {name: _as_kind(f, phi=True) for name, f in found.items()}  # a patient's address is PHI
    return found
