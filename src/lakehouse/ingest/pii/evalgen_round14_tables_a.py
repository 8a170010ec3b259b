"""Held-out round 14, tables A: English-header customer, HR, patient, payment, support, sign-up, loyalty.

Label conventions: see evalgen_round14.py. Written without reading the detector or its word lists.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from lakehouse.ingest.pii import evalgen_round14_names as N
from lakehouse.ingest.pii import evalgen_round14_values as V
from lakehouse.ingest.pii.evalgen_round11_values import card_expiry, card_number, digits, format_card, us_ssn

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round14 import Table

NULLS = ("", None, "NULL", "N/A", " ")


def _us_address(t: Table) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    line1, line2, city, state, zips = [], [], [], [], []
    for _ in range(t.n):
        c, st, z = t.rng.choice(N.US_CITIES)
        line1.append(f"{t.rng.randint(1, 9899)} {t.rng.choice(N.STREETS['us'])}")
        r = t.rng.random()
        line2.append(
            f"Apt {t.rng.randint(1, 40)}{t.rng.choice('ABCD')}"
            if r < 0.2
            else f"Unit {t.rng.randint(100, 999)}"
            if r < 0.3
            else f"PO Box {t.rng.randint(10, 9999)}"
            if r < 0.35
            else ""
        )
        city.append(c)
        state.append(st)
        zips.append(f"{z}{t.rng.randint(0, 99):02d}" + (f"-{digits(t.rng, 4)}" if t.rng.random() < 0.25 else ""))
    return line1, line2, city, state, zips


def t_crm_customer_export(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n)
    line1, line2, city, state, zips = _us_address(t)
    t.add("CustID", [f"C{t.rng.randint(1000000, 9999999)}" for _ in range(t.n)])
    t.add("CustFirstNm", V.pad(t.rng, V.messy_case(t.rng, [p.first for p in ppl])), "person_name")
    t.add("CustLastNm", V.pad(t.rng, V.messy_case(t.rng, [p.last for p in ppl])), "person_name")
    t.add("EmailAddr", V.blanks(t.rng, [p.email for p in ppl], 0.12, NULLS), "email")
    phones = [V.phone(t.rng, "US") for _ in range(t.n)]
    phones = [("000-000-0000" if t.rng.random() < 0.04 else p) for p in phones]
    t.add("PrimaryTelNo", V.blanks(t.rng, phones, 0.1, NULLS), "phone")
    t.add("AddrLn1", V.pad(t.rng, V.messy_case(t.rng, line1, 0.2)), "address_part")
    t.add("AddrLn2", line2, "address_part")
    t.add("CityNm", V.messy_case(t.rng, city, 0.3), "address_part")
    t.add("StateCd", state, note="state code: not identifying alone")
    # spreadsheets drop the leading zero of New England ZIPs
    t.add("ZipCd", [z.lstrip("0") if t.rng.random() < 0.5 else z for z in zips], "postal_code")
    t.add(
        "CustSinceDt", [str(date(2012, 1, 1) + timedelta(days=t.rng.randrange(4700))) for _ in range(t.n)], type="date"
    )


def t_legacy_custmast(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n)
    line1, line2, city, state, zips = _us_address(t)
    t.add("CUSTNO", [t.rng.randint(100000, 999999) for _ in range(t.n)])
    t.add(
        "CUSTNAME",
        [
            f"{p.last.upper()}, {p.first.upper()}" + (f" {t.rng.choice('ABCDEJKLMRS')}" if t.rng.random() < 0.4 else "")
            for p in ppl
        ],
        "person_name",
    )
    t.add("ADDR1", [v.upper().ljust(30) for v in line1], "address_part")
    t.add("CITY", [v.upper().ljust(20) for v in city], "address_part")
    t.add("ZIP", [z.replace("-", "") for z in zips], "postal_code")
    t.add(
        "PHONE1",
        [
            "".join(c for c in V.phone(t.rng, "US") if c.isdigit())[-10:] if t.rng.random() > 0.08 else "0000000000"
            for _ in range(t.n)
        ],
        "phone",
    )
    t.add("DOBYMD", [f"{p.born:%Y%m%d}" if t.rng.random() > 0.06 else "00000000" for p in ppl], "date_of_birth")
    t.add("SSNO", [us_ssn(t.rng) if t.rng.random() > 0.1 else "000000000" for _ in range(t.n)], "ssn")
    t.add("LSTORDDT", [f"{date(2019, 1, 1) + timedelta(days=t.rng.randrange(2000)):%Y%m%d}" for _ in range(t.n)])
    t.add("STATCD", t.pick(("A", "I", "H"), (8, 2, 1)))


def t_hr_employee_master(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n, first_year=1958, last_year=2003)
    t.add("emp_id", [f"E{10000 + i * 7:06d}" for i in range(t.n)])
    t.add("first_name", [p.first for p in ppl], "person_name")
    t.add("last_name", [p.last for p in ppl], "person_name")
    t.add("dob", [str(p.born) for p in ppl], "date_of_birth", type="date")
    t.add(
        "ssn_last4",
        [digits(t.rng, 4) for _ in range(t.n)],
        note="last four digits of an SSN: a fragment, like a card's last four",
    )
    t.add("hire_date", [str(date(2005, 1, 1) + timedelta(days=t.rng.randrange(7000))) for _ in range(t.n)], type="date")
    t.add(
        "job_title",
        t.pick(
            (
                "Analyst II",
                "Sr. Software Engineer",
                "Payroll Specialist",
                "Account Executive",
                "Warehouse Associate",
                "Director, Ops",
                "Paralegal",
                "Data Engineer",
            )
        ),
    )
    t.add("annual_salary", [round(t.rng.uniform(38000, 210000), -2) for _ in range(t.n)], "salary")
    t.add(
        "work_email",
        [
            f"{V.ascii_fold(p.first).lower()}.{V.ascii_fold(p.last).lower().replace(chr(39), '')}"
            f"@northwindlogistics.com"
            for p in ppl
        ],
        "email",
    )
    t.add("dd_acct_no", [digits(t.rng, t.rng.choice([9, 10, 12])) for _ in range(t.n)], "bank_account")
    t.add("home_phone", V.blanks(t.rng, [V.phone(t.rng, "US") for _ in range(t.n)], 0.15, NULLS), "phone")
    contacts = V.people(t.rng, "us", t.n)
    t.add("emergency_contact_name", V.blanks(t.rng, [c.full for c in contacts], 0.2, NULLS), "person_name")


def t_patient_intake(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n, first_year=1935, last_year=2020)
    t.add(
        "mrn",
        [
            f"MRN{t.rng.randint(100000, 999999)}" if t.rng.random() < 0.7 else str(t.rng.randint(10**7, 10**8))
            for _ in range(t.n)
        ],
        "medical",
    )
    t.add("patient_last", V.messy_case(t.rng, [p.last for p in ppl]), "person_name")
    t.add("patient_first", V.messy_case(t.rng, [p.first for p in ppl]), "person_name")
    t.add(
        "dob",
        [f"{p.born:%m/%d/%Y}" if t.rng.random() < 0.8 else f"{p.born.month}/{p.born.day}/{p.born:%y}" for p in ppl],
        "date_of_birth",
    )
    t.add(
        "ins_member_id",
        V.blanks(
            t.rng,
            [f"{t.rng.choice(['W', 'XEH', 'ZGP', 'H'])}{digits(t.rng, 9)}" for _ in range(t.n)],
            0.15,
            ("", "SELF PAY", None),
        ),
        "medical",
    )
    t.add(
        "allergies",
        t.pick(
            (
                "NKDA",
                "Penicillin",
                "Sulfa drugs",
                "Latex",
                "Peanuts; shellfish",
                "Codeine",
                "none known",
                "Amoxicillin (rash)",
            ),
            (8, 3, 2, 1, 1, 1, 3, 1),
        ),
        "medical",
    )
    t.add(
        "current_meds",
        V.blanks(
            t.rng,
            t.pick(
                (
                    "Lisinopril 10mg daily",
                    "Metformin 500mg BID",
                    "Atorvastatin 20mg",
                    "Levothyroxine 50mcg",
                    "Sertraline 50 mg",
                    "Albuterol PRN",
                    "none",
                )
            ),
            0.1,
        ),
        "medical",
    )
    t.add(
        "reason_for_visit",
        t.pick(
            (
                "annual physical",
                "follow-up HTN",
                "cough x 2 weeks",
                "knee pain",
                "med refill",
                "rash on arm",
                "pre-op clearance",
                "anxiety",
            )
        ),
        "medical",
    )
    t.add("cell_phone", V.blanks(t.rng, [V.phone(t.rng, "US") for _ in range(t.n)], 0.08, NULLS), "phone")
    t.add(
        "pharmacy_phone",
        t.pick([V.us_business_phone(t.rng) for _ in range(4)]),
        note="the patient's pharmacy: a business line repeated over patients",
    )
    notes = []
    for _ in range(t.n):
        r = t.rng.random()
        if r < 0.45:
            notes.append(f"Prefers text reminders at {V.phone(t.rng, 'US')}; ok to leave voicemail.")
        elif r < 0.6:
            notes.append(f"Alt contact number {V.phone(t.rng, 'US')} (work), call after 5pm.")
        else:
            notes.append(
                t.rng.choice(
                    [
                        "Paperwork complete.",
                        "Needs interpreter (Spanish).",
                        "Copay collected at desk.",
                        "Referred by urgent care.",
                        "Parking validation given.",
                        "",
                    ]
                )
            )
    t.add("intake_notes", notes, contains=["phone"])
    t.add("checked_in_at", t.timestamps(datetime(2026, 3, 2, 7), 20))


t_patient_intake.phi = True  # type: ignore[attr-defined]


def t_payments_card_on_file(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n)
    cards = [card_number(t.rng) for _ in range(t.n)]
    t.add(
        "payment_method_id",
        [
            "pm_"
            + "".join(t.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(24))
            for _ in range(t.n)
        ],
    )
    t.add("cardholder_name", [p.full.upper() if t.rng.random() < 0.6 else p.full for p in ppl], "person_name")
    t.add("card_number", [format_card(t.rng, c) for c in cards], "credit_card")
    t.add("exp", [card_expiry(t.rng) for _ in range(t.n)], "card_expiry")
    t.add("cvv", [digits(t.rng, 4 if len(c) == 15 else 3) for c in cards], "card_security_code")
    t.add("last4", [c[-4:] for c in cards], note="last four digits of the card: not PII alone")
    t.add(
        "brand",
        [
            "amex"
            if c[0] == "3" and len(c) == 15
            else "visa"
            if c[0] == "4"
            else "jcb"
            if c[0] == "3"
            else "mastercard"
            for c in cards
        ],
    )
    t.add(
        "billing_zip", [f"{t.rng.choice(N.US_CITIES)[2]}{t.rng.randint(0, 99):02d}" for _ in range(t.n)], "postal_code"
    )
    t.add("created_at", t.timestamps(datetime(2024, 1, 1), 700))
    disputes = []
    for c in cards:
        r = t.rng.random()
        if r < 0.35:
            disputes.append(f"Customer disputes charge; card {c} reported stolen, reissue requested.")
        elif r < 0.5:
            disputes.append(f"Chargeback filed. Replacement card {format_card(t.rng, card_number(t.rng))} added.")
        else:
            disputes.append(
                t.rng.choice(
                    [
                        "",
                        "",
                        "AVS mismatch on first attempt",
                        "3DS challenge passed",
                        "Retry succeeded after soft decline",
                    ]
                )
            )
    t.add("ops_note", disputes, contains=["credit_card"])


def t_support_tickets(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n)
    agents = [p.full for p in V.people(t.rng, "us", 6)]
    t.add("ticket_id", [f"TCK-{100230 + i * 3}" for i in range(t.n)])
    t.add("opened_at", t.timestamps(datetime(2026, 1, 5), 60))
    t.add(
        "requester",
        [f"{p.full} <{p.email}>" if t.rng.random() < 0.7 else f'"{p.last}, {p.first}" <{p.email}>' for p in ppl],
        "email",
    )
    t.add("assignee", V.blanks(t.rng, t.pick(agents), 0.15, ("", "Unassigned")), "person_name")
    t.add("priority", t.pick(("P1", "P2", "P3", "P4"), (1, 3, 6, 3)))
    t.add("status", t.pick(("open", "pending", "solved", "closed", "on-hold")))
    t.add(
        "subject",
        t.pick(
            (
                "Refund not received",
                "Can't log in",
                "Wrong size delivered",
                "Package marked delivered but missing",
                "Promo code not applied",
                "Update billing details",
                "Cancel subscription",
            )
        ),
    )
    bodies = []
    for _ in ppl:
        r = t.rng.random()
        if r < 0.3:
            bodies.append(f"Hi, please reply to {V.person(t.rng, 'us').email} instead, I lost access to my old inbox.")
        elif r < 0.55:
            bodies.append(f"You can reach me at {V.phone(t.rng, 'US')} between 9 and 5. Order still not here.")
        elif r < 0.65:
            bodies.append(f"Call {V.phone(t.rng, 'US')} or write to {V.person(t.rng, 'us').email}, thanks.")
        else:
            bodies.append(
                t.rng.choice(
                    [
                        "The item arrived damaged, the box was crushed.",
                        "Where is my refund???",
                        "Size M is too small, I need to exchange for L.",
                        "App crashes on checkout.",
                        "Please cancel my order before it ships.",
                    ]
                )
            )
    t.add("body", bodies, contains=["email", "phone"])
    t.add(
        "product_sku",
        [f"SKU-{t.rng.randint(1000, 9999)}-{t.rng.choice(['BLK', 'WHT', 'RED', 'S', 'M', 'L'])}" for _ in range(t.n)],
    )
    t.add("csat", V.blanks(t.rng, [t.rng.randint(1, 5) for _ in range(t.n)], 0.4, (None,)))


TABLES_A = [
    t_crm_customer_export,
    t_legacy_custmast,
    t_hr_employee_master,
    t_patient_intake,
    t_payments_card_on_file,
    t_support_tickets,
]
