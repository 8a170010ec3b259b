"""Round-13 held-out tables, part C: exports with English or abbreviated English headers (evalgen_round13.py)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from faker import Faker
from stdnum import luhn

from lakehouse.ingest.pii.evalgen_round11_values import (
    ascii_fold,
    birth_date,
    card_expiry,
    card_number,
    digits,
    dirty,
    ean13,
    email_for,
    format_card,
)
from lakehouse.ingest.pii.evalgen_round13_values import (
    hr_oib,
    ie_pps,
    lk_nic,
    make_iban,
    mobile,
    ng_nuban,
    nz_bank_account,
    nz_ird,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round13 import Table

F = dict[str, Faker]
_MAORI_GIVEN = ["Aroha", "Wiremu", "Tama", "Mere", "Hemi", "Ngaio", "Rawiri", "Anahera", "Manaia", "Tāne", "Kahu",
                "Moana"]
_MAORI_FAMILY = ["Ngata", "Te Whare", "Parata", "Tuhiwai", "Horomona", "Pōmare", "Te Rangi", "Tipene", "Waaka"]


def t_nz_retirement_members(t: Table, fake: F) -> None:
    f, r = fake["en_NZ"], t.rng
    names = [(r.choice(_MAORI_GIVEN), r.choice(_MAORI_FAMILY)) if r.random() < 0.4 else (f.first_name(), f.last_name())
             for _ in range(t.n)]
    t.add("member_name", [f"{a} {b}" if r.random() < 0.7 else f"{b.upper()}, {a}" for a, b in names], "person_name")
    t.add("ird_no", [nz_ird(r) for _ in names], "national_id")
    t.add("dob", [birth_date(r, 1958, 2004).isoformat() for _ in names], "date_of_birth", type="date")
    t.add("residential_address", [f"{r.randint(1, 300)} {f.street_name()}, {f.city()} {f.postcode()}" for _ in names],
          "address")
    t.add("email", dirty(r, [email_for(r, ascii_fold(a), ascii_fold(b).replace(" ", ""), ("xtra.co.nz", "gmail.com",
                                                                                            "outlook.co.nz"))
                             for a, b in names], 0.1, ("", "none")), "email")
    t.add("payout_bank_acct", dirty(r, [nz_bank_account(r) for _ in names], 0.1, ("",)), "bank_account")
    t.add("contrib_rate", t.pick(["3%", "4%", "6%", "8%", "10%"]))
    t.add("employer", t.pick(["Fonterra Co-operative", "Te Whatu Ora", "Fletcher Building", "Self-employed",
                              "Auckland Council", "Foodstuffs North Island"]))
    t.add("employer_ph", t.pick(["09 379 4000", "0800 655 066", "04 496 3000", "(03) 353 1700"]),
          note="employers' switchboards")
    t.add("fund", t.pick(["Growth", "Balanced", "Conservative", "Default"]))


def t_ng_pos_agents(t: Table, fake: F) -> None:
    r = t.rng
    banks = {"058": "GTBank", "011": "First Bank", "057": "Zenith", "044": "Access", "033": "UBA"}
    codes = [r.choice(list(banks)) for _ in range(t.n)]
    people = [fake[r.choice(["yo_NG", "ha_NG", "ig_NG"])] for _ in range(t.n)]
    t.add("agent_name", [p.name() if r.random() < 0.8 else p.name().upper() for p in people], "person_name")
    t.add("bvn", [f"22{digits(r, 9)}" for _ in people], "national_id")
    t.add("nin", dirty(r, [digits(r, 11) for _ in people], 0.2, ("", "pending")), "national_id")
    t.add("phone_no", [mobile(r, "NG") for _ in people], "phone")
    t.add("settlement_acct", [ng_nuban(r, c) for c in codes], "bank_account")
    t.add("bank", [banks[c] for c in codes])
    t.add("terminal_id", [f"2{r.choice(['033', '058', '044'])}{''.join(r.choice('ABCDEFGHJKLMNP') for _ in range(4))}"
                          for _ in people])
    t.add("shop_lat", [round(r.uniform(6.40, 12.05), 6) for _ in people], note="kiosk location (business)")
    t.add("shop_lon", [round(r.uniform(3.20, 8.60), 6) for _ in people], note="kiosk location (business)")
    t.add("onboarded_at", t.timestamps(datetime(2023, 5, 1), 600))


def t_lk_tea_estate_workers(t: Table, fake: F) -> None:
    r = t.rng
    out = []
    for _ in range(t.n):
        f = fake[r.choice(["si_LK", "ta_IN"])]
        female = r.random() < 0.6
        out.append((f.first_name_female() if female else f.first_name_male(), f.last_name(),
                    birth_date(r, 1962, 2004), female))
    t.add("EMP_NO", [f"NE/{r.randint(1, 1800):04d}" for _ in out])
    t.add("WORKER_NM", [f"{p[1]} {p[0]}" for p in out], "person_name")
    t.add("NIC_NO", dirty(r, [lk_nic(r, p[2], p[3]) for p in out], 0.04, ("", "applied")), "national_id")
    t.add("FIELD_NO", [f"F{r.randint(1, 42)}" for _ in out])
    t.add("KG_PLUCKED", [round(r.uniform(8, 32), 1) for _ in out])
    t.add("DAILY_WAGE_LKR", [r.choice([1350, 1350, 1700, 1750, 1500]) + r.randrange(0, 400, 50) for _ in out], "salary")
    t.add("MOBILE", dirty(r, [mobile(r, "LK") for _ in out], 0.25, ("", "-", "no phone")), "phone")
    t.add("BANK_ACC", dirty(r, [digits(r, 12) for _ in out], 0.3, ("", "cash")), "bank_account")


def t_crm_accounts_contacts(t: Table, fake: F) -> None:
    f, r = fake["en_GB"], t.rng
    cos = [f.company() for _ in range(t.n)]
    doms = [ascii_fold(c).lower().split()[0].strip(",.-") + r.choice([".co.uk", ".com", ".ie", ".is"]) for c in cos]
    ppl = [(fake[r.choice(["en_GB", "ga_IE", "is_IS", "en_NZ"])].first_name(), f.last_name()) for _ in cos]
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"
    t.add("account_id", ["001" + "".join(r.choice(alnum) for _ in range(15)) for _ in cos])
    t.add("account_name", cos)
    t.add("account_phone", [f"+44 {r.choice(['20', '161', '113', '131'])} {digits(r, 4)} {digits(r, 4)}" for _ in cos],
          note="company switchboard")
    t.add("account_email", [f"{r.choice(['info', 'sales', 'accounts', 'hello'])}@{d}" for d in doms],
          note="company mailbox")
    t.add("billing_street", [f.street_address().replace("\n", ", ") for _ in cos], note="company address")
    t.add("billing_city", [f.city() for _ in cos], note="company address")
    t.add("billing_postcode", [f.postcode() for _ in cos], note="company address")
    t.add("vat_no", [f"GB{digits(r, 9)}" for _ in cos])
    t.add("contact_first_name", [p[0] for p in ppl], "person_name")
    t.add("contact_last_name", [p[1] for p in ppl], "person_name")
    t.add("contact_email", [email_for(r, ascii_fold(p[0]), ascii_fold(p[1]).replace(" ", ""), (d,))
                            for p, d in zip(ppl, doms, strict=True)], "email")
    t.add("contact_mobile", dirty(r, [mobile(r, "GB") for _ in cos], 0.3, ("",)), "phone")


def t_webshop_orders(t: Table, fake: F) -> None:
    f, r = fake["en_GB"], t.rng
    pans = [card_number(r) for _ in range(t.n)]
    t.add("ORD_NO", [f"WS{r.randint(100000, 999999)}" for _ in pans])
    t.add("CUST_NM", [fake[r.choice(["en_GB", "ga_IE", "en_NZ"])].name() for _ in pans], "person_name")
    t.add("CC_NUM", [format_card(r, p) for p in pans], "credit_card")
    t.add("CC_EXP", [card_expiry(r) for _ in pans], "card_expiry")
    t.add("CVV2", [digits(r, 4) if len(p) == 15 else digits(r, 3) for p in pans], "card_security_code")
    t.add("CARD_LAST4", [p[-4:] for p in pans], note="last four digits alone")
    t.add("BILL_ADDR", [f.address().replace("\n", ", ") for _ in pans], "address")
    t.add("SHIP_PCODE", dirty(r, [f.postcode() for _ in pans], 0.05, ("", "COLLECT")), "postal_code")
    t.add("IP_ADDR", [f.ipv4_public() if r.random() < 0.75 else f.ipv6() for _ in pans], "ip_address")
    t.add("ORD_TS", t.timestamps(datetime(2025, 11, 20), 14))
    t.add("SKU_EAN", [ean13(r, "50") for _ in pans])
    t.add("GIFT_MSG", dirty(r, t.pick(["Happy birthday!", "Merry Christmas x", "Congrats on the new job",
                                       "Enjoy the hike", "With love"]), 0.6, ("", None)), note="prose, no entities")


def t_exchange_kyc(t: Table, fake: F) -> None:
    r = t.rng
    locs = [r.choice(["hr_HR", "ga_IE", "en_NZ", "sk_SK", "lv_LV"]) for _ in range(t.n)]
    names = [fake[loc].name() for loc in locs]
    tins = {"hr_HR": lambda: hr_oib(r), "ga_IE": lambda: ie_pps(r), "en_NZ": lambda: nz_ird(r),
            "sk_SK": lambda: f"{r.randint(1, 9)}{digits(r, 9)}", "lv_LV": lambda: f"{digits(r, 6)}-{digits(r, 5)}"}
    questions = ["First pet's name?", "Mother's maiden name?", "City where you were born?", "Favourite teacher?"]
    answers = ["Bobi", "Rex", "Mačka", "Kovačević", "Murphy", "Dubrovnik", "Ventspils", "Whangārei", "Mrs Ó Sé",
               "miss kelly", "Fluffy", "Žilina", "Tuhiwai", "Ozols", "cork", "Sniegs", "Brontë", "Mr Horvat"]
    t.add("CustomerId", t.uuids())
    t.add("FullName", names, "person_name")
    t.add("DateOfBirth", [birth_date(r, 1960, 2006).isoformat() for _ in names], "date_of_birth", type="date")
    t.add("Nationality", [loc[-2:] for loc in locs])
    t.add("PassportNumber", [r.choice(["", f"{r.choice('ABCEP')}{digits(r, 7)}", digits(r, 9)]) or f"LH{digits(r, 7)}"
                             for _ in names], "passport")
    t.add("TaxId", [tins[loc]() for loc in locs], "national_id")
    t.add("Username", [ascii_fold(n.split()[0]).lower() + r.choice(["_", ".", ""])
                       + r.choice(["btc", "hodl", digits(r, 2), "x", "sats"]) for n in names], "username")
    t.add("LastLoginIp", [fake["en_US"].ipv4_public() for _ in names], "ip_address")
    t.add("SecurityQuestion", t.pick(questions))
    t.add("SecurityAnswer", t.pick(answers), "security_answer")
    t.add("ReviewedAt", t.timestamps(datetime(2025, 3, 1), 200, blank=0.15))
    t.add("DocFrontSha256", [hashlib.sha256(digits(r, 20).encode()).hexdigest() for _ in names])


def t_support_tickets(t: Table, fake: F) -> None:
    f, r = fake["en_GB"], t.rng
    bodies = []
    for i in range(t.n):
        kind = i % 5
        if kind == 0:
            bodies.append(f"Please update my contact email to {f.free_email()} - the old one bounces.")
        elif kind == 1:
            bodies.append(f"Courier could not find the house, call me on {mobile(r, r.choice(['IE', 'GB', 'NZ']))}.")
        elif kind == 2:
            bodies.append(f"Refund to this account please: {make_iban(r, r.choice(['IE', 'HR', 'SK', 'LV']))}")
        elif kind == 3:
            bodies.append(r.choice(["Item arrived damaged, box crushed.", "Wrong size sent, need a 42 instead of 44.",
                                    "Where is my order? It has been 10 days."]))
        else:
            bodies.append(f"Charged twice on card {format_card(r, card_number(r))}, please reverse one.")
    t.add("ticket_id", [f"TCK-{40000 + i}" for i in range(t.n)])
    t.add("created_at", t.timestamps(datetime(2025, 10, 1), 60))
    t.add("channel", t.pick(["email", "chat", "phone", "web form"]))
    t.add("subject", t.pick(["Delivery issue", "Refund request", "Change of details", "Damaged item", "Double charge"]))
    t.add("body", bodies, contains=["credit_card", "email", "iban", "phone"])
    t.add("resolution_note", t.pick(["Refund issued.", "Replacement dispatched via DPD.", "Escalated to payments team.",
                                     "Customer advised to check spam folder.", ""]), note="prose, no entities")


def t_wind_farm_assets(t: Table, fake: F) -> None:
    r = t.rng
    t.add("turbine_id", [f"WTG-{i + 1:02d}" for i in range(t.n)])
    serials = [f"V112{digits(r, 7)}" for _ in range(t.n)]
    t.add("nacelle_serial", [s + luhn.calc_check_digit(s[4:]) for s in serials], note="object id with check digit")
    t.add("lat", [round(r.uniform(63.85, 64.05), 6) for _ in range(t.n)])
    t.add("lon", [round(r.uniform(-22.1, -21.6), 6) for _ in range(t.n)])
    t.add("commissioned_on", t.dates(date(2014, 5, 1), 2500), type="date")
    t.add("last_service_ts", t.timestamps(datetime(2025, 1, 1), 300))
    t.add("ops_contact", t.pick(["ops@nordurvindur.is", "+354 520 4400", "scada-alerts@nordurvindur.is"]),
          note="operator's own contact")


TABLES_C: list[Any] = [t_nz_retirement_members, t_ng_pos_agents, t_lk_tea_estate_workers, t_crm_accounts_contacts,
                       t_webshop_orders, t_exchange_kyc, t_support_tickets, t_wind_farm_assets]
