"""Round-16 held-out tables, part C: gym, delivery app, municipal services, donors, CDP, Okta, inventory."""

from __future__ import annotations

from datetime import date, datetime

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import (
    birth_date,
    card_number,
    digits,
    format_card,
    it_codice_fiscale,
)
from lakehouse.ingest.pii.evalgen_round16_values import (
    Table,
    case_mess,
    email_from,
    ipv4,
    phone16,
    prose,
    tr_tckimlik,
)

Fakers = dict[str, Faker]


def t_r16_spor_salonu_uyeler(t: Table, fake: Fakers) -> None:
    """Members of a Turkish gym chain (Turkish headers)."""
    tr, rng = fake["tr"], t.rng
    names = [f"{tr.first_name()} {tr.last_name()}" for _ in range(t.n)]
    t.add("üye_no", t.seq("{:06d}", 100_000, (1, 12)))
    t.add("ad_soyad", [case_mess(rng, n, 0.25) for n in names], "person_name")
    t.add("tc_kimlik_no", t.dirty([tr_tckimlik(rng) for _ in range(t.n)], 0.08, ("", None)), "national_id")
    t.add("doğum_tarihi", [birth_date(rng, 1960, 2008).strftime("%d.%m.%Y") for _ in range(t.n)], "date_of_birth")
    t.add("cep_tel", t.garble([phone16(rng, "TR") for _ in range(t.n)], 0.06), "phone")
    t.add("e_posta", t.dirty([email_from(rng, n, ("gmail.com", "hotmail.com", "yandex.com.tr")) for n in names],
                             0.2, ("", None, "-")), "email")
    t.add("şube", t.pick(["Kadıköy", "Beşiktaş", "Çankaya", "Karşıyaka", "Nilüfer"]))
    t.add("üyelik_tipi", t.pick(["Aylık", "3 Aylık", "Yıllık", "Öğrenci"]))
    t.add("başlangıç", t.dates(date(2025, 6, 1), 500))
    t.add("aylık_ücret_tl", t.pick([1450, 1900, 2400, 3100]))


def t_r16_delivery_orders(t: Table, fake: Fakers) -> None:
    """Food-delivery app orders flattened from event JSON; the drop-off address is one free-form field."""
    us, rng = fake["us"], t.rng
    restaurants = ("Golden Wok", "Pizza Palazzo", "Taqueria El Sol", "Burger Barn", "Sushi Yama", "Green Bowl")
    t.add("order.id", [f"ord_{rng.getrandbits(48):012x}" for _ in range(t.n)])
    t.add("order.created_at", t.timestamps(datetime(2026, 11, 10), 14), type="timestamp")
    t.add("customer.first_name", [us.first_name() for _ in range(t.n)], "person_name")
    t.add("customer.phone", [phone16(rng, "US") for _ in range(t.n)], "phone")
    extras = ["", "", " (gate code 4412)", " apt buzzer"]
    t.add("dropoff.address", [us.address().replace("\n", ", ") + rng.choice(extras) for _ in range(t.n)], "address")
    t.add("restaurant.name", t.pick(restaurants))
    t.add("restaurant.address", t.pick([f"{rng.randint(10, 999)} Market St, Springfield, IL 62701" for _ in range(6)]),
          note="the restaurant's premises")
    t.add("courier.id", [f"cr_{digits(rng, 6)}" for _ in range(t.n)])
    t.add("items_count", [rng.randint(1, 7) for _ in range(t.n)])
    t.add("total_usd", t.money(9, 95))
    t.add("status", t.pick(["delivered", "delivered", "delivered", "cancelled", "refunded"]))


_PRATICA_NOTE = ("Documentazione completa", "Richiedente CF {cf} delegato dal titolare",
                 "Integrazione richiesta via PEC", "manca marca da bollo", "rif. CF {cf} gia' presente in anagrafe",
                 "")


def t_r16_comune_pratiche(t: Table, fake: Fakers) -> None:
    """Citizens' applications at an Italian municipality's service desk (Italian headers)."""
    it, rng = fake["it"], t.rng
    people = []
    for _ in range(t.n):
        female = rng.random() < 0.5
        first = it.first_name_female() if female else it.first_name_male()
        people.append((first, it.last_name(), birth_date(rng, 1940, 2006), female))

    def any_cf() -> str:
        first, last, born, female = people[rng.randrange(len(people))]
        return it_codice_fiscale(rng, first, last, born, female)

    t.add("n_pratica", t.seq("2026/{:05d}", 1000, (1, 6)))
    t.add("richiedente", [case_mess(rng, f"{la} {f}".upper() if rng.random() < 0.4 else f"{f} {la}")
                          for f, la, _, _ in people], "person_name")
    t.add("codice_fiscale", [it_codice_fiscale(rng, f, la, b, fem) for f, la, b, fem in people], "national_id")
    towns = ("Bologna", "Casalecchio di Reno", "San Lazzaro di Savena", "Zola Predosa", "Imola", "Pianoro")
    t.add("indirizzo_residenza", [f"{it.street_address()}, {rng.choice(['40121', '40033', '40068', '40069', '40026'])}"
                                  f" {rng.choice(towns)}{rng.choice(['', ' (BO)'])}" for _ in range(t.n)], "address")
    t.add("pec_email", t.dirty([email_from(rng, f"{f} {la}", ("pec.it", "legalmail.it", "libero.it"))
                                for f, la, _, _ in people], 0.2, ("", None)), "email")
    t.add("tipo_pratica", t.pick(["Carta d'identità", "Cambio residenza", "Passo carrabile", "Occupazione suolo",
                                  "Certificato anagrafico"]))
    t.add("data_presentazione", t.dates(date(2026, 3, 1), 250, fmt="%d/%m/%Y"))
    t.add("diritti_euro", t.pick([0.0, 5.42, 16.0, 22.21]))
    t.add("stato", t.pick(["aperta", "chiusa", "sospesa"]))
    notes, kinds = prose(t, _PRATICA_NOTE, cf=any_cf)
    t.add("note_ufficio", notes, contains=["national_id" for k in kinds if k == "cf"])


_DONOR_COMMENTS = ("In memory of a dear friend", "Please send receipt to {email}", "Monthly gift via standing order",
                   "Card declined first attempt, retried with {card}", "Matched by employer",
                   "Prefers contact by email {email}", "")


def t_r16_donor_gifts(t: Table, fake: Fakers) -> None:
    """Gift records of a UK charity's donor CRM: spaced headers with units."""
    gb, rng = fake["gb"], t.rng
    names = [gb.name() for _ in range(t.n)]
    t.add("Donor ID", t.seq("D-{:06d}", 40000, (1, 50)))
    t.add("Full Name", [case_mess(rng, n) for n in names], "person_name")
    t.add("Email Address", t.dirty([email_from(rng, n, ("btinternet.com", "gmail.com", "icloud.com")) for n in names],
                                   0.15, ("", None)), "email")
    homes = [rng.choice([f"020 {digits(rng, 4)} {digits(rng, 4)}", f"0{rng.choice(['121', '161', '113'])} "
                         f"{digits(rng, 3)} {digits(rng, 4)}", f"+44 1{digits(rng, 3)} {digits(rng, 6)}"])
             for _ in range(t.n)]
    t.add("Home Phone", t.dirty(homes, 0.3, ("", None, "ex-directory")), "phone")
    t.add("Mailing Address", [gb.address().replace("\n", ", ") for _ in range(t.n)], "address")
    t.add("Gift Amount (GBP)", [rng.choice([5, 10, 10, 20, 25, 50, 100, 250]) for _ in range(t.n)])
    t.add("Gift Date", t.dates(date(2025, 4, 6), 365), type="date")
    t.add("Campaign", t.pick(["Winter Appeal", "Marathon 2026", "Legacy", "Regular Giving"]))
    t.add("Gift Aid?", t.pick(["Y", "N", "Y"]))
    comments, kinds = prose(t, _DONOR_COMMENTS,
                            email=lambda: email_from(rng, gb.name(), ("gmail.com", "outlook.com")),
                            card=lambda: format_card(rng, card_number(rng)))
    t.add("Comments", comments, contains=["credit_card" if k == "card" else k for k in kinds])


def t_r16_cdp_profiles(t: Table, fake: Fakers) -> None:
    """Unified profiles from a marketing customer-data platform: vendor prefixes c_ (identity) and x_ (traits)."""
    gb, rng = fake["gb"], t.rng
    names = [gb.name() for _ in range(t.n)]
    t.add("c_profile_id", t.uuids())
    t.add("c_email", t.dirty([email_from(rng, n, ("gmail.com", "yahoo.co.uk", "hotmail.com")) for n in names], 0.25,
                             ("", None)), "email")
    t.add("c_firstname", t.dirty([gb.first_name() for _ in names], 0.1, ("", None, "Customer")), "person_name")
    t.add("c_postcode", t.dirty([gb.postcode() for _ in range(t.n)], 0.3, ("", None)), "postal_code")
    t.add("c_ip_last", [ipv4(rng) for _ in range(t.n)], "ip_address")
    t.add("x_segment", t.pick(["lapsed", "high_value", "new", "bargain_hunter", "loyal"]))
    t.add("x_ltv_gbp", t.money(0, 4200))
    t.add("x_orders_12m", [rng.randint(0, 40) for _ in range(t.n)])
    t.add("x_last_seen_at", t.timestamps(datetime(2026, 6, 1), 180), type="timestamp")
    t.add("x_consent_email", t.pick([True, False]))
    t.add("x_utm_source", t.pick(["google", "facebook", "newsletter", "(direct)", "tiktok"]))


def t_r16_okta_users(t: Table, fake: Fakers) -> None:
    """Identity-provider user export (Okta /api/v1/users flattened)."""
    us, rng = fake["us"], t.rng
    firsts = [us.first_name() for _ in range(t.n)]
    lasts = [us.last_name() for _ in range(t.n)]
    logins = [f"{f.lower()}.{la.lower()}@northwind-corp.com" for f, la in zip(firsts, lasts, strict=True)]
    t.add("id", [f"00u{''.join(rng.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(17))}"
                 for _ in range(t.n)])
    t.add("status", t.pick(["ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED", "DEPROVISIONED", "PROVISIONED"]))
    t.add("created", t.timestamps(datetime(2019, 1, 1), 2500), type="timestamp")
    t.add("lastLogin", t.timestamps(datetime(2026, 11, 1), 35, blank=0.1), type="timestamp")
    t.add("profile.login", logins, "email")
    t.add("profile.firstName", firsts, "person_name")
    t.add("profile.lastName", lasts, "person_name")
    t.add("profile.mobilePhone", t.dirty([phone16(rng, "US") for _ in range(t.n)], 0.35, (None,)), "phone")
    t.add("profile.employeeNumber", [str(rng.randint(100000, 199999)) for _ in range(t.n)])
    t.add("profile.department", t.pick(["Finance", "Engineering", "Sales", "Support", "HR"]))


def t_r16_tbl_stock_on_hand(t: Table, fake: Fakers) -> None:
    """Warehouse stock snapshot from a legacy WMS (tbl_ prefixed): no personal data."""
    rng = t.rng
    products = ("Hex bolt M8x40 zinc", "Cable tie 200mm black", "Safety glove size 9", "Pallet wrap 23mu",
                "LED panel 600x600", "Copper pipe 15mm 3m", "Wood screw 4x50", "Silicone white 310ml")
    t.add("tbl_SKU", [f"{rng.choice(['HB', 'CT', 'SG', 'PW', 'LP', 'CP', 'WS', 'SI'])}-{digits(rng, 5)}"
                      for _ in range(t.n)])
    t.add("tbl_Descr", t.pick(products))
    t.add("tbl_WH", t.pick(["DC1", "DC2", "STORE-07"]))
    t.add("tbl_Bin", [f"{rng.choice('ABCDEF')}{rng.randint(1, 40):02d}-{rng.randint(1, 6)}" for _ in range(t.n)])
    t.add("tbl_QtyOnHand", [rng.randint(0, 5000) for _ in range(t.n)])
    t.add("tbl_ReorderPt", t.pick([50, 100, 250, 500]))
    t.add("tbl_UnitCost", t.money(0.02, 85, places=3))
    t.add("tbl_LastCount", t.timestamps(datetime(2026, 9, 1), 90), type="timestamp")
    t.add("tbl_Supplier", t.pick(["Würth", "Fastenal", "RS Components", "Screwfix Trade"]))


TABLES_C = [t_r16_spor_salonu_uyeler, t_r16_delivery_orders, t_r16_comune_pratiche, t_r16_donor_gifts,
            t_r16_cdp_profiles, t_r16_okta_users, t_r16_tbl_stock_on_hand]
