"""Round-17 held-out tables, part A: CRM, HR and e-commerce exports (see evalgen_round17.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import (
    birth_date,
    card_expiry,
    digits,
    es_dni_or_nie,
    make_iban,
    phone,
    spaced_iban,
    us_ssn,
)
from lakehouse.ingest.pii.evalgen_round16_values import Table, de_steuer_id, de_sv_nummer, email_from, ipv4, phone16
from lakehouse.ingest.pii.evalgen_round17_values import (
    BLANKS_DE,
    BLANKS_ES,
    dobs,
    masked_pan,
    names,
)

F = dict[str, Faker]


def t_zoho_crm_contacts(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("Contact Id", t.seq("zcrm_4876{:09d}", 120000, (3, 400)), note="Zoho record id: not personal")
    first, last = names(t, us, "first"), names(t, us, "last")
    t.add("First Name", t.dirty(first, 0.03), "person_name")
    t.add("Last Name", last, "person_name")
    full = [f"{f.strip()} {s.strip()}" for f, s in zip(first, last, strict=True)]
    t.add("Email", t.garble(t.dirty([email_from(t.rng, n, ("gmail.com", "yahoo.com", "outlook.com", "comcast.net"))
                                     for n in full], 0.08)), "email")
    t.add("Mobile", t.dirty([phone16(t.rng, "US") for _ in range(t.n)], 0.2), "phone")
    t.add("Mailing Street", t.dirty([us.street_address() for _ in range(t.n)], 0.1), "address_part")
    t.add("Mailing City", [us.city() for _ in range(t.n)], "address_part")
    t.add("Mailing State", [us.state_abbr() for _ in range(t.n)], "address_part")
    t.add("Mailing Zip", t.dirty([us.zipcode() if t.rng.random() < 0.8 else us.zipcode_plus4()
                                  for _ in range(t.n)], 0.05), "postal_code")
    t.add("Contact Owner", t.pick(["Megan Ortiz", "Dale Fischer", "Priya Raman", "Sam Whitaker"]), "person_name",
          note="the sales rep owning the record: a named person (round-16 convention: an agent is person_name)")
    t.add("Lead Source", t.pick(["Web Form", "Trade Show", "Cold Call", "Partner", "Chat", None]))
    t.add("Annual Revenue", t.dirty(t.money(1e5, 5e7, places=0), 0.3),
          note="the account's company revenue, not a person's pay")
    t.add("Created Time", t.timestamps(datetime(2024, 1, 3), 600), type="timestamp")


def t_dynamics_accounts(t: Table, fake: F) -> None:
    gb = fake["gb"]
    t.add("accountid", t.uuids())
    t.add("name", [gb.company() for _ in range(t.n)], note="company name: negative")
    t.add("address1_line1", [gb.street_address() for _ in range(t.n)],
          note="the account's (a business's) registered address: negative")
    t.add("address1_city", [gb.city() for _ in range(t.n)], note="business address part: negative")
    t.add("address1_postalcode", [gb.postcode() for _ in range(t.n)], note="business postcode: negative")
    t.add("telephone1", [f"0{t.rng.choice(['20', '121', '161', '113'])} {digits(t.rng, 4)} {digits(t.rng, 4)}"
                         for _ in range(t.n)], note="company switchboard: negative")
    t.add("emailaddress1", [t.rng.choice(["info", "accounts", "sales", "hello"]) + "@" +
                            gb.domain_name() for _ in range(t.n)], note="generic company inbox: negative")
    t.add("websiteurl", [f"https://www.{gb.domain_name()}" for _ in range(t.n)])
    t.add("numberofemployees", [t.rng.randint(3, 4000) for _ in range(t.n)])
    t.add("revenue", t.money(2e5, 9e7))
    t.add("vatnumber", [f"GB{digits(t.rng, 9)}" for _ in range(t.n)], note="company VAT number: negative")
    t.add("primarycontactid_name", t.dirty(names(t, gb), 0.1), "person_name")
    t.add("statuscode", t.pick([1, 2]))


def t_bamboohr_employees(t: Table, fake: F) -> None:
    us = fake["us"]
    t.add("employeeNumber", t.seq("{:04d}", 100, (1, 4)), note="employee number: internal id, left unlabelled")
    t.add("displayName", names(t, us), "person_name")
    t.add("workEmail", [email_from(t.rng, us.name(), ("acmewidgets.com",)) for _ in range(t.n)], "email",
          note="a personal work address (firstname.lastname@company) identifies the employee")
    t.add("dateOfBirth", t.dirty(dobs(t, "%m/%d/%Y", 1958, 2003), 0.05, ("", "0000-00-00")), "date_of_birth")
    t.add("ssn", t.dirty([(lambda s: f"{s[:3]}-{s[3:5]}-{s[5:]}" if t.rng.random() < 0.7 else s)(us_ssn(t.rng))
                          for _ in range(t.n)], 0.1, ("", "XXX-XX-XXXX")), "ssn")
    t.add("payRate", [f"{t.rng.randint(42, 180) * 1000}.00 USD" for _ in range(t.n)], "salary")
    t.add("payPer", t.pick(["Year", "Year", "Hour"]))
    t.add("department", t.pick(["Sales", "Engineering", "Ops", "Finance", "Support"]))
    t.add("location", t.pick(["Austin, TX", "Remote", "Denver, CO"]), note="office location: negative")
    t.add("hireDate", t.dates(date(2012, 1, 1), 4500), type="date")
    t.add("supervisor", t.dirty(names(t, us, "lastfirst"), 0.1), "person_name")
    t.add("homePhone", t.dirty([phone16(t.rng, "US") for _ in range(t.n)], 0.35), "phone")


def t_personio_mitarbeiter(t: Table, fake: F) -> None:
    de = fake["de"]
    born = [birth_date(t.rng, 1960, 2003) for _ in range(t.n)]
    last = [de.last_name() for _ in range(t.n)]
    t.add("Personalnummer", t.seq("P-{:05d}", 200, (1, 3)))
    t.add("Vorname", names(t, de, "first"), "person_name")
    t.add("Nachname", last, "person_name")
    t.add("Geburtsdatum", [d.strftime("%d.%m.%Y") for d in born], "date_of_birth")
    t.add("Steuer-ID", t.dirty([de_steuer_id(t.rng) for _ in range(t.n)], 0.06, BLANKS_DE), "national_id")
    t.add("SV-Nummer", t.dirty([de_sv_nummer(t.rng, b, n) for b, n in zip(born, last, strict=True)], 0.06,
                               BLANKS_DE), "national_id")
    t.add("IBAN", [spaced_iban(t.rng, make_iban(t.rng, "DE")) for _ in range(t.n)], "iban")
    t.add("Bruttogehalt (EUR/Monat)", t.money(2600, 9800), "salary")
    t.add("Konfession", t.dirty(t.pick(["rk", "ev", "--", "ak"]), 0.1, BLANKS_DE),
          note="church-tax code: religion, no category in docs/pii.md; left unlabelled")
    t.add("Abteilung", t.pick(["Vertrieb", "IT", "Logistik", "Buchhaltung"]))
    t.add("Eintrittsdatum", t.dates(date(2010, 1, 1), 5000, fmt="%d.%m.%Y"))
    t.add("Private Handynummer", t.dirty([phone16(t.rng, "DE") for _ in range(t.n)], 0.25, BLANKS_DE), "phone")
    t.add("Wochenstunden", t.pick([40, 40, 38.5, 30, 20]))


def t_magento_sales_order(t: Table, fake: F) -> None:
    gb = fake["gb"]
    t.add("increment_id", t.seq("000{:06d}", 12000, (1, 3)))
    t.add("customer_email", t.garble([email_from(t.rng, gb.name(), ("gmail.com", "hotmail.co.uk", "btinternet.com"))
                                      for _ in range(t.n)]), "email")
    t.add("customer_firstname", names(t, gb, "first"), "person_name")
    t.add("customer_lastname", names(t, gb, "last"), "person_name")
    t.add("customer_is_guest", t.pick([0, 1]))
    t.add("billing_address.street", [gb.street_address().replace("\n", " ") for _ in range(t.n)], "address_part")
    t.add("billing_address.city", [gb.city() for _ in range(t.n)], "address_part")
    t.add("billing_address.postcode", t.dirty([gb.postcode() if t.rng.random() < 0.8 else gb.postcode().lower()
                                               .replace(" ", "") for _ in range(t.n)], 0.04), "postal_code")
    t.add("billing_address.telephone", [phone16(t.rng, "GB") for _ in range(t.n)], "phone")
    t.add("remote_ip", [ipv4(t.rng) for _ in range(t.n)], "ip_address")
    t.add("grand_total", t.money(8, 400))
    t.add("order_currency_code", ["GBP"] * t.n)
    t.add("items_sku", [f"SKU-{digits(t.rng, 5)}-{t.rng.choice(['BLK', 'WHT', 'RED'])}" for _ in range(t.n)],
          note="product codes: negative")
    t.add("payment.cc_last4", [digits(t.rng, 4) for _ in range(t.n)], note="last four of a card: negative")


def t_woocommerce_pedidos(t: Table, fake: F) -> None:
    es = fake["es"]
    t.add("ID pedido", t.seq("#{}", 5400, (1, 6)))
    t.add("Nombre (facturación)", names(t, es, "first"), "person_name")
    t.add("Apellidos (facturación)", [f"{es.last_name()} {es.last_name()}" for _ in range(t.n)], "person_name")
    t.add("NIF/DNI", t.dirty([es_dni_or_nie(t.rng, 0.15) for _ in range(t.n)], 0.2, BLANKS_ES), "national_id")
    t.add("Dirección línea 1 (envío)", [es.street_address() for _ in range(t.n)], "address_part")
    t.add("Código postal (envío)", [es.postcode() for _ in range(t.n)], "postal_code")
    t.add("Población (envío)", [es.city() for _ in range(t.n)], "address_part")
    t.add("Provincia", [es.state() for _ in range(t.n)], "address_part",
          note="province beside street/postcode/town: address_part per the round-16 convention")
    t.add("Teléfono", t.dirty([phone(t.rng, "ES") for _ in range(t.n)], 0.1, BLANKS_ES), "phone")
    t.add("Correo electrónico", [email_from(t.rng, es.name(), ("gmail.com", "hotmail.es", "telefonica.net"))
                                 for _ in range(t.n)], "email")
    t.add("Método de pago", t.pick(["Bizum", "Tarjeta", "PayPal", "Transferencia"]))
    t.add("Importe total (€)", [f"{t.rng.uniform(5, 300):.2f}".replace(".", ",") for _ in range(t.n)])
    t.add("Nota del cliente", t.dirty(t.pick(["Dejar en portería", "Llamar antes", "Regalo, sin factura",
                                              "Entregar por la tarde"]), 0.6, ("",)),
          note="short delivery notes without personal data")


def t_adyen_payments(t: Table, fake: F) -> None:
    nl = fake["nl"]
    t.add("Psp Reference", [digits(t.rng, 16) for _ in range(t.n)], note="payment reference: negative")
    t.add("Merchant Reference", t.seq("ORD-{}", 77000, (1, 40)))
    t.add("Payment Method", t.pick(["visa", "mc", "amex", "ideal", "klarna"]))
    t.add("Card Number (masked)", [masked_pan(t.rng) for _ in range(t.n)], note="masked PAN: negative")
    t.add("Card Holder Name", t.dirty(names(t, nl), 0.15), "person_name")
    t.add("Expiry", [card_expiry(t.rng) for _ in range(t.n)], "card_expiry")
    t.add("Shopper Email", [email_from(t.rng, nl.name(), ("gmail.com", "ziggo.nl", "kpnmail.nl"))
                            for _ in range(t.n)], "email")
    t.add("Shopper IP", [ipv4(t.rng) for _ in range(t.n)], "ip_address")
    t.add("Issuer Country", t.pick(["NL", "BE", "DE", "FR"]))
    t.add("Value (EUR)", t.money(1, 900))
    t.add("Risk Score", [t.rng.randint(0, 100) for _ in range(t.n)])
    t.add("Booking Date", t.timestamps(datetime(2025, 3, 1), 90, fmt="%Y-%m-%d %H:%M:%S"))


TABLES_A: list[Any] = [t_zoho_crm_contacts, t_dynamics_accounts, t_bamboohr_employees,
                       t_personio_mitarbeiter, t_magento_sales_order, t_woocommerce_pedidos, t_adyen_payments]
