"""Round-15 held-out tables, part A: e-commerce, CRM, HR and recruiting exports with English headers.

See evalgen_round15.py for the scenario and the label conventions.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, email_for
from lakehouse.ingest.pii.evalgen_round15_values import (
    cased,
    dirty,
    notes,
    phone15,
    us_driver_license,
    us_ssn_formatted,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round15 import Table

MAIL = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "comcast.net")
STATES = ["CA", "TX", "NY", "FL", "IL", "WA", "OH", "GA", "NC", "MI", "AZ", "CO"]


def _people(t: Table, fake: Faker) -> tuple[list[str], list[str]]:
    firsts = [fake.first_name() for _ in range(t.n)]
    lasts = [fake.last_name() for _ in range(t.n)]
    return firsts, lasts


def t_shopify_customers_export(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    t.add("Customer ID", t.seq(6_204_118_000_000, (1_000, 90_000)))
    t.add("First Name", dirty(rng, [cased(rng, f) for f in firsts], 0.03), "person_name")
    t.add("Last Name", dirty(rng, [cased(rng, la) for la in lasts], 0.05), "person_name")
    t.add("Email", dirty(rng, [email_for(rng, f, la, MAIL) for f, la in zip(firsts, lasts, strict=True)], 0.04),
          "email")
    t.add("Default Address Company", dirty(rng, [fake.company() for _ in range(t.n)], 0.75, ("",)),
          note="the customer's employer, not personal")
    t.add("Default Address Address1", dirty(rng, [fake.street_address() for _ in range(t.n)], 0.08, ("",)),
          "address_part")
    t.add("Default Address Address2",
          [rng.choice([f"Apt {rng.randint(1, 40)}", f"Unit {rng.choice('ABCD')}", f"Suite 2{rng.randint(0, 99)}"])
           if rng.random() < 0.3 else "" for _ in range(t.n)], "address_part")
    t.add("Default Address City", dirty(rng, [fake.city() for _ in range(t.n)], 0.08, ("",)), "address_part")
    t.add("Default Address Province Code", dirty(rng, t.pick(STATES), 0.08, ("",)))
    t.add("Default Address Zip",
          dirty(rng, ["'" + fake.zipcode() if rng.random() < 0.3 else fake.zipcode_plus4() if rng.random() < 0.2
                      else fake.zipcode() for _ in range(t.n)], 0.08, ("",)), "postal_code",
          note="Shopify prefixes a quote so spreadsheets keep leading zeros")
    t.add("Phone", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.45, ("",)), "phone")
    t.add("Total Spent", t.money(0, 2400))


def t_shopify_orders(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    t.add("Name", t.seq(1042, (1, 4), "#{}"), note="Shopify's order name, not a person")
    t.add("Email", dirty(rng, [email_for(rng, f, la, MAIL) for f, la in zip(firsts, lasts, strict=True)], 0.02),
          "email")
    t.add("Paid at", t.timestamps(datetime(2026, 3, 1), 60, "%Y-%m-%d %H:%M:%S -0500", blank=0.05))
    t.add("Subtotal", t.money(12, 480))
    t.add("Lineitem name", t.pick(["Merino Crew Sock - Charcoal / M", "Trail Runner 2 - 9.5", "Canvas Tote - Natural",
                                   "Gift Card - $50", "Rain Shell - Olive / L"]))
    t.add("Lineitem sku", [f"{rng.choice(['MCS', 'TR2', 'CT', 'GC', 'RS'])}-{rng.randint(100, 999)}-"
                           f"{rng.choice('SMLX')}" for _ in range(t.n)])
    t.add("Billing Name", [cased(rng, f"{f} {la}", 0.12, 0.05) for f, la in zip(firsts, lasts, strict=True)],
          "person_name")
    t.add("Shipping Street", dirty(rng, [fake.street_address() for _ in range(t.n)], 0.04, ("",)), "address_part")
    t.add("Shipping City", dirty(rng, [fake.city() for _ in range(t.n)], 0.04, ("",)), "address_part")
    t.add("Shipping Zip", dirty(rng, [fake.zipcode() for _ in range(t.n)], 0.04, ("",)), "postal_code")
    t.add("Shipping Phone", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.35, ("",)), "phone")


def t_salesforce_leads(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    companies = [fake.company() for _ in range(t.n)]
    t.add("Id", ["00Q" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                                 for _ in range(15)) for _ in range(t.n)])
    t.add("FirstName", dirty(rng, firsts, 0.05), "person_name")
    t.add("LastName", [cased(rng, la, 0.15, 0.0) for la in lasts], "person_name")
    t.add("Company", companies)
    doms = [c.split()[0].strip(",").lower() + ".com" for c in companies]
    mails = [email_for(rng, f, la, (d,)) for f, la, d in zip(firsts, lasts, doms, strict=True)]
    t.add("Email", dirty(rng, mails, 0.06), "email", note="work addresses of named people")
    t.add("MobilePhone", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.3, ("", None)), "phone")
    t.add("Status", t.pick(["Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                            "Closed - Not Converted"]))
    t.add("State", t.pick(STATES))
    t.add("CreatedDate", t.timestamps(datetime(2025, 11, 1), 150, "%Y-%m-%dT%H:%M:%S.000+0000"))


def t_workday_payroll_report(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    t.add("Employee_ID", t.seq(100_214, (1, 9)))
    t.add("Legal_Name_First_Name", firsts, "person_name")
    t.add("Legal_Name_Last_Name", lasts, "person_name")
    t.add("Preferred_Name", [rng.choice([f[:3], f"{f[:1]}J", f]) if rng.random() < 0.2 else "" for f in firsts],
          "person_name")
    t.add("Date_of_Birth", [birth_date(rng, 1960, 2004).strftime("%m/%d/%Y") for _ in range(t.n)], "date_of_birth")
    t.add("Gender", t.pick(["Male", "Female", "Not Declared", "Female", "Male"]), note="no category in docs/pii.md")
    t.add("National_ID", dirty(rng, [us_ssn_formatted(rng) for _ in range(t.n)], 0.03, ("",)), "ssn")
    t.add("Annual_Base_Pay", [f"{rng.randint(42, 210) * 1000:,}.00" for _ in range(t.n)], "salary")
    t.add("Bank_Routing_Number", t.pick(["021000021", "011401533", "091000019", "121000248", "026009593"]),
          note="ABA routing number of the bank, not of the person")
    t.add("Bank_Account_Number", [str(rng.randint(10**7, 10**12)) for _ in range(t.n)], "bank_account")
    t.add("Drivers_License_Number", [us_driver_license(rng) if rng.random() < 0.35 else "" for _ in range(t.n)],
          "driver_license", note="only for staff who drive company vehicles")
    t.add("Home_Address", [fake.address().replace("\n", ", ") for _ in range(t.n)], "address")
    t.add("Home_Phone", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.2, ("",)), "phone")


def t_greenhouse_candidates(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    recruiters = [fake.name() for _ in range(4)]
    mails = []
    for f, la in zip(firsts, lasts, strict=True):
        m = email_for(rng, f, la, MAIL)
        mails.append(m + "; " + email_for(rng, f, la, ("protonmail.com",)) if rng.random() < 0.15 else m)
    t.add("Candidate ID", t.seq(40_118_220, (3, 400)))
    t.add("First Name", firsts, "person_name")
    t.add("Last Name", lasts, "person_name")
    t.add("Email Addresses", mails, "email")
    t.add("Phone Numbers", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.1, ("",)), "phone")
    t.add("Job", t.pick(["Senior Data Engineer", "Account Executive, SMB", "Warehouse Associate (Night)",
                         "Product Designer"]))
    t.add("Applied On", t.timestamps(datetime(2026, 1, 5), 90, "%m/%d/%Y"))
    t.add("Recruiter", t.pick(recruiters), "person_name", note="an employee's name")
    t.add("Desired Salary", dirty(rng, [rng.choice([f"${rng.randint(60, 190)}k", f"{rng.randint(60, 190) * 1000}",
                                                    f"{rng.randint(55, 95)}-{rng.randint(96, 140)}k", "negotiable"])
                                        for _ in range(t.n)], 0.3, ("",)), "salary")
    cells, kinds = notes(rng, t.n, [
        "Strong SQL, weak on system design.", "Relocating from Denver in May.", "Needs visa sponsorship (H-1B).",
        "Great culture add, move to onsite.", "No-show for screen, rescheduled once.",
    ], {
        "phone": ["Prefers texts, cell {}.", "Call back after 6pm on {}", "Left voicemail at {} - no answer"],
        "email": ["Sent offer packet to personal address {} instead.", "Use {} for scheduling, not the work mail."],
    })
    t.add("Notes", cells, contains=kinds)


def t_hubspot_contacts_api(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    t.add("id", t.seq(51_230_001, (1, 30)))
    t.add("properties.firstname", dirty(rng, firsts, 0.08, (None, "")), "person_name")
    t.add("properties.lastname", dirty(rng, lasts, 0.12, (None, "")), "person_name")
    t.add("properties.email", [email_for(rng, f, la, MAIL) for f, la in zip(firsts, lasts, strict=True)], "email")
    t.add("properties.phone", dirty(rng, [phone15(rng, "US") for _ in range(t.n)], 0.5, (None,)), "phone")
    t.add("properties.city", dirty(rng, [fake.city() for _ in range(t.n)], 0.3, (None,)), "address_part")
    t.add("properties.zip", dirty(rng, [fake.zipcode() for _ in range(t.n)], 0.3, (None,)), "postal_code")
    t.add("properties.lifecyclestage", t.pick(["subscriber", "lead", "marketingqualifiedlead", "customer"]))
    t.add("properties.createdate", t.timestamps(datetime(2024, 6, 1), 600, "%Y-%m-%dT%H:%M:%S.%fZ"))
    t.add("associations.companies.results[0].id", [rng.choice([None, str(rng.randint(8_000_000_000, 9_999_999_999))])
                                                   for _ in range(t.n)])


def t_zendesk_tickets(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["en"], t.rng
    firsts, lasts = _people(t, fake)
    t.add("id", t.seq(88_410, (1, 6)))
    t.add("subject", t.pick(["Where is my order?", "Refund request", "Can't log in", "Wrong size shipped",
                             "Cancel subscription", "Damaged item", "Question about invoice"]))
    cells, kinds = notes(rng, t.n, [
        "Order arrived with a torn box, item seems fine though.", "Tried resetting password twice, no email came.",
        "Please cancel before the next billing cycle.", "Tracking has not updated for 5 days.",
    ], {
        "phone": ["You can reach me at {} during the day.", "My number changed, new one is {}"],
        "email": ["Please send the receipt to {} and not the old address.", "Account email should be {}"],
        "credit_card": ["I was charged twice on my card {} - please refund one.", "card used: {} exp soon"],
    }, pii_share=0.5)
    t.add("description", cells, contains=kinds)
    t.add("status", t.pick(["new", "open", "pending", "solved", "closed"]))
    t.add("priority", t.pick([None, "low", "normal", "high", "urgent"]))
    t.add("requester.name", [cased(rng, f"{f} {la}", 0.05, 0.15) if rng.random() > 0.05 else f.lower()
                             for f, la in zip(firsts, lasts, strict=True)], "person_name")
    t.add("requester.email", [email_for(rng, f, la, MAIL) for f, la in zip(firsts, lasts, strict=True)], "email")
    t.add("assignee_id", t.pick([381_220_114, 381_220_907, 402_118_553, None]))
    t.add("created_at", t.timestamps(datetime(2026, 4, 1), 30, "%Y-%m-%dT%H:%M:%SZ"))


TABLES_A = [t_shopify_customers_export, t_shopify_orders, t_salesforce_leads, t_workday_payroll_report,
            t_greenhouse_candidates, t_hubspot_contacts_api, t_zendesk_tickets]
