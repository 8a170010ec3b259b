"""Held-out round 14, tables B: English-header orders, catalogue, stores, account recovery, KYC, insurance quotes.

Label conventions: see evalgen_round14.py. Written without reading the detector or its word lists.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from lakehouse.ingest.pii import evalgen_round14_names as N
from lakehouse.ingest.pii import evalgen_round14_values as V
from lakehouse.ingest.pii.evalgen_round11_values import digits, ean13, passport, us_ssn

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round14 import Table

NULLS = ("", None, "NULL", "N/A", " ")

PRODUCTS = (
    ("Trail Runner 2 GTX", "Waterproof trail shoe with a grippy lugged outsole and a rock plate."),
    ("Merino Crew Sock 3-pack", "Cushioned merino blend socks, reinforced heel and toe."),
    ("Insulated Bottle 750 ml", "Double-wall stainless steel, keeps drinks cold for 24 hours."),
    ("Packable Rain Shell", "2.5-layer shell that packs into its own pocket; taped seams."),
    ("Camp Stove Mini", "Folding canister stove, 3000 W output, piezo ignition."),
    ("Down Vest", "650-fill responsibly sourced down, zip hand pockets."),
    ("Headlamp 400", "USB-C rechargeable, red night mode, IPX4."),
    ("Yoga Mat Pro 5mm", "Natural rubber base with a polyurethane top layer."),
    ("Kids Fleece Hoodie", "Recycled polyester fleece, sizes 4-14."),
    ("Dry Bag 20L", "Roll-top closure, welded seams, D-ring attachment."),
)


def t_order_lines(t: Table) -> None:
    t.add("order_id", [f"SO-{2026_000_000 + t.rng.randrange(99_999)}" for _ in range(t.n)])
    t.add(
        "sku",
        [
            f"{t.rng.choice(['TR', 'MS', 'IB', 'RS', 'CS', 'DV'])}-{t.rng.randint(100, 999)}-"
            f"{t.rng.choice(['BLK', 'NVY', 'OLV', 'S', 'M', 'L', 'XL'])}"
            for _ in range(t.n)
        ],
    )
    t.add("qty", [t.rng.choice([1, 1, 1, 2, 2, 3, 6]) for _ in range(t.n)])
    t.add("unit_price", [round(t.rng.uniform(4.99, 349.0), 2) for _ in range(t.n)])
    t.add("currency", t.pick(("USD", "USD", "EUR", "GBP", "CAD")))
    t.add("line_status", t.pick(("ALLOCATED", "PICKED", "SHIPPED", "BACKORDER", "CANCELLED"), (2, 2, 6, 1, 1)))
    t.add("warehouse_code", t.pick(("RNO1", "ATL2", "CMH1", "DFW3")))
    t.add("shipped_at", t.timestamps(datetime(2026, 2, 10), 30, blank=0.2))
    t.add(
        "tracking_no",
        V.blanks(
            t.rng,
            [
                f"1Z{''.join(t.rng.choice('0123456789ABCDEFGHJKLMNPRSTUVWXY') for _ in range(16))}"
                if t.rng.random() < 0.6
                else f"9400{digits(t.rng, 18)}"
                for _ in range(t.n)
            ],
            0.2,
        ),
    )


def t_product_catalog(t: Table) -> None:
    picks = [t.rng.choice(PRODUCTS) for _ in range(t.n)]
    suppliers = (
        ("Cascade Outdoor Supply Co.", "sales@cascadeoutdoor.com"),
        ("Pinewood Textiles Ltd", "orders@pinewoodtex.co.uk"),
        ("Shenzhen Brightway Electronics", "export@brightway-sz.com"),
        ("Alpenwerk GmbH", "vertrieb@alpenwerk.de"),
    )
    sup = [t.rng.choice(suppliers) for _ in range(t.n)]
    t.add("sku", [f"{p[0][:2].upper()}-{t.rng.randint(100, 999)}" for p in picks])
    t.add("product_name", [p[0] for p in picks])
    t.add("short_description", [p[1] for p in picks])
    t.add("ean", [ean13(t.rng, "40") for _ in range(t.n)])
    t.add("list_price", [f"{t.rng.uniform(5, 400):.2f}" for _ in range(t.n)])
    t.add("supplier_name", [s[0] for s in sup])
    t.add("supplier_contact_email", [s[1] for s in sup], note="the supplier's sales mailbox")
    phones = {s[0]: V.us_business_phone(t.rng) for s in suppliers}
    t.add("supplier_phone", [phones[s[0]] for s in sup], note="the supplier's switchboard")
    t.add("qty_on_hand", [t.rng.randint(0, 1200) for _ in range(t.n)])


def t_store_locations(t: Table) -> None:
    managers = V.people(t.rng, "us", t.n)
    line1, city, state, zips = [], [], [], []
    for _ in range(t.n):
        c, st, z = t.rng.choice(N.US_CITIES)
        line1.append(f"{t.rng.randint(100, 9800)} {t.rng.choice(N.STREETS['us'])}, Suite {t.rng.randint(100, 400)}")
        city.append(c)
        state.append(st)
        zips.append(f"{z}{t.rng.randint(0, 99):02d}")
    t.add("store_id", [f"ST{100 + i}" for i in range(t.n)])
    t.add("store_name", [f"Trailhead Outfitters {c}" for c in city])
    t.add("street_address", line1, note="the store's address: a business")
    t.add("city", city)
    t.add("zip", zips, note="the store's ZIP")
    t.add("store_phone", [V.us_business_phone(t.rng) for _ in range(t.n)])
    t.add("store_email", [f"store{100 + i}@trailheadoutfitters.com" for i in range(t.n)])
    t.add("store_manager", [m.full for m in managers], "person_name")
    t.add("lat", [round(t.rng.uniform(25, 48), 5) for _ in range(t.n)])
    t.add("lon", [round(t.rng.uniform(-122, -71), 5) for _ in range(t.n)])


QUESTIONS = (
    ("What was the name of your first pet?", ("Biscuit", "Rex", "Whiskers", "Shadow", "Pepper", "Max")),
    ("What city were you born in?", ("Toledo", "Fresno", "El Paso", "Duluth", "Akron", "Savannah")),
    ("What is your mother's maiden name?", ("Kowalczyk", "O'Hara", "Lindqvist", "Delgado", "Brennan", "Yoon")),
    ("What was the make of your first car?", ("Corolla", "civic", "Ford Escort", "Jetta", "Camry")),
    ("What street did you grow up on?", ("Elm", "maple ave", "Birch Lane", "3rd street", "Cherry Hill")),
)


def t_account_recovery(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n)
    t.add("account_id", [t.rng.randint(10**6, 10**7) for _ in range(t.n)])
    t.add(
        "login",
        [f"{V.ascii_fold(p.first).lower()[:6]}{V.ascii_fold(p.last).lower()[:1]}{t.rng.randint(1, 99)}" for p in ppl],
        "username",
    )
    q1 = [t.rng.randrange(3) for _ in range(t.n)]
    q2 = [t.rng.randrange(3, 5) for _ in range(t.n)]
    t.add("security_q1", [QUESTIONS[i][0] for i in q1])
    t.add("security_a1", [t.rng.choice(QUESTIONS[i][1]) for i in q1], "security_answer")
    t.add("security_q2", [QUESTIONS[i][0] for i in q2])
    t.add("security_a2", V.messy_case(t.rng, [t.rng.choice(QUESTIONS[i][1]) for i in q2], 0.3), "security_answer")
    t.add("recovery_email", V.blanks(t.rng, [V.person(t.rng, "us").email for _ in range(t.n)], 0.25), "email")
    t.add("recovery_phone", V.blanks(t.rng, [V.phone(t.rng, "US") for _ in range(t.n)], 0.3), "phone")
    t.add("last_reset_at", t.timestamps(datetime(2025, 6, 1), 300, blank=0.3))
    t.add("mfa_method", t.pick(("sms", "totp", "none", "email")))


def t_kyc_identity(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n, first_year=1950, last_year=2006)
    states = [t.rng.choice(("CA", "TX", "NY", "IL", "FL", "OH", "WA")) for _ in range(t.n)]
    doc = t.pick(("PASSPORT", "DRIVERS_LICENSE", "BOTH"), (1, 2, 1))
    t.add("application_id", [f"KYC-{t.rng.randint(10**7, 10**8)}" for _ in range(t.n)])
    t.add("full_name", V.pad(t.rng, [p.full for p in ppl], 0.15), "person_name")
    t.add("date_of_birth", [str(p.born) for p in ppl], "date_of_birth")
    t.add("id_doc_type", doc)
    t.add("passport_no", [passport(t.rng, "US") if d != "DRIVERS_LICENSE" else "" for d in doc], "passport")
    t.add(
        "dl_number",
        [V.us_drivers_license(t.rng, s) if d != "PASSPORT" else None for d, s in zip(doc, states, strict=True)],
        "driver_license",
    )
    addr = []
    for _ in range(t.n):
        c, st, z = t.rng.choice(N.US_CITIES)
        addr.append(
            f"{t.rng.randint(1, 9899)} {t.rng.choice(N.STREETS['us'])}, {c}, {st} {z}{t.rng.randint(0, 99):02d}"
        )
    t.add("residential_address", V.messy_case(t.rng, addr, 0.15), "address")
    ssns = [us_ssn(t.rng) for _ in range(t.n)]
    t.add("ssn", [f"{s[:3]}-{s[3:5]}-{s[5:]}" if t.rng.random() < 0.75 else s for s in ssns], "ssn")
    comments = []
    for _ in range(t.n):
        r = t.rng.random()
        if r < 0.35:
            s = us_ssn(t.rng)
            comments.append(
                f"Bureau returned SSN {s[:3]}-{s[3:5]}-{s[5:]} which differs from the one entered; manual review."
            )
        else:
            comments.append(
                t.rng.choice(
                    [
                        "Selfie match 0.97",
                        "Doc photo blurry, re-upload requested",
                        "",
                        "",
                        "Address verified via utility bill",
                        "Watchlist: no hit",
                    ]
                )
            )
    t.add("reviewer_comment", comments, contains=["national_id"],
          note="relabelled contains ssn -> national_id: contains_pii names the entity redaction's kinds, which "
               "redacts a US SSN in prose as a national id")
    t.add("kyc_status", t.pick(("approved", "pending", "rejected", "manual_review"), (6, 2, 1, 2)))


def t_auto_quote(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n, first_year=1950, last_year=2007)
    t.add("Quote #", [f"Q{t.rng.randint(10**6, 10**7)}" for _ in range(t.n)])
    t.add("Applicant Name", [p.full if t.rng.random() < 0.8 else f"{p.last}, {p.first}" for p in ppl], "person_name")
    t.add(
        "Date of Birth (MM/DD/YYYY)",
        [f"{p.born:%m/%d/%Y}" if t.rng.random() > 0.05 else "" for p in ppl],
        "date_of_birth",
    )
    t.add(
        "Driver License #",
        V.blanks(
            t.rng, [V.us_drivers_license(t.rng, t.rng.choice(("CA", "TX", "NY", "FL", "OH"))) for _ in range(t.n)], 0.1
        ),
        "driver_license",
    )
    t.add(
        "Garaging ZIP", [f"{t.rng.choice(N.US_CITIES)[2]}{t.rng.randint(0, 99):02d}" for _ in range(t.n)], "postal_code"
    )
    t.add(
        "Annual Income (USD)",
        [
            t.rng.choice(["<25k", "25k-50k", None])
            if t.rng.random() < 0.15
            else round(t.rng.uniform(20000, 250000), -3)
            for _ in range(t.n)
        ],
        "salary",
    )
    t.add("Vehicle Value ($)", [round(t.rng.uniform(4000, 70000), -2) for _ in range(t.n)])
    t.add("Premium ($/mo)", [round(t.rng.uniform(60, 420), 2) for _ in range(t.n)])
    t.add("Email Address", [p.email for p in ppl], "email")
    t.add("Mobile #", [V.phone(t.rng, "US") for _ in range(t.n)], "phone")


def t_signup_events(t: Table) -> None:
    ppl = V.people(t.rng, "us", t.n, first_year=1970, last_year=2007)
    t.add("user_id", t.uuids())
    handles = []
    for p in ppl:
        f, la = V.ascii_fold(p.first).lower(), V.ascii_fold(p.last).lower().replace("'", "")
        handles.append(
            t.rng.choice(
                [
                    f"{f}{la[:3]}{t.rng.randint(1, 999)}",
                    f"{f[0]}_{la}",
                    f"xX{la}Xx",
                    f"{la}.{f}",
                    f"the_real_{f}",
                    f"{f}{t.rng.randint(80, 99)}",
                ]
            )
        )
    t.add("username", handles, "username")
    t.add("email", [p.email.lower() if t.rng.random() < 0.9 else f" {p.email}" for p in ppl], "email")
    t.add(
        "signup_ip",
        [V.ipv4_public(t.rng) if t.rng.random() < 0.85 else V.ipv6(t.rng) for _ in range(t.n)],
        "ip_address",
    )
    t.add(
        "user_agent",
        t.pick(
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36",
                "okhttp/4.12.0",
            )
        ),
    )
    t.add("created_at", t.timestamps(datetime(2026, 2, 1), 30))
    t.add(
        "referral_code",
        V.blanks(
            t.rng,
            ["".join(t.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)) for _ in range(t.n)],
            0.6,
        ),
    )
    t.add("country_code", t.pick(("US", "US", "US", "CA", "GB", "MX")))
    t.add("email_verified", t.pick((True, False), (4, 1)))


def t_loyalty_members(t: Table) -> None:
    ppl = V.people(t.rng, "gb", t.n)
    t.add("member_no", [f"{t.rng.randint(10**9, 10**10 - 1)}" for _ in range(t.n)])
    t.add(
        "card_barcode",
        [V.luhn_valid("6331" + digits(t.rng, 11)) for _ in range(t.n)],
        note="loyalty card barcode, Luhn-valid but not a payment card",
    )
    t.add("first", V.messy_case(t.rng, [p.first for p in ppl], 0.25), "person_name")
    t.add("last", V.messy_case(t.rng, [p.last for p in ppl], 0.25), "person_name")
    t.add("mobile", V.blanks(t.rng, [V.phone(t.rng, "GB") for _ in range(t.n)], 0.1, NULLS), "phone")
    outward = ("LS6", "M14", "B15", "SW11", "EH10", "CF24", "BS7", "NE2", "G12", "OX4", "NG7", "L18")
    t.add(
        "postcode",
        [
            f"{t.rng.choice(outward)} {t.rng.randint(1, 9)}{t.rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            f"{t.rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            for _ in range(t.n)
        ],
        "postal_code",
    )
    t.add("bday_dd", [p.born.day if t.rng.random() > 0.2 else None for p in ppl], "date_of_birth_part")
    t.add("bday_mm", [p.born.month if t.rng.random() > 0.2 else None for p in ppl], "date_of_birth_part")
    t.add("points_bal", [t.rng.randint(0, 25000) for _ in range(t.n)])
    t.add(
        "home_store",
        t.pick(
            (
                "Leeds Kirkstall",
                "Manchester Fallowfield",
                "Birmingham Selly Oak",
                "Bristol Cribbs",
                "Glasgow Partick",
                "Cardiff Bay",
            )
        ),
    )


TABLES_B = [
    t_signup_events,
    t_loyalty_members,
    t_order_lines,
    t_product_catalog,
    t_store_locations,
    t_account_recovery,
    t_kyc_identity,
    t_auto_quote,
]
