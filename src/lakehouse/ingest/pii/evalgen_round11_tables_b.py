"""Tables 12-22 of held-out round 11 (evalgen_round11.py): EV charging, ride hailing, a vet, blood donors,
a gym, an industrial catalogue, ISP tickets, a lost-and-found, prescriptions, race results, licences."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from faker import Faker

from lakehouse.ingest.pii import evalgen_round11_values as v
from lakehouse.ingest.pii.evalgen_round11_tables import (
    EN_BLANK,
    ES_BLANK,
    IT_BLANK,
    PL_BLANK,
    VI_BLANK,
    Build,
    person_of,
    phi,
    vn_name,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round11 import Table


def t_ev_charging_sessions(t: Table, fake: dict[str, Faker]) -> None:
    """Charging sessions of a Polish operator; the hotline, charger ids and coordinates are the operator's."""
    chargers = {f"PL*GRN*E{t.rng.randint(1000, 9999)}": (52.1 + t.rng.random() * 0.2, 20.9 + t.rng.random() * 0.2)
                for _ in range(5)}
    rows = []
    for _ in range(t.n):
        loc = t.rng.choice(["pl", "pl", "pl", "cs", "de"])
        first, last, _ = person_of(fake[loc], t)
        plate = {"pl": f"W{t.rng.choice('AXYZ')} {t.rng.randint(10000, 99999)}",
                 "cs": f"{t.rng.randint(1, 9)}A{t.rng.choice('BCEH')} {t.rng.randint(1000, 9999)}",
                 "de": f"B-{t.rng.choice(['KT', 'MX', 'AB'])} {t.rng.randint(100, 9999)}"}[loc]
        rows.append((first, last, plate, "CZ" if loc == "cs" else "PL"))
    picked = [t.rng.choice(sorted(chargers)) for _ in rows]
    t.add("SESSION_ID", t.uuids())
    t.add("CHARGER_ID", picked)
    t.add("CHARGER_LAT", [round(chargers[c][0], 6) for c in picked])
    t.add("CHARGER_LON", [round(chargers[c][1], 6) for c in picked])
    t.add("START_TS", t.timestamps(datetime(2026, 10, 1), 60), type="timestamp")
    t.add("DRIVER_NAME", v.dirty(t.rng, [f"{f} {la}" for f, la, _, _ in rows], 0.05, EN_BLANK), "person_name")
    t.add("DRIVER_EMAIL", [v.email_for(t.rng, f, la, ("gmail.com", "wp.pl", "onet.pl", "seznam.cz"))
                           for f, la, _, _ in rows], "email")
    t.add("DRIVER_PHONE", v.dirty(t.rng, [v.phone(t.rng, c) for _, _, _, c in rows], 0.1, EN_BLANK), "phone")
    t.add("VEHICLE_PLATE", [p for _, _, p, _ in rows], note="a private car's plate: no category for it in docs/pii.md")
    t.add("OPERATOR_HOTLINE", [t.rng.choice(["+48 22 100 20 30", "801 100 200", "+48 801 100 200"]) for _ in rows])
    t.add("PAYMENT_CARD_LAST4", [v.digits(t.rng, 4) for _ in rows])


def t_ride_hailing_trips(t: Table, fake: dict[str, Faker]) -> None:
    """Trips of a ride-hailing app in Madrid and Lisbon; pickup coordinates are geolocation (not PII here)."""
    en = fake["en"]
    es = fake["es"]
    rows = [(es.first_name(), es.last_name()) for _ in range(t.n)]
    t.add("TripId", [f"trp_{t.rng.getrandbits(48):012x}" for _ in rows])
    t.add("RiderHandle", [t.rng.choice([f"@{v.ascii_fold(f).lower()}_{v.ascii_fold(la).lower()[:3]}",
                                        f"{v.ascii_fold(f).lower()}{t.rng.randint(1, 999)}", en.user_name(),
                                        f"{v.ascii_fold(la)}{v.ascii_fold(f)[0]}"]) for f, la in rows], "username")
    t.add("RiderEmail", [v.email_for(t.rng, f, la, ("gmail.com", "icloud.com", "hotmail.com")) for f, la in rows],
          "email")
    t.add("RiderPhone", [f"+34{t.rng.choice('67')}{v.digits(t.rng, 8)}" for _ in rows], "phone")
    t.add("DeviceId", [str(u).upper() if t.rng.random() < 0.5 else f"{t.rng.getrandbits(64):016x}" for u in t.uuids()],
          note="advertising / device id: no category for it in docs/pii.md")
    t.add("ClientIp", [en.ipv4_public() if t.rng.random() < 0.7 else en.ipv6() for _ in rows], "ip_address")
    t.add("PickupLat", [round(40.38 + t.rng.random() * 0.1, 6) for _ in rows])
    t.add("PickupLon", [round(-3.75 + t.rng.random() * 0.1, 6) for _ in rows])
    t.add("RequestedAt", t.timestamps(datetime(2026, 9, 1), 30), type="timestamp")


def t_ambulatorio_veterinario(t: Table, fake: dict[str, Faker]) -> None:
    """Visits at a vet clinic in Bologna: the diagnoses are the pets', the names and phones the owners'."""
    it = fake["it"]
    t.add("nome_animale", [t.rng.choice(["Fido", "Luna", "Birba", "Milo", "Nala", "Rocky", "Briciola", "Oliver"])
                           for _ in range(t.n)])
    t.add("specie", [t.rng.choice(["cane", "gatto", "Cane", "coniglio", "gatto europeo"]) for _ in range(t.n)])
    t.add("microchip", [f"380260{v.digits(t.rng, 9)}" for _ in range(t.n)], note="the pet's transponder id")
    t.add("diagnosi", [t.rng.choice(["otite esterna", "gastroenterite", "dermatite atopica", "vaccinazione annuale",
                                     "frattura radio", "filariosi", "leishmaniosi", "controllo"]) for _ in range(t.n)],
          note="animal health, not a person's")
    t.add("farmaco", [t.rng.choice(["Amoxicillina 250 mg", "Meloxicam 1,5 mg/ml", "Prednisolone 5 mg",
                                    "Apoquel 16 mg", "-"]) for _ in range(t.n)])
    people = [person_of(it, t) for _ in range(t.n)]
    t.add("proprietario", [f"{f} {la}" for f, la, _ in people], "person_name")
    t.add("tel_proprietario", v.dirty(t.rng, [v.phone(t.rng, "IT") for _ in people], 0.05, IT_BLANK), "phone")
    t.add("email_proprietario", v.dirty(t.rng, [v.email_for(t.rng, f, la, ("libero.it", "gmail.com", "virgilio.it"))
                                                for f, la, _ in people], 0.2, IT_BLANK), "email")
    t.add("indirizzo", [f"{it.street_address()}, 401{t.rng.randint(21, 41)} Bologna BO" for _ in people], "address")


@phi
def t_donantes_sangre(t: Table, fake: dict[str, Faker]) -> None:
    """A blood-donation drive in Zaragoza; the date of birth comes in three columns."""
    es = fake["es"]
    born = [v.birth_date(t.rng, 1958, 2007) for _ in range(t.n)]
    people = [(es.first_name(), f"{es.last_name()} {es.last_name()}") for _ in range(t.n)]
    t.add("nombre_completo", [f"{f} {la}" if t.rng.random() < 0.8 else f"{la.upper()}, {f}" for f, la in people],
          "person_name")
    t.add("nif", v.dirty(t.rng, [v.es_dni_or_nie(t.rng, 0.1) for _ in people], 0.04, ES_BLANK), "national_id")
    t.add("fnac_dia", [b.day for b in born], "date_of_birth_part")
    t.add("fnac_mes", [t.rng.choice([str(b.month), f"{b.month:02d}"]) for b in born], "date_of_birth_part")
    t.add("fnac_anio", [b.year for b in born], "date_of_birth_part")
    t.add("grupo_sanguineo", v.dirty(t.rng, [t.rng.choice(["A+", "0+", "O Rh+", "B negativo", "AB+", "A Rh-", "0-"])
                                             for _ in people], 0.06, ES_BLANK), "medical")
    t.add("hemoglobina_g_dl", [f"{t.rng.uniform(12.0, 17.5):.1f}".replace(".", ",") for _ in people], "medical")
    t.add("punto_extraccion", [t.rng.choice(["Unidad móvil - Plaza del Pilar", "Hospital Miguel Servet, Planta 0",
                                             "C/ Ramón Salanova 1, 50017 Zaragoza"]) for _ in people])
    t.add("fecha_donacion", [d[:10] if d else None for d in t.timestamps(datetime(2026, 5, 4), 5)], type="date")
    t.add("email", v.dirty(t.rng, [v.email_for(t.rng, f, la.split()[0], ("gmail.com", "hotmail.com", "yahoo.es"))
                                   for f, la in people], 0.15, ES_BLANK), "email")


def t_karnety_silownia(t: Table, fake: dict[str, Faker]) -> None:
    """Gym passes in Poznań; employer-paid ones carry the employer's NIP (a company's number)."""
    pl = fake["pl"]
    people = [person_of(pl, t) for _ in range(t.n)]
    t.add("imie", [f for f, _, _ in people], "person_name")
    t.add("nazwisko", [la for _, la, _ in people], "person_name")
    t.add("ulica", [t.rng.choice(["ul. ", "", "Ul. ", "os. "]) + pl.street_name() for _ in people], "address_part")
    t.add("nr_domu", [f"{t.rng.randint(1, 120)}{t.rng.choice(['', '', '', 'a', 'B'])}" for _ in people],
          "address_part")
    t.add("nr_lokalu", v.dirty(t.rng, [str(t.rng.randint(1, 80)) for _ in people], 0.35, PL_BLANK), "address_part")
    t.add("kod_pocztowy", [t.rng.choice([f"60-{t.rng.randint(100, 999)}", f"61-{t.rng.randint(100, 999)}",
                                         f"62{t.rng.randint(100, 999)}"]) for _ in people], "postal_code")
    t.add("miejscowosc", [t.rng.choice(["Poznań", "Poznan", "POZNAŃ", "Swarzędz", "Luboń", "Komorniki"])
                          for _ in people], "address_part")
    t.add("nr_karty", v.dirty(t.rng, [v.format_card(t.rng, v.card_number(t.rng)) for _ in people], 0.1, PL_BLANK),
          "credit_card")
    t.add("data_waznosci_karty", v.dirty(t.rng, [v.card_expiry(t.rng) for _ in people], 0.1, PL_BLANK),
          "card_expiry")
    t.add("typ_karnetu", [t.rng.choice(["OPEN", "Poranny", "Student", "MultiSport", "OPEN 12 mies."]) for _ in people])
    nips = [v.pl_nip(t.rng) for _ in range(4)]
    t.add("nip_firmy", [t.rng.choice(["", "", nips[0], f"{nips[1][:3]}-{nips[1][3:6]}-{nips[1][6:8]}-{nips[1][8:]}",
                                      f"PL{nips[2]}", nips[3]]) for _ in people])
    t.add("data_urodzenia", [v.birth_date(t.rng, 1960, 2008).isoformat() if t.rng.random() < 0.95 else None
                             for _ in people], "date_of_birth", type="date")


def t_prod_cat(t: Table, fake: dict[str, Faker]) -> None:
    """An industrial supplier's catalogue: every phone, address, IBAN and VAT number is a company's."""
    suppliers = [("SKF Polska S.A.", "+48 22 549 24 00", "ul. Postępu 18, 02-676 Warszawa", "PL"),
                 ("Łożyska Kraśnik Sp. z o.o.", "81 825 23 00", "ul. Fabryczna 6, 23-204 Kraśnik", "PL"),
                 ("Schaeffler CZ s.r.o.", "+420 257 292 111", "Průběžná 74a, 100 00 Praha 10", "CZ"),
                 ("NKE Austria GmbH", "+43 7252 86667", "Im Stadtgut C4, 4407 Steyr", "DE")]
    parts = [("BRG-6204-2RS", "Deep groove ball bearing 20x47x14, 2RS seals"), ("BRG-6305-ZZ", "Ball bearing 25x62x17"),
             ("SEAL-35x52x7", "Radial shaft seal NBR 35x52x7"), ("BLT-M12x40-8.8", "Hex bolt M12x40 8.8 zinc"),
             ("CHN-08B-1", "Roller chain 08B-1, 5 m"), ("GRS-LGMT2-1", "Grease LGMT 2, 1 kg can")]
    accounts = {s[0]: v.make_iban(t.rng, s[3]) for s in suppliers}
    vats = {s[0]: ("PL" + v.pl_nip(t.rng)) if s[3] == "PL" else f"{s[3]}{v.digits(t.rng, 9)}" for s in suppliers}
    picked = [t.rng.choice(suppliers) for _ in range(t.n)]
    items = [t.rng.choice(parts) for _ in range(t.n)]
    t.add("sku", [f"{i[0]}-{t.rng.randint(1, 9)}" for i in items])
    t.add("ean13", [v.ean13(t.rng, "590") for _ in items])
    t.add("desc", [i[1] for i in items])
    t.add("supplier", [s[0] for s in picked])
    t.add("supp_tel", [s[1] for s in picked])
    t.add("supp_addr", [s[2] for s in picked])
    t.add("supp_iban", [v.spaced_iban(t.rng, accounts[s[0]]) for s in picked], note="a company's account")
    t.add("supp_vat", [vats[s[0]] for s in picked])
    t.add("unit_price", [round(t.rng.uniform(0.4, 180), 2) for _ in items])


def t_ticket_assistenza(t: Table, fake: dict[str, Faker]) -> None:
    """Support tickets of an Italian internet provider; personal data only inside the prose."""
    it = fake["it"]
    described, noted = [], []
    for _ in range(t.n):
        first, last, _ = person_of(it, t)
        mail = v.email_for(t.rng, first, last, ("libero.it", "gmail.com", "tiscali.it"))
        tel = v.phone(t.rng, "IT")
        described.append(t.rng.choice([
            f"Cliente segnala linea lenta dalle 20:00, chiede di essere richiamato al {tel}.",
            f"Richiesta cambio piano tariffario, inviare il nuovo contratto a {mail}.",
            f"Modem spento dopo il temporale. Recapito alternativo {tel}, oppure mail {mail}.",
            "Disservizio ripetuto, il cliente chiede un tecnico in mattinata.",
            "Fattura di marzo contestata: importo 49,90 € invece di 29,90 €.",
            f"Non riceve le fatture via mail, indirizzo corretto: {mail}"]))
        account = v.spaced_iban(t.rng, v.make_iban(t.rng, "IT"))
        card = v.format_card(t.rng, v.card_number(t.rng))
        noted.append(t.rng.choice([
            f"Rimborso di 29,90 € da accreditare su IBAN {account}.",
            f"Addebito respinto sulla carta {card}, riprovare il 5 del mese.",
            f"Cambio metodo di pagamento: da carta {card} a domiciliazione su {account}.",
            "Nessuna azione amministrativa.", "Verificato pagamento, nessun insoluto.", ""]))
    t.add("ticket_id", [f"TCK-{2026_0000 + i * 3}" for i in range(t.n)])
    t.add("aperto_il", t.timestamps(datetime(2026, 3, 1), 40), type="timestamp")
    t.add("categoria", [t.rng.choice(["Tecnico", "Amministrativo", "Commerciale"]) for _ in range(t.n)])
    t.add("descrizione", described, contains=["email", "phone"])
    t.add("nota_interna", noted, contains=["credit_card", "iban"])
    t.add("risoluzione", [t.rng.choice([
        f"Sostituito modem FRITZ!Box 7530, linea ripristinata. Guasto TT-{t.rng.randint(80000, 99999)}.",
        f"Reset porta DSLAM MI-{t.rng.randint(100, 999)}, profilo 100/20 attivo.",
        "Escalation al secondo livello: centrale operativa 800 123 456, turno notturno.",
        "Chiuso su richiesta del cliente.", "In attesa di sopralluogo.", ""]) for _ in range(t.n)])


def t_objetos_perdidos(t: Table, fake: dict[str, Faker]) -> None:
    """Lost-and-found desk of Madrid airport: documents found in wallets are quoted in the description."""
    es = fake["es"]
    texts, claim_mail, claim_tel = [], [], []
    for _ in range(t.n):
        doc, nie = v.es_dni_or_nie(t.rng), v.es_dni_or_nie(t.rng, 1.0)
        tel = v.phone(t.rng, "ES")
        texts.append(t.rng.choice([
            f"Cartera negra con DNI {doc} y dos tarjetas de fidelización.",
            f"Mochila azul con portátil; el propietario llamó desde el {tel}.",
            "Paraguas plegable sin identificación.",
            f"Funda de móvil con documento NIE {nie} dentro, entregada por seguridad.",
            "Chaqueta de cuero talla M, encontrada en la puerta J52.",
            f"Maleta de cabina gris. Contactar al {tel} antes de las 22:00."]))
        first, last = es.first_name(), es.last_name()
        claim_mail.append(v.email_for(t.rng, first, last, ("gmail.com", "hotmail.com", "outlook.es")))
        claim_tel.append(v.phone(t.rng, "ES"))
    t.add("descripcion", texts, contains=["national_id", "phone"])
    t.add("lugar", [t.rng.choice(["T4, puerta J52", "T4S satélite", "T1 cinta 7", "Control de seguridad T2"])
                    for _ in range(t.n)])
    t.add("fecha_hallazgo", t.timestamps(datetime(2026, 6, 1), 45), type="timestamp")
    t.add("contacto_reclamante", v.dirty(t.rng, claim_mail, 0.4, ES_BLANK), "email")
    t.add("telefono_reclamante", v.dirty(t.rng, claim_tel, 0.4, ES_BLANK), "phone")


@phi
def t_don_thuoc(t: Table, fake: dict[str, Faker]) -> None:
    """Prescriptions of a Da Nang clinic: patient and doctor names in a health table."""
    dx = [("Viêm họng cấp", "J02.9"), ("Tăng huyết áp vô căn", "I10"), ("Đái tháo đường typ 2", "E11.9"),
          ("Viêm dạ dày", "K29.7"), ("Viêm phế quản cấp", "J20.9"), ("Rối loạn lipid máu", "E78.5"),
          ("Đau lưng", "M54.5"), ("Viêm kết mạc", "H10.9"), ("Sốt xuất huyết Dengue", "A97.0")]
    drugs = ["Amoxicillin 500mg x 20 viên", "Paracetamol 500mg x 10 viên", "Amlodipin 5mg x 30 viên",
             "Metformin 850mg x 60 viên", "Omeprazol 20mg x 14 viên", "Atorvastatin 10mg x 30 viên"]
    doctors = [f"BS. {vn_name(t)}" for _ in range(4)]
    picked = [t.rng.choice(dx) for _ in range(t.n)]
    t.add("ten_benh_nhan", [vn_name(t) for _ in range(t.n)], "person_name")
    t.add("nam_sinh", [t.rng.randint(1940, 2020) for _ in range(t.n)])
    t.add("so_bhyt", v.dirty(t.rng, [f"{t.rng.choice(['DN', 'HT', 'GD', 'TE', 'CN'])}{t.rng.randint(1, 5)}48"
                                     f"{v.digits(t.rng, 10)}" for _ in range(t.n)], 0.15, VI_BLANK), "medical")
    t.add("chan_doan", [p[0] for p in picked], "medical")
    t.add("ma_icd", [p[1] for p in picked], "medical")
    t.add("thuoc", [t.rng.choice(drugs) for _ in range(t.n)], "medical")
    t.add("sdt", v.dirty(t.rng, [v.phone(t.rng, "VN") for _ in range(t.n)], 0.1, VI_BLANK), "phone")
    t.add("bac_si", [t.rng.choice(doctors) for _ in range(t.n)], "person_name")
    t.add("ngay_ke_don", [d[:10] if d else None for d in t.timestamps(datetime(2026, 8, 1), 30)], type="date")
    t.add("nha_thuoc_dia_chi", [t.rng.choice(["Nhà thuốc An Khang, 120 Nguyễn Văn Linh, Đà Nẵng",
                                              "Quầy thuốc phòng khám, tầng 1"]) for _ in range(t.n)])


def t_race_results(t: Table, fake: dict[str, Faker]) -> None:
    """Results of a half marathon: only the runner's name is personal (a birth year alone is not)."""
    rows = []
    for _ in range(t.n):
        first, last, female = person_of(fake[t.rng.choice(["pl", "pl", "cs", "de"])], t)
        rows.append((first, last, female, t.rng.randint(1950, 2006)))
    t.add("bib", [t.rng.randint(1, 9999) for _ in rows])
    t.add("chip_id", [f"{t.rng.getrandbits(16):04X}-{t.rng.randint(0, 9999):04d}" for _ in rows])
    t.add("Name", [f"{la.upper()} {f}" for f, la, _, _ in rows], "person_name")
    t.add("YOB", [r[3] for r in rows])
    t.add("cat", [f"{'K' if r[2] else 'M'}{max(20, (2026 - r[3]) // 10 * 10)}" for r in rows])
    t.add("club", [t.rng.choice(["KB Maniac Poznań", "AZS AWF", "-", "Running Team Brno", "niezrzeszony", ""])
                   for _ in rows])
    t.add("gun_time", [f"{t.rng.randint(1, 2):02d}:{t.rng.randint(0, 59):02d}:{t.rng.randint(0, 59):02d}"
                       for _ in rows])


def t_hunt_fish_lic(t: Table, fake: dict[str, Faker]) -> None:
    """Hunting and fishing licence applications of a US state agency."""
    en = fake["en"]
    answers = ["Buddy", "Maplewood Elementary", "chevy nova", "Smith", "Grandma Rose", "Detroit", "Max", "blue"]
    rows = []
    for _ in range(t.n):
        street, city, state, zipc = en.street_address(), en.city(), en.state_abbr(), en.zipcode()
        rows.append((en.first_name(), en.last_name(), street, city, state, zipc, v.birth_date(t.rng, 1945, 2008)))
    t.add("applicant_full_nm", [f"{la}, {f}" if t.rng.random() < 0.4 else f"{f} {la}" for f, la, *_ in rows],
          "person_name")
    ssns = [v.us_ssn(t.rng) for _ in rows]
    t.add("ssn", v.dirty(t.rng, [f"{s[:3]}-{s[3:5]}-{s[5:]}" if t.rng.random() < 0.8 else s for s in ssns], 0.05,
                         EN_BLANK), "ssn")
    licences = []
    for _ in rows:
        florida = f"S530-{v.digits(t.rng, 3)}-{v.digits(t.rng, 2)}-{v.digits(t.rng, 3)}-0"
        licences.append(t.rng.choice([f"{t.rng.choice('ABDFGS')}{v.digits(t.rng, 7)}", florida, v.digits(t.rng, 9)]))
    t.add("dl_num", v.dirty(t.rng, licences, 0.08, EN_BLANK), "driver_license")
    t.add("dob", [r[6].strftime("%m/%d/%Y") for r in rows], "date_of_birth")
    t.add("mailing_addr", [f"{r[2]}, {r[3]}, {r[4]} {r[5]}" for r in rows], "address")
    t.add("zip", [r[5] if t.rng.random() < 0.8 else f"{r[5]}-{v.digits(t.rng, 4)}" for r in rows], "postal_code")
    t.add("sec_answer", [t.rng.choice(answers) for _ in rows], "security_answer")
    t.add("ph", v.dirty(t.rng, [v.phone(t.rng, "US") for _ in rows], 0.05, EN_BLANK), "phone")
    t.add("lic_type", [t.rng.choice(["Annual Fishing - Resident", "Small Game", "Deer Archery", "Combo Hunt/Fish"])
                       for _ in rows])
    t.add("lic_no", [f"2026-{t.rng.choice(['FSH', 'HNT'])}-{t.rng.randint(1, 999999):06d}" for _ in rows])
    t.add("issued_ts", t.timestamps(datetime(2026, 3, 1), 200), type="timestamp")


TABLES_B: list[Build] = [t_ev_charging_sessions, t_ride_hailing_trips, t_ambulatorio_veterinario, t_donantes_sangre,
                         t_karnety_silownia, t_prod_cat, t_ticket_assistenza, t_objetos_perdidos, t_don_thuoc,
                         t_race_results, t_hunt_fish_lic]
