"""Round-16 held-out tables, part A: ERP masters, billing, call centre, field service, loyalty, a clinic."""

from __future__ import annotations

from datetime import date, datetime

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, card_expiry, digits
from lakehouse.ingest.pii.evalgen_round16_values import Table, case_mess, email_from, phone16, prose

Fakers = dict[str, Faker]


def t_r16_sap_kna1_customers(t: Table, fake: Fakers) -> None:
    """SAP customer master (KNA1 + ADR6) of a German kitchen-appliance retailer's consumer customers."""
    de, rng = fake["de"], t.rng
    names = [f"{de.first_name()} {de.last_name()}" for _ in range(t.n)]
    t.add("KUNNR", [f"{rng.randint(1_000_000, 1_999_999):010d}" for _ in range(t.n)])
    t.add("ANRED", t.pick(["Herr", "Frau", "", "Divers"], [40, 40, 15, 2]))
    t.add("NAME1", [case_mess(rng, n) for n in names], "person_name")
    t.add("STRAS", t.dirty([de.street_address() for _ in range(t.n)], 0.05, ("", None)), "address_part")
    t.add("PSTLZ", [de.postcode() if rng.random() > 0.04 else "" for _ in range(t.n)], "postal_code")
    t.add("ORT01", [de.city() for _ in range(t.n)], "address_part")
    t.add("LAND1", t.pick(["DE", "DE", "DE", "AT", "CH"]))
    t.add("TELF1", t.garble(t.dirty([phone16(rng, "DE") for _ in range(t.n)], 0.2, ("", None))), "phone")
    t.add("SMTP_ADDR", t.dirty([email_from(rng, n, ("web.de", "gmx.de", "t-online.de", "gmail.com")) for n in names],
                               0.15, ("", None)), "email")
    t.add("ERDAT", t.dates(date(2014, 1, 1), 3500, fmt="%Y%m%d"))
    t.add("KTOKD", t.pick(["ZB2C", "ZB2C", "ZB2C", "ZEMP"]))


def t_r16_vendor_master(t: Table, fake: Fakers) -> None:
    """AP vendor master of a US distributor: companies, their generic inboxes and the named contact."""
    us, rng = fake["us"], t.rng
    companies = [us.company() for _ in range(t.n)]
    t.add("VendorID", t.seq("V{:05d}", 10000, (3, 40)))
    t.add("VendorName", companies, note="company names")
    t.add("RemitToAddress", [us.address().replace("\n", ", ") for _ in range(t.n)], note="a company's remit-to address")
    t.add("APEmail", [f"{rng.choice(['ap', 'billing', 'invoices', 'ar', 'accounts'])}@"
                      f"{c.split()[0].lower().strip(',')}.com" for c in companies], note="generic company inboxes")
    t.add("MainPhone", [f"({rng.randint(201, 989)}) 555-{digits(rng, 4)}" for _ in range(t.n)], note="switchboard")
    t.add("ContactName", t.dirty([us.name() for _ in range(t.n)], 0.2, ("", None, "TBD")), "person_name")
    t.add("TaxID_EIN", [f"{rng.randint(10, 99)}-{digits(rng, 7)}" for _ in range(t.n)], note="company EIN")
    t.add("PaymentTerms", t.pick(["NET30", "NET45", "NET60", "2/10 NET30", "DUE ON RECEIPT"]))
    t.add("CreatedOn", t.timestamps(datetime(2016, 1, 1), 3000), type="timestamp")


def t_r16_stripe_subscriptions(t: Table, fake: Fakers) -> None:
    """A SaaS billing export flattened from Stripe JSON (dotted paths)."""
    gb, rng = fake["gb"], t.rng
    names = [gb.name() for _ in range(t.n)]
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"
    t.add("id", [f"sub_{''.join(rng.choice(alphabet) for _ in range(14))}" for _ in range(t.n)])
    t.add("customer.id", [f"cus_{digits(rng, 4)}{rng.choice('QWERTY')}{digits(rng, 5)}" for _ in range(t.n)])
    t.add("customer.name", t.dirty(names, 0.08, ("", None)), "person_name")
    t.add("customer.email", [email_from(rng, n, ("gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"))
                             for n in names], "email")
    t.add("plan.nickname", t.pick(["Starter monthly", "Pro monthly", "Pro annual", "Team annual"]))
    t.add("plan.amount", t.pick([900, 2900, 29000, 99000]))
    t.add("status", t.pick(["active", "active", "active", "past_due", "canceled", "trialing"]))
    t.add("current_period_end", t.timestamps(datetime(2026, 11, 1), 60), type="timestamp")
    t.add("default_payment_method.card.brand", t.pick(["visa", "mastercard", "amex"]))
    t.add("default_payment_method.card.last4", [digits(rng, 4) for _ in range(t.n)], note="last four digits only")
    t.add("default_payment_method.card.exp", [card_expiry(rng) for _ in range(t.n)], "card_expiry")
    t.add("billing_details.address.line1", [gb.street_address().replace("\n", ", ") for _ in range(t.n)],
          "address_part")
    t.add("billing_details.address.city", [gb.city() for _ in range(t.n)], "address_part")
    t.add("billing_details.address.postal_code", [gb.postcode() for _ in range(t.n)], "postal_code")


_CALL_NOTES = (
    "Caller wants invoice copy resent to {email}",
    "cust asked for callback on {phone} after 5pm",
    "Router replaced, no further action",
    "Escalated to tier 2 - outage in area",
    "new contact number {phone}, old one disconnected",
    "Billing dispute on last statement, credit applied",
    "Update email on file to {email} per caller",
    "Password reset link sent, confirmed working",
    "",
)


def t_r16_genesys_interactions(t: Table, fake: Fakers) -> None:
    """Contact-centre interaction log of a US cable operator; agent notes mention callers' contact details."""
    us, rng = fake["us"], t.rng
    notes, kinds = prose(t, _CALL_NOTES, email=lambda: email_from(rng, us.name(), ("gmail.com", "aol.com")),
                         phone=lambda: phone16(rng, "US"))
    t.add("InteractionId", t.uuids())
    t.add("StartTimeUTC", t.timestamps(datetime(2026, 9, 1), 30), type="timestamp")
    t.add("AgentLogin", [f"{us.first_name()[0].lower()}{us.last_name().lower()}{rng.choice(['', '', '2'])}"
                         for _ in range(t.n)], "username")
    t.add("ANI", t.dirty([phone16(rng, "US") for _ in range(t.n)], 0.1, ("anonymous", "", "RESTRICTED")), "phone")
    t.add("DNIS", t.pick(["8005550143", "8005550199", "8885550120"]), note="the company's own hotline numbers")
    t.add("Queue", t.pick(["Billing", "TechSupport", "Retention", "Sales"]))
    t.add("HandleTimeSec", [rng.randint(40, 1900) for _ in range(t.n)])
    t.add("WrapUpCode", t.pick(["RESOLVED", "CALLBACK", "ESCALATED", "TRANSFER", "ABANDONED"]))
    t.add("AgentNotes", notes, contains=kinds)


_NL_OPM = (
    "Klant graag vooraf bellen op {phone}",
    "Sleutel ligt bij de buren",
    "Onderdeel besteld, tweede bezoek nodig",
    "bereikbaar via {phone} (na 17u)",
    "Ketel gereinigd, drukvat bijgevuld",
    "",
)


def t_r16_veldservice_werkorders(t: Table, fake: Fakers) -> None:
    """Field-service work orders of a Dutch boiler-maintenance company (Dutch headers)."""
    nl, rng = fake["nl"], t.rng
    t.add("Werkordernummer", t.seq("WO-2026-{:06d}", 4100, (1, 5)))
    t.add("Klantnaam", [case_mess(rng, nl.name()) for _ in range(t.n)], "person_name")
    t.add("Straat", [nl.street_name() for _ in range(t.n)], "address_part")
    t.add("Huisnr", [f"{rng.randint(1, 240)}{rng.choice(['', '', '', 'a', '-2', ' B'])}" for _ in range(t.n)],
          "address_part")
    t.add("Postcode", [nl.postcode() if rng.random() < 0.6 else nl.postcode()[:4] + " " + nl.postcode()[-2:]
                       for _ in range(t.n)], "postal_code")
    t.add("Woonplaats", [nl.city() for _ in range(t.n)], "address_part")
    t.add("Telefoon", t.dirty([phone16(rng, "NL") for _ in range(t.n)], 0.1, ("", "onbekend")), "phone")
    t.add("Monteur", t.pick([nl.first_name() + " " + nl.last_name() for _ in range(6)]), "person_name")
    t.add("Type onderhoud", t.pick(["Jaarlijks onderhoud", "Storing", "Installatie", "Keuring"]))
    t.add("Gepland op", t.dates(date(2026, 10, 1), 75, fmt="%d-%m-%Y"))
    t.add("Duur (min)", [rng.choice([30, 45, 60, 90, 120]) for _ in range(t.n)])
    remarks, kinds = prose(t, _NL_OPM, phone=lambda: phone16(rng, "NL"))
    t.add("Opmerkingen", remarks, contains=kinds)


def t_r16_loyalty_members(t: Table, fake: Fakers) -> None:
    """Supermarket loyalty programme members (en_GB), exported from the CRM with snake_case headers."""
    gb, rng = fake["gb"], t.rng
    firsts = [gb.first_name() for _ in range(t.n)]
    lasts = [gb.last_name() for _ in range(t.n)]
    t.add("member_id", t.seq("{:08d}", 30_000_000, (1, 400)))
    t.add("card_number", [f"6337{digits(rng, 12)}" for _ in range(t.n)], note="loyalty card number, not a payment card")
    t.add("first_name", [case_mess(rng, f) for f in firsts], "person_name")
    t.add("last_name", [case_mess(rng, la) for la in lasts], "person_name")
    t.add("email", t.dirty([email_from(rng, f"{f} {la}", ("hotmail.co.uk", "gmail.com", "sky.com"))
                            for f, la in zip(firsts, lasts, strict=True)], 0.1, ("", None, "none")), "email")
    t.add("email", t.garble(t.columns.pop()["values"], 0.06), "email")
    t.add("mobile", t.dirty([phone16(rng, "GB") for _ in range(t.n)], 0.15, ("", None)), "phone")
    t.add("birthday", [birth_date(rng, 1945, 2006).isoformat() if rng.random() > 0.2 else None for _ in range(t.n)],
          "date_of_birth", type="date")
    t.add("postcode", [gb.postcode().lower() if rng.random() < 0.1 else gb.postcode() for _ in range(t.n)],
          "postal_code")
    t.add("points_balance", [rng.randint(0, 24000) for _ in range(t.n)])
    t.add("tier", t.pick(["Green", "Silver", "Gold"], [60, 30, 10]))


def t_r16_coupon_redemptions(t: Table, fake: Fakers) -> None:
    """Coupon redemptions at the tills: no personal data."""
    rng = t.rng
    t.add("redemption_id", t.seq("RD{:09d}", 500_000_000, (1, 90)))
    t.add("coupon_code", [f"{rng.choice(['SAVE10', 'BOGO', 'XMAS', 'WELCOME5', 'BBQ'])}-{digits(rng, 4)}"
                          for _ in range(t.n)])
    t.add("store_no", t.pick(["0012", "0047", "0103", "0218", "0331"]))
    t.add("redeemed_at", t.timestamps(datetime(2026, 11, 20), 20), type="timestamp")
    t.add("sku", [f"{rng.randint(100000, 999999)}-{rng.randint(1, 9):02d}" for _ in range(t.n)])
    t.add("basket_gbp", t.money(3, 180))
    t.add("discount_gbp", t.money(0.5, 12))
    t.add("channel", t.pick(["till", "scan&go", "online"]))


_MOTIFS = ("Renouvellement ordonnance", "Douleurs lombaires", "Suivi diabète type 2", "Vaccination grippe",
           "Hypertension artérielle", "Certificat sport", "Angine", "Bilan sanguin")


def t_r16_cabinet_rdv(t: Table, fake: Fakers) -> None:
    """Appointment book of a French group medical practice (French headers)."""
    fr, rng = fake["fr"], t.rng
    t.add("N° dossier", t.seq("P{:06d}", 12000, (1, 60)), "medical")
    t.add("Nom patient", [case_mess(rng, f"{fr.last_name().upper()} {fr.first_name()}") for _ in range(t.n)],
          "person_name")
    t.add("Date naiss.", [birth_date(rng, 1935, 2022).strftime("%d/%m/%Y") for _ in range(t.n)], "date_of_birth")
    t.add("Tél. portable", t.dirty([phone16(rng, "FR") for _ in range(t.n)], 0.1, ("", "NR")), "phone")
    t.add("Mutuelle - n° adhérent", t.dirty([digits(rng, rng.choice([8, 9, 10])) for _ in range(t.n)], 0.2,
                                           ("", None)), "medical")
    t.add("Motif", t.pick(_MOTIFS), "medical")
    t.add("Praticien", t.pick(["Dr " + fr.last_name() for _ in range(4)]), "person_name")
    t.add("Début RDV", t.timestamps(datetime(2026, 11, 2, 8), 40), type="timestamp")
    t.add("Statut", t.pick(["honoré", "honoré", "annulé", "absent"]))
    t.add("Tarif (€)", t.pick([26.5, 30.0, 50.0, 60.0]))


t_r16_cabinet_rdv.phi = True  # type: ignore[attr-defined]

TABLES_A = [t_r16_sap_kna1_customers, t_r16_vendor_master, t_r16_stripe_subscriptions, t_r16_genesys_interactions,
            t_r16_veldservice_werkorders, t_r16_loyalty_members, t_r16_coupon_redemptions, t_r16_cabinet_rdv]
