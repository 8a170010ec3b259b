"""Round-18 held-out tables, part A: marketing, CRM and service-desk exports (English headers)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from lakehouse.ingest.pii.evalgen_round16_values import Table, ipv4, ipv6, prose
from lakehouse.ingest.pii.evalgen_round18_values import MAIL, col, handle, latlng, people

Fakes = dict[str, Any]


def t_mailchimp_audience_export(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us")
    t.add("Email Address", col(t, ps, "email", garble=0.03), "email")
    t.add("First Name", col(t, ps, "first", mess=0.2, blank=0.1), "person_name")
    t.add("Last Name", col(t, ps, "last", mess=0.2, blank=0.1), "person_name")
    t.add("Address", t.dirty([f.address().replace("\n", "  ") for _ in range(t.n)], 0.3), "address",
          note="Mailchimp writes the whole address merge field into one column, double-spaced")
    t.add("Phone Number", col(t, ps, "phone", blank=0.4), "phone")
    t.add("MEMBER_RATING", t.pick([1, 2, 3, 4, 5]))
    t.add("OPTIN_TIME", t.timestamps(datetime(2021, 1, 1), 900, fmt="%Y-%m-%d %H:%M:%S"))
    t.add("OPTIN_IP", t.dirty([ipv4(t.rng) for _ in range(t.n)], 0.3, ("", None)), "ip_address")
    t.add("LATITUDE", [round(40 + t.rng.uniform(-8, 8), 7) for _ in range(t.n)],
          note="geolocated from the opt-in IP to a city centre; coordinates have no category (round 11)")
    t.add("LONGITUDE", [round(-95 + t.rng.uniform(-20, 20), 7) for _ in range(t.n)])
    t.add("GMTOFF", t.pick([-5, -6, -7, -8, -4]))
    t.add("CC", t.pick(["US", "US", "US", "CA"]))
    t.add("REGION", t.pick(["NY", "CA", "TX", "IL", "WA", "FL"]),
          note="IP-geolocated state, not the subscriber's address: not labelled")
    t.add("LEID", [str(t.rng.randint(10**8, 10**9)) for _ in range(t.n)])
    t.add("TAGS", t.pick(['"Black Friday 2023"', '"VIP","Newsletter"', "", '"Lapsed"']))


def t_intercom_users(t: Table, fake: Fakes) -> None:
    ps = people(t, fake["gb"], "gb")
    t.add("id", [f"{t.rng.getrandbits(96):024x}" for _ in range(t.n)])
    t.add("external_id", t.seq("cus_{:06d}", 40_000))
    t.add("email", col(t, ps, "email", blank=0.05), "email")
    t.add("name", col(t, ps, "full", mess=0.2, blank=0.1), "person_name")
    t.add("phone", col(t, ps, "phone", blank=0.6), "phone")
    t.add("signed_up_at", [str(1_600_000_000 + t.rng.randrange(10**8)) for _ in range(t.n)],
          note="unix seconds as text: not PII")
    t.add("last_seen_ip", [ipv4(t.rng) if t.rng.random() < 0.8 else ipv6(t.rng) for _ in range(t.n)], "ip_address")
    t.add("location_data.city_name", t.pick(["London", "Leeds", "Bristol", "Glasgow", "Cardiff", ""]),
          note="a town alone, from IP lookup: not PII")
    t.add("location_data.country_code", t.pick(["GBR", "GBR", "IRL"]))
    t.add("custom_attributes.plan", t.pick(["free", "pro", "team", "enterprise"]))
    t.add("unsubscribed_from_emails", t.pick([True, False, False]))
    t.add("session_count", [t.rng.randint(0, 400) for _ in range(t.n)])
    texts, kinds = prose(t, (
        "Hi, please send the invoice to {email} instead, thanks",
        "can't log in, reset link never arrives",
        "Could you update my billing email to {email}?",
        "Thanks for the quick reply!",
    ), email=lambda: f"{handle(t.rng, t.rng.choice(ps))}@{t.rng.choice(MAIL['gb'])}")
    t.add("last_conversation.preview", texts, contains=kinds, note="customer messages; prose names no person")


def t_pipedrive_persons(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us")
    reps = [f.name() for _ in range(4)]
    t.add("Person - ID", t.seq("{}", 1200))
    t.add("Person - Name", col(t, ps, "full", mess=0.15), "person_name")
    t.add("Person - Organization", t.dirty([f.company() for _ in range(t.n)], 0.2), note="a company: negative")
    t.add("Person - Email - Work", [p.email.split("@")[0] + "@" + f.domain_name() for p in ps], "email",
          note="a named person's work address is still personal")
    t.add("Person - Phone - Mobile", col(t, ps, "phone", blank=0.35), "phone")
    t.add("Person - Owner", t.pick(reps), "person_name", note="the sales rep owning the contact")
    t.add("Organization - Address", [f.address().replace("\n", ", ") for _ in range(t.n)],
          note="the customer company's office address: negative")
    t.add("Deal - Value", t.money(500, 90_000, places=0))
    t.add("Deal - Currency", t.pick(["USD", "USD", "EUR"]))
    t.add("Person - Label", t.pick(["Hot lead", "Customer", "Cold lead", ""]))
    t.add("Person - Next activity date", t.dates(date(2024, 3, 1), 120), type="date")


def t_servicenow_sys_user(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us", young=2000)
    mgr = [f.name() for _ in range(5)]
    t.add("sys_id", [f"{t.rng.getrandbits(128):032x}" for _ in range(t.n)])
    t.add("user_name", [handle(t.rng, p) for p in ps], "username")
    t.add("first_name", col(t, ps, "first"), "person_name")
    t.add("last_name", col(t, ps, "last"), "person_name")
    t.add("email", [f"{p.first.lower()}.{p.last.lower()}@acmecorp.com" for p in ps], "email",
          note="employee work email built from the name")
    t.add("mobile_phone", col(t, ps, "phone", blank=0.5), "phone")
    t.add("phone", t.pick(["+1 312 555 0100", "+1 312 555 0199", ""]),
          note="the office switchboard copied onto every user: negative")
    t.add("employee_number", t.seq("E{:05d}", 10_000),
          note="employee number: no category in docs/pii.md, left unlabelled")
    t.add("location", t.pick(["Chicago HQ", "Austin DC", "Remote - US"]))
    t.add("department", t.pick(["IT", "Finance", "Sales", "HR", "Ops"]))
    t.add("title", t.pick(["Analyst", "Engineer", "Manager", "Director", ""]))
    t.add("manager", t.pick(mgr), "person_name", note="display value of the manager reference")
    t.add("last_login_time", t.timestamps(datetime(2024, 1, 1), 60, blank=0.1), type="timestamp")


def t_jira_sd_customers(t: Table, fake: Fakes) -> None:
    ps = people(t, fake["gb"], "gb")
    t.add("accountId", [f"qm:{t.uuids()[0]}" for _ in range(t.n)],
          note="opaque Atlassian account id: not labelled")
    t.add("key", [handle(t.rng, p) for p in ps], "username", note="legacy server user key")
    t.add("displayName", col(t, ps, "full", mess=0.2), "person_name")
    t.add("emailAddress", col(t, ps, "email", blank=0.05), "email")
    t.add("active", t.pick([True, True, False]))
    t.add("timeZone", t.pick(["Europe/London", "Europe/Dublin", "UTC"]))
    t.add("locale", t.pick(["en_GB", "en_US"]))
    t.add("organization", t.pick(["Northwind Ltd", "Contoso plc", "", "Fabrikam"]))
    t.add("requests_open", [t.rng.randint(0, 9) for _ in range(t.n)])
    t.add("lastLogin", t.timestamps(datetime(2024, 2, 1), 30, fmt="%d/%b/%y %I:%M %p"))


def t_eventbrite_attendees(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us")
    t.add("Order #", t.seq("{}", 7_812_000_000, (10, 900)))
    t.add("Order Date", t.timestamps(datetime(2024, 4, 1), 50, fmt="%Y-%m-%d %H:%M:%S%z"))
    t.add("First Name", col(t, ps, "first", mess=0.2), "person_name")
    t.add("Last Name", col(t, ps, "last", mess=0.2), "person_name")
    t.add("Email", col(t, ps, "email", garble=0.03), "email")
    t.add("Quantity", t.pick([1, 1, 2, 4]))
    t.add("Ticket Type", t.pick(["General Admission", "Early Bird", "VIP"]))
    t.add("Attendee #", t.seq("{}", 9_501_000_000, (1, 3)))
    t.add("Cell Phone", col(t, ps, "phone", blank=0.3), "phone")
    t.add("Home Address 1", t.dirty([f.street_address() for _ in range(t.n)], 0.35), "address_part")
    t.add("Home City", t.dirty([f.city() for _ in range(t.n)], 0.35), "address_part")
    t.add("Home Zip", t.dirty([f.zipcode() for _ in range(t.n)], 0.35), "postal_code")
    t.add("Job Title", t.dirty([f.job() for _ in range(t.n)], 0.4))
    t.add("Total Paid", t.money(0, 240))


def t_quickbooks_customers(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us")
    t.add("Customer", [p.last + ", " + p.first if t.rng.random() < 0.5 else p.full for p in ps], "person_name",
          note="sole-trader customers listed by their own name, some 'Last, First'")
    t.add("Company", t.dirty([f.company() for _ in range(t.n)], 0.5), note="negative")
    t.add("Email", col(t, ps, "email", blank=0.2), "email")
    t.add("Phone", col(t, ps, "phone", blank=0.2), "phone")
    t.add("Billing Street", [f.street_address() for _ in range(t.n)], "address_part")
    t.add("Billing City", [f.city() for _ in range(t.n)], "address_part")
    t.add("Billing State", t.pick(["CA", "OR", "WA", "NV"]),
          note="state beside street/city: judged too coarse to label, like a country")
    t.add("Billing ZIP", [f.zipcode_plus4() if t.rng.random() < 0.3 else f.zipcode() for _ in range(t.n)],
          "postal_code")
    t.add("Open Balance", [f"{t.rng.uniform(0, 5000):,.2f}" for _ in range(t.n)])
    t.add("Terms", t.pick(["Net 30", "Net 15", "Due on receipt"]))
    t.add("Notes", t.pick(["Prefers paper invoices", "", "Tax exempt - cert on file", "Late payer", "Q3 promo"]),
          note="free text without PII")


def t_square_pos_transactions(t: Table, fake: Fakes) -> None:
    f = fake["us"]
    ps = people(t, f, "us")
    staff = [f.first_name() for _ in range(5)]
    t.add("Date", t.dates(date(2024, 5, 1), 30, fmt="%m/%d/%Y"))
    t.add("Time", [f"{t.rng.randint(7, 21):02d}:{t.rng.randint(0, 59):02d}:{t.rng.randint(0, 59):02d}"
                   for _ in range(t.n)])
    t.add("Transaction ID", ["".join(t.rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=22)) for _ in range(t.n)])
    t.add("Gross Sales", [f"${t.rng.uniform(2, 80):.2f}" for _ in range(t.n)])
    t.add("Card Brand", t.pick(["Visa", "MasterCard", "American Express", "Cash", "Discover"]))
    t.add("PAN Suffix", [f"{t.rng.randint(0, 9999):04d}" for _ in range(t.n)], note="last four: negative")
    t.add("Customer Name", t.dirty([p.full.upper() if t.rng.random() < 0.4 else p.full for p in ps], 0.5, ("",)),
          "person_name", note="cardholder name off the card, often upper-case")
    t.add("Location", t.pick(["Mission St Cafe", "Ferry Bldg Kiosk"]))
    t.add("Device Name", t.pick(["Front Counter iPad", "Register 2", "Square Terminal"]))
    t.add("Staff Name", t.pick(staff), "person_name", note="barista first names")
    t.add("Notes", t.pick(["", "oat milk", "extra shot", "to go", "refund partial"]))


def t_strava_athlete_activities(t: Table, fake: Fakes) -> None:
    ps = people(t, fake["us"], "us")
    t.add("activity_id", t.seq("{}", 10_400_000_000, (1000, 90_000)))
    t.add("athlete.id", [t.rng.randint(10**6, 10**8) for _ in range(t.n)])
    t.add("athlete.firstname", col(t, ps, "first"), "person_name")
    t.add("athlete.lastname", [p.last[0] + "." if t.rng.random() < 0.3 else p.last for p in ps], "person_name",
          note="some athletes show only the initial; the column still holds surnames")
    t.add("type", t.pick(["Run", "Ride", "Swim", "Walk"]))
    t.add("start_latlng", [latlng(t.rng, 37.77, -122.42) for _ in range(t.n)],
          note="activity start point: coordinates have no category (round 11), not labelled")
    t.add("distance_m", t.money(800, 90_000, places=1))
    t.add("moving_time_s", [t.rng.randint(300, 20_000) for _ in range(t.n)])
    t.add("start_date_local", t.timestamps(datetime(2024, 6, 1), 60), type="timestamp")
    t.add("device_name", t.pick(["Garmin Forerunner 255", "Apple Watch", "Wahoo ELEMNT", "Strava iPhone App"]))
    t.add("kudos_count", [t.rng.randint(0, 60) for _ in range(t.n)])


TABLES_A = [t_mailchimp_audience_export, t_intercom_users, t_pipedrive_persons, t_servicenow_sys_user,
            t_jira_sd_customers, t_eventbrite_attendees, t_quickbooks_customers, t_square_pos_transactions,
            t_strava_athlete_activities]
