"""Round-5 held-out tables, now development data (in evalset.jsonl, split "dev").

Contact and customer exports from tools nobody here wrote (Google and Outlook contact CSVs, vCard fields, a
help-desk user export, a shop's customer export) and tables of kinds no earlier set had (dental patients,
charity donations, sports-club members, co-working access, courier drop-offs, pawn tickets, subscription
billing, and tables without PII: weather observations, CI runs, A/B test results); Faker only for values
that are not people, in locales no earlier set used (fr_DZ, es, en); hand-written names; dirty values.
Scored once: precision 1.000, recall 0.859 (main's detector: 1.000 / 0.606). Its misses were then read
(vCard property parameters and structured names, a contradicted first header word, ``pt_`` for patient,
actors written as logins, a house number or name, an id number beside its document type, health plan and
chart numbers), so it is development data now; round 6 followed (evalgen_round6.py).
"""

# ruff: noqa: UP031 - "%02d/%02d/%04d" % (d, m, y) reads as the layout it writes
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from faker import Faker
from stdnum import luhn

from lakehouse.ingest.pii.evalgen_lists import STREET_LINE_PART

N = 50
SEED = 777_2025
Row = dict[str, Any]
PII, FIN, PHI = "PII", "Financial", "PHI"
PLACEHOLDERS = ("", "N/A", "unknown", "-", "NULL", "none", "n.v.t.", "?", "0")

# Written by hand for this set (not from Faker, and not the names of rounds 3 and 4).
GIVEN = ("Amara", "Benedikt", "Cressida", "Dawit", "Elif", "Faisal", "Gwendolyn", "Horatio", "Ingeborg",
         "Juniper", "Kemal", "Lior", "Marisol", "Niamh", "Obinna", "Perpetua", "Quentin", "Rosalind", "Saoirse",
         "Tariq", "Ulla", "Viggo", "Wilhelmina", "Xander", "Yesenia", "Zainab", "Aurelio", "Blessing", "Cormac",
         "Desta", "Evander", "Fumiko", "Gideon", "Hanne", "Ignatius", "Jolene", "Kasimir", "Leocadia", "Magnus",
         "Nomvula")
FAMILY = ("Abernethy", "Bergstrom", "Cavendish", "Demissie", "Ellingsen", "Farouk", "Grzegorczyk", "Harcourt",
          "Ibekwe", "Jaramillo", "Kirkpatrick", "Lindholm", "Mbeki", "Nakagawa", "Ortega", "Pemberton",
          "Quarshie", "Rasmussen", "Schwarzenegger", "Thistlewood", "Umeh", "Valderrama", "Wainwright",
          "Yeboah", "Zelenko", "Achebe", "Blackwood", "Castellanos", "Dunleavy", "Eriksen", "Fairweather",
          "Gallardo", "Hollingsworth", "Igwe", "Jablonski", "Kowalewski")


class _Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.rows: list[Row] = []
        self.table = ""
        self._fakers: dict[str, Faker] = {}

    def fk(self, locale: str) -> Faker:
        if locale not in self._fakers:
            self._fakers[locale] = Faker(locale)
            self._fakers[locale].seed_instance(self.rng.randint(0, 10**9))
        return self._fakers[locale]

    def d(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def given(self) -> str:
        return self.rng.choice(GIVEN)

    def family(self) -> str:
        return self.rng.choice(FAMILY)

    def person(self) -> str:
        return f"{self.given()} {self.family()}"

    def handle(self) -> str:
        g, f = self.given().lower(), self.family().lower()
        return self.rng.choice([f"{g}.{f}", f"{g[0]}.{f}", f"{g}{self.rng.randint(1, 99)}", f"{f}{g[0]}"])

    def email(self) -> str:
        return f"{self.handle()}@{self.rng.choice(['gmail.com', 'outlook.com', 'posteo.de', 'yahoo.co.uk'])}"

    def card(self) -> str:
        prefix = self.rng.choice(["4", "51", "54", "2221", "6011", "3566"])
        body = prefix + self.d(15 - len(prefix))
        return body + luhn.calc_check_digit(body)

    def dirty(self, value: Any, rate: float) -> Any:
        r = self.rng.random()
        if r >= rate or value is None:
            return value
        if r < rate * 0.3:
            return None
        if r < rate * 0.5:
            return self.rng.choice(PLACEHOLDERS)
        if isinstance(value, str):
            return self.rng.choice([f" {value}", value.upper(), value.lower(), f"{value}   ", f"'{value}"])
        return value

    def add(self, name: str, make: Callable[[], Any], category: str | None = None, kind: str = PII,
            dirt: float = 0.0, contains: list[str] | None = None, note: str = "") -> None:
        row: Row = {"name": name, "values": [self.dirty(make(), dirt) for _ in range(N)],
                    "label": {"kind": kind, "category": category} if category else None, "note": note,
                    "split": "dev", "table": self.table}
        if contains:
            row["contains"] = contains
        self.rows.append(row)


def _exports(g: _Gen) -> None:  # noqa: PLR0915 - one table after another
    rng, d = g.rng, g.d
    en, es = g.fk("en"), g.fk("es")

    g.table = "google_contacts_csv"
    g.add("Given Name", g.given, "person_name")
    g.add("Family Name", g.family, "person_name", dirt=0.1)
    g.add("Nickname", lambda: rng.choice([None, None, g.given()[:3]]), "username",
          note="docs/pii.md files nicknames under username")
    g.add("Birthday", lambda: rng.choice(["%04d-%02d-%02d" % (rng.randint(1950, 2005), rng.randint(1, 12),
                                                                 rng.randint(1, 28)), None]), "date_of_birth")
    g.add("E-mail 1 - Value", g.email, "email", dirt=0.1)
    g.add("E-mail 1 - Type", lambda: rng.choice(["* Home", "Work", "Other"]))
    g.add("Phone 1 - Value", lambda: f"+44 7{d(3)} {d(6)}", "phone", dirt=0.2)
    g.add("Phone 1 - Type", lambda: rng.choice(["Mobile", "Home", "Work"]))
    g.add("Address 1 - Street", en.street_address, "address_part", dirt=0.3, note=STREET_LINE_PART)
    g.add("Address 1 - City", en.city, "address_part", dirt=0.3)
    g.add("Address 1 - Postal Code", en.postcode, "postal_code", dirt=0.3)
    g.add("Group Membership", lambda: rng.choice(["* myContacts", "* myContacts ::: Family", "* starred"]))

    g.table = "outlook_contacts_csv"
    g.add("First Name", g.given, "person_name")
    g.add("Middle Name", lambda: rng.choice([None, None, g.given()]), "person_name")
    g.add("Last Name", g.family, "person_name")
    g.add("Company", lambda: rng.choice(["Northwind Traders", "Contoso Ltd", "Fabrikam", None]))
    g.add("E-mail Address", g.email, "email")
    g.add("Mobile Phone", lambda: f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{d(4)}", "phone", dirt=0.1)
    g.add("Home Street", en.street_address, "address_part", dirt=0.4, note=STREET_LINE_PART)
    g.add("Home City", en.city, "address_part", dirt=0.4)
    g.add("Home Postal Code", en.zipcode, "postal_code", dirt=0.4)
    g.add("Anniversary", lambda: rng.choice([None, en.date_between("-30y").isoformat()]))
    g.add("Categories", lambda: rng.choice(["Business", "Personal", "Holiday Cards"]))

    g.table = "vcard_fields"
    g.add("FN", g.person, "person_name", note="vCard formatted name")
    g.add("N", lambda: f"{g.family()};{g.given()};;;", "person_name", note="vCard structured name")
    g.add("TEL;TYPE=CELL", lambda: f"+49 15{d(1)} {d(7)}", "phone")
    g.add("EMAIL;TYPE=INTERNET", g.email, "email")
    g.add("ADR;TYPE=HOME", lambda: f";;{es.street_address()};{es.city()};;{es.postcode()};Spain", "address")
    g.add("BDAY", lambda: "%04d%02d%02d" % (rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)),
          "date_of_birth")
    g.add("ORG", lambda: rng.choice(["ACME", "Initech", ""]))
    g.add("REV", lambda: en.date_time_this_year().strftime("%Y%m%dT%H%M%SZ"))

    g.table = "helpdesk_users_export"
    g.add("id", lambda: rng.randint(10**9, 10**10))
    g.add("name", g.person, "person_name", dirt=0.05)
    g.add("email", g.email, "email")
    g.add("phone", lambda: rng.choice([None, f"+1 {rng.randint(201, 989)} {rng.randint(200, 999)} {d(4)}"]),
          "phone")
    g.add("role", lambda: rng.choice(["end-user", "agent", "admin"]))
    g.add("organization_id", lambda: rng.randint(10**6, 10**7))
    g.add("time_zone", lambda: rng.choice(["London", "Berlin", "Pacific Time (US & Canada)"]))
    g.add("notes", lambda: rng.choice(["VIP - escalate quickly", "", f"Prefers calls on +1 415 {d(3)} {d(4)}",
                                       f"Secondary email {g.email()}"]), contains=["email", "phone"])
    g.add("external_id", lambda: f"crm-{d(6)}")

    g.table = "shop_customers_export"
    g.add("Customer ID", lambda: d(13))
    g.add("First Name", g.given, "person_name")
    g.add("Last Name", g.family, "person_name")
    g.add("Email", g.email, "email", dirt=0.05)
    g.add("Accepts Email Marketing", lambda: rng.choice(["yes", "no"]))
    g.add("Default Address Address1", lambda: f"{rng.randint(1, 300)} {g.family()} Lane", "address_part",
          note=STREET_LINE_PART)
    g.add("Default Address Address2", lambda: rng.choice([None, None, f"Unit {rng.randint(1, 40)}"]), "address_part",
          note=STREET_LINE_PART)
    g.add("Default Address City", en.city, "address_part")
    g.add("Default Address Zip", en.zipcode, "postal_code")
    g.add("Default Address Province Code", lambda: rng.choice(["CA", "NY", "TX", "WA"]))
    g.add("Phone", lambda: rng.choice([None, f"+1{rng.randint(201, 989)}{rng.randint(200, 999)}{d(4)}"]), "phone")
    g.add("Total Spent", lambda: f"{rng.uniform(0, 3000):.2f}")
    g.add("Total Orders", lambda: rng.randint(0, 60))
    g.add("Tax Exempt", lambda: rng.choice(["yes", "no"]))


def _tables(g: _Gen) -> None:  # noqa: PLR0915 - one table after another
    rng, d = g.rng, g.d
    dz, en = g.fk("fr_DZ"), g.fk("en")

    g.table = "dental_patients"
    g.add("chart_no", lambda: f"DX{d(6)}", "medical", kind=PHI, note="a patient chart number")
    g.add("pt_first", g.given, "person_name", kind=PHI)
    g.add("pt_last", g.family, "person_name", kind=PHI)
    g.add("pt_dob", lambda: "%02d/%02d/%04d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(1940, 2018)),
          "date_of_birth", kind=PHI)
    g.add("insurer", lambda: rng.choice(["Delta Dental", "Cigna", "MetLife", "self-pay"]))
    g.add("member_id", lambda: f"{rng.choice('ABCDEFGH')}{d(9)}", "medical", kind=PHI, note="insurance member id")
    g.add("last_cleaning", lambda: en.date_between("-2y").isoformat())
    g.add("allergies", lambda: rng.choice(["NKDA", "Penicillin", "Latex", "Codeine", ""]), "medical", kind=PHI)
    g.add("balance_due", lambda: round(rng.uniform(0, 1500), 2))

    g.table = "charity_donations"
    g.add("donation_id", lambda: rng.randint(10**6, 10**7))
    g.add("donor", g.person, "person_name", dirt=0.1)
    g.add("donor_house", lambda: rng.choice([str(rng.randint(1, 200)), f"{rng.randint(1, 90)}a", "Rose Cottage"]),
          "address_part", note="house number or name")
    g.add("donor_postcode", lambda: rng.choice(["OX1 2JD", "EH8 9YL", "BS1 5TR", "NE1 7RU", "LL57 2DG"]), "postal_code")
    g.add("donor_email", g.email, "email", dirt=0.2)
    g.add("gift_aid", lambda: rng.choice(["Y", "N"]))
    g.add("amount_gbp", lambda: rng.choice([5, 10, 20, 50, 100]))
    g.add("card_last4", lambda: d(4))
    g.add("card_token", lambda: "tok_" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(20)))
    g.add("campaign", lambda: rng.choice(["Winter Appeal", "Clean Water", "Giving Tuesday"]))

    g.table = "sports_club_members"
    g.add("MembershipNumber", lambda: rng.randint(1000, 99999))
    g.add("Forename", g.given, "person_name")
    g.add("Surname", g.family, "person_name")
    g.add("DOB Day", lambda: rng.randint(1, 28), "date_of_birth_part")
    g.add("DOB Month", lambda: rng.randint(1, 12), "date_of_birth_part")
    g.add("DOB Year", lambda: rng.randint(1950, 2015), "date_of_birth_part")
    g.add("Emergency Contact", g.person, "person_name")
    g.add("Emergency Number", lambda: f"07{d(3)} {d(6)}", "phone")
    g.add("Medical Conditions", lambda: rng.choice(["None", "Asthma", "Type 1 diabetes", "Epilepsy", ""]),
          "medical", kind=PHI)
    g.add("Team", lambda: rng.choice(["U12", "U16", "Seniors", "Veterans"]))
    g.add("Subs Paid", lambda: rng.choice(["Yes", "No"]))

    g.table = "coworking_access_log"
    g.add("badge_id", lambda: f"B-{d(5)}")
    g.add("member_name", g.person, "person_name")
    g.add("company", lambda: rng.choice(["Freelance", "Studio Nine", "Bytewise", "Orbital Labs"]))
    g.add("member_email", g.email, "email")
    g.add("door", lambda: rng.choice(["Main", "Garage", "Roof"]))
    g.add("access_ts", lambda: en.date_time_this_month().isoformat())
    def plate() -> str:
        area = rng.choice("ABCDEFGH") + rng.choice("ABCDEFGH")
        return f"{area}{d(2)} {rng.choice('XYZ')}{rng.choice('ABC')}{rng.choice('RST')}"

    g.add("car_plate", plate)

    g.table = "courier_dropoffs"
    g.add("drop_id", lambda: rng.randint(10**6, 10**7))
    g.add("courier_username", lambda: f"courier_{g.given().lower()}{rng.randint(1, 99)}", "username")
    g.add("recipient", g.person, "person_name")
    g.add("recipient_mobile", lambda: f"+213 5{d(2)} {d(2)} {d(2)} {d(2)}", "phone")
    g.add("drop_address", lambda: f"{rng.randint(1, 120)} {dz.street_name()}, {dz.city()}", "address")
    g.add("signed_by", lambda: rng.choice([g.person(), g.person(), "Left with neighbour"]), "person_name")
    g.add("proof_photo_url", lambda: f"https://cdn.example.com/pod/{d(10)}.jpg")
    g.add("delivered_at", lambda: dz.date_time_this_month().isoformat())

    g.table = "pawn_tickets"
    g.add("ticket", lambda: f"PT{d(6)}")
    g.add("customer", g.person, "person_name")
    g.add("id_type", lambda: rng.choice(["DL", "Passport", "State ID"]))
    g.add("id_number", lambda: rng.choice([f"{rng.choice('ABCDEFGH')}{d(7)}", d(9), f"{rng.choice('CDEF')}{d(8)}"]),
          "driver_license", note="mostly driving licences; passports and state ids too")
    g.add("cust_dob", lambda: "%02d/%02d/%04d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(1945, 2004)),
          "date_of_birth")
    g.add("cust_address", en.address, "address")
    g.add("item_desc", lambda: rng.choice(["14k gold ring", "Gibson guitar", "PS5 console", "Rolex watch"]))
    g.add("loan_amt", lambda: rng.randint(20, 5000))

    g.table = "subscription_billing"
    g.add("sub_id", lambda: "sub_" + "".join(rng.choice("ABCDEFGHIJKabcdefghijk0123456789") for _ in range(14)))
    g.add("customer_email", g.email, "email")
    g.add("billing_name", g.person, "person_name")
    g.add("card_number", g.card, "credit_card", kind=FIN, dirt=0.1)
    g.add("card_exp_month", lambda: rng.randint(1, 12), "card_expiry", kind=FIN)
    g.add("card_exp_year", lambda: rng.randint(2025, 2033), "card_expiry", kind=FIN)
    g.add("card_cvc_check", lambda: rng.choice(["pass", "fail", "unchecked"]))
    g.add("billing_address_line1", en.street_address, "address_part", note=STREET_LINE_PART)
    g.add("billing_postal_code", en.postcode, "postal_code")
    g.add("mrr_cents", lambda: rng.choice([900, 1900, 4900, 9900]))

    g.table = "weather_obs"
    g.add("station", lambda: rng.choice(["EGLL", "LFPG", "EDDF", "KJFK"]))
    g.add("obs_time", lambda: en.date_time_this_month().isoformat())
    g.add("temp_c", lambda: round(rng.uniform(-15, 38), 1))
    g.add("wind_kt", lambda: rng.randint(0, 60))
    g.add("pressure_hpa", lambda: rng.randint(960, 1045))
    g.add("year", lambda: rng.randint(2000, 2025))
    g.add("month", lambda: rng.randint(1, 12))
    g.add("day", lambda: rng.randint(1, 28))

    g.table = "ci_runs"
    g.add("run_id", lambda: rng.randint(10**8, 10**9))
    g.add("commit_sha", lambda: "".join(rng.choice("0123456789abcdef") for _ in range(40)))
    g.add("branch", lambda: rng.choice(["main", "release/2.4", "feature/login-form"]))
    g.add("triggered_by", g.handle, "username", note="the CI user who pushed")
    g.add("duration_s", lambda: rng.randint(30, 3600))
    g.add("status", lambda: rng.choice(["success", "failure", "cancelled"]))
    g.add("runner", lambda: f"runner-{rng.randint(1, 20)}")

    g.table = "ab_test_results"
    g.add("experiment", lambda: rng.choice(["checkout_v2", "onboarding_copy", "price_anchor"]))
    g.add("variant", lambda: rng.choice(["control", "treatment"]))
    g.add("users", lambda: rng.randint(1000, 90000))
    g.add("conversions", lambda: rng.randint(10, 5000))
    g.add("uplift_pct", lambda: round(rng.uniform(-5, 12), 2))
    g.add("p_value", lambda: round(rng.uniform(0, 0.5), 4))


def round5_tables(seed: int = SEED) -> list[Row]:
    g = _Gen(seed)
    _exports(g)
    _tables(g)
    return g.rows
