"""Column-name rules: tokenize a column name and match whole-token phrases to PII categories."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final


@dataclass(frozen=True)
class NameHint:
    category: str
    rule: str  # the matched phrase, e.g. "date of birth"
    weak: bool = False  # a bare "name": only values can tell a person from a product
    surrogate: bool = False  # followed by id/key: integer or UUID values mean a foreign key


_CAMEL_1 = re.compile(r"([a-z0-9])([A-Z])")
_CAMEL_2 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_SPLIT = re.compile(r"[^A-Za-z0-9]+")

# Run-together spellings seen in real schemas; splitting them is explicit so matching stays whole-token.
_COMPOUNDS: Final[dict[str, tuple[str, ...]]] = {
    "emailaddress": ("email", "address"), "emailaddr": ("email", "address"),
    "phonenumber": ("phone", "number"), "cellphone": ("cell", "phone"),
    "homephone": ("home", "phone"), "workphone": ("work", "phone"), "mobilephone": ("mobile", "phone"),
    "firstname": ("first", "name"), "lastname": ("last", "name"), "fullname": ("full", "name"),
    "givenname": ("given", "name"), "familyname": ("family", "name"), "middlename": ("middle", "name"),
    "maidenname": ("maiden", "name"), "username": ("user", "name"), "filename": ("file", "name"),
    "companyname": ("company", "name"), "productname": ("product", "name"), "hostname": ("host", "name"),
    "displayname": ("display", "name"), "nickname": ("nick", "name"), "screenname": ("screen", "name"),
    "dateofbirth": ("date", "of", "birth"), "birthdate": ("birth", "date"), "birthday": ("birth", "day"),
    "zipcode": ("zip", "code"), "postalcode": ("postal", "code"), "postcode": ("post", "code"),
    "creditcard": ("credit", "card"), "cardnumber": ("card", "number"), "ccnum": ("cc", "number"),
    "streetaddress": ("street", "address"), "ipaddress": ("ip", "address"),
    "addressline": ("address", "line"),
    "socialsecuritynumber": ("social", "security", "number"), "nationalid": ("national", "id"),
    "accountnumber": ("account", "number"), "bloodtype": ("blood", "type"), "bloodgroup": ("blood", "group"),
    "driverslicense": ("drivers", "license"), "driverlicense": ("driver", "license"),
    "codicefiscale": ("codice", "fiscale"), "payrate": ("pay", "rate"), "macaddress": ("mac", "address"),
}


def tokenize(name: str) -> tuple[str, ...]:
    """Lower-case word tokens of a snake_case, camelCase, kebab-case or spaced name; digits dropped."""
    spaced = _CAMEL_2.sub(r"\1 \2", _CAMEL_1.sub(r"\1 \2", name))
    out: list[str] = []
    for raw in _SPLIT.split(spaced):
        tok = raw.lower().rstrip("0123456789")  # address1 -> address, icd10 -> icd, last4 -> last
        if tok:
            out.extend(_COMPOUNDS.get(tok, (tok,)))
    return tuple(out)


_PERSON_QUALIFIERS: Final = (
    "first", "last", "full", "given", "family", "middle", "maiden", "sur", "fore", "customer", "client",
    "employee", "emp", "contact", "person", "patient", "member", "applicant", "candidate", "student", "owner",
    "holder", "cardholder", "recipient", "sender", "beneficiary", "guardian", "parent", "spouse", "mother",
    "father", "child", "emergency", "manager", "buyer", "author", "driver", "passenger", "guest", "traveler",
    "traveller", "tenant", "landlord", "borrower", "debtor", "insured", "policyholder", "subscriber", "donor",
    "voter", "resident", "citizen", "doctor", "physician", "nurse", "teacher", "signer", "signatory",
    "witness", "claimant", "attendee", "participant", "respondent", "volunteer", "worker", "staff", "caller",
    "billing", "shipping", "legal", "real", "preferred", "personal",
)
_NON_PERSON_QUALIFIERS: Final = (
    "company", "product", "file", "user", "host", "domain", "brand", "business", "store", "shop", "org",
    "organization", "organisation", "vendor", "supplier", "merchant", "bank", "city", "country", "state",
    "region", "category", "item", "project", "team", "dataset", "table", "column", "field", "schema",
    "database", "db", "event", "campaign", "job", "app", "application", "device", "model", "tag", "key",
    "attribute", "role", "group", "department", "dept", "site", "server", "service", "queue", "topic",
    "bucket", "feature", "font", "plan", "course", "place", "location", "venue", "sku", "species", "song",
    "album", "track", "display", "screen", "nick", "folder", "directory", "path", "image", "class", "module",
    "package", "function", "method", "metric", "variable", "index", "collection", "sheet", "report",
    "document", "doc", "template", "style", "theme", "color", "colour", "layer", "stage", "step", "task",
    "workflow", "pipeline", "branch", "repo", "repository", "library", "channel", "list", "menu", "page",
    "section", "skill", "language", "currency", "unit", "school", "university", "hospital", "clinic",
    "facility", "warehouse", "airport", "airline", "carrier", "provider", "partner", "entity", "employer",
    "firm", "agency", "league", "game", "movie", "book", "title", "object", "resource", "policy", "rule",
    "view", "account", "street",
)

_P = tuple[str, ...]


def _rules() -> list[tuple[_P, str | None]]:
    rules: list[tuple[_P, str | None]] = []

    def add(category: str | None, *phrases: str) -> None:
        rules.extend((tuple(p.split()), category) for p in phrases)

    add(None, "mac address", "web address", "wallet address", "contract address", "server address",
        "host address", "url", "zip file", "zip archive")
    add("email", "email", "e mail", "email address", "mail address")
    add("ip_address", "ip", "ipv", "ip address", "remote addr", "remote address", "client ip")
    add("phone", "phone", "phone number", "phone no", "telephone", "tel", "mobile", "mobile number",
        "fax", "cell phone", "cell number", "msisdn")
    add("ssn", "ssn", "social security", "social security number")
    add("national_id", "national id", "national identifier", "national identity", "national insurance",
        "nin", "nino", "aadhaar", "aadhar", "bsn", "cpf", "curp", "dni", "nie", "nif", "pesel", "itin",
        "personnummer", "codice fiscale", "social insurance", "sin number", "hetu", "identity card",
        "identity number", "id card number")
    add("passport", "passport", "passport number", "passport no")
    add("driver_license", *(f"{d} {lic}" for d in ("driver", "drivers", "driving")
                            for lic in ("license", "licence", "lic")), "dl number", "dl no", "dln")
    add("credit_card", "credit card", "credit card number", "card number", "card num", "card no",
        "cc number", "pan", "primary account number", "cvv", "cvc")
    add("iban", "iban")
    add("bank_account", "bank account", "bank account number", "account number", "account no",
        "account num", "acct number", "acct no", "acct num", "bank details", "bank info",
        "routing number", "routing no")
    add("salary", "salary", "salaries", "compensation", "income", "wage", "wages", "pay rate",
        "base pay", "annual pay", "hourly rate", "remuneration")
    add("address", "address", "addr", "street", "street address", "address line", "home address",
        "mailing address", "postal address", "street name")
    add("postal_code", "zip", "zip code", "postal", "postal code", "post code", "plz")
    add("date_of_birth", "dob", "date of birth", "birth date", "birth day", "birth dt", "born",
        "date birth")
    add("medical", "diagnosis", "diagnoses", "icd", "medication", "medications", "medicine", "meds",
        "prescription", "prescriptions", "rx", "dosage", "allergy", "allergies", "allergic",
        "blood type", "blood group", "blood pressure", "symptom", "symptoms", "treatment", "disease",
        "disorder", "illness", "medical", "clinical", "patient", "mrn", "medical record", "hiv",
        "diabetes", "diabetic", "cancer", "pregnancy", "pregnant", "disability", "vaccination",
        "vaccine", "immunization", "lab result", "therapy", "surgery", "bmi", "health condition",
        "health record")
    add("person_name", *(f"{q} name" for q in _PERSON_QUALIFIERS), "surname", "forename", "fname",
        "lname", "name first", "name last")
    add(None, *(f"{q} name" for q in _NON_PERSON_QUALIFIERS))
    add("person_name", "name")  # bare: weak, see match_name
    return rules


_RULES: Final = _rules()
_MAX_LEN: Final = max(len(p) for p, _ in _RULES)
_INDEX: Final[dict[_P, tuple[int, str | None]]] = {}
for _i, (_phrase, _cat) in enumerate(_RULES):
    _INDEX.setdefault(_phrase, (_i, _cat))

_PREFIX_NEG: Final = frozenset(["has", "is", "was", "n", "num", "nb", "count", "cnt", "total", "number"])
_SUFFIX_NEG: Final = frozenset((
    "verified", "verification", "confirmed", "validated", "valid", "invalid", "opt", "optin", "optout",
    "opted", "consent", "consented", "subscribed", "subscription", "unsubscribed", "enabled", "disabled",
    "flag", "bounced", "bounce", "count", "cnt", "type", "kind", "status", "format", "template", "campaign",
    "sent", "opened", "clicked", "domain", "provider", "length", "len", "visible", "public", "pref",
    "preference", "preferences", "changed", "updated", "hash", "hashed", "sha", "md", "token", "tokenized",
    "encrypted", "masked", "mask", "last", "bin", "brand", "network", "issuer", "expiry", "exp", "expiration",
    "expires", "month", "year", "country", "region", "city", "geo", "location", "version", "code", "ext",
    "extension", "prefix", "area", "present", "required", "missing", "available", "field", "column", "label",
    "regex", "pattern", "policy", "file", "archive", "path", "size", "currency", "band", "grade", "frequency",
    "period", "basis", "unit", "app", "device", "os", "platform", "browser", "range",
))
# Health facts stay PHI even as flags or codes (has_diabetes, diagnosis_code, allergy_status).
_MEDICAL_KEEPS: Final = frozenset(["code", "type", "status", "flag", "kind"])
_ID_SUFFIX: Final = frozenset(["id", "key", "uuid", "guid", "fk", "pk", "ref"])
_PHI_QUALIFIERS: Final = frozenset(["patient", "medical", "clinical"])


@lru_cache(maxsize=4096)
def match_name(name: str) -> NameHint | None:
    """The PII category a column name points at, or None (no rule, a blocker, or a negating modifier)."""
    tokens = tokenize(name)
    best: tuple[int, int, int, int, str | None] | None = None  # (-len, rule order, start, end, category)
    for start in range(len(tokens)):
        for end in range(start + 1, min(len(tokens), start + _MAX_LEN) + 1):
            hit = _INDEX.get(tokens[start:end])
            if hit is not None:
                cand = (start - end, hit[0], start, end, hit[1])
                if best is None or cand[:2] < best[:2]:
                    best = cand
    if best is None:
        return None
    _, _, start, end, found = best
    if found is None:
        return None
    category: str = found
    medical = category == "medical"
    before, after = tokens[:start], tokens[end:]
    if not medical and any(t in _PREFIX_NEG for t in before):
        return None
    negators = _SUFFIX_NEG - _MEDICAL_KEEPS if medical else _SUFFIX_NEG
    if category == "postal_code":
        negators = negators - {"code"}
    if any(t in negators for t in after):
        return None
    rule = " ".join(tokens[start:end])
    surrogate = not medical and any(t in _ID_SUFFIX for t in after)
    return NameHint(category, rule, weak=(rule == "name"), surrogate=surrogate)


def phi_qualified(name: str) -> bool:
    """The name says the column is about a patient (patient_email): its PII is PHI under HIPAA."""
    return any(t in _PHI_QUALIFIERS for t in tokenize(name))
