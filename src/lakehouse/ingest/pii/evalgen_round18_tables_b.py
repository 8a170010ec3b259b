"""Round-18 held-out tables, part B: HR, marketplace, gig, civic and research exports (English headers)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from lakehouse.ingest.pii.evalgen_round11_values import make_iban, passport, us_ssn
from lakehouse.ingest.pii.evalgen_round16_values import Table, prose, us_driver_license
from lakehouse.ingest.pii.evalgen_round18_values import col, dob, people, plate

Fakes = dict[str, Any]


def t_adp_workforce_now_census(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us", young=2004)
    t.add("ASSOCIATE ID", ["".join(t.rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=9)) for _ in range(t.n)],
          note="ADP's associate id: employee number, no category, not labelled")
    t.add("LEGAL FIRST NAME", col(t, ps, "first"), "person_name")
    t.add("LEGAL LAST NAME", [p.last.upper() for p in ps], "person_name")
    ssns = [us_ssn(t.rng) for _ in range(t.n)]
    t.add("TAX ID (SSN)", [f"{s[:3]}-{s[3:5]}-{s[5:]}" if t.rng.random() < 0.7 else s for s in ssns], "ssn")
    t.add("BIRTH DATE", dob(t, ps, "%m/%d/%Y"), "date_of_birth")
    t.add("HOME ADDRESS LINE 1", [f.street_address().upper() for _ in range(t.n)], "address_part")
    t.add("HOME CITY", [f.city().upper() for _ in range(t.n)], "address_part")
    t.add("HOME ZIP", [f.zipcode() for _ in range(t.n)], "postal_code")
    t.add("PERSONAL MOBILE", col(t, ps, "phone", blank=0.2), "phone")
    t.add("ANNUAL SALARY", [f"{t.rng.randrange(38_000, 190_000, 500):,}.00" for _ in range(t.n)], "salary")
    t.add("PAY FREQUENCY", t.pick(["Biweekly", "Semimonthly", "Weekly"]))
    t.add("HIRE DATE", t.dates(date(2010, 1, 1), 5000, fmt="%m/%d/%Y"), note="employment date: negative")
    t.add("HOME DEPARTMENT", t.pick(["000100", "000210", "000330"]))


def t_amazon_seller_orders(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us")
    t.add("amazon-order-id", [f"{t.rng.randint(111, 114)}-{t.rng.randint(10**6, 10**7 - 1)}-"
                              f"{t.rng.randint(10**6, 10**7 - 1)}" for _ in range(t.n)])
    t.add("purchase-date", t.timestamps(datetime(2024, 7, 1), 30, fmt="%Y-%m-%dT%H:%M:%S+00:00"))
    t.add("buyer-email", [f"{''.join(t.rng.choices('abcdefghijklmnopqrstuvwxyz0123456789', k=14))}"
                          "@marketplace.amazon.com" for _ in range(t.n)], "email",
          note="Amazon's relay address: still reaches one buyer, labelled email")
    t.add("buyer-name", col(t, ps, "full", mess=0.25, blank=0.2), "person_name")
    t.add("sku", [f"TS-{t.rng.choice(['BLK', 'WHT', 'NVY'])}-{t.rng.choice(['S', 'M', 'L', 'XL'])}"
                  for _ in range(t.n)])
    t.add("asin", ["B0" + "".join(t.rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=8)) for _ in range(t.n)])
    t.add("item-price", t.money(9, 60))
    t.add("recipient-name", [p.full if t.rng.random() < 0.8 else f.name() for p in ps], "person_name")
    t.add("ship-address-1", [f.street_address() for _ in range(t.n)], "address_part")
    t.add("ship-address-2", t.dirty([f.secondary_address() for _ in range(t.n)], 0.7, ("",)), "address_part")
    t.add("ship-city", [f.city().upper() if t.rng.random() < 0.2 else f.city() for _ in range(t.n)], "address_part")
    t.add("ship-state", t.pick(["CA", "TX", "NY", "FL", "OH"]), note="state: judged too coarse, not labelled")
    t.add("ship-postal-code", [f.zipcode_plus4() if t.rng.random() < 0.5 else f.zipcode() for _ in range(t.n)],
          "postal_code")
    t.add("ship-phone-number", col(t, ps, "phone", blank=0.5), "phone")


def t_uber_driver_onboarding(t: Table, fake: Fakes) -> None:
    ps = people(t, fake["us"], "us", young=2003)
    t.add("driver_uuid", t.uuids())
    t.add("driver_first_name", col(t, ps, "first", mess=0.1), "person_name")
    t.add("driver_last_name", col(t, ps, "last", mess=0.1), "person_name")
    t.add("driver_phone", [p.phone if t.rng.random() < 0.5 else "+1" + "".join(c for c in p.phone if c.isdigit())[-10:]
                           for p in ps], "phone")
    t.add("dl_number", [us_driver_license(t.rng) for _ in range(t.n)], "driver_license")
    t.add("dl_state", t.pick(["CA", "TX", "FL", "NY"]))
    t.add("dl_expiration", t.dates(date(2025, 1, 1), 2000), type="date", note="licence expiry: negative")
    t.add("vehicle_plate", [plate(t.rng, "us") for _ in range(t.n)], note="plate: no category (round 11)")
    t.add("vehicle_make_model", t.pick(["Toyota Camry", "Honda Accord", "Tesla Model 3", "Kia Niro"]))
    t.add("city_id", t.pick([1, 5, 12, 198]))
    t.add("trips_completed", [t.rng.randint(0, 9000) for _ in range(t.n)])
    t.add("rating", [round(t.rng.uniform(4.5, 5.0), 2) for _ in range(t.n)])
    t.add("bank_routing_number", t.pick(["121000358", "026009593", "021000021"]), note="the bank's number")
    t.add("bank_account_last4", [f"{t.rng.randint(0, 9999):04d}" for _ in range(t.n)], note="last four: negative")


def t_deel_contractors(t: Table, fake: Fakes) -> None:
    ps = people(t, fake["de"], "de", young=2000)
    t.add("contract_id", t.seq("DL-{:07d}", 3_100_000))
    t.add("contractor_name", col(t, ps, "full", mess=0.1), "person_name")
    t.add("personal_email", col(t, ps, "email"), "email")
    t.add("date_of_birth", dob(t, ps, "%Y-%m-%d"), "date_of_birth", type="date")
    t.add("passport_number", t.dirty([passport(t.rng, "DE") for _ in range(t.n)], 0.2), "passport")
    t.add("tax_residence", t.pick(["DE", "DE", "AT", "PL"]))
    t.add("payout.iban", [make_iban(t.rng, t.rng.choice(["DE", "DE", "PL", "FR"])) for _ in range(t.n)], "iban")
    t.add("payout.swift_bic", t.pick(["COBADEFFXXX", "DEUTDEDBBER", "BREXPLPWXXX", "INGDDEFFXXX"]),
          note="bank's code")
    t.add("rate_usd_hr", t.money(35, 140, places=0), "salary", note="a contractor's hourly rate: their pay")
    t.add("contract_start", t.dates(date(2022, 1, 1), 800), type="date")
    t.add("job_title", t.pick(["Backend Engineer", "Designer", "Data Analyst", "PM"]))


def t_fec_itemized_receipts(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us", young=2002)
    t.add("CMTE_ID", t.pick(["C00401224", "C00694323"]))
    t.add("CONTRIBUTOR_NAME", [f"{p.last.upper()}, {p.first.upper()}" for p in ps], "person_name")
    t.add("CONTRIBUTOR_STREET_1", [f.street_address().upper() for _ in range(t.n)], "address_part")
    t.add("CONTRIBUTOR_CITY", [f.city().upper() for _ in range(t.n)], "address_part")
    t.add("CONTRIBUTOR_STATE", t.pick(["NY", "CA", "MA", "IL"]), note="state: not labelled")
    t.add("CONTRIBUTOR_ZIP", [f.zipcode() + (f"{t.rng.randint(0, 9999):04d}" if t.rng.random() < 0.5 else "")
                              for _ in range(t.n)], "postal_code", note="ZIP+4 without the dash, as FEC files it")
    t.add("CONTRIBUTOR_EMPLOYER", t.pick(["SELF-EMPLOYED", "RETIRED", "NOT EMPLOYED", "GOOGLE", "KAISER"]))
    t.add("CONTRIBUTOR_OCCUPATION", t.pick(["RETIRED", "ATTORNEY", "TEACHER", "PHYSICIAN", "ENGINEER"]))
    t.add("CONTRIBUTION_RECEIPT_AMOUNT", t.money(5, 3300))
    t.add("CONTRIBUTION_RECEIPT_DATE", t.dates(date(2024, 1, 1), 200, fmt="%Y%m%d"))
    texts, kinds = prose(t, (
        "EARMARKED THROUGH ACTBLUE", "REFUND REQUESTED - DONOR CALLED FROM {phone}",
        "ONLINE; RECEIPT SENT TO {email}", "", "BEST EFFORTS: EMPLOYER INFO REQUESTED BY MAIL",
    ), phone=lambda: t.rng.choice(ps).phone, email=lambda: t.rng.choice(ps).email.upper())
    t.add("MEMO_TEXT", texts, contains=kinds)


def t_county_court_dockets(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us", young=2005)
    judges = [f"Hon. {f.last_name()}" for _ in range(3)]
    t.add("case_no", [f"2024-CR-{t.rng.randint(100, 9999):06d}" for _ in range(t.n)])
    t.add("filing_date", t.dates(date(2024, 1, 1), 250), type="date")
    t.add("defendant_name", [f"{p.last}, {p.first}" for p in ps], "person_name")
    t.add("defendant_dob", t.dirty(dob(t, ps, "%m/%d/%Y"), 0.1, ("", "UNK")), "date_of_birth")
    t.add("charge_desc", t.pick(["DUI 1ST OFFENSE", "PETTY THEFT", "DRIVING W/ SUSP LIC", "TRESPASS"]),
          note="criminal charge: no category in docs/pii.md, not labelled")
    t.add("disposition", t.pick(["PENDING", "DISMISSED", "GUILTY PLEA", "NOLLE PROS"]))
    t.add("defense_attorney", t.dirty([f.name() for _ in range(t.n)], 0.3, ("PRO SE", "PUBLIC DEFENDER")),
          "person_name")
    t.add("judge", t.pick(judges), "person_name")
    t.add("bail_amt", t.pick([0, 500, 1000, 2500, 10000]))
    texts, kinds = prose(t, (
        "Summons served at {address}.", "Continued at request of defense.",
        "Service failed, defendant moved; new address {address}", "Warrant recalled.",
    ), address=lambda: f.address().replace("\n", ", "))
    t.add("docket_note", texts, contains=kinds)


def t_council_parking_pcns(t: Table, fake: Fakes) -> None:
    f = fake["gb"]
    ps = people(t, f, "gb")
    t.add("PCN", [f"WK{t.rng.randint(10**7, 10**8 - 1)}{t.rng.choice('ABC')}" for _ in range(t.n)])
    t.add("Contravention Code", t.pick(["01", "12", "30", "40", "62"]))
    t.add("VRM", [plate(t.rng, "gb") for _ in range(t.n)], note="plate: no category (round 11)")
    t.add("Issued At", t.timestamps(datetime(2024, 2, 1), 90, fmt="%d/%m/%Y %H:%M"))
    t.add("Street (contravention)", t.pick(["High St", "Station Rd", "Market Sq", "Church Ln"]),
          note="where the car was parked, not a person's address")
    t.add("Keeper Name", [("MR " if not p.female else "MS ") + p.full.upper() for p in ps], "person_name",
          note="registered keeper from DVLA")
    t.add("Keeper Address", [f.address().replace("\n", ", ") for _ in range(t.n)], "address")
    t.add("Keeper Postcode", [f.postcode() for _ in range(t.n)], "postal_code")
    t.add("Amount £", t.pick([35, 70, 110, 165]))
    t.add("Status", t.pick(["Paid", "Open", "Appeal", "Charge Cert"]))
    t.add("CEO No", t.pick(["CEO114", "CEO207", "CEO315"]), note="warden's badge number: negative")


def t_trial_screening_log(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us", young=2004)
    t.add("Screen No", t.seq("S-{:04d}", 100))
    t.add("Site", t.pick(["101", "104", "117"]))
    t.add("Subj Initials", [f"{p.first[0]}{t.rng.choice('ABCDEFGHJKLMRST')}{p.last[0]}" for p in ps],
          note="three initials only, as GCP logs keep them: judged not a name, not labelled")
    t.add("MRN", [f"{t.rng.randint(10**7, 10**8 - 1)}" for _ in range(t.n)], "medical")
    t.add("YOB", [p.born.year for p in ps], note="birth year alone: not PII (round 11)")
    t.add("Sex", t.pick(["M", "F"]))
    t.add("Primary Dx", t.pick(["Type 2 diabetes (E11.9)", "NASH", "CKD stage 3 (N18.3)", "E11.65"]), "medical")
    t.add("HbA1c %", [round(t.rng.uniform(6.5, 11), 1) for _ in range(t.n)], "medical", note="a lab result")
    t.add("Eligible (Y/N)", t.pick(["Y", "N", "N"]))
    t.add("Screen Fail Reason", t.pick(["", "eGFR < 30", "on insulin pump", "withdrew consent", "BMI > 45"]),
          "medical", note="clinical reasons; no identifiers in them")
    t.add("Consent Date", t.dates(date(2024, 3, 1), 150, fmt="%d-%b-%Y"))
    t.add("Investigator", t.pick([f"Dr. {f.last_name()}" for _ in range(3)]), "person_name")


t_trial_screening_log.phi = True  # type: ignore[attr-defined]

TABLES_B = [t_adp_workforce_now_census, t_amazon_seller_orders, t_uber_driver_onboarding, t_deel_contractors,
            t_fec_itemized_receipts, t_county_court_dockets, t_council_parking_pcns, t_trial_screening_log]
