"""Round 12 tables, part A: Romanian, Hungarian, Greek, Ukrainian, Hebrew, Thai and Tagalog sources."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from faker import Faker

from lakehouse.ingest.pii import evalgen_round12_values as v
from lakehouse.ingest.pii.evalgen_round11_values import (
    birth_date,
    card_expiry,
    card_number,
    digits,
    dirty,
    email_for,
    format_card,
    passport,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round12 import Table

Fakes = dict[str, Faker]


def people(t: Table, fake: Faker, first: int = 1950, last: int = 2005) -> list[tuple[str, str, bool, date]]:
    out = []
    for _ in range(t.n):
        female = t.rng.random() < 0.5
        given = fake.first_name_female() if female else fake.first_name_male()
        out.append((given, fake.last_name(), female, birth_date(t.rng, first, last)))
    return out


def phi(build: Any) -> Any:
    build.phi = True
    return build


def t_ro_scoala_soferi(t: Table, f: Fakes) -> None:
    ro, rng = f["ro_RO"], t.rng
    ps = people(t, ro, 1960, 2008)
    t.add("nume", [p[1].upper() if rng.random() < 0.3 else p[1] for p in ps], "person_name")
    t.add("prenume", [p[0] for p in ps], "person_name")
    t.add("cnp", dirty(rng, [v.ro_cnp(rng, p[3], p[2]) for p in ps], 0.05, ("", "-", "lipsa")), "national_id")
    t.add("telefon", [v.mobile(rng, "RO") for _ in ps], "phone")
    t.add("email", dirty(rng, [email_for(rng, p[0], p[1], ("yahoo.com", "gmail.com", "yahoo.ro")) for p in ps],
                         0.1, ("", None)), "email")
    t.add("categorie", t.each(lambda: rng.choice(["B", "B", "B", "A2", "C", "BE", "A1"])))
    t.add("nr_masina_scoala", t.each(lambda: f"B {rng.randint(10, 999)} {rng.choice(['AUT', 'SCL', 'DRV'])}"),
          note="the school's car plates")
    instructors = [ro.name() for _ in range(4)]
    t.add("instructor", t.each(lambda: rng.choice(instructors)), "person_name")
    t.add("data_examen", t.each(lambda: f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"), type="date")
    t.add("taxa_lei", t.each(lambda: rng.choice([1850, 2100, 2300, 2450.5])))
    notes, kinds = [], set()
    for p in ps:
        r = rng.random()
        if r < 0.2:
            notes.append(f"trimite factura pe {email_for(rng, p[0], p[1], ('gmail.com',))}")
            kinds.add("email")
        else:
            notes.append(rng.choice(["a achitat integral", "rata 2 restanta", "", "reprogramat la traseu",
                                     "a picat sala, reia in 2 saptamani"]))
    t.add("observatii", notes, contains=sorted(kinds))


@phi
def t_hu_gyogyfurdo(t: Table, f: Fakes) -> None:
    hu, rng = f["hu_HU"], t.rng
    ps = people(t, hu, 1935, 1990)
    t.add("vendeg_neve", [f"{p[1]} {p[0]}" for p in ps], "person_name")
    t.add("taj_szam", [(lambda n: rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"]))(
        v.hu_taj(rng)) for _ in ps], "medical")
    t.add("szul_datum", [f"{p[3]:%Y.%m.%d.}" for p in ps], "date_of_birth")
    t.add("beutalo_bno", t.each(lambda: rng.choice(["M1700", "M5440", "M1990", "M4786", "M0690", "M7910"])),
          "medical")
    t.add("kezeles", t.each(lambda: rng.choice(["iszappakolás", "súlyfürdő", "víz alatti torna", "szénsavas fürdő",
                                                "tangentor", "gyógymasszázs"])), "medical")
    doctors = [f"Dr. {hu.last_name()} {hu.first_name()}" for _ in range(3)]
    t.add("kezelo_orvos", t.each(lambda: rng.choice(doctors)), "person_name")
    t.add("mobil", dirty(rng, [v.mobile(rng, "HU") for _ in ps], 0.08, ("", "nincs")), "phone")
    t.add("kabin", t.each(lambda: f"K-{rng.randint(1, 40):02d}"))
    t.add("idopont", t.timestamps(datetime(2026, 10, 1, 7), 40), type="timestamp")
    t.add("furdo_telefon", t.each(lambda: rng.choice(["+36 1 466 6166", "+36 1 466 6166", "06 1 3653 206"])),
          note="the spa's switchboard")


def t_gr_ploio_epivates(t: Table, f: Fakes) -> None:
    gr, rng = f["el_GR"], t.rng
    ps = people(t, gr, 1940, 2015)
    t.add("Επώνυμο", [p[1].upper() for p in ps], "person_name")
    t.add("Όνομα", [p[0] for p in ps], "person_name")
    t.add("Ημ. γέννησης", [f"{p[3]:%d/%m/%Y}" for p in ps], "date_of_birth")
    t.add("Αρ. Διαβατηρίου", [rng.choice("ABΑΕ") + rng.choice("ABKΗ") + digits(rng, 7) if rng.random() < 0.7
                              else passport(rng, rng.choice(["DE", "FR", "US"])) for _ in ps], "passport")
    t.add("Εθνικότητα", t.each(lambda: rng.choice(["GRC", "GRC", "GRC", "DEU", "FRA", "USA", "CYP"])))
    t.add("Καμπίνα", t.each(lambda: rng.choice(["", "Κατάστρωμα"]) or f"{rng.randint(2, 9)}{rng.randint(10, 60)}"))
    t.add("Πινακίδα οχήματος", dirty(rng, t.each(lambda: f"{''.join(rng.choice('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ') for _ in range(3))}"
                                                f"-{rng.randint(1000, 9999)}"), 0.5, ("",)))
    t.add("Τηλ. έκτακτης ανάγκης", [v.mobile(rng, "GR") for _ in ps], "phone")
    t.add("Λιμάνι", t.each(lambda: rng.choice(["Πειραιάς", "Ραφήνα", "Λαύριο", "Ηράκλειο"])))
    notes, kinds = [], set()
    for _ in ps:
        if rng.random() < 0.15:
            notes.append(f"συνοδός ΑμεΑ, επικοινωνία {v.mobile(rng, 'GR')}")
            kinds.add("phone")
        else:
            notes.append(rng.choice(["", "", "κατοικίδιο σε κλουβί", "ανήλικος με γονέα", "αλλαγή εισιτηρίου"]))
    t.add("Παρατηρήσεις", notes, contains=sorted(kinds))


def t_ua_vpo_dopomoha(t: Table, f: Fakes) -> None:
    ua, rng = f["uk_UA"], t.rng
    ps = people(t, ua, 1940, 2004)
    t.add("ПІБ", [f"{p[1]} {p[0]} {ua.middle_name_female() if p[2] else ua.middle_name_male()}" for p in ps],
          "person_name")
    t.add("РНОКПП", dirty(rng, [v.ua_rntrc(rng, p[3], p[2]) for p in ps], 0.06, ("", "відмова")), "national_id")
    t.add("телефон", [v.mobile(rng, "UA") for _ in ps], "phone")
    t.add("адреса_проживання", [f"{ua.city()}, вул. {ua.street_name()}, {rng.randint(1, 120)}, кв. "
                                f"{rng.randint(1, 200)}" for _ in ps], "address")
    t.add("IBAN_отримувача", [v.iban_of(rng, "UA") for _ in ps], "iban")
    t.add("кількість_дітей", t.each(lambda: rng.choice([0, 0, 1, 2, 3])))
    t.add("статус_заявки", t.each(lambda: rng.choice(["нова", "на перевірці", "виплачено", "відхилено"])))
    t.add("дата_подання", t.timestamps(datetime(2026, 3, 1), 200), type="timestamp")
    partners = [v.company_id(rng, "UA") for _ in range(4)]
    t.add("ЄДРПОУ_партнера", t.each(lambda: rng.choice(partners)), note="the aid partner's company code")
    notes, kinds = [], set()
    for _ in ps:
        if rng.random() < 0.12:
            notes.append(f"змінено рахунок на {v.iban_of(rng, 'UA', spaced=False)}")
            kinds.add("iban")
        else:
            notes.append(rng.choice(["", "потрібні ліки", "багатодітна сім'я", "документи неповні", "повторно"]))
    t.add("коментар", notes, contains=sorted(kinds))


@phi
def t_il_maabada(t: Table, f: Fakes) -> None:
    he, rng = f["he_IL"], t.rng
    ps = people(t, he, 1940, 2010)
    t.add("שם_מטופל", [f"{p[0]} {p[1]}" for p in ps], "person_name")
    t.add("ת_ז", [v.il_teudat_zehut(rng) for _ in ps], "national_id")
    tests = t.each(lambda: rng.choice(["HbA1c", "CBC-HGB", "TSH", "LDL", "CRP", "Ferritin"]))
    t.add("קוד_בדיקה", tests, "medical")
    ranges = {"HbA1c": (4.5, 11), "CBC-HGB": (8, 17), "TSH": (0.1, 9), "LDL": (50, 220), "CRP": (0.1, 80),
              "Ferritin": (5, 400)}
    t.add("תוצאה", [round(rng.uniform(*ranges[x]), 1) for x in tests], "medical")
    units = {"HbA1c": "%", "CBC-HGB": "g/dL", "TSH": "mIU/L", "LDL": "mg/dL", "CRP": "mg/L", "Ferritin": "ng/mL"}
    t.add("יחידות", [units[x] for x in tests])
    t.add("טלפון_נייד", [v.mobile(rng, "IL") for _ in ps], "phone")
    t.add("מכשיר", t.each(lambda: rng.choice(["COBAS-6000-A1", "SYSMEX-XN-2", "ARCH-i2000"])))
    t.add("זמן_דגימה", t.timestamps(datetime(2026, 11, 1, 6), 30), type="timestamp")
    t.add("הערות_מעבדה", t.each(lambda: rng.choice(["", "", "המוליזה קלה", "לחזור על הבדיקה", "דגימה בצום",
                                                  "נשלח לאישור רופא"])))


def t_th_muay_camp(t: Table, f: Fakes) -> None:
    th, en, rng = f["th_TH"], f["en_US"], t.rng
    local = [rng.random() < 0.5 for _ in range(t.n)]
    t.add("ชื่อ-นามสกุล", [f"{th.first_name()} {th.last_name()}" if x else en.name() for x in local], "person_name")
    t.add("เลขบัตรประชาชน", [v.th_pin(rng) if x else "" for x in local], "national_id")
    t.add("passport_no", [None if x else passport(rng, rng.choice(["US", "GB", "DE", "FR", "AU"])) for x in local],
          "passport")
    t.add("เบอร์โทร", [v.mobile(rng, "TH") for _ in local], "phone")
    t.add("line_id", t.each(lambda: rng.choice(["", "@"]) + en.user_name() + rng.choice(["", "_th", "99"])),
          "username")
    cards = t.each(lambda: card_number(rng))
    t.add("card_on_file", [format_card(rng, c) for c in cards], "credit_card")
    t.add("card_exp", t.each(lambda: card_expiry(rng)), "card_expiry")
    t.add("cvv", t.each(lambda: digits(rng, rng.choice([3, 3, 3, 4]))), "card_security_code")
    t.add("รุ่นน้ำหนัก", t.each(lambda: rng.choice(["มินิฟลาย", "ฟลาย", "แบนตัม", "เฟเธอร์", "ไลท์", "เวลเตอร์"])))
    t.add("ค่าคอร์ส_บาท", t.each(lambda: rng.choice([8500, 12000, 15000, 32000])))
    t.add("ค่าย_โทร", t.each(lambda: rng.choice(["076 383 123", "+66 76 383 123"])), note="the camp's own line")


def t_ph_padala(t: Table, f: Fakes) -> None:
    en, rng = f["en_US"], t.rng
    surnames = ["Dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Mendoza", "Ramos", "Aquino", "Garcia",
                "Pascual", "Macaraeg", "Dimaculangan", "Panganiban", "Soriano", "Tolentino"]
    given = ["Ma. Theresa", "Jun-jun", "Rodel", "Marites", "Jericho", "Lovely", "Arnel", "Rowena", "Bong",
             "Kristine Joy", "Ramil", "Gemma", "Dindo", "Aileen", "Noel"]
    t.add("pangalan_ng_nagpadala", t.each(lambda: f"{rng.choice(given)} {rng.choice(surnames)}"), "person_name")
    t.add("pangalan_ng_tatanggap", t.each(lambda: f"{rng.choice(surnames).upper()}, {rng.choice(given).upper()}"),
          "person_name")
    t.add("cp_tatanggap", t.each(lambda: v.mobile(rng, "PH")), "phone")
    t.add("halaga_php", t.each(lambda: f"{rng.randint(500, 40000):,}.00"))
    t.add("control_no", t.each(lambda: f"{rng.choice(['PLW', 'CBX', 'MLK'])}-{digits(rng, 4)}-{digits(rng, 6)}"),
          note="transaction reference")
    branches = [f"{en.building_number()} Rizal Ave., Brgy. {rng.randint(1, 200)}, {c}"
                for c in ["Caloocan", "Cebu City", "Davao City", "Iloilo City"]]
    t.add("sangay", t.each(lambda: rng.choice(branches)), note="the agent branch's address")
    t.add("uri_ng_id", t.each(lambda: rng.choice(["Passport", "Passport", "DFA Passport"])))
    t.add("numero_ng_id", t.each(lambda: rng.choice("PE") + digits(rng, 7) + rng.choice("ABC")), "passport")
    t.add("petsa", t.timestamps(datetime(2026, 9, 1), 60, fmt="%m/%d/%Y %I:%M %p"))


TABLES_A = [t_ro_scoala_soferi, t_hu_gyogyfurdo, t_gr_ploio_epivates, t_ua_vpo_dopomoha, t_il_maabada,
            t_th_muay_camp, t_ph_padala]
