"""The PII categories, the kind each belongs to and the sensitivity the catalog records for it."""

from __future__ import annotations

from typing import Final

PII: Final = "PII"
PHI: Final = "PHI"
FINANCIAL: Final = "Financial"

RESTRICTED: Final = "restricted"
CONFIDENTIAL: Final = "confidential"

# category -> (kind, sensitivity). Government identifiers, account numbers and health data are
# "restricted"; contact details and other personal attributes are "confidential".
CATEGORIES: Final[dict[str, tuple[str, str]]] = {
    "email": (PII, CONFIDENTIAL),
    "phone": (PII, CONFIDENTIAL),
    "person_name": (PII, CONFIDENTIAL),
    "address": (PII, CONFIDENTIAL),
    "postal_code": (PII, CONFIDENTIAL),
    "date_of_birth": (PII, CONFIDENTIAL),
    "ip_address": (PII, CONFIDENTIAL),
    "ssn": (PII, RESTRICTED),
    "national_id": (PII, RESTRICTED),
    "passport": (PII, RESTRICTED),
    "driver_license": (PII, RESTRICTED),
    "username": (PII, CONFIDENTIAL),
    "security_answer": (PII, RESTRICTED),
    # quasi-identifiers: one column of a date of birth or an address split over several (groups.py)
    "date_of_birth_part": (PII, CONFIDENTIAL),
    "address_part": (PII, CONFIDENTIAL),
    "credit_card": (FINANCIAL, RESTRICTED),
    "card_expiry": (FINANCIAL, RESTRICTED),
    "card_security_code": (FINANCIAL, RESTRICTED),
    "iban": (FINANCIAL, RESTRICTED),
    "bank_account": (FINANCIAL, RESTRICTED),
    "salary": (FINANCIAL, CONFIDENTIAL),
    "medical": (PHI, RESTRICTED),
}


def kind_and_sensitivity(category: str, *, phi: bool = False) -> tuple[str, str]:
    """The kind and sensitivity of ``category``; ``phi`` marks PII about a patient, which HIPAA makes PHI."""
    kind, sensitivity = CATEGORIES[category]
    if phi and kind == PII:
        return PHI, RESTRICTED
    return kind, sensitivity
