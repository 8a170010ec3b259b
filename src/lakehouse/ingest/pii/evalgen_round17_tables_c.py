"""Round-17 held-out tables, part C: public sector, travel, insurance, property, recruiting, telecom, e-signature
(see evalgen_round17.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from faker import Faker
from stdnum import iban

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, digits, make_iban, phone, pl_pesel, spaced_iban
from lakehouse.ingest.pii.evalgen_round16_values import (
    Table,
    email_from,
    ipv4,
    ipv6,
    mx_curp,
    phone16,
    prose,
    us_driver_license,
)
from lakehouse.ingest.pii.evalgen_round17_values import BLANKS_ES, BLANKS_FR, BLANKS_PL, dobs, names

F = dict[str, Faker]


def fr_nir(rng: Any, born: date, female: bool) -> str:
    """French social-security number (NIR) with its 97-modulus key."""
    body = f"{2 if female else 1}{born:%y%m}{rng.randint(1, 95):02d}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    number = f"{body}{key:02d}"
    if rng.random() < 0.5:
        return f"{number[0]} {number[1:3]} {number[3:5]} {number[5:7]} {number[7:10]} {number[10:13]} {number[13:]}"
    return number


def nl_iban(rng: Any) -> str:
    bban = rng.choice(["INGB", "RABO", "ABNA", "SNSB"]) + digits(rng, 10)
    number = "NL" + iban.calc_check_digits("NL00" + bban) + bban
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4)) if rng.random() < 0.4 else number


def t_dziennik_uczniowie(t: Table, fake: F) -> None:
    pl = fake["pl"]
    kids = [(birth_date(t.rng, 2009, 2018), t.rng.random() < 0.5) for _ in range(t.n)]
    t.add("Nr w dzienniku", [i + 1 for i in range(t.n)])
    t.add("Imię", [pl.first_name_female() if f else pl.first_name_male() for _, f in kids], "person_name")
    t.add("Nazwisko", names(t, pl, "last"), "person_name")
    t.add("PESEL", t.dirty([pl_pesel(t.rng, b, f) for b, f in kids], 0.04, BLANKS_PL), "national_id")
    t.add("Data urodzenia", [b.strftime("%d.%m.%Y") for b, _ in kids], "date_of_birth")
    t.add("Klasa", t.pick(["4a", "4b", "5a", "6c", "7b", "8a"]))
    t.add("Opiekun prawny", names(t, pl), "person_name", note="the pupil's legal guardian")
    t.add("Tel. opiekuna", t.dirty([phone(t.rng, "PL") for _ in range(t.n)], 0.1, BLANKS_PL), "phone")
    t.add("Ulica i nr", [pl.street_address() for _ in range(t.n)], "address_part")
    t.add("Kod pocztowy", [pl.postcode() for _ in range(t.n)], "postal_code")
    t.add("Miejscowość", [pl.city() for _ in range(t.n)], "address_part")
    t.add("Frekwencja %", [round(t.rng.uniform(70, 100), 1) for _ in range(t.n)])
    t.add("Średnia ocen", [round(t.rng.uniform(2.5, 5.9), 2) for _ in range(t.n)])


def t_dmv_license_registry(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("DL_NUM", [us_driver_license(t.rng) for _ in range(t.n)], "driver_license")
    t.add("LAST_NM", [us.last_name().upper() for _ in range(t.n)], "person_name")
    t.add("FIRST_NM", [us.first_name().upper() for _ in range(t.n)], "person_name")
    t.add("MID_INIT", t.dirty(t.pick(list("ABCDEJKLMRST")), 0.3, ("", " ")),
          note="judgement call: a middle initial alone identifies nobody; left unlabelled")
    t.add("DOB", dobs(t, "%Y%m%d", 1940, 2008), "date_of_birth")
    t.add("RES_ADDR", [one.upper() for one in (str(us.address()).replace("\n", " ") for _ in range(t.n))],
          "address")
    t.add("CLASS", t.pick(["C", "C", "M", "A", "B"]))
    t.add("EXP_DT", t.dates(date(2026, 1, 1), 2900, fmt="%Y%m%d"))
    t.add("EYE_CLR", t.pick(["BRN", "BLU", "HAZ", "GRN"]))
    t.add("HGT_IN", [t.rng.randint(58, 78) for _ in range(t.n)])
    t.add("ORGAN_DONOR", t.pick(["Y", "N"]))
    t.add("OFFICE_CD", t.pick(["052", "118", "611"]), note="the DMV field office: negative")


def t_airline_loyalty_members(t: Table, fake: F) -> None:
    gb = fake["gb"]
    t.add("FFP_NO", [digits(t.rng, 9) for _ in range(t.n)],
          note="frequent-flyer number: a loyalty card number, negative")
    t.add("TIER", t.pick(["BLUE", "SILVER", "GOLD", "PLAT"]))
    t.add("PAX_SURNAME", [gb.last_name().upper() for _ in range(t.n)], "person_name")
    t.add("PAX_GIVEN", [gb.first_name().upper() for _ in range(t.n)], "person_name")
    t.add("TITLE", t.pick(["MR", "MRS", "MS", "DR", "MSTR"]))
    t.add("DOB", [d.upper() for d in dobs(t, "%d%b%y", 1940, 2010)], "date_of_birth")
    t.add("PPT_NO", t.dirty([t.rng.choice(["5", "1", "C"]) + digits(t.rng, 8) for _ in range(t.n)], 0.35,
                            ("", None)), "passport")
    t.add("PPT_EXP", t.dirty([d.upper() for d in t.dates(date(2026, 1, 1), 3600, fmt="%d%b%y")], 0.35, ("", None)))
    t.add("EMAIL_ADDR", [email_from(t.rng, gb.name(), ("gmail.com", "btinternet.com", "yahoo.co.uk")).upper()
                         for _ in range(t.n)], "email")
    t.add("MILES_BAL", [t.rng.randint(0, 900000) for _ in range(t.n)])
    t.add("HOME_APT", t.pick(["LHR", "MAN", "EDI", "BHX"]))
    t.add("LAST_FLT", [f"XY{t.rng.randint(10, 999)}" for _ in range(t.n)])


def t_courtier_assures(t: Table, fake: F) -> None:
    fr = fake["fr"]
    people = [(birth_date(t.rng, 1945, 2004), t.rng.random() < 0.5) for _ in range(t.n)]
    t.add("N° client", t.seq("CL{:07d}", 100000, (1, 50)))
    t.add("Civilité", ["Mme" if f else "M." for _, f in people])
    t.add("Nom", [fr.last_name().upper() for _ in range(t.n)], "person_name")
    t.add("Prénom", names(t, fr, "first"), "person_name")
    t.add("Né(e) le", [b.strftime("%d/%m/%Y") for b, _ in people], "date_of_birth")
    t.add("N° Sécu", t.dirty([fr_nir(t.rng, b, f) for b, f in people], 0.15, BLANKS_FR), "national_id")
    t.add("Adresse", [fr.street_address() for _ in range(t.n)], "address_part")
    t.add("CP", [fr.postcode() for _ in range(t.n)], "postal_code")
    t.add("Ville", [fr.city().upper() for _ in range(t.n)], "address_part")
    t.add("Portable", t.dirty([phone16(t.rng, "FR") for _ in range(t.n)], 0.1, BLANKS_FR), "phone")
    t.add("IBAN prélèvement", [spaced_iban(t.rng, make_iban(t.rng, "FR")) for _ in range(t.n)], "iban")
    t.add("N° contrat", t.seq("AUTO-{:08d}", 2000000, (1, 999)), note="policy number: negative")
    t.add("Compagnie", t.pick(["AXA", "Allianz", "MAIF", "Generali"]))
    t.add("Prime annuelle (€)", [f"{t.rng.uniform(200, 2400):.2f}".replace(".", ",") for _ in range(t.n)])


def t_huurders_vastgoed(t: Table, fake: F) -> None:
    nl = fake["nl"]
    t.add("Huurcontract", t.seq("HC-{:05d}", 300, (1, 9)))
    t.add("Huurder", [f"{nl.last_name()}, {nl.first_name()[0]}." for _ in range(t.n)], "person_name")
    t.add("Object adres", [f"{nl.street_name()} {t.rng.randint(1, 220)}{t.rng.choice(['', '', 'A', '-2'])}"
                           for _ in range(t.n)], "address_part",
          note="judgement call: the rented home is the tenant's residence, so its address is personal")
    t.add("Postcode", [nl.postcode() for _ in range(t.n)], "postal_code")
    t.add("Plaats", [nl.city() for _ in range(t.n)], "address_part")
    t.add("Kale huur", [f"€ {t.rng.uniform(650, 2100):.2f}".replace(".", ",") for _ in range(t.n)])
    t.add("Servicekosten", [f"{t.rng.uniform(20, 150):.2f}" for _ in range(t.n)])
    t.add("Rekeningnummer huurder", [make_iban(t.rng, "DE") if t.rng.random() < 0.1 else nl_iban(t.rng)
                                     for _ in range(t.n)], "iban")
    t.add("Telefoon", t.dirty([phone16(t.rng, "NL") for _ in range(t.n)], 0.15, ("", None, "onbekend")), "phone")
    t.add("Beheerder", t.pick(["Van Dijk Vastgoedbeheer", "Woonstede BV"]), note="management company: negative")
    t.add("Ingangsdatum", t.dates(date(2015, 1, 1), 3500, fmt="%d-%m-%Y"))


def t_greenhouse_candidates(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("candidate_id", t.seq("{}", 41000000, (100, 9000)))
    t.add("Candidate Name", names(t, us), "person_name")
    t.add("Email Addresses", [", ".join(email_from(t.rng, us.name(), ("gmail.com", "proton.me", "hey.com"))
                                        for _ in range(t.rng.choice([1, 1, 2]))) for _ in range(t.n)], "email")
    t.add("Phone Numbers", t.dirty([phone16(t.rng, "US") + t.rng.choice(["", " (mobile)", " (home)"])
                                    for _ in range(t.n)], 0.2), "phone")
    t.add("LinkedIn", t.dirty([f"linkedin.com/in/{us.user_name()}" for _ in range(t.n)], 0.3), "username",
          note="judgement call: a profile URL carrying the person's handle is an online identifier: username")
    t.add("Job", t.pick(["Senior Backend Engineer", "Account Executive", "Data Analyst"]))
    t.add("Stage", t.pick(["Application Review", "Phone Screen", "Onsite", "Offer", "Rejected"]))
    t.add("Recruiter", t.pick(["Hannah Cole", "Marcus Reid", "Yuki Tan"]), "person_name")
    t.add("Desired Salary", t.dirty([f"${t.rng.randint(70, 220)}k" for _ in range(t.n)], 0.4), "salary")
    t.add("Source", t.pick(["LinkedIn", "Referral", "Company website", "Indeed"]))
    texts, kinds = prose(t, ("Strong systems design; references available, call {phone}.",
                             "Relocating; current address {address}.",
                             "Great culture fit, move to onsite.",
                             "Asked to be contacted at {email} instead."),
                         phone=lambda: phone16(t.rng, "US"), address=lambda: str(us.address()).replace("\n", ", "),
                         email=lambda: email_from(t.rng, us.name(), ("gmail.com",)))
    t.add("Notes", texts, contains=kinds)


def t_cdr_telefonia(t: Table, fake: F) -> None:
    mx = fake["mx"]
    t.add("ID_LLAMADA", t.uuids())
    t.add("NUM_ORIGEN", [phone16(t.rng, "MX").replace(" ", "") for _ in range(t.n)], "phone")
    t.add("NUM_DESTINO", [phone16(t.rng, "MX").replace(" ", "") for _ in range(t.n)], "phone")
    t.add("IMSI", ["334020" + digits(t.rng, 9) for _ in range(t.n)],
          note="subscriber SIM id: device/subscription id, no category in docs/pii.md; left unlabelled")
    t.add("CELDA_ID", [f"334-020-{t.rng.randint(1000, 9999)}-{t.rng.randint(1, 65000)}" for _ in range(t.n)])
    t.add("FECHA_HORA", t.timestamps(datetime(2025, 8, 1), 7, fmt="%d/%m/%Y %H:%M:%S"))
    t.add("DURACION_SEG", [t.rng.randint(0, 3600) for _ in range(t.n)])
    t.add("TIPO", t.pick(["VOZ", "SMS", "DATOS"]))
    rows = []
    for _ in range(t.n):
        female = t.rng.random() < 0.5
        first = mx.first_name_female() if female else mx.first_name_male()
        rows.append((first, mx.last_name(), mx.last_name(), birth_date(t.rng, 1950, 2005), female))
    t.add("TITULAR", [f"{a} {b} {f}".upper() for f, a, b, _, _ in rows], "person_name")
    t.add("CURP_TITULAR", t.dirty([mx_curp(t.rng, *r) for r in rows], 0.1, BLANKS_ES), "national_id")
    t.add("PLAN", t.pick(["Prepago 200", "Plan 399", "Empresarial"]))


def t_docusign_audit(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("EnvelopeId", t.uuids())
    t.add("Subject", t.pick(["Please DocuSign: Lease Agreement", "Offer Letter", "NDA - Mutual", "W-9 Form"]),
          note="document titles without personal data")
    t.add("Signer.Name", names(t, us), "person_name")
    t.add("Signer.Email", t.garble([email_from(t.rng, us.name(), ("gmail.com", "outlook.com", "yahoo.com"))
                                    for _ in range(t.n)]), "email")
    t.add("Signer.IpAddress", [ipv4(t.rng) if t.rng.random() < 0.8 else ipv6(t.rng) for _ in range(t.n)],
          "ip_address")
    t.add("Event", t.pick(["Sent", "Delivered", "Signed", "Completed", "Declined"]))
    t.add("EventTimestamp (UTC)", t.timestamps(datetime(2025, 1, 1), 300, fmt="%m/%d/%Y %I:%M:%S %p"))
    t.add("Sender", t.pick(["HR Team <hr@northwindlabs.com>", "Legal <contracts@northwindlabs.com>"]),
          note="the company's own sender addresses: negative")
    t.add("AuthMethod", t.pick(["Email", "SMS", "KBA", "None"]))
    t.add("Pages", [t.rng.randint(1, 30) for _ in range(t.n)])


TABLES_C: list[Any] = [t_dziennik_uczniowie, t_dmv_license_registry, t_airline_loyalty_members,
                       t_courtier_assures,
                       t_huurders_vastgoed, t_greenhouse_candidates, t_cdr_telefonia, t_docusign_audit]
