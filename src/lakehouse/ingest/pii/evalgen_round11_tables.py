"""Tables 1-11 of held-out round 11 (evalgen_round11.py): Polish, Czech, Italian, Spanish, Japanese,
Korean, Vietnamese, Hinglish and Arabic headers, a weather-station log and a headerless export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from faker import Faker

from lakehouse.ingest.pii import evalgen_round11_values as v

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round11 import Table

Build = Callable[["Table", dict[str, Faker]], None]

PL_BLANK = ("", None, "brak", "-", "b.d.")
CS_BLANK = ("", None, "neuvedeno", "-")
IT_BLANK = ("", None, "n.d.", "N/A", "-")
ES_BLANK = ("", None, "N/A", "s/d", "-")
JA_BLANK = ("", None, "なし", "-")
KO_BLANK = ("", None, "없음", "-")
VI_BLANK = ("", None, "không có", "-")
HI_BLANK = ("", None, "NA", "-")
AR_BLANK = ("", None, "لا يوجد", "N/A")
EN_BLANK = ("", None, "N/A", "n/a", "unknown")


def phi(build: Build) -> Build:
    build.phi = True  # type: ignore[attr-defined]
    return build


def person_of(fake: Faker, t: Table) -> tuple[str, str, bool]:
    female = t.rng.random() < 0.5
    first = fake.first_name_female() if female else fake.first_name_male()
    last = fake.last_name_female() if female and hasattr(fake, "last_name_female") else fake.last_name()
    return first, last, female


def _date_text(t: Table, d: date, forms: list[str]) -> str:
    form = t.rng.choice(forms)
    return form.format(d=d.day, m=d.month, y=d.year, dd=f"{d.day:02d}", mm=f"{d.month:02d}")


@phi
def t_gopr_zdarzenia(t: Table, fake: dict[str, Faker]) -> None:
    """Mountain rescue call-outs in the Tatras; injuries make it a health table."""
    injuries = [("złamanie podudzia", "S82.2"), ("skręcenie stawu skokowego", "S93.4"), ("hipotermia", "T68"),
                ("wstrząśnienie mózgu", "S06.0"), ("odwodnienie", "E86"), ("zwichnięcie barku", "S43.0"),
                ("ukąszenie żmii", "T63.0"), ("zawał serca", "I21.9"), ("rana cięta przedramienia", "S51.8"),
                ("choroba wysokościowa", "T70.2"), ("złamanie nadgarstka", "S62.5"), ("omdlenie", "R55")]
    trails = ["czerwony: Kuźnice - Kasprowy", "niebieski: Morskie Oko - Rysy", "Orla Perć", "żółty: Hala Gąsienicowa",
              "zielony: Dolina Kościeliska", "czarny: Zawrat", "Giewont - łańcuchy"]
    huts = ["+48 18 207 76 09", "18 20 143 52", "+48 18 207 74 37"]
    people = [person_of(fake["pl"], t) for _ in range(t.n)]
    born = [v.birth_date(t.rng, 1945, 2012) for _ in range(t.n)]
    hurt = [t.rng.choice(injuries) for _ in range(t.n)]
    t.add("nr_zgloszenia", [f"GOPR/2026/{i + 101:04d}" for i in range(t.n)])
    t.add("data_zdarzenia", t.timestamps(datetime(2026, 1, 2, 6), 300), type="timestamp")
    t.add("imie_nazwisko", v.dirty(t.rng, [f"{f} {la}" if t.rng.random() < 0.8 else f"{la.upper()} {f}"
                                           for f, la, _ in people], 0.06, PL_BLANK), "person_name")
    t.add("pesel", v.dirty(t.rng, [v.pl_pesel(t.rng, b, p[2]) for b, p in zip(born, people, strict=True)],
                           0.15, PL_BLANK), "national_id")
    t.add("data_urodzenia", v.dirty(t.rng, [_date_text(t, b, ["{dd}.{mm}.{y}", "{y}-{mm}-{dd}", "{d}.{m}.{y}"])
                                            for b in born], 0.1, PL_BLANK), "date_of_birth")
    t.add("tel_kontaktowy", v.dirty(t.rng, [v.phone(t.rng, "PL") for _ in range(t.n)], 0.1, PL_BLANK), "phone")
    t.add("rodzaj_urazu", [h[0] if t.rng.random() < 0.85 else h[0].capitalize() for h in hurt], "medical")
    t.add("icd10", v.dirty(t.rng, [h[1] for h in hurt], 0.08, PL_BLANK), "medical")
    t.add("szlak", [t.rng.choice(trails) for _ in range(t.n)])
    t.add("wsp_gps", [f"{49.2 + t.rng.random() * 0.1:.4f}, {19.9 + t.rng.random() * 0.2:.4f}" for _ in range(t.n)])
    t.add("schronisko_tel", [t.rng.choice(huts) for _ in range(t.n)])


def t_ctenari_knihovna(t: Table, fake: dict[str, Faker]) -> None:
    """Reader registrations of a Prague branch library, address split over columns."""
    cz = fake["cs"]
    questions = ["Jméno prvního mazlíčka?", "Rodné příjmení matky?", "Oblíbená kniha?", "Město narození otce?"]
    answers = ["Micka", "Azor", "Nováková", "Babička", "Dvořáková", "Rex", "Olomouc", "Malý princ", "Brno", "Bobík"]
    people = [person_of(cz, t) for _ in range(t.n)]
    born = [v.birth_date(t.rng, 1954, 2008) for _ in range(t.n)]
    rcs = [v.cz_rodne_cislo(t.rng, b, p[2]) for b, p in zip(born, people, strict=True)]
    t.add("jmeno", [p[0] for p in people], "person_name")
    t.add("prijmeni", v.dirty(t.rng, [p[1] for p in people], 0.03, CS_BLANK), "person_name")
    t.add("rodne_cislo", v.dirty(t.rng, [f"{r[:6]}/{r[6:]}" if t.rng.random() < 0.75 else r for r in rcs],
                                 0.1, CS_BLANK), "national_id")
    t.add("datum_narozeni", v.dirty(t.rng, [_date_text(t, b, ["{d}.{m}.{y}", "{dd}.{mm}.{y}", "{d}. {m}. {y}",
                                                                "{y}-{mm}-{dd}"]) for b in born], 0.08, CS_BLANK),
          "date_of_birth")
    t.add("ulice", [f"{cz.street_name()} {t.rng.randint(1, 150)}" + (f"/{t.rng.randint(1, 30)}" if t.rng.random() < 0.3
                                                                     else "") for _ in range(t.n)], "address_part")
    t.add("psc", v.dirty(t.rng, [p if t.rng.random() < 0.7 else p.replace(" ", "")
                                 for p in (cz.postcode() for _ in range(t.n))], 0.05, CS_BLANK), "postal_code")
    t.add("obec", [t.rng.choice(["Praha 5", "Praha 5 - Smíchov", "Praha", "Černošice", "Řevnice", "Praha 13"])
                   for _ in range(t.n)], "address_part")
    t.add("email", v.dirty(t.rng, [v.email_for(t.rng, f, la, ("seznam.cz", "email.cz", "gmail.com", "centrum.cz"))
                                   for f, la, _ in people], 0.12, CS_BLANK), "email")
    asked = [t.rng.choice(questions) for _ in range(t.n)]
    t.add("kontrolni_otazka", asked)
    t.add("odpoved", [t.rng.choice(answers) if t.rng.random() < 0.9 else t.rng.choice(answers).lower()
                      for _ in range(t.n)], "security_answer")
    t.add("pobocka", [t.rng.choice(["MKP Smíchov", "MKP Lužiny", "MKP Stodůlky", "Ústřední knihovna"])
                      for _ in range(t.n)])
    t.add("registrovan", t.timestamps(datetime(2019, 1, 1), 2500), type="timestamp")


def t_conferimenti_uve(t: Table, fake: dict[str, Faker]) -> None:
    """Grape deliveries of co-operative members; the winery's own VAT number and phone repeat."""
    it = fake["it"]
    people = [person_of(it, t) for _ in range(t.n)]
    born = [v.birth_date(t.rng, 1940, 1995) for _ in range(t.n)]
    t.add("socio", [f"{la.upper()} {f.upper()}" if t.rng.random() < 0.7 else f"{la} {f}" for f, la, _ in people],
          "person_name")
    t.add("cod_fiscale", v.dirty(t.rng, [v.it_codice_fiscale(t.rng, f, la, b, fe) if t.rng.random() < 0.9 else
                                         v.it_codice_fiscale(t.rng, f, la, b, fe).lower()
                                         for (f, la, fe), b in zip(people, born, strict=True)], 0.05, IT_BLANK),
          "national_id")
    towns = ["Montalcino", "Castelnuovo Berardenga", "Gaiole in Chianti", "Radda in Chianti"]
    t.add("indirizzo_socio", v.dirty(t.rng, [f"{it.street_address()}, {it.postcode()} {t.rng.choice(towns)} (SI)"
                                             for _ in range(t.n)], 0.05, IT_BLANK), "address")
    t.add("cell", v.dirty(t.rng, [v.phone(t.rng, "IT") for _ in range(t.n)], 0.1, IT_BLANK), "phone")
    t.add("iban_socio", v.dirty(t.rng, [v.spaced_iban(t.rng, v.make_iban(t.rng, "IT")) for _ in range(t.n)],
                                0.08, IT_BLANK), "iban")
    t.add("varieta", [t.rng.choice(["Sangiovese", "Sangiovese Grosso", "Canaiolo", "Colorino", "Malvasia bianca",
                                    "Trebbiano"]) for _ in range(t.n)])
    t.add("q_kg", [round(t.rng.uniform(300, 9000), 1) for _ in range(t.n)])
    winery_vat = v.it_partita_iva(t.rng)
    t.add("cantina_piva", [t.rng.choice([winery_vat, f"IT{winery_vat}", f"IT {winery_vat}"]) for _ in range(t.n)])
    t.add("cantina_tel", [t.rng.choice(["0577 848 261", "+39 0577 848261", "0577/848261"]) for _ in range(t.n)])


def t_reservas_padel(t: Table, fake: dict[str, Faker]) -> None:
    """Court bookings of a padel club in Valencia paid by card at booking."""
    es = fake["es"]
    first = [es.first_name() for _ in range(t.n)]
    last = [f"{es.last_name()} {es.last_name()}" for _ in range(t.n)]
    t.add("id_reserva", [f"R{260000 + i * 7}" for i in range(t.n)])
    t.add("fecha_hora", [s.replace("T", " ")[:16] if s else s for s in t.timestamps(datetime(2026, 2, 1, 8), 60)])
    t.add("nombre_socio", [f if t.rng.random() < 0.9 else f.upper() for f in first], "person_name")
    t.add("apellidos", v.dirty(t.rng, last, 0.04, ES_BLANK), "person_name")
    ids = [v.es_dni_or_nie(t.rng, 0.25) for _ in range(t.n)]
    t.add("dni_nie", v.dirty(t.rng, [i if t.rng.random() < 0.6 else f"{i[:-1]}-{i[-1]}" if t.rng.random() < 0.5
                                     else i.lower() for i in ids], 0.06, ES_BLANK), "national_id")
    t.add("movil", v.dirty(t.rng, [v.phone(t.rng, "ES") for _ in range(t.n)], 0.05, ES_BLANK), "phone")
    t.add("correo", v.dirty(t.rng, [v.email_for(t.rng, f, la.split()[0], ("gmail.com", "hotmail.es", "yahoo.es",
                                                                          "telefonica.net"))
                                    for f, la in zip(first, last, strict=True)], 0.08, ES_BLANK), "email")
    t.add("tarjeta", v.dirty(t.rng, [v.format_card(t.rng, v.card_number(t.rng)) for _ in range(t.n)], 0.05,
                             ES_BLANK), "credit_card")
    t.add("caducidad", v.dirty(t.rng, [v.card_expiry(t.rng) for _ in range(t.n)], 0.05, ES_BLANK), "card_expiry")
    t.add("cvv", v.dirty(t.rng, [v.digits(t.rng, 3) for _ in range(t.n)], 0.1, ES_BLANK), "card_security_code")
    t.add("importe_eur", [t.rng.choice(["24,00", "32,00", "16,50", "40,00"]) for _ in range(t.n)])


def _wareki(d: date) -> str:
    if d >= date(2019, 5, 1):
        return f"令和{d.year - 2018}年{d.month}月{d.day}日"
    if d >= date(1989, 1, 8):
        return f"平成{d.year - 1988}年{d.month}月{d.day}日"
    return f"昭和{d.year - 1925}年{d.month}月{d.day}日"


def t_shukuhaku_meibo(t: Table, fake: dict[str, Faker]) -> None:
    """Guest register of a Hakone ryokan: passports only for guests from abroad, as the law asks."""
    ja, en = fake["ja"], fake["en"]
    rows: list[dict[str, Any]] = []
    for _ in range(t.n):
        born = v.birth_date(t.rng, 1945, 2006)
        if t.rng.random() < 0.3:
            first, last = en.first_name(), en.last_name()
            rows.append({"name": f"{first} {last}".upper() if t.rng.random() < 0.5 else f"{first} {last}",
                         "kana": "", "born": born.isoformat(),
                         "country": t.rng.choice(["USA", "アメリカ", "英国", "GB"]),
                         "addr": f"{en.street_address()}, {en.city()}, {en.state_abbr()}", "zip": "",
                         "phone": v.phone(t.rng, "US"), "passport": v.passport(t.rng, t.rng.choice(["US", "GB"]))})
            continue
        (lk, lkana, _), (fk, fkana, _) = ja.last_name_pair(), ja.first_name_pair()
        zipc = ja.zipcode()
        rows.append({"name": f"{lk} {fk}" if t.rng.random() < 0.7 else f"{lk}{fk}", "kana": f"{lkana} {fkana}",
                     "born": _wareki(born) if t.rng.random() < 0.6 else born.strftime("%Y/%m/%d"),
                     "country": t.rng.choice(["日本", "日本", "JPN"]),
                     "addr": f"{ja.prefecture()}{ja.city()}{ja.town()}{ja.chome()}{ja.ban()}{ja.gou()}",
                     "zip": f"〒{zipc}" if t.rng.random() < 0.5 else zipc, "phone": v.phone(t.rng, "JP"),
                     "passport": ""})
    t.add("shimei", [r["name"] for r in rows], "person_name")
    t.add("furigana", [r["kana"] for r in rows], "person_name")
    t.add("seinengappi", v.dirty(t.rng, [r["born"] for r in rows], 0.05, JA_BLANK), "date_of_birth")
    t.add("jusho", [r["addr"] for r in rows], "address")
    t.add("yubin_bango", [r["zip"] for r in rows], "postal_code")
    t.add("denwa", v.dirty(t.rng, [r["phone"] for r in rows], 0.05, JA_BLANK), "phone")
    t.add("kokuseki", [r["country"] for r in rows])
    t.add("ryoken_bango", [r["passport"] for r in rows], "passport")
    t.add("checkin_bi", [d[:10] if d else None for d in t.timestamps(datetime(2026, 3, 1), 120)], type="date")
    t.add("heya", [t.rng.choice(["松の間", "竹の間", "梅の間", "桜", "離れ 1", "離れ 2"]) for _ in range(t.n)])
    t.add("ryokan_tel", [t.rng.choice(["0460-85-5001", "0460-85-5001", "+81 460 85 5001"]) for _ in range(t.n)])


def t_daehoe_chamga(t: Table, fake: dict[str, Faker]) -> None:
    """Sign-ups for an amateur esports cup in Seoul; the RRN is asked for prize tax."""
    ko = fake["ko"]
    handles = ["Faker", "Peanut", "Deft", "ShowMaker", "Chovy", "Keria", "Zeus", "Oner", "Ruler", "Canyon"]
    rows = []
    for _ in range(t.n):
        female = t.rng.random() < 0.2
        born = v.birth_date(t.rng, 1988, 2008)
        handle = t.rng.choice([f"xX{t.rng.choice(handles)}Xx",
                               f"{t.rng.choice(handles).lower()}_{t.rng.randint(1, 999)}",
                               f"민수{t.rng.randint(10, 99)}", f"Dark{t.rng.choice(handles)}",
                               f"t1fan{t.rng.randint(1, 9)}", f"{ko.user_name()}"])
        rows.append((ko.last_name() + ko.first_name(), handle, born, female))
    t.add("seongmyeong", [r[0] for r in rows], "person_name")
    t.add("닉네임", [r[1] for r in rows], "username")
    rrns = [v.kr_rrn(t.rng, r[2], r[3]) for r in rows]
    t.add("jumin_no", v.dirty(t.rng, [f"{x[:6]}-{x[6:]}" if t.rng.random() < 0.8 else x for x in rrns], 0.08,
                              KO_BLANK), "national_id")
    t.add("HP", v.dirty(t.rng, [v.phone(t.rng, "KR") for _ in rows], 0.04, KO_BLANK), "phone")
    hosts = ["naver.com", "daum.net", "gmail.com", "kakao.com"]
    t.add("email", v.dirty(t.rng, [f"{ko.user_name()}{t.rng.randint(1, 99)}@{t.rng.choice(hosts)}" for _ in rows],
                           0.06, KO_BLANK), "email")
    t.add("teamName", [t.rng.choice(["T1 Academy", "Gen.G Fan", "불꽃남자", "Team Liquid KR", "무소속", "DRX Jr"])
                       for _ in rows])
    t.add("matchId", t.uuids())
    t.add("saengnyeon", [r[2].year for r in rows])
    t.add("접속IP", [fake["en"].ipv4_public() if t.rng.random() < 0.85 else fake["en"].ipv6() for _ in rows],
          "ip_address")


_VN_HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
_VN_DEM = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Đức", "Bảo"]
_VN_TEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân",
           "Thảo", "Trang", "Tuấn", "Vy", "Yến"]


def vn_name(t: Table) -> str:
    name = f"{t.rng.choice(_VN_HO)} {t.rng.choice(_VN_DEM)} {t.rng.choice(_VN_TEN)}"
    r = t.rng.random()
    return name.upper() if r < 0.15 else v.ascii_fold(name) if r < 0.3 else name


def t_thue_xe_may(t: Table, fake: dict[str, Faker]) -> None:
    """Motorbike rentals in Hoi An; the plates are the shop's own fleet, not the renters'."""
    rows = []
    for _ in range(t.n):
        born = v.birth_date(t.rng, 1960, 2006)
        female = t.rng.random() < 0.5
        if t.rng.random() < 0.55:
            loc = fake[t.rng.choice(["en", "de", "fr"])]
            first, last = loc.first_name(), loc.last_name()
            rows.append({"name": f"{first} {last}", "pp": v.passport(t.rng, t.rng.choice(["US", "DE", "FR", "AU"])),
                         "id": "", "dl": f"IDP {v.digits(t.rng, 6)}" if t.rng.random() < 0.6 else "",
                         "phone": v.phone(t.rng, "VN"), "mail": v.email_for(t.rng, first, last, ("gmail.com",
                                                                                               "web.de", "orange.fr"))})
        else:
            name = vn_name(t)
            parts = v.ascii_fold(name).split()
            rows.append({"name": name, "pp": "", "id": v.vn_cccd(t.rng, born, female), "dl": v.digits(t.rng, 12),
                         "phone": v.phone(t.rng, "VN"), "mail": v.email_for(t.rng, parts[-1], parts[0],
                                                                            ("gmail.com", "yahoo.com.vn"))})
    t.add("ho_ten", [r["name"] for r in rows], "person_name")
    t.add("so_ho_chieu", [r["pp"] for r in rows], "passport")
    t.add("cccd", [r["id"] for r in rows], "national_id")
    t.add("bang_lai", v.dirty(t.rng, [r["dl"] for r in rows], 0.1, VI_BLANK), "driver_license")
    t.add("sdt", v.dirty(t.rng, [r["phone"] for r in rows], 0.05, VI_BLANK), "phone")
    t.add("email", v.dirty(t.rng, [r["mail"] for r in rows], 0.2, VI_BLANK), "email")
    series = ["B1", "H1", "K1", "N1"]
    t.add("bien_so_xe", [f"92-{t.rng.choice(series)} {t.rng.randint(100, 999)}.{t.rng.randint(10, 99)}"
                         for _ in rows], note="plate of the rental shop's own bike: not the renter's")
    t.add("ngay_thue", [f"{d[8:10]}/{d[5:7]}/{d[:4]}" if d else "" for d in t.timestamps(datetime(2026, 1, 5), 90)])
    t.add("cua_hang", [t.rng.choice(["12 Trần Hưng Đạo, Hội An", "45 Lý Thường Kiệt, Hội An",
                                     "Chi nhánh An Bàng, 8 Nguyễn Phan Vinh"]) for _ in rows])
    t.add("ghi_chu", [t.rng.choice(["Xe mới thay nhớt", "Trầy yếm bên trái", "Khách trả xe trễ 2 tiếng", "",
                                    "Đã đổ đầy xăng", "Hư đèn hậu, đã thay", "Mất 1 mũ bảo hiểm, thu 150.000đ",
                                    "Lốp sau non hơi"]) for _ in rows])


_HI_MALE = [("राम", "Ram"), ("सुरेश", "Suresh"), ("महेश", "Mahesh"), ("गोपाल", "Gopal"), ("रमेश", "Ramesh"),
            ("विजय", "Vijay"), ("अनिल", "Anil"), ("हरि", "Hari"), ("मोहन", "Mohan"), ("दिनेश", "Dinesh")]
_HI_FEMALE = [("सुनीता", "Sunita"), ("गीता", "Geeta"), ("कमला", "Kamla"), ("सीमा", "Seema"), ("पूजा", "Pooja")]
_HI_LAST = [("यादव", "Yadav"), ("पटेल", "Patel"), ("चौधरी", "Choudhary"), ("सिंह", "Singh"), ("गुर्जर", "Gurjar"),
            ("शर्मा", "Sharma"), ("मीणा", "Meena"), ("जाट", "Jat")]


def t_doodh_sangrah(t: Table, fake: dict[str, Faker]) -> None:
    """Milk-collection centre in Rajasthan paying farmers into their bank accounts."""
    rows = []
    for _ in range(t.n):
        script = 0 if t.rng.random() < 0.6 else 1
        first = t.rng.choice(_HI_FEMALE if t.rng.random() < 0.25 else _HI_MALE)[script]
        father, last = t.rng.choice(_HI_MALE)[script], t.rng.choice(_HI_LAST)[script]
        name = f"{first} {last}"
        rows.append((name.upper() if script and t.rng.random() < 0.3 else name, f"{father} {last}"))
    t.add("kisan_naam", [r[0] for r in rows], "person_name")
    t.add("pita_ka_naam", v.dirty(t.rng, [r[1] for r in rows], 0.08, HI_BLANK), "person_name")
    ids = [v.in_aadhaar(t.rng) for _ in rows]
    t.add("aadhaar_no", v.dirty(t.rng, [f"{a[:4]} {a[4:8]} {a[8:]}" if t.rng.random() < 0.6 else a if
                                        t.rng.random() < 0.8 else f"XXXX XXXX {a[8:]}" for a in ids], 0.05, HI_BLANK),
          "national_id")
    t.add("bank_khata", v.dirty(t.rng, [v.bank_account_in(t.rng) for _ in rows], 0.05, HI_BLANK), "bank_account")
    t.add("ifsc", [t.rng.choice(["SBIN0031250", "BARB0JAIPUR", "PUNB0123400", "RMGB0000101"]) for _ in rows])
    t.add("mobile", v.dirty(t.rng, [v.phone(t.rng, "IN") for _ in rows], 0.07, HI_BLANK), "phone")
    t.add("gaon", [t.rng.choice(["Bassi", "Chaksu", "Phagi", "बस्सी", "चाकसू", "Dudu"]) for _ in rows])
    t.add("doodh_litre", [round(t.rng.uniform(2, 40), 1) for _ in rows])
    t.add("bhugtan_tithi", [f"{d[8:10]}-{d[5:7]}-{d[:4]}" if d else "" for d in t.timestamps(datetime(2026, 4, 1), 60)])


_AR_FIRST = [("محمد", "Mohammed"), ("عبدالله", "Abdullah"), ("أحمد", "Ahmed"), ("خالد", "Khalid"), ("عمر", "Omar"),
             ("يوسف", "Yousef"), ("علي", "Ali"), ("فاطمة", "Fatimah"), ("نورة", "Noura"), ("سارة", "Sara"),
             ("مريم", "Maryam"), ("هند", "Hind")]
_AR_FAMILY = [("القحطاني", "Al-Qahtani"), ("الغامدي", "Al-Ghamdi"), ("العتيبي", "Al-Otaibi"), ("الشمري", "Al-Shammari"),
              ("الحربي", "Al-Harbi"), ("الزهراني", "Al-Zahrani"), ("الدوسري", "Al-Dosari"), ("خان", "Khan"),
              ("حسين", "Hussain"), ("المصري", "El-Masry")]


def _hijri(d: date) -> str:
    """Tabular Islamic calendar date, written the way Saudi forms write it."""
    jd = d.toordinal() + 1721425 - 1948440 + 10632
    n = (jd - 1) // 10631
    jd = jd - 10631 * n + 354
    j = ((10985 - jd) // 5316) * ((50 * jd) // 17719) + (jd // 5670) * ((43 * jd) // 15238)
    jd = jd - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * jd) // 709
    return f"{30 * n + j - 30}/{month:02d}/{jd - (709 * month) // 24:02d}هـ"


@phi
def t_umrah_hujjaj(t: Table, fake: dict[str, Faker]) -> None:
    """Pilgrims of an umrah agency in Jeddah with the vaccination and chronic-illness form."""
    illness = ["لا يوجد", "سكري النوع الثاني", "ارتفاع ضغط الدم", "ربو", "أمراض القلب", "سكري وضغط", "DM type 2",
               "HTN", "قصور كلوي", "لا يوجد"]
    rows = []
    for _ in range(t.n):
        first, father, family = t.rng.choice(_AR_FIRST), t.rng.choice(_AR_FIRST[:7]), t.rng.choice(_AR_FAMILY)
        rows.append((f"{first[0]} {father[0]} {family[0]}", f"{first[1]} {father[1]} {family[1]}",
                     v.birth_date(t.rng, 1940, 2004)))
    t.add("ism_kamil", [r[0] for r in rows], "person_name")
    t.add("ism_latin", [r[1].upper() if t.rng.random() < 0.6 else r[1] for r in rows], "person_name")
    t.add("raqam_jawaz", v.dirty(t.rng, [v.passport(t.rng, t.rng.choice(["SA", "EG", "PK"])) for _ in rows], 0.05,
                                 AR_BLANK), "passport")
    t.add("raqam_iqama", v.dirty(t.rng, [v.sa_iqama(t.rng) for _ in rows], 0.1, AR_BLANK), "national_id")
    t.add("tarikh_milad", [_hijri(r[2]) if t.rng.random() < 0.3 else r[2].strftime("%d/%m/%Y") for r in rows],
          "date_of_birth")
    t.add("jawwal", v.dirty(t.rng, [v.phone(t.rng, "SA") for _ in rows], 0.05, AR_BLANK), "phone")
    t.add("amrad_muzmina", [t.rng.choice(illness) for _ in rows], "medical")
    t.add("fasilat_dam", v.dirty(t.rng, [t.rng.choice(["A+", "A-", "B+", "O+", "O-", "AB+", "O pos", "B-"])
                                         for _ in rows], 0.1, AR_BLANK), "medical")
    t.add("raqam_rihla", [t.rng.choice(["SV 1234", "SV1236", "MS 643", "PK 741", "XY 302"]) for _ in rows])
    t.add("fundoq", [t.rng.choice(["Hilton Makkah", "Swissôtel Al Maqam", "فندق دار التوحيد", "Pullman ZamZam"])
                     for _ in rows])


def t_station_log(t: Table, fake: dict[str, Faker]) -> None:
    """Readings of automatic weather stations with uninformative headers: no personal data at all."""
    stations = {f"PL_KRK_{i:03d}": (50.0 + t.rng.random() * 0.2, 19.8 + t.rng.random() * 0.3) for i in range(1, 7)}
    picked = [t.rng.choice(sorted(stations)) for _ in range(t.n)]
    t.add("f_01", picked)
    t.add("f_02", [s.replace("T", " ") + "Z" if s else s for s in t.timestamps(datetime(2026, 11, 1), 20)])
    t.add("f_03", [round(stations[s][0], 5) for s in picked])
    t.add("f_04", [round(stations[s][1], 5) for s in picked])
    t.add("f_05", [round(t.rng.uniform(-8, 12), 1) for _ in picked])
    t.add("f_06", [f"10.20.{t.rng.randint(0, 3)}.{t.rng.randint(2, 254)}" if t.rng.random() < 0.6 else
                   f"185.41.{t.rng.randint(0, 255)}.{t.rng.randint(1, 254)}" for _ in picked],
          note="IP of the station's gateway modem: a machine, not a person")
    t.add("f_07", [t.rng.choice(["serwis@meteo-instruments.pl", "noc@meteo-instruments.pl", ""]) for _ in picked])
    t.add("f_08", [f"SN-{t.rng.getrandbits(16):04X}-{t.rng.randint(1000, 9999)}" for _ in picked])


def t_export_0413(t: Table, fake: dict[str, Faker]) -> None:
    """A headerless CSV export of a donations platform: only the values tell what the columns are."""
    rows = []
    for _ in range(t.n):
        loc = t.rng.choice(["pl", "de", "it", "es", "fr", "cs"])
        f = fake[loc]
        first, last = f.first_name(), f.last_name()
        country = {"pl": "PL", "de": "DE", "it": "IT", "es": "ES", "fr": "FR", "cs": "CZ"}[loc]
        rows.append((first, last, country, v.birth_date(t.rng, 1950, 2004)))
    t.add("col1", list(range(1, t.n + 1)))
    hosts = ("gmail.com", "outlook.com", "gmx.net", "wp.pl", "libero.it")
    t.add("col2", v.dirty(t.rng, [v.email_for(t.rng, r[0], r[1], hosts) for r in rows], 0.05, EN_BLANK), "email")
    t.add("col3", v.dirty(t.rng, [v.spaced_iban(t.rng, v.make_iban(t.rng, r[2])) for r in rows], 0.05, EN_BLANK),
          "iban")
    t.add("col4", [_date_text(t, r[3], ["{y}-{mm}-{dd}", "{dd}/{mm}/{y}", "{dd}.{mm}.{y}", "{y}{mm}{dd}"])
                   for r in rows], "date_of_birth")
    cc = {"PL": "PL", "DE": "PL", "IT": "IT", "ES": "ES", "FR": "ES", "CZ": "CZ"}
    t.add("col5", v.dirty(t.rng, [v.phone(t.rng, cc[r[2]]) for r in rows], 0.05, EN_BLANK), "phone")
    t.add("col6", [f"{r[0]} {r[1]}" for r in rows], "person_name")
    t.add("col7", [f"{t.rng.choice([5, 10, 20, 25, 50, 100])}.00" for _ in rows])
    t.add("col8", [fake["en"].ipv4_public() if t.rng.random() < 0.8 else fake["en"].ipv6() for _ in rows],
          "ip_address")


TABLES_A: list[Build] = [t_gopr_zdarzenia, t_ctenari_knihovna, t_conferimenti_uve, t_reservas_padel,
                         t_shukuhaku_meibo, t_daehoe_chamga, t_thue_xe_may, t_doodh_sangrah, t_umrah_hujjaj,
                         t_station_log, t_export_0413]
