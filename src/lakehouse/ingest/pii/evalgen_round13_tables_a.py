"""Round-13 held-out tables, part A: Central/Eastern European exports (evalgen_round13.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from faker import Faker
from stdnum.si import ddv

from lakehouse.ingest.pii.evalgen_round11_values import (
    card_expiry,
    card_number,
    cz_rodne_cislo,
    digits,
    dirty,
    email_for,
    format_card,
)
from lakehouse.ingest.pii.evalgen_round13_values import (
    bg_egn,
    fill_check,
    hr_oib,
    iccid,
    imei_number,
    is_kennitala,
    latin,
    lv_personas_kods,
    make_iban,
    mobile,
    si_emso,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round13 import Table

F = dict[str, Faker]


def t_sk_elektrina_odberatelia(t: Table, fake: F) -> None:
    f, r = fake["sk_SK"], t.rng
    ppl = t.people(f, 1940, 2004)
    t.add("cislo_zmluvy", [f"ZML-{r.randint(2019, 2026)}-{r.randint(1, 99999):05d}" for _ in ppl])
    t.add("meno", dirty(r, [p[0] for p in ppl], 0.03, ("", None)), "person_name")
    t.add("priezvisko", [p[1].upper() if r.random() < 0.2 else p[1] for p in ppl], "person_name")
    rc = [cz_rodne_cislo(r, p[2], p[3]) for p in ppl]
    t.add("rodne_cislo", dirty(r, [f"{v[:6]}/{v[6:]}" if r.random() < 0.6 else v for v in rc], 0.05, ("", "-")),
          "national_id")
    t.add("ulica", [f.street_name() for _ in ppl], "address_part")
    t.add("supisne_cislo", [r.choice([str(r.randint(1, 240)), f"{r.randint(100, 3999)}/{r.randint(1, 80)}",
                                      f"{r.randint(1, 60)}{r.choice('ABC')}"]) for _ in ppl], "address_part")
    t.add("psc", [f.postcode() if r.random() < 0.7 else f.postcode().replace(" ", "") for _ in ppl], "postal_code")
    t.add("obec", [f.city() for _ in ppl], "address_part")
    t.add("telefon", dirty(r, [mobile(r, "SK") for _ in ppl], 0.08, ("", "nemá", None)), "phone")
    t.add("email", dirty(r, [email_for(r, p[0], p[1], ("gmail.com", "azet.sk", "centrum.sk", "post.sk", "zoznam.sk"))
                             for p in ppl], 0.15, ("", None)), "email")
    t.add("iban_platitel", dirty(r, [make_iban(r, "SK") for _ in ppl], 0.2, ("", "SIPO", "poštový poukaz")), "iban")
    t.add("eic_odberne_miesto", [f"24ZSS{digits(r, 10)}{r.choice('0123456789ABCDEFGHJK')}" for _ in ppl],
          note="metering point code of the supplier's grid, not the customer")
    notes = ["odpočet podľa zákazníka", "výmena elektromera", "", "preplatok vrátený", "zmena tarify na DD2",
             f"zákazník žiada volať na {mobile(r, 'SK')}", f"kontakt po 17:00: {mobile(r, 'SK')}"]
    remarks = [r.choice(notes[:5]) for _ in ppl[:-6]] + [r.choice(notes[5:]) for _ in range(6)]
    r.shuffle(remarks)
    t.add("poznamka", remarks, contains=["phone"])


def t_si_cebelarji(t: Table, fake: F) -> None:
    f, r = fake["sl_SI"], t.rng
    ppl = t.people(f, 1938, 2000)
    t.add("ime_in_priimek", [f"{p[0]} {p[1]}" if r.random() < 0.7 else f"{p[1].upper()} {p[0]}" for p in ppl],
          "person_name")
    t.add("emso", dirty(r, [si_emso(r, p[2], p[3]) for p in ppl], 0.05, ("", "ni podatka")), "national_id")
    t.add("davcna_st", [fill_check(r, lambda: str(r.randint(1, 9)) + digits(r, 6), ddv.is_valid) for _ in ppl],
          "national_id")
    t.add("naslov", [f"{f.street_name()} {r.randint(1, 90)}{r.choice(['', '', 'a'])}, "
                     f"{r.randint(1000, 9265)} {f.city()}" for _ in ppl], "address")
    t.add("gsm", dirty(r, [mobile(r, "SI") for _ in ppl], 0.1, ("", "/")), "phone")
    t.add("e_posta", dirty(r, [email_for(r, p[0], p[1], ("siol.net", "gmail.com", "t-2.net", "amis.net"))
                               for p in ppl], 0.35, ("", "/", None)), "email")
    t.add("st_panjev", [r.randint(2, 120) for _ in ppl])
    t.add("cebelnjak_lat", [round(r.uniform(45.45, 46.85), 5) for _ in ppl], note="apiary location (asset)")
    t.add("cebelnjak_lon", [round(r.uniform(13.45, 16.55), 5) for _ in ppl], note="apiary location (asset)")
    t.add("drustvo_kontakt", t.pick(["01 234 56 11", "info@cd-medvode.si", "04 512 33 20", "tajnik@cd-kamnik.si"]),
          note="the society's own contact")


def t_hr_marina_vezovi(t: Table, fake: F) -> None:
    f, r = fake["hr_HR"], t.rng
    ppl = t.people(f, 1945, 1998)
    t.add("ime", [p[0] for p in ppl], "person_name")
    t.add("prezime", [p[1] for p in ppl], "person_name")
    t.add("oib", dirty(r, [hr_oib(r) for _ in ppl], 0.1, ("", "stranac")), "national_id")
    t.add("broj_putovnice", [digits(r, 9) if r.random() < 0.6 else f"C{digits(r, 7)}{r.choice('ABCDEFGH')}"
                             for _ in ppl], "passport")
    t.add("adresa", [f"{f.street_name()} {r.randint(1, 120)}, {f.postcode()} {f.city()}" if r.random() < 0.7
                     else f"{fake['en_GB'].street_address()}, {fake['en_GB'].city()}".replace("\n", ", ")
                     for _ in ppl], "address")
    t.add("mobitel", [mobile(r, "HR") if r.random() < 0.7 else mobile(r, "GB") for _ in ppl], "phone")
    t.add("registracija_plovila", [f"{r.choice(['ST', 'ŠB', 'ZD', 'PU', 'RI', 'DU'])}-{r.randint(100, 9999)}"
                                   for _ in ppl], note="boat registration; no category")
    t.add("ugovor_od", t.dates(date(2024, 3, 1), 500), type="date")
    marina = make_iban(r, "HR")
    t.add("iban_marine", [marina] * t.n, note="the marina's own account")


def t_bg_mobile_subscribers(t: Table, fake: F) -> None:
    f, r = fake["bg_BG"], t.rng
    ppl = t.people(f, 1950, 2006)
    t.add("SUBSCR_NAME", [f"{p[0]} {p[1]}".upper() if r.random() < 0.4 else f"{p[0]} {p[1]}" for p in ppl],
          "person_name")
    t.add("EGN", dirty(r, [bg_egn(r, p[2], p[3]) for p in ppl], 0.04, ("", "0000000000")), "national_id")
    t.add("ID_CARD_NO", [f"6{digits(r, 8)}" for _ in ppl], "national_id")
    streets = ["ул. Витоша", "бул. България", "ул. Граф Игнатиев", "ж.к. Младост 1, бл.", "ул. Шипка",
               "бул. Черни връх"]
    towns = ["гр. София", "гр. Пловдив", "гр. Варна", "гр. Бургас", "гр. Русе", "с. Белащица"]
    t.add("ADDR", [f"{r.choice(towns)}, {r.choice(streets)} {r.randint(1, 180)}, ет. {r.randint(1, 9)}, "
                   f"ап. {r.randint(1, 60)}" for _ in ppl], "address")
    t.add("MSISDN", [mobile(r, "BG").replace(" ", "").replace("+", "") if r.random() < 0.5 else mobile(r, "BG")
                     for _ in ppl], "phone")
    t.add("EMAIL", dirty(r, [email_for(r, latin(p[0]), latin(p[1]), ("abv.bg", "mail.bg", "gmail.com")) for p in ppl],
                         0.3, ("", None)), "email")
    t.add("ICCID", [iccid(r, "359") for _ in ppl], note="SIM serial, Luhn; device id")
    t.add("IMEI", [imei_number(r) for _ in ppl], note="handset id, Luhn; device id")
    t.add("ACT_DT", t.timestamps(datetime(2023, 1, 1), 700))


def t_lv_dziesmu_svetki(t: Table, fake: F) -> None:
    f, r = fake["lv_LV"], t.rng
    ppl = t.people(f, 1950, 2010)
    t.add("vards", [p[0] for p in ppl], "person_name")
    t.add("uzvards", [p[1] for p in ppl], "person_name")
    t.add("personas_kods", [lv_personas_kods(r, p[2], r.random() < 0.2) for p in ppl], "national_id")
    t.add("dzimsanas_datums", [p[2].isoformat() for p in ppl], "date_of_birth", type="date")
    t.add("koris", t.pick(["Jauniba", "Kamēr...", "Balsis", "Ave Sol", "Dziedonis", "Sōla", "Tiara"]))
    t.add("balss", t.pick(["soprāns", "alts", "tenors", "bass", "S1", "A2"]))
    t.add("e_pasts", dirty(r, [email_for(r, p[0], p[1], ("inbox.lv", "gmail.com", "apollo.lv")) for p in ppl], 0.1,
                           ("", "-")), "email")
    t.add("talrunis", [mobile(r, "LV") for _ in ppl], "phone")
    t.add("registrets", t.timestamps(datetime(2025, 1, 10), 90))
    prose = ["Mēģinājums notiks Rīgas Latviešu biedrības namā.", "Tērpu saņemšana pie kora vadītāja.",
             "Autobuss izbrauc 7:30 no stacijas laukuma.", "Lūdzam paņemt līdzi nošu mapi.", ""]
    t.add("piezimes", t.pick(prose), note="prose without personal data")


def t_is_hitaveita(t: Table, fake: F) -> None:
    f, r = fake["is_IS"], t.rng
    ppl = t.people(f, 1935, 2004)
    streets = ["Laugavegur", "Hverfisgata", "Bústaðavegur", "Skipholt", "Hraunbær", "Álfheimar", "Brekkustígur",
               "Tjarnargata", "Fífuhvammur", "Engjasel"]
    towns = {"101": "Reykjavík", "105": "Reykjavík", "110": "Reykjavík", "200": "Kópavogur", "220": "Hafnarfjörður",
             "600": "Akureyri", "800": "Selfoss", "230": "Reykjanesbær"}
    codes = [r.choice(list(towns)) for _ in ppl]
    t.add("nafn", [f"{p[0]} {p[1]}" for p in ppl], "person_name")
    t.add("kennitala", [is_kennitala(r, p[2]) for p in ppl], "national_id")
    t.add("heimilisfang", [f"{r.choice(streets)} {r.randint(1, 140)}" for _ in ppl], "address_part")
    t.add("postnumer", codes, "postal_code")
    t.add("sveitarfelag", [towns[c] for c in codes], "address_part")
    t.add("netfang", dirty(r, [email_for(r, p[0], p[1], ("simnet.is", "gmail.com", "internet.is")) for p in ppl],
                           0.2, ("",)), "email")
    t.add("gsm", [mobile(r, "IS") for _ in ppl], "phone")
    t.add("maelir_nr", [f"HV{digits(r, 7)}" for _ in ppl])
    t.add("bankareikningur", dirty(r, [f"{r.choice(['0101', '0133', '0515', '0370', '0115'])}-26-{digits(r, 6)}"
                                       for _ in ppl], 0.25, ("", "greiðsluseðill")), "bank_account")
    t.add("gjalddagi", t.dates(date(2025, 2, 1), 300), type="date")
    t.add("veitan_kt", [is_kennitala(r, date(1999, 5, 14), company=True)] * t.n, note="the utility's own kennitala")


def t_ge_abiturientebi(t: Table, fake: F) -> None:
    f, r = fake["ka_GE"], t.rng
    ppl = t.people(f, 2003, 2008)
    t.add("სახელი", [p[0] for p in ppl], "person_name")
    t.add("გვარი", [p[1] for p in ppl], "person_name")
    t.add("პირადი_ნომერი", [f"{r.choice(['01', '02', '12', '35', '61'])}{digits(r, 9)}" for _ in ppl], "national_id")
    t.add("დაბადების_თარიღი", [p[2].strftime("%d.%m.%Y") for p in ppl], "date_of_birth")
    t.add("ტელეფონი", dirty(r, [mobile(r, "GE") for _ in ppl], 0.05, ("",)), "phone")
    t.add("ელფოსტა", [email_for(r, latin(p[0]), latin(p[1]), ("gmail.com", "mail.ru", "yahoo.com"))
                      for p in ppl], "email")
    t.add("ფაკულტეტი", t.pick(["ზუსტ და საბუნებისმეტყველო", "ჰუმანიტარული", "ეკონომიკისა და ბიზნესის",
                                "იურიდიული", "მედიცინის"]))
    t.add("ქულა", [round(r.uniform(1400, 2400), 1) for _ in ppl])
    t.add("განაცხადის_დრო", t.timestamps(datetime(2025, 6, 1), 40))
    notes = ["საბუთები სრულადაა", "დაკავშირება მშობლის ნომერზე: {p}", "ელფოსტა შეიცვალა: {e}", "", "გადახდა დადასტურდა",
             "მეორე ნომერი {p}"]
    t.add("შენიშვნა", [r.choice(notes).format(p=mobile(r, "GE"), e=email_for(r, "nino", latin(f.last_name()),
                                                                         ("gmail.com",))) for _ in ppl],
          contains=["email", "phone"])


def t_am_microloans(t: Table, fake: F) -> None:
    f, r = fake["hy_AM"], t.rng
    ppl = t.people(f, 1960, 2003)
    t.add("borrower_name", [f"{p[0]} {p[1]}" for p in ppl], "person_name")
    t.add("passport_no", [f"{r.choice(['AN', 'AM', 'AT', 'AR'])}{digits(r, 7)}" for _ in ppl], "passport")
    t.add("soc_card_no", dirty(r, [digits(r, 10) for _ in ppl], 0.1, ("", "n/a")), "national_id")
    t.add("reg_address", [f"{f.city()}, {f.street_name()} {r.randint(1, 90)}, բն. {r.randint(1, 80)}" for _ in ppl],
          "address")
    t.add("phone", [mobile(r, "AM") for _ in ppl], "phone")
    t.add("monthly_income_amd", [r.randrange(120_000, 900_000, 5000) for _ in ppl], "salary")
    t.add("loan_amt", [r.randrange(200_000, 5_000_000, 50_000) for _ in ppl])
    t.add("repay_card", dirty(r, [format_card(r, card_number(r)) for _ in ppl], 0.2, ("", "cash desk")), "credit_card")
    t.add("repay_card_exp", dirty(r, [card_expiry(r) for _ in ppl], 0.2, ("",)), "card_expiry")
    t.add("loan_no", [f"MCL/{r.randint(2023, 2026)}/{r.randint(1, 99999):05d}" for _ in ppl])
    t.add("disb_acct", [f"24{r.choice(['70', '75', '30'])}0{digits(r, 11)}" for _ in ppl], "bank_account")


def t_az_yataqxana(t: Table, fake: F) -> None:
    f, r = fake["az_AZ"], t.rng
    ppl = t.people(f, 2002, 2007)
    t.add("ad", [p[0] for p in ppl], "person_name")
    t.add("soyad", [p[1] for p in ppl], "person_name")
    t.add("ata_adi", [f.first_name_male() + r.choice([" oğlu", " qızı", ""]) for _ in ppl], "person_name")
    t.add("fin_kod", ["".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXZ") for _ in range(7)) for _ in ppl],
          "national_id")
    t.add("dogum_gunu", [p[2].day for p in ppl], "date_of_birth_part")
    t.add("dogum_ayi", [p[2].month for p in ppl], "date_of_birth_part")
    t.add("dogum_ili", [p[2].year for p in ppl], "date_of_birth_part")
    t.add("telefon", dirty(r, [mobile(r, "AZ") for _ in ppl], 0.06, ("", "yoxdur")), "phone")
    t.add("otaq", [f"{r.randint(1, 9)}{r.randint(1, 40):02d}" for _ in ppl])
    t.add("giris_tarixi", t.dates(date(2025, 8, 25), 20), type="date")


TABLES_A: list[Any] = [t_sk_elektrina_odberatelia, t_si_cebelarji, t_hr_marina_vezovi, t_bg_mobile_subscribers,
                       t_lv_dziesmu_svetki, t_is_hitaveita, t_ge_abiturientebi, t_am_microloans, t_az_yataqxana]
