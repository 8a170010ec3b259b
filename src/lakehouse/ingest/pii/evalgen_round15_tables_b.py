"""Round-15 held-out tables, part B: payments, health, a legacy Access database, SaaS and marketing exports.

See evalgen_round15.py for the scenario and the label conventions.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, card_expiry, card_number, email_for, format_card
from lakehouse.ingest.pii.evalgen_round15_values import (
    NULLS_LEGACY,
    cased,
    dirty,
    notes,
    phone15,
    us_ssn_formatted,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round15 import Table

MAIL = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "att.net")
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
ICD10 = ["E11.9", "I10", "J45.909", "M54.5", "F41.1", "K21.9", "Z00.00", "E78.5", "N39.0", "J06.9", "R51.9"]


def t_stripe_charges(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    t.add("id", ["ch_3" + "".join(rng.choice(ALNUM) for _ in range(23)) for _ in range(t.n)])
    t.add("amount", [rng.randint(500, 45_000) for _ in range(t.n)], note="in cents")
    t.add("status", t.pick(["succeeded", "succeeded", "failed", "pending"]))
    names = [fake.name() for _ in range(t.n)]
    t.add("billing_details.name", dirty(rng, [cased(rng, n, 0.2, 0.1) for n in names], 0.08, (None,)),
          "person_name")
    t.add("billing_details.email", dirty(rng, [email_for(rng, n.split()[-2], n.split()[-1], MAIL) for n in names], 0.15,
                                         (None,)), "email")
    t.add("billing_details.address.line1", dirty(rng, [fake.street_address() for _ in range(t.n)], 0.2, (None,)),
          "address_part")
    t.add("billing_details.address.postal_code", dirty(rng, [fake.zipcode() for _ in range(t.n)], 0.05, (None,)),
          "postal_code")
    t.add("billing_details.address.country", t.pick(["US", "US", "CA", None]))
    t.add("payment_method_details.card.last4", [f"{rng.randint(0, 9999):04d}" for _ in range(t.n)],
          note="last four digits only")
    t.add("created", t.timestamps(datetime(2026, 2, 1), 45, "unix"))


def t_epic_appt_extract(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    t.add("PAT_MRN_ID", [f"E{rng.randint(1_000_000, 9_999_999)}" if rng.random() < 0.8
                         else str(rng.randint(10_000_000, 99_999_999)) for _ in range(t.n)], "medical")
    t.add("PAT_NAME", [f"{fake.last_name().upper()},{fake.first_name().upper()}"
                       + (f" {rng.choice('ABCDEJKLMRS')}" if rng.random() < 0.4 else "") for _ in range(t.n)],
          "person_name")
    t.add("BIRTH_DATE", [birth_date(rng, 1935, 2022).isoformat() for _ in range(t.n)], "date_of_birth", type="date")
    t.add("ZIP", dirty(rng, [fake.zipcode() for _ in range(t.n)], 0.03, (None,)), "postal_code")
    t.add("HOME_PHONE", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.1, (None, "000-000-0000")), "phone")
    t.add("APPT_DTTM", t.timestamps(datetime(2026, 5, 4, 7), 21))
    t.add("APPT_STATUS_C_NAME", t.pick(["Scheduled", "Completed", "Canceled", "No Show", "Arrived"]))
    t.add("RFV_NAME", t.pick(["HYPERTENSION FOLLOW-UP", "ASTHMA", "DIABETES CHECK", "ANXIETY", "BACK PAIN",
                              "MED REFILL", "WELL CHILD"]), "medical", note="reason for visit")
    t.add("PAYOR_NAME", t.pick(["AETNA", "BCBS IL", "MEDICARE", "SELF-PAY", "UHC"]))
    t.add("MEM_NUMBER", dirty(rng, [rng.choice(["W", "XJH", "U"]) + str(rng.randint(10**8, 10**10))
                                    for _ in range(t.n)], 0.1, (None,)), "medical", note="insurance member id")


t_epic_appt_extract.phi = True  # type: ignore[attr-defined]


def t_health_claims_837(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    t.add("ClaimNo", t.seq(2026_0412_0001, (1, 13), "CLM{}"))
    t.add("SubscriberSSN", dirty(rng, [us_ssn_formatted(rng) for _ in range(t.n)], 0.05, ("", "000000000")), "ssn")
    t.add("PatientLast", [fake.last_name().upper() for _ in range(t.n)], "person_name")
    t.add("PatientDOB", [birth_date(rng, 1940, 2020).strftime("%Y%m%d") for _ in range(t.n)], "date_of_birth")
    t.add("DxCode1", t.pick(ICD10), "medical")
    t.add("DxCode2", dirty(rng, [rng.choice(ICD10).replace(".", "") for _ in range(t.n)], 0.5, ("",)), "medical")
    t.add("CPT", t.pick(["99213", "99214", "99203", "93000", "80053", "36415", "99395"]), "medical")
    t.add("DOS", t.timestamps(datetime(2026, 3, 1), 40, "%Y%m%d"), note="date of service")
    t.add("BilledAmt", t.money(80, 2200))
    t.add("RenderingNPI", t.pick(["1386712203", "1720089442", "1952318865", "1114027338"]),
          note="provider's public NPI")


t_health_claims_837.phi = True  # type: ignore[attr-defined]


def t_access_members_legacy(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    t.add("MEMNO", t.seq(1203, (1, 3)))
    t.add("LNAME", [fake.last_name().upper() for _ in range(t.n)], "person_name")
    t.add("FNAME", dirty(rng, [fake.first_name().upper() for _ in range(t.n)], 0.03, NULLS_LEGACY), "person_name")
    t.add("SPOUSE", dirty(rng, [fake.first_name_female().upper() for _ in range(t.n)], 0.55, ("",)),
          "person_name")
    t.add("ADDR1", [fake.street_address().upper().replace("STREET", "ST").replace("AVENUE", "AVE")
                    for _ in range(t.n)], "address_part")
    t.add("CITY", [fake.city().upper() for _ in range(t.n)], "address_part")
    t.add("ZIP", [fake.zipcode() if rng.random() < 0.8 else fake.zipcode()[:4] for _ in range(t.n)], "postal_code",
          note="some lost their leading zero in Excel")
    t.add("HPHONE", dirty(rng, [phone15(rng, "US").replace("+1", "") for _ in range(t.n)], 0.15, NULLS_LEGACY),
          "phone")
    t.add("DOB", dirty(rng, [birth_date(rng, 1930, 1990).strftime("%m/%d/%y") for _ in range(t.n)], 0.2,
                       ("", "00/00/00")), "date_of_birth")
    cards = [format_card(rng, card_number(rng)) if rng.random() < 0.3 else "" for _ in range(t.n)]
    t.add("CCNUM", cards, "credit_card", note="dues autopay, kept in the clear by a home-grown database")
    t.add("CCEXP", [card_expiry(rng) if c else "" for c in cards], "card_expiry")
    t.add("EMAIL", dirty(rng, [fake.free_email() for _ in range(t.n)], 0.6, ("",)), "email")
    cells, kinds = notes(rng, t.n, [
        "PD BY CHECK #4411", "MOVED TO FLORIDA FOR WINTER", "LIFE MEMBER 1999", "NEWSLETTER BY MAIL ONLY",
        "DECEASED - NOTIFY SECRETARY", "BOARD 2019-2021",
    ], {
        "phone": ["WORK PH {}", "CELL {} (TEXT OK)", "CALL {} NOT HOME NO."],
        "ssn": ["SSN {} FOR 1099", "SS# {} ON FILE"],
    }, pii_share=0.35, blank=0.4)
    t.add("COMMENTS", cells, contains=kinds)


def t_saas_users(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    t.add("user_id", t.uuids())
    t.add("username", [fake.user_name() + (str(rng.randint(1, 99)) if rng.random() < 0.3 else "")
                       for _ in range(t.n)], "username")
    t.add("email", [fake.free_email() if rng.random() < 0.6 else fake.company_email() for _ in range(t.n)], "email")
    t.add("display_name", [rng.choice([fake.name(), fake.first_name(), fake.name().lower()]) for _ in range(t.n)],
          "person_name")
    questions = ["What was the name of your first pet?", "In what city were you born?",
                 "What is your mother's maiden name?", "What was your first car?"]
    asked = [rng.choice(questions) if rng.random() < 0.7 else None for _ in range(t.n)]
    t.add("recovery_question", asked)
    answers = {questions[0]: ["rex", "Buddy", "whiskers", "Max", "coco"],
               questions[1]: ["toledo", "Dayton", "Fresno"],
               questions[2]: ["smith", "Kowalski", "garcia", "O'Brien"],
               questions[3]: ["civic", "Ford Escort", "jetta"]}
    t.add("recovery_answer", [rng.choice(answers[q]) if q else None for q in asked], "security_answer")
    t.add("plan", t.pick(["free", "free", "pro", "team", "enterprise"]))
    t.add("locale", t.pick(["en-US", "en-GB", "de-DE", "fr-FR", "es-419"]))
    t.add("last_login_ip", dirty(rng, [fake.ipv4_public() if rng.random() < 0.85 else fake.ipv6()
                                       for _ in range(t.n)], 0.1, (None,)), "ip_address")
    t.add("created_at", t.timestamps(datetime(2023, 1, 1), 900))


def t_saas_audit_log(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    actors = [fake.user_name() for _ in range(9)]
    ips = [fake.ipv4_public() for _ in range(12)]
    t.add("event_id", ["evt_" + "".join(rng.choice(ALNUM[26:]) for _ in range(20)) for _ in range(t.n)])
    t.add("ts", t.timestamps(datetime(2026, 6, 1), 3, "%Y-%m-%dT%H:%M:%S.%fZ"))
    t.add("actor.login", t.pick(actors + ["svc-deploy-bot"]), "username")
    t.add("actor.ip", t.pick(ips + ["10.0.4.17"]), "ip_address")
    t.add("action", t.pick(["user.login", "repo.clone", "member.invite", "billing.update", "token.create"]))
    t.add("resource.type", t.pick(["repository", "organization", "token", "session"]))
    t.add("resource.id", [str(rng.randint(10**8, 10**9)) for _ in range(t.n)])
    t.add("user_agent", t.pick([fake.user_agent() for _ in range(5)]), note="no category in docs/pii.md")


def t_mailchimp_audience(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts = [fake.first_name() for _ in range(t.n)]
    lasts = [fake.last_name() for _ in range(t.n)]
    t.add("Email Address", [email_for(rng, f, la, MAIL) for f, la in zip(firsts, lasts, strict=True)], "email")
    t.add("First Name", dirty(rng, [cased(rng, f, 0.05, 0.2) for f in firsts], 0.2, ("",)), "person_name")
    t.add("Last Name", dirty(rng, lasts, 0.35, ("",)), "person_name")
    t.add("Address", dirty(rng, [f"{fake.street_address()}  {fake.city()}  {fake.state_abbr()}  {fake.zipcode()}  US"
                                 for _ in range(t.n)], 0.6, ("",)), "address",
          note="Mailchimp's address field, parts joined by two spaces")
    t.add("Phone Number", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.7, ("",)), "phone")
    t.add("Birthday", dirty(rng, [f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}" for _ in range(t.n)], 0.5,
                            ("",)), "date_of_birth_part", note="month/day without year")
    t.add("MEMBER_RATING", [rng.randint(1, 5) for _ in range(t.n)])
    t.add("OPTIN_TIME", t.timestamps(datetime(2024, 1, 1), 700, "%Y-%m-%d %H:%M:%S"))
    t.add("OPTIN_IP", dirty(rng, [fake.ipv4_public() for _ in range(t.n)], 0.4, ("",)), "ip_address")
    t.add("TAGS", t.pick(['"Spring Promo"', '"Newsletter","VIP"', "", '"Webinar 2026"']))


def t_inventory_on_hand(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    suppliers = [(fake.company(), f"sales@{fake.domain_name()}", phone15(rng, "US")) for _ in range(5)]
    picked = t.pick(suppliers)
    t.add("SKU", [f"{rng.choice(['HW', 'EL', 'PL', 'GD'])}{rng.randint(10000, 99999)}{rng.choice(['', '-B', '-R'])}"
                  for _ in range(t.n)])
    t.add("Item Description", t.pick(["3/8in hex bolt zinc, 100ct", "LED shop light 4ft 5000K",
                                      "PVC elbow 90deg 1-1/2in", "Garden hose 50ft heavy duty",
                                      "Cordless drill 20V w/ 2 batteries", "Outdoor extension cord 25 ft"]))
    t.add("Qty On Hand", [rng.randint(0, 800) for _ in range(t.n)])
    t.add("Bin", [f"{rng.choice('ABCDEF')}-{rng.randint(1, 30):02d}-{rng.randint(1, 6)}" for _ in range(t.n)])
    t.add("Unit Cost ($)", t.money(0.15, 189))
    t.add("Vendor", [p[0] for p in picked])
    t.add("Vendor Email", [p[1] for p in picked], note="the vendor's sales inbox")
    t.add("Vendor Phone", [p[2] for p in picked], note="the vendor's switchboard")
    t.add("Last Received", t.timestamps(datetime(2026, 1, 1), 150, "%m/%d/%Y", blank=0.1))


TABLES_B = [t_stripe_charges, t_epic_appt_extract, t_health_claims_837, t_access_members_legacy, t_saas_users,
            t_saas_audit_log, t_mailchimp_audience, t_inventory_on_hand]
