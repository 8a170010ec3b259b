"""Round-17 held-out tables, part B: payments, support, health and hospitality exports (see evalgen_round17.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, digits, it_codice_fiscale, passport, phone
from lakehouse.ingest.pii.evalgen_round16_values import Table, email_from, phone16, prose
from lakehouse.ingest.pii.evalgen_round17_values import dobs, masked_pan, names, one_line_address

F = dict[str, Faker]


def t_paypal_disputes(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("dispute_id", t.seq("PP-D-{}", 4100000, (10, 900)))
    t.add("transaction_id", ["".join(t.rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(17))
                             for _ in range(t.n)])
    t.add("buyer_payer_id", ["".join(t.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(13))
                             for _ in range(t.n)], note="PayPal payer id: opaque account id, left unlabelled")
    t.add("buyer_email", t.garble([email_from(t.rng, us.name(), ("gmail.com", "aol.com", "icloud.com"))
                                   for _ in range(t.n)]), "email")
    t.add("buyer_name", names(t, us), "person_name")
    t.add("reason", t.pick(["MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "UNAUTHORISED", "NOT_AS_DESCRIBED"]))
    t.add("dispute_amount.value", t.money(5, 600))
    t.add("dispute_amount.currency_code", ["USD"] * t.n)
    t.add("seller_protection", t.pick(["ELIGIBLE", "NOT_ELIGIBLE"]))
    texts, kinds = prose(t, ("Buyer says parcel never arrived, asked to call back on {phone}.",
                             "Customer claims unauthorised charge; reply sent to {email}.",
                             "Item damaged in transit, photos attached.",
                             "Buyer wants refund, reachable at {phone} after 5pm."),
                         phone=lambda: phone16(t.rng, "US"),
                         email=lambda: email_from(t.rng, us.name(), ("gmail.com", "yahoo.com")))
    t.add("messages[0].content", texts, contains=kinds)
    t.add("create_time", t.timestamps(datetime(2025, 1, 1), 200, fmt="%Y-%m-%dT%H:%M:%SZ"))


def t_freshdesk_tickets(t: Table, fake: F) -> None:
    gb = fake["gb"]
    t.add("Ticket ID", t.seq("{}", 30500, (1, 7)))
    t.add("Subject", t.pick(["Refund not received", "Cannot log in", "Change of address", "Wrong size delivered",
                             "Invoice copy please"]), note="subjects without personal data")
    t.add("Requester Name", names(t, gb), "person_name")
    t.add("Requester Email", [email_from(t.rng, gb.name(), ("gmail.com", "sky.com", "outlook.com"))
                              for _ in range(t.n)], "email")
    t.add("Agent", t.dirty(t.pick(["Olivia Hart", "Rahul Mehta", "Tom Briggs", "Sophie Lane"]), 0.2, ("", "--")),
          "person_name")
    t.add("Group", t.pick(["Billing", "Tier 1", "Returns"]))
    t.add("Priority", t.pick(["Low", "Medium", "High", "Urgent"]))
    texts, kinds = prose(t, ("Please update my delivery address to {address}, thanks.",
                             "Moved house: new address is {address}. Old one no longer valid.",
                             "Still waiting on my refund, you can ring me on {phone}.",
                             "Order arrived damaged, box crushed."),
                         address=lambda: one_line_address(gb), phone=lambda: phone16(t.rng, "GB"))
    t.add("Description", texts, contains=kinds)
    t.add("Satisfaction Rating", t.dirty(t.pick(["Happy", "Neutral", "Unhappy"]), 0.5, ("",)))
    t.add("Created Time", t.timestamps(datetime(2025, 2, 1), 120), type="timestamp")


def t_cerner_patient_extract(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("PERSON_ID", t.seq("{}", 18800000, (1, 999)), note="internal person key; MRN is the medical column")
    t.add("MRN", [f"{digits(t.rng, 8)}" for _ in range(t.n)], "medical")
    t.add("NAME_FULL_FORMATTED", [f"{us.last_name().upper()}, {us.first_name().upper()}" for _ in range(t.n)],
          "person_name")
    t.add("BIRTH_DT_TM", [d + " 00:00:00" for d in dobs(t, "%m/%d/%Y", 1930, 2020)], "date_of_birth")
    t.add("SEX_CD", t.pick(["M", "F", "U"]))
    t.add("ADDR_STREET", t.dirty([us.street_address().upper() for _ in range(t.n)], 0.05), "address_part")
    t.add("ADDR_CITY", [us.city().upper() for _ in range(t.n)], "address_part")
    t.add("ADDR_ZIP", [us.zipcode() for _ in range(t.n)], "postal_code")
    t.add("PHONE_HOME", t.dirty([phone16(t.rng, "US") for _ in range(t.n)], 0.2, ("", "(000) 000-0000")), "phone")
    t.add("HEALTH_PLAN_MEMBER_NBR", t.dirty([t.rng.choice(["W", "XEH", "JQU"]) + digits(t.rng, 9)
                                             for _ in range(t.n)], 0.15), "medical")
    t.add("PRIMARY_DX", t.pick(["E11.9", "I10", "J45.909", "M54.5", "F41.1", "N39.0"]), "medical")
    t.add("ATTENDING_PHYS", t.pick(["SMITH, JOHN MD", "PATEL, ANITA DO", "NGUYEN, LINH MD"]), "person_name")
    t.add("FACILITY", t.pick(["MAIN CAMPUS", "NORTH CLINIC"]), note="facility: negative")
t_cerner_patient_extract.phi = True  # type: ignore[attr-defined]


def t_athena_appointments(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("appointmentid", t.seq("{}", 900000, (1, 50)))
    t.add("patientid", t.seq("{}", 40000, (1, 300)), "medical", note="patient record number: medical")
    t.add("patient_first", names(t, us, "first"), "person_name")
    t.add("patient_last", names(t, us, "last"), "person_name")
    t.add("patient_dob", dobs(t, "%m/%d/%Y", 1935, 2022), "date_of_birth")
    t.add("patient_mobile", t.dirty([phone16(t.rng, "US") for _ in range(t.n)], 0.15), "phone")
    t.add("appointmenttype", t.pick(["NEW PATIENT", "FOLLOW UP", "PHYSICAL", "TELEHEALTH"]))
    t.add("reasonforvisit", t.dirty(t.pick(["knee pain", "BP check", "annual physical", "cough x2wks",
                                            "diabetes f/u", "rash"]), 0.1), "medical")
    t.add("renderingprovider", t.pick(["Karen Liu, NP", "David Osei MD", "Maria Gomez, PA-C"]), "person_name")
    t.add("departmentname", t.pick(["FAMILY MED", "PEDS", "ORTHO"]))
    t.add("copay", t.money(0, 60))
    t.add("appointmentdate", t.dates(date(2025, 4, 1), 60, fmt="%m/%d/%Y"))
t_athena_appointments.phi = True  # type: ignore[attr-defined]


def t_twilio_call_log(t: Table, fake: F) -> None:
    t.add("Sid", ["CA" + "".join(t.rng.choice("0123456789abcdef") for _ in range(32)) for _ in range(t.n)])
    t.add("From", [phone16(t.rng, "US").replace(" ", "").replace("(", "").replace(")", "").replace("-", "")
                   .replace(".", "") for _ in range(t.n)], "phone",
          note="inbound calls: the caller's number")
    t.add("To", t.pick(["+18005550142", "+18005550199"]), note="the business's own hotline: negative")
    t.add("Direction", ["inbound"] * t.n)
    t.add("Status", t.pick(["completed", "no-answer", "busy", "failed"]))
    t.add("Duration", [t.rng.randint(0, 1800) for _ in range(t.n)])
    t.add("CallerName", t.dirty([n.upper()[:15] for n in names(t, fake["us"], "lastfirst")], 0.4, ("", None,
                                                                                                   "WIRELESS CALLER")),
          "person_name", note="CNAM caller id, truncated to 15 chars as carriers deliver it")
    t.add("FromCity", t.dirty([fake["us"].city().upper() for _ in range(t.n)], 0.3, ("",)),
          note="judgement call: a caller's rate-centre town alone, no other address column: not PII")
    t.add("Price", [round(-t.rng.uniform(0.004, 0.05), 4) for _ in range(t.n)])
    t.add("StartTime", t.timestamps(datetime(2025, 5, 1), 30, fmt="%a, %d %b %Y %H:%M:%S +0000"))


def t_airbnb_reservations(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("Confirmation code", ["HM" + "".join(t.rng.choice("ABCDEFGHJKMNPQRSTWXYZ2345689") for _ in range(8))
                                for _ in range(t.n)])
    t.add("Status", t.pick(["Confirmed", "Past guest", "Canceled by guest"]))
    t.add("Guest name", names(t, us), "person_name")
    t.add("Contact", t.dirty([phone16(t.rng, t.rng.choice(["US", "GB", "DE", "FR"])) for _ in range(t.n)], 0.1),
          "phone")
    t.add("# of adults", [t.rng.randint(1, 6) for _ in range(t.n)])
    t.add("# of children", [t.rng.randint(0, 3) for _ in range(t.n)])
    t.add("Start date", t.dates(date(2025, 6, 1), 120, fmt="%m/%d/%Y"))
    t.add("# of nights", [t.rng.randint(1, 14) for _ in range(t.n)])
    t.add("Listing", t.pick(["Cozy loft near downtown", "Lakeview cabin", "Studio w/ parking"]))
    t.add("Earnings", [f"${t.rng.uniform(90, 3000):,.2f}" for _ in range(t.n)])


def t_booking_ospiti(t: Table, fake: F) -> None:
    it = fake["it"]
    rows = []
    for _ in range(t.n):
        female = t.rng.random() < 0.5
        first = it.first_name_female() if female else it.first_name_male()
        last = it.last_name()
        rows.append((first, last, birth_date(t.rng, 1945, 2006), female))
    t.add("Numero prenotazione", [digits(t.rng, 10) for _ in range(t.n)])
    t.add("Cognome", [r[1].upper() for r in rows], "person_name")
    t.add("Nome", [r[0] for r in rows], "person_name")
    t.add("Data di nascita", [r[2].strftime("%d/%m/%Y") for r in rows], "date_of_birth")
    t.add("Codice fiscale", t.dirty([it_codice_fiscale(t.rng, r[0], r[1], r[2], r[3]) for r in rows], 0.3,
                                    ("", None, "ESTERO")), "national_id")
    t.add("Tipo documento", t.pick(["Carta d'identità", "Passaporto", "Patente"]))
    t.add("Numero documento", [t.rng.choice("ABCDY") + t.rng.choice("ABCDY") + digits(t.rng, 5) +
                               t.rng.choice("ABCDEF") + t.rng.choice("ABCDEF") if t.rng.random() < 0.5
                               else passport(t.rng, "IT") for _ in range(t.n)], "national_id",
          note="judgement call: mixed identity cards and passports under one document column: national_id "
               "(the docs' rule of most-named document cannot apply to a column whose type is in its sibling)")
    t.add("Cellulare", t.dirty([phone(t.rng, "IT") for _ in range(t.n)], 0.1, ("", None, "non fornito")), "phone")
    t.add("Arrivo", t.dates(date(2025, 7, 1), 60, fmt="%d/%m/%Y"))
    t.add("Camera", t.pick(["Doppia 12", "Singola 3", "Suite 1", "Tripla 8"]))
    t.add("Prezzo (€)", [f"{t.rng.uniform(60, 900):.2f}".replace(".", ",") for _ in range(t.n)])
    t.add("Carta (mascherata)", [masked_pan(t.rng) for _ in range(t.n)], note="masked PAN: negative")


TABLES_B: list[Any] = [t_paypal_disputes, t_freshdesk_tickets, t_cerner_patient_extract,
                       t_athena_appointments, t_twilio_call_log, t_airbnb_reservations, t_booking_ospiti]
