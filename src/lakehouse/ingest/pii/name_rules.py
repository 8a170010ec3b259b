"""The vocabulary of the column-name rules: run-together words, abbreviations, phrases and modifiers.

Phrases are whole-token sequences; both a column name and every phrase go through the same
normalisation (``names.tokenize``), so ``CCNum``, ``cc_num`` and the phrase ``cc number`` meet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lakehouse.ingest.pii.name_words import NATIONAL_ID_WORDS, WEAK_NATIONAL_ID_WORDS
from lakehouse.ingest.pii.name_words_health import HEALTH_PERSON_PHRASES, HEALTH_PHRASES
from lakehouse.ingest.pii.name_words_more import MORE_PHRASES, MORE_WEAK_PHRASES
from lakehouse.ingest.pii.name_words_world import MORE_ROLES, PHRASES, WEAK_PHRASES, WORLD_COMPOUNDS

# Run-together spellings seen in real schemas; splitting them is explicit so matching stays whole-token.
COMPOUNDS: Final[dict[str, tuple[str, ...]]] = {
    "emailaddress": ("email", "address"), "emailaddr": ("email", "address"), "emailid": ("email", "id"),
    "phonenumber": ("phone", "number"), "cellphone": ("cell", "phone"), "phoneno": ("phone", "number"),
    "homephone": ("home", "phone"), "workphone": ("work", "phone"), "mobilephone": ("mobile", "phone"),
    "telno": ("tel", "number"), "mobileno": ("mobile", "number"), "cellno": ("cell", "number"),
    "firstname": ("first", "name"), "lastname": ("last", "name"), "fullname": ("full", "name"),
    "givenname": ("given", "name"), "familyname": ("family", "name"), "middlename": ("middle", "name"),
    "maidenname": ("maiden", "name"), "username": ("user", "name"), "filename": ("file", "name"),
    "usrnm": ("user", "name"), "uname": ("user", "name"), "userid": ("user", "id"), "loginid": ("login", "id"),
    "loginname": ("login", "name"), "screenname": ("screen", "name"), "nickname": ("nick", "name"),
    "companyname": ("company", "name"), "productname": ("product", "name"), "hostname": ("host", "name"),
    "displayname": ("display", "name"), "samaccountname": ("user", "name"),
    "dateofbirth": ("date", "of", "birth"), "birthdate": ("birth", "date"), "birthday": ("birth", "day"),
    "bday": ("birth", "day"), "bdate": ("birth", "date"), "birthdt": ("birth", "date"),
    "yob": ("year", "of", "birth"), "birthyear": ("birth", "year"), "birthmonth": ("birth", "month"),
    "zipcode": ("zip", "code"), "postalcode": ("postal", "code"), "postcode": ("post", "code"),
    "zipcd": ("zip", "code"),
    "creditcard": ("credit", "card"), "cardnumber": ("card", "number"), "ccnum": ("cc", "number"),
    "ccno": ("cc", "number"), "cardno": ("card", "number"), "cardnum": ("card", "number"),
    "ccexp": ("cc", "expiry"), "expdate": ("expiry", "date"), "expirydate": ("expiry", "date"),
    "securitycode": ("security", "code"), "seccode": ("security", "code"), "cvvcode": ("cvv", "code"),
    "secanswer": ("security", "answer"), "securityanswer": ("security", "answer"),
    "securityquestion": ("security", "question"),
    "streetaddress": ("street", "address"), "ipaddress": ("ip", "address"), "streetname": ("street", "name"),
    "streetno": ("street", "number"), "streetnum": ("street", "number"), "streetnumber": ("street", "number"),
    "houseno": ("house", "number"), "housenumber": ("house", "number"), "housenum": ("house", "number"),
    "addressline": ("address", "line"), "addrline": ("address", "line"),
    "socialsecuritynumber": ("social", "security", "number"), "nationalid": ("national", "id"),
    "natid": ("national", "id"), "taxid": ("tax", "id"),
    "accountnumber": ("account", "number"), "bloodtype": ("blood", "type"), "bloodgroup": ("blood", "group"),
    "driverslicense": ("drivers", "license"), "driverlicense": ("driver", "license"),
    "codicefiscale": ("codice", "fiscale"), "hausnr": ("house", "number"), "hnr": ("house", "number"),
    "geburtstag": ("birth", "day"), "fodselsdag": ("birth", "day"), "verjaardag": ("birth", "day"),
    "cumpleanos": ("birth", "day"), "compleanno": ("birth", "day"), "aniversario": ("birth", "day"),
    "payrate": ("pay", "rate"), "macaddress": ("mac", "address"), **WORLD_COMPOUNDS,
    # German "Personal" is the staff: a Personalnummer is an employee number (the identity card's is
    # Personalausweisnummer), unlike the Nordic personnummer
    "personalnummer": ("staff", "number"), "personalnr": ("staff", "number"), "personalausweis": ("id", "card"),
    "linkedin": ("linkedin",), "github": ("github",),
}

# Abbreviations read as the word they stand for, on both sides of the match. Ambiguous ones (``st``,
# ``ph``, ``exp``, ``cc``) are not here: they appear only inside phrases, where the neighbour decides.
ABBREVIATIONS: Final[dict[str, str]] = {
    "num": "number", "nbr": "number", "nr": "number", "no": "number", "nmbr": "number", "numb": "number",
    "nro": "number",
    "yr": "year", "yyyy": "year", "yy": "year", "mo": "month", "mon": "month", "mth": "month", "mm": "month",
    "dy": "day", "dd": "day", "dt": "date",
    "usr": "user", "nm": "name", "nme": "name",
    "addr": "address", "adr": "address", "adrs": "address", "addrs": "address",
    "ans": "answer", "ques": "question", "qn": "question", "qstn": "question",
    "cd": "code", "cust": "customer", "acct": "account", "acc": "account",
    "drv": "driver", "lic": "license", "mob": "mobile", "eml": "email", "sec": "security",
    "expiration": "expiry", "expires": "expiry", "expire": "expiry", "expiring": "expiry",
    "bldg": "building", "apt": "apartment", "hse": "house",
    "cty": "city", "pst": "postal", "pstl": "postal", "dat": "date", "dte": "date", "brth": "birth",
    "phn": "phone", "phne": "phone", "answ": "answer", "accnt": "account", "psprt": "passport", "lcns": "license",
    "slry": "salary", "natl": "national", "pat": "patient", "crd": "card", "strt": "street", "lgn": "login",
    "cel": "cell", "dx": "diagnosis",
    "emal": "email", "mbl": "mobile", "mobl": "mobile", "zp": "zip", "pcode": "postcode",
}
# One letter stands for a word only beside the word it qualifies: DOB_Y/M/D, SecQ1/SecA1.
CONTEXT_LETTERS: Final[dict[str, dict[str, str]]] = {
    "birth": {"y": "year", "m": "month", "d": "day"},
    "dob": {"y": "year", "m": "month", "d": "day"},
    "security": {"a": "answer", "q": "question"},
    "secret": {"a": "answer", "q": "question"},
}

PERSON_QUALIFIERS: Final = (
    "first", "last", "full", "given", "family", "fam", "middle", "maiden", "sur", "fore", "customer", "client",
    "employee", "emp", "contact", "person", "patient", "member", "applicant", "candidate", "student", "owner",
    "holder", "cardholder", "recipient", "sender", "beneficiary", "guardian", "parent", "spouse", "mother",
    "father", "child", "emergency", "manager", "buyer", "author", "driver", "passenger", "guest", "traveler",
    "traveller", "tenant", "landlord", "borrower", "debtor", "insured", "policyholder", "subscriber", "donor",
    "voter", "resident", "citizen", "doctor", "physician", "nurse", "teacher", "signer", "signatory",
    "witness", "claimant", "attendee", "participant", "respondent", "volunteer", "worker", "staff", "caller",
    "billing", "shipping", "legal", "real", "preferred", "personal", "maintainer", "f", "l", "card",
    "contributor", "reviewer", "reporter", "assignee", "visitor", "runner", "athlete", "player", "entrant",
    "competitor", "bride", "groom", "deceased", "decedent", "inmate", "pediatrician", "paediatrician", "dentist",
    "surgeon", "therapist", "pharmacist", "midwife", "chaperone", "officiant", "interpreter", "pupil", "trainee",
)
NON_PERSON_QUALIFIERS: Final = (
    "company", "product", "file", "host", "domain", "brand", "business", "store", "shop", "org",
    "organization", "organisation", "vendor", "supplier", "merchant", "bank", "city", "country", "state",
    "region", "category", "item", "project", "team", "dataset", "table", "column", "field", "schema",
    "database", "db", "event", "campaign", "job", "app", "application", "device", "model", "tag", "key",
    "attribute", "role", "group", "department", "dept", "site", "server", "service", "queue", "topic",
    "bucket", "feature", "font", "plan", "course", "place", "location", "venue", "sku", "species", "song",
    "album", "track", "folder", "directory", "path", "image", "class", "module",
    "package", "function", "method", "metric", "variable", "index", "collection", "sheet", "report",
    "document", "doc", "template", "style", "theme", "color", "colour", "layer", "step", "task",
    "workflow", "pipeline", "branch", "repo", "repository", "library", "channel", "list", "menu", "page",
    "section", "skill", "language", "currency", "unit", "school", "university", "hospital", "clinic",
    "facility", "warehouse", "airport", "airline", "carrier", "provider", "partner", "entity", "employer",
    "firm", "agency", "league", "game", "movie", "book", "title", "object", "resource", "policy", "rule",
    "view", "account", "pet", "animal", "breed", "ship", "vessel", "plant", "building", "room", "town", "village",
)
# People whose name a head-first header gives after the word for name (nome_paciente, nama_ibu_kandung).
HEAD_FIRST_PEOPLE: Final = tuple(q for q in PERSON_QUALIFIERS if q not in (
    "first", "last", "full", "given", "family", "fam", "middle", "maiden", "sur", "fore", "billing", "shipping",
    "legal", "real", "preferred", "personal", "f", "l", "card", "emergency"))
# Words between "name" and whose it is (nombre de la madre, name of the pet), dropped after "name".
NAME_PARTICLES: Final = frozenset(["of", "de", "del", "la", "da", "do", "di", "du", "des", "van", "von", "ya", "wa",
                                   "dello", "della", "dos", "das"])
# Another name a person goes by; weak rules, the values decide (a pipeline's stage_name holds "build").
PSEUDONYMS: Final = ("stage name", "pen name", "ring name", "pseudonym", "alias name", "artist name",
                     "performer name", "professional name", "nom de plume", "known as", "aka")
# Bare name parts (Synthea writes FIRST, LAST, MAIDEN): one word each, a known first name or surname.
NAME_PARTS: Final = ("first", "last", "given", "family", "middle", "maiden", "forenames", "sn")
# Columns named for a person's role hold names or "Name <email>" mailboxes, or teams and bots: weak rules
# that the values must confirm, like a bare "name".
PERSON_ROLES: Final = (
    "maintainer", "maintainers", "author", "authors", "owner", "assignee", "reporter", "reviewer", "committer",
    "creator", "requester", "requestor", "approver", "submitter", "recruiter", "salesperson", "contributor",
    "created by", "updated by", "modified by", "assigned to", "owned by", "submitted by", "approved by",
    "signed by", "reported by", "requested by", "reviewed by", "contact person", "person", "display name",
    "cardholder", "card holder", "account holder", "holder", "policyholder", "payee", "beneficiary", "insured",
    "guarantor", "applicant", "recipient", "passenger", "guest", "tenant", "customer", "member", "employee",
    "prescriber", "physician", "doctor", "teacher", "student", "attendee", "driver", "rider", "buyer", "seller",
    "signatory", "witness", "agent", "broker", "landlord", "contact", "host", "defendant", "plaintiff", "counsel",
    "attorney", "lawyer", "solicitor", "respondent", "petitioner", "claimant", "victim", "suspect", "offender",
    "inmate", "complainant", "addressee", "consignee", "payer", "debtor", "creditor", "heir", "spouse", "guardian",
    "next of kin", "nok", "referee", "supervisor", "manager", "instructor", "coach", "tutor", "caregiver",
    "nurse", "surgeon", "therapist", "pharmacist", "technician", "courier", "sender", "recipient",
    "visitor", "runner", "athlete", "player", "racer", "competitor", "entrant", "finisher", "bride", "groom",
    "deceased", "decedent", "pediatrician", "paediatrician", "dentist", "optometrist", "midwife", "chaperone",
    "officiant", "interpreter", "translator", "pupil", "trainee", "mourner", "informant", "proband",
    "occupant", "lodger", "boarder", *MORE_ROLES,
)
# Of those, the roles in tools where people are often written as logins (issue trackers, CI, wikis).
ACTOR_ROLES: Final = frozenset(("maintainer", "maintainers", "author", "authors", "owner", "assignee", "reporter",
                                "reviewer", "committer", "creator", "requester", "requestor", "approver",
                                "submitter", "contributor", "assigned to", "owned by", "agent"))


def phrases() -> list[tuple[str, str | None]]:
    """(phrase, category or None for a blocker); on a tie in length the earlier phrase wins."""
    rules: list[tuple[str, str | None]] = []

    def add(category: str | None, *items: str) -> None:
        rules.extend((p, category) for p in items)

    add(None, "mac address", "web address", "wallet address", "contract address", "server address",
        "host address", "url", "zip file", "zip archive", "security question", "secret question",
        "challenge question", "user agent", "email template", "last login", "first login", "exp years",
        "years exp", "yrs exp", "exp yrs", "work exp", "exp level", "nat ip", "nat gateway")
    add("email", "email", "e mail", "email address", "mail address")
    add("ip_address", "ip", "ipv", "ip address", "remote addr", "client ip")
    add("phone", "calling party", "called party", "calling number", "called number", "caller id", "caller number",
        "a party", "b party", "originating number", "destination number", "callback number")
    # telephony: ANI (automatic number identification) and CLI/CLID are the caller's number; DNIS is the number
    # dialled, the business's own line
    add("phone", "ani", "ani number", "caller ani", "clid", "calling line id", "calling line identity", "cli number")
    add(None, "dnis", "dialed number", "dialled number", "dialed number identification")
    # fecha/hora de ingreso, data de ingresso: the day someone joined or was admitted, not an income
    add(None, "date income", "date de income", "date do income", "date da income", "time income", "time de income")
    add("phone", "phone", "phone number", "telephone", "tel", "mobile", "mobile number", "fax", "cell",
        "cell phone", "cell number", "msisdn", "ph number", "home ph", "work ph", "cell ph", "mobile ph",
        "contact number", "tel number", "telephone number", "ph", "contact ph", "emergency ph")
    add("ssn", "ssn", "social security", "social security number", "soc security")
    # legacy fixed-width headers run "SS No" together: SSNO, SSNUM, SSNBR (and SS# reads "ss number")
    add("ssn", "ssno", "ssnum", "ssnbr", "ss number", "soc sec number", "socsecno")
    add("national_id", "national id", "national identifier", "national identity", "national insurance",
        "nin", "nino", "aadhaar", "aadhar", "bsn", "cpf", "curp", "dni", "nie", "nif", "pesel", "itin",
        "personnummer", "codice fiscale", "social insurance", "sin number", "sin", "hetu", "identity card",
        "identity number", "id card number", "ni number", "tax id", "taxpayer id", "tin", "tax file number",
        "tfn", "personal id", "personal number", "citizen id", "national id number", "id card", "nric", "rut",
        "nat id", "natl id", "social card", "social card number", "soc card", "soc card number")
    add("passport", "passport", "passport number", "pp number")
    add("driver_license", "provisional license", "learner license", "learner permit", "learners permit",
        "provisional license number", "learner license number")
    add("driver_license", *(f"{d} {lic}" for d in ("driver", "drivers", "driving")
                            for lic in ("license", "licence")), "dl number", "dln", "dl")
    add("card_security_code", "cvv", "cvc", "csc", "cvn", "cvd", "card security code", "security code",
        "card verification", "card verification value", "card verification code", "verification value",
        "card code", "cc cvv", "cc security code")
    add("card_expiry", "card expiry", "cc expiry", "expiry", "expiry date", "card expiry date",
        "valid thru", "valid through", "valid until", "good thru", "cc expiry date", "card valid", "exp",
        "exp date", "cc exp", "card exp", "cc exp date", "card exp date")
    add("credit_card", "credit card", "credit card number", "card number", "cc number", "cc", "pan",
        "primary account number", "payment card", "payment card number", "debit card", "debit card number",
        "card pan")
    add("iban", "iban")
    add("bank_account", "bank account", "bank account number", "account number", "bank details",
        "bank info", "routing number")
    add("salary", "salary", "salaries", "compensation", "income", "wage", "wages", "pay rate",
        "base pay", "annual pay", "hourly rate", "remuneration", "gross pay", "net pay", "monthly pay")
    add("username", "user", "user name", "login", "login name", "login id", "user login", "handle", "screen name",
        "nick name", "nick", "gamertag", "user handle", "gamer tag", "discord", "discord tag", "discord handle",
        "battletag", "battle tag", "psn id", "steam name", "twitter handle", "instagram handle", "user id")
    add("security_answer", "security answer", "secret answer", "security question answer",
        "secret question answer", "security q answer", "challenge answer", "recovery answer", "password hint",
        "memorable word", "memorable answer", "security response", "answer security")
    add("address", "address", "street", "street address", "address line", "home address",
        "mailing address", "postal address", "street name", "street line", "residential address", "residence")
    add("postal_code", "zip", "zip code", "postal", "postal code", "post code", "plz", "postcode")
    add("date_of_birth", "dob", "d o b", "date of birth", "birth date", "birth day", "born", "date birth",
        "birth date time", "dob date")
    add("medical", "diagnosis", "diagnoses", "icd", "drug", "drugs", "drug name", "active ingredient",
        "medication", "medications", "medicine", "meds",
        "prescription", "prescriptions", "rx", "dosage", "allergy", "allergies", "allergic",
        "blood type", "blood group", "blood pressure", "symptom", "symptoms", "treatment", "disease",
        "disorder", "illness", "medical", "clinical", "patient", "mrn", "ehr", "emr", "medical record", "hiv",
        "reason for visit", "visit reason", "reason of visit", "chief complaint", "presenting complaint",
        "diabetes", "diabetic", "cancer", "pregnancy", "pregnant", "disability", "vaccination",
        "vaccine", "immunization", "lab result", "therapy", "surgery", "bmi", "health condition",
        "health record", "hba c", "hb a c", "glucose", "cholesterol", "triglycerides", "ldl", "hdl", "egfr",
        "creatinine", "hemoglobin", "haemoglobin", "platelets", "viral load", "cd4 count", "tsh", "psa level",
        "heart rate", "systolic", "diastolic", "screen fail", "screen failure", "screening failure", "adverse event",
        "comorbidity", "comorbidities", "ecog", "anticoagulant", "anticoagulants", "anticoagulantes",
        "blood thinner", "blood thinners", "pre existing condition", "preexisting condition",
        "vorerkrankung", "vorerkrankungen", "enfermedades", "enfermedad", "diagnostico", "diagnose",
        "mbi", "body weight", "target weight")  # "hba c", "hb a c": HbA1c (tokenize drops digits)
    add("person_name", *(f"{q} name" for q in PERSON_QUALIFIERS), "surname", "forename", "fname",
        "lname", "name first", "name last", "name on card")
    add(None, *(f"{q} name" for q in NON_PERSON_QUALIFIERS))
    add(None, *(f"{q} full name" for q in NON_PERSON_QUALIFIERS))  # course_fullname, product_full_name
    # an employer identification number (EIN, FEIN) is a firm's tax id, never a person's
    add(None, "ein", "fein", "tax id ein", "ein number", "fein number", "employer identification number",
        "employer id number", "federal employer id")
    add("person_name", "name", *NAME_PARTS, *PERSON_ROLES)  # weak: the values decide, see names.match_name
    # the name before whose it is (nome_paciente, nama_ibu, nombre de la madre, jina la mama): head-first languages
    add("person_name", *(f"name {q}" for q in HEAD_FIRST_PEOPLE))  # names.py drops the particle: name (of) q
    add(None, *(f"name {q}" for q in NON_PERSON_QUALIFIERS))  # name of the pet, nombre de la empresa
    add("person_name", *PSEUDONYMS)  # weak: a stage or pen name is a person's, a pipeline stage's name is not
    add("driver_license", "drivers")  # weak
    _other_languages(add)
    return rules


def _other_languages(add: Callable[..., None]) -> None:
    """Phrases in other languages whose words are not translated one by one (name_words.py translates the
    rest: ``numero de telefono`` reads ``number of phone``)."""
    add("national_id", *NATIONAL_ID_WORDS)
    add("postal_code", "plz", "postleitzahl", "cep", "post number", "code postal", "irsz", "psc", "postnumer",
        "iranyitoszam", "posta kodu", "kode pos", "pasto kodas", "pasta indekss", "postiindeks",
        "postna stevilka", "postanski broj", "pstlz")
    add("email", "e pasts", "el pastas", "e post", "e posta", "el posta")
    add("phone", "number hp", "telfx")
    add("card_expiry", "expiry card", "expiry of card")
    # "numero de cuenta", "cislo uctu": the number before what it numbers
    add("bank_account", "number account", "number de account", "number of account", "number bank account",
        "bsb", "sort code", "payout account", "payee account", "deposit account", "transit number", "ifsc",
        "clabe", "routing", "aba number", "aba routing")
    add("credit_card", "number card", "number de card", "number of card", "number credit card")
    add("phone", "number phone", "number de phone", "number mobile", "number de mobile")
    add("passport", "number passport", "number de passport", "ppt number")  # PPT_NO: GDS and airline exports
    # N° Sécu, numéro de sécu: France's social-security number (the NIR) by its everyday short name
    add("national_id", "secu", "number secu", "number de secu", "carte vitale")
    # the calling number of a call record in Spanish (NUM_ORIGEN, número llamante); the destination is the line dialled
    add("phone", "number origen", "number de origen", "number llamante", "llamante")
    add("username", *(f"{site}{tail}" for site in ("linkedin", "linked in", "github", "git hub")
                      for tail in ("", " url", " profile", " profile url")))  # a profile URL carries the handle
    add("driver_license", "license driver", "license conducir", "license conduire", "license conducao",
        "license guida", "prawo jazdy", "ridicsky prukaz", "vozacka dozvola")
    add("address", "domicilio", "residencia", "bostadsadress", "lakcim")
    add("phone", "gsm", "fax", "landline", "land line", "festnetz", "whatsapp", "whats app", "wa number", "viber")
    add("person_name", "name family", "name given", "name full", "name complete", "name completo",
        "name completa", "name e surname", "forename e surname", "full name")
    add("postal_code", "cod post", "cod postal", "code post", "post kodea")
    add("date_of_birth", "birth data", "birth date", "date birth", "date de birth", "date of birth", "date di birth",
        "date da birth", "date van birth", "data birth", "data de birth", "data di birth", "data da birth")
    add(None, *(f"{q} {w}" for q in ("pet", "animal", "dog", "cat", "horse", "puppy", "livestock", "cattle",
                                     "plant", "tree", "company", "business", "vehicle", "car", "device")
                for w in ("dob", "birth date", "date of birth", "birthday", "birth day", "born")))
    add(None, "birth place", "place of birth", "birth weight", "birth order", "birth country", "country of birth",
        "birth city", "city of birth", "date of death", "death date")
    add("national_id", "birth number")
    add("medical", "blood group", "blutgruppe", "grupo sanguineo", "groupe sanguin")
    add("medical", *HEALTH_PHRASES)  # name_words_health.py: blood group, medical record, health card numbers
    add("person_name", *HEALTH_PERSON_PHRASES)
    for category, items in (*PHRASES, *MORE_PHRASES):  # name_words_world.py, name_words_more.py
        add(category, *items)


WEAK_PERSON_RULES: Final = frozenset(("name", *PERSON_ROLES, *NAME_PARTS, *PSEUDONYMS))
# Short or ambiguous words (engine "cc", biology "cell", "exp"erience): flag only when the values agree.
WEAK_RULES: Final = frozenset((*WEAK_PERSON_RULES, "user", "user id",
                               "cc", "cell", "sin", "tin", "dl", "exp", "expiry", "drivers",
                               "expiry date", "exp date", "nick", "ph", *WEAK_NATIONAL_ID_WORDS, *WEAK_PHRASES,
                               *MORE_WEAK_PHRASES))

PREFIX_NEG: Final = frozenset(["has", "is", "was", "n", "count", "cnt", "total", "number", "num", "nb", "masked",
                               "hashed", "encrypted", "tokenized",
                               "allow", "allows", "can", "send", "sent", "do", "did", "accepts", "accept"])
SUFFIX_NEG: Final = frozenset((
    "verified", "verification", "confirmed", "validated", "valid", "invalid", "opt", "optin", "optout",
    "opted", "consent", "consented", "subscribed", "subscription", "unsubscribed", "enabled", "disabled",
    "flag", "bounced", "bounce", "count", "cnt", "type", "kind", "status", "format", "template", "campaign",
    "sent", "opened", "clicked", "domain", "provider", "length", "len", "visible", "public", "pref",
    "preference", "preferences", "changed", "updated", "hash", "hashed", "sha", "md", "token", "tokenized",
    "encrypted", "masked", "mask", "last", "bin", "brand", "network", "issuer", "expiry", "exp",
    "month", "year", "country", "region", "city", "geo", "location", "version", "code", "ext",
    "extension", "prefix", "area", "present", "required", "missing", "available", "field", "column", "label",
    "regex", "pattern", "policy", "file", "archive", "path", "size", "currency", "band", "grade", "frequency",
    "period", "basis", "unit", "app", "device", "os", "platform", "browser", "range", "attempts", "attempt",
    "question", "questions", "at", "time", "timestamp", "ts", "date", "datetime", "on",
))
# Health facts stay PHI even as flags or codes (has_diabetes, diagnosis_code, allergy_status).
MEDICAL_KEEPS: Final = frozenset(["code", "type", "status", "flag", "kind", "date"])
# Words that may follow a phrase without negating it, per category (postal "code", card expiry "month").
CATEGORY_KEEPS: Final[dict[str, frozenset[str]]] = {
    "postal_code": frozenset(["code"]),
    "card_expiry": frozenset(["month", "year", "code"]),
    "card_security_code": frozenset(["code"]),
    "national_id": frozenset(["code"]),
    "iban": frozenset(["code"]),
}
ID_SUFFIX: Final = frozenset(["id", "ids", "key", "uuid", "guid", "fk", "pk", "ref"])
PHI_QUALIFIERS: Final = frozenset(["patient", "medical", "clinical"])

# Quasi-identifier parts (see groups.py): words that make a column one part of a date of birth or an address.
BIRTH_MARKERS: Final = frozenset(["birth", "dob", "born", "natal", "nacimiento", "naissance", "nascita",
                                  "nascimento", "geburts", "geboorte"])
# Beside a birth marker only: "tag" (German day) and "dzien"/"den" are other words elsewhere (geb_tag).
DATE_PARTS: Final[dict[str, str]] = {"year": "year", "month": "month", "day": "day", "tag": "day", "dzien": "day",
                                     "den": "day"}
ADDRESS_MARKERS: Final = frozenset(["address", "home", "mailing", "residence", "residential", "postal",
                                    "billing", "shipping", "bill", "ship", "mail", "permanent", "current",
                                    "primary", "contact", "customer", "street", "svc", "service", "premise",
                                    "premises"])
HOUSE_NUMBER_HEADS: Final = frozenset(["street", "house", "building", "civic", "door", "address", "home",
                                       "premise", "premises", "haus", "numero", "hus", "talo", "maja"])
HOUSE_NUMBER_WORDS: Final = frozenset(["hausnummer", "huisnummer", "husnummer", "husnr"])
CITY_WORDS: Final = frozenset(["city", "town", "locality", "municipality", "suburb", "village", "county",
                               "neighbourhood", "neighborhood", "bairro", "barrio", "quartier", "stadtteil", "wijk",
                               "commune", "gemeente", "kommune", "kunta", "opstina", "comuna", "borough",
                               "stadt", "ort", "wohnort", "ciudad", "ville", "citta", "cidade", "plaats",
                               "woonplaats", "localidad", "comune", "poblacion", "localita", "miejscowosc"])
# A state or province beside the rest of an address is one of its parts; "state" and "region" (a workflow's
# state, a sales region) only after an address marker (Mailing State, billing_region)
REGION_WORDS: Final = frozenset(["province", "provincia", "provincie", "provinz", "prefecture", "bundesland",
                                 "departement", "voivodeship", "wojewodztwo", "kanton", "canton"])
MARKED_REGIONS: Final = frozenset(["state", "region", "county"])
UNIT_WORDS: Final = frozenset(["apartment", "unit", "suite", "flat"])
# Postal-code abbreviations too short to read alone (code postal, CAP, NPA): an address part beside a street.
POSTAL_ABBREVIATIONS: Final = frozenset([("cp",), ("cap",), ("npa",), ("pc",), ("cpa",)])
# Danish and Norwegian "by" (town): a city only as a whole header beside the rest of an address, never "created by"
CITY_ALONE: Final = frozenset([("by",)])

# A header naming another kind of identifier: values shaped like a card or an SSN are that identifier.
OTHER_IDENTIFIERS: Final = frozenset([
    "order", "invoice", "part", "product", "sku", "tracking", "serial", "ticket", "transaction", "txn",
    "shipment", "batch", "lot", "imei", "isbn", "barcode", "ean", "upc", "gtin", "model",
    "version", "build", "confirmation", "booking", "claim", "case", "item", "asset", "receipt", "voucher",
    "coupon", "promo", "catalog", "catalogue", "article", "parcel", "waybill", "container", "request", "session",
])
