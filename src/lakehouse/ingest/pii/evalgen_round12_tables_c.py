"""Round 12 tables, part C: Persian, Chinese, Malay, Amharic-romanised, Zulu/Xhosa and English-only exports."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from lakehouse.ingest.pii import evalgen_round12_values as v
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
    spaced_iban,
)
from lakehouse.ingest.pii.evalgen_round12_tables_a import Fakes, people

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round12 import Table

_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def t_ir_khoshnevisi(t: Table, f: Fakes) -> None:
    fa, rng = f["fa_IR"], t.rng
    ps = people(t, fa, 1960, 2010)
    t.add("نام", [p[0] for p in ps], "person_name")
    t.add("نام_خانوادگی", [p[1] for p in ps], "person_name")
    t.add("کد_ملی", [(lambda c: c.translate(_FA_DIGITS) if rng.random() < 0.3 else c)(v.ir_melli(rng)) for _ in ps],
          "national_id")
    t.add("موبایل", [(lambda m: m.translate(_FA_DIGITS) if rng.random() < 0.3 else m)(v.mobile(rng, "IR"))
                     for _ in ps], "phone")
    t.add("شهریه_تومان", t.each(lambda: rng.choice([1_200_000, 1_800_000, 2_500_000])))
    t.add("سطح", t.each(lambda: rng.choice(["مقدماتی", "متوسطه", "عالی", "ممتاز"])))
    t.add("تلفن_آموزشگاه", t.each(lambda: "021-88776655"), note="the school's own line")
    t.add("تاریخ_ثبت_نام", t.each(lambda: f"1405/{rng.randint(1, 9):02d}/{rng.randint(1, 30):02d}"))


def t_cn_kuaidi(t: Table, f: Fakes) -> None:
    zh, rng = f["zh_CN"], t.rng
    ps = people(t, zh, 1955, 2006)
    t.add("运单号", t.each(lambda: rng.choice(["SF", "YT", "ZTO"]) + digits(rng, 13)), note="waybill number")
    t.add("收件人", [p[1] + p[0] for p in ps], "person_name")
    t.add("收件人手机", [v.mobile(rng, "CN") for _ in ps], "phone")
    t.add("收件地址", t.each(lambda: zh.address().replace("\n", " ")), "address")
    t.add("身份证号", dirty(rng, [v.cn_ric(rng, p[3]) for p in ps], 0.1, ("", "未登记")), "national_id")
    t.add("网点电话", t.each(lambda: rng.choice(["0755-83395566", "021-69781234", "400-811-1111"])),
          note="depot numbers")
    t.add("重量kg", t.each(lambda: round(rng.uniform(0.2, 25), 2)))
    t.add("揽收时间", t.timestamps(datetime(2026, 11, 11), 5), type="timestamp")
    t.add("发件公司税号", t.each(lambda: v.company_id(rng, "CN")), note="sender company's credit code")
    notes, kinds = [], set()
    for _ in ps:
        if rng.random() < 0.2:
            notes.append(f"放门卫，到了打 {v.mobile(rng, 'CN')}")
            kinds.add("phone")
        else:
            notes.append(rng.choice(["", "易碎", "工作日送", "放快递柜", "生鲜 冷链"]))
    t.add("备注", notes, contains=sorted(kinds))


def t_my_sijil_halal(t: Table, f: Fakes) -> None:
    rng = t.rng
    first = ["Ahmad", "Nur Aisyah", "Muhammad Hafiz", "Siti Nurhaliza", "Mohd Faizal", "Nurul Izzah", "Azlan"]
    lasts = ["bin Abdullah", "binti Ismail", "bin Hassan", "binti Rahman", "bin Osman", "binti Yusof"]
    words = ["Kilang Roti", "Syarikat Makanan", "Kedai Kopi", "Pemprosesan Ayam", "Katering"]
    co = t.each(lambda: f"{rng.choice(words)} {rng.choice(['Seri', 'Maju', 'Cahaya', 'Bestari'])} Sdn. Bhd.")
    t.add("nama_syarikat", co)
    t.add("no_ssm", t.each(lambda: f"20{rng.randint(10, 25)}0{digits(rng, 7)} "
                                   f"({digits(rng, 7)}-{rng.choice('KAHUW')})"))
    t.add("alamat_premis", t.each(lambda: f"Lot {rng.randint(1, 900)}, Jalan Perusahaan {rng.randint(1, 12)}, "
                                          f"Kawasan Perindustrian {rng.choice(['Nilai', 'Bangi', 'Prai'])}"))
    t.add("telefon_pejabat", t.each(lambda: f"03-{digits(rng, 4)} {digits(rng, 4)}"))
    t.add("emel_syarikat", [f"{rng.choice(['admin', 'halal', 'qa'])}@{ascii_fold(c.split()[-3]).lower()}.com.my"
                            for c in co])
    t.add("latitud", t.each(lambda: round(rng.uniform(1.4, 6.4), 6)))
    t.add("longitud", t.each(lambda: round(rng.uniform(100.2, 104.2), 6)))
    t.add("tarikh_tamat", t.each(lambda: f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                                         f"{rng.randint(2026, 2028)}"))
    t.add("nama_penyelia_halal", t.each(lambda: f"{rng.choice(first)} {rng.choice(lasts)}"), "person_name")
    t.add("no_kp_penyelia", t.each(lambda: v.my_nric(rng, birth_date(rng, 1965, 2000), rng.random() < 0.6)),
          "national_id")


def t_et_buna_lots(t: Table, f: Fakes) -> None:
    rng = t.rng
    names = ["Abebe", "Tigist", "Getachew", "Almaz", "Dawit", "Meseret", "Tesfaye", "Hirut", "Mulugeta", "Selam"]
    t.add("lot_kutir", t.each(lambda: f"ET-{rng.choice(['YRG', 'SID', 'GUJ'])}-26-{digits(rng, 4)}"))
    t.add("ye_mewagna_tabiya", t.each(lambda: rng.choice(["Konga", "Aricha", "Halo Beriti", "Chelbesa"])))
    t.add("kefta_m", t.each(lambda: rng.randint(1750, 2300)))
    t.add("dereja", t.each(lambda: rng.choice(["G1", "G1", "G2", "G3"])))
    t.add("cupping_wuTet", t.each(lambda: round(rng.uniform(82, 91), 2)))
    t.add("GPS", t.each(lambda: f"{rng.uniform(5.9, 6.3):.4f}, {rng.uniform(38.1, 38.4):.4f}"),
          note="washing station location")
    t.add("ye_gebere_sim", t.each(lambda: f"{rng.choice(names)} {rng.choice(names)}"), "person_name")
    t.add("ye_gebere_silk", dirty(rng, t.each(lambda: v.mobile(rng, "ET")), 0.15, ("", "yelem")), "phone")


def t_za_stokvel(t: Table, f: Fakes) -> None:
    zu, rng = f["zu_ZA"], t.rng
    ps = people(t, zu, 1950, 2000)
    t.add("igama_lelungu", [f"{p[0]} {p[1]}" for p in ps], "person_name")
    t.add("inombolo_kamazisi", [v.za_id(rng, p[3], p[2]) for p in ps], "national_id")
    t.add("ucingo", [v.mobile(rng, "ZA") for _ in ps], "phone")
    t.add("inombolo_ye_akhawunti", t.each(lambda: digits(rng, rng.choice([10, 11]))), "bank_account")
    t.add("ibhange", t.each(lambda: rng.choice(["Capitec", "FNB", "Absa", "Standard Bank", "TymeBank"])))
    t.add("umnikelo_wenyanga", t.each(lambda: rng.choice(["R500", "R1000", "R 750", "R1500"])))
    t.add("usuku_lomhlangano", t.each(lambda: f"2026-{rng.randint(1, 11):02d}-{rng.choice([1, 15, 28]):02d}"),
          type="date")
    t.add("ikheli_lasekhaya", t.each(lambda: f"{rng.randint(1, 9000)} {rng.choice(['Vilakazi St', 'Mahlangu Rd'])}, "
                                             f"{rng.choice(['Soweto', 'Umlazi', 'KwaMashu', 'Khayelitsha'])}, "
                                             f"{rng.randint(1800, 7800)}"), "address")


def t_webhook_events(t: Table, f: Fakes) -> None:
    en, rng = f["en_GB"], t.rng
    ps = people(t, en)
    p = "data.object."
    t.add("id", t.each(lambda: "evt_" + "".join(rng.choice("ABCDEFGHabcdefgh0123456789") for _ in range(24))))
    t.add(p + "billing_details.name", [f"{a} {b}" for a, b, *_ in ps], "person_name")
    t.add(p + "billing_details.email", dirty(rng, [email_for(rng, a, b, ("gmail.com", "btinternet.com", "icloud.com"))
                                                    for a, b, *_ in ps], 0.05, (None,)), "email")
    t.add(p + "billing_details.address.line1", t.each(lambda: en.street_address().replace("\n", ", ")),
          "address_part")
    t.add(p + "billing_details.address.city", t.each(lambda: en.city()), "address_part")
    t.add(p + "billing_details.address.postal_code", t.each(lambda: en.postcode()), "postal_code")
    t.add(p + "payment_method_details.card.last4", t.each(lambda: digits(rng, 4)))
    t.add(p + "payment_method_details.card.exp", t.each(lambda: card_expiry(rng)), "card_expiry")
    t.add(p + "amount", t.each(lambda: rng.randint(199, 99_999)))
    t.add("request.client_ip", t.each(lambda: en.ipv4_public() if rng.random() < 0.8 else en.ipv6()), "ip_address")
    t.add("created", sorted(t.each(lambda: rng.randint(1_780_000_000, 1_790_000_000))))
    t.add(p + "description", t.each(lambda: rng.choice(["Subscription update", "Invoice INV-2291", "Top-up",
                                                         "Annual plan (VAT incl.)", None])))


def t_FLEET_TELEMATICS(t: Table, f: Fakes) -> None:
    en, rng = f["en_GB"], t.rng
    t.add("VEHICLE_VIN", t.each(lambda: v.vin(rng)))
    t.add("MODEM_IMEI", t.each(lambda: v.imei(rng)))
    t.add("SIM_ICCID", t.each(lambda: v.iccid(rng)))
    t.add("GPS_LAT", t.each(lambda: round(rng.uniform(51.3, 53.6), 5)))
    t.add("GPS_LON", t.each(lambda: round(rng.uniform(-2.6, 0.2), 5)))
    t.add("EVENT_TS", t.timestamps(datetime(2026, 11, 30), 3), type="timestamp")
    drivers = []
    for _ in range(12):
        first, last, born = en.first_name(), en.last_name(), birth_date(rng, 1960, 2000)
        licence = (f"{(last.upper() + '99999')[:5]}{str(born.year)[2]}{born.month:02d}{born.day:02d}"
                   f"{str(born.year)[3]}{first[0].upper()}{rng.choice('9ABJMS')}{rng.randint(0, 9)}"
                   f"{rng.choice('ABCDEIJ')}{rng.choice('JKLMNW')}")
        drivers.append((f"{last.upper()} {first}", licence))
    pick = t.each(lambda: rng.choice(drivers))
    t.add("DRIVER_NAME", [d[0] for d in pick], "person_name")
    t.add("DRIVER_LICENSE_NO", [d[1] for d in pick], "driver_license")
    t.add("ODOMETER_KM", t.each(lambda: rng.randint(12_000, 480_000)))
    t.add("FAULT_TEXT", t.each(lambda: rng.choice(["", "P0420 catalyst efficiency below threshold", "TPMS low FL",
                                                   "DPF regen requested", "harsh braking 0.52g"])))


def t_acctRecovery(t: Table, f: Fakes) -> None:
    en, rng = f["en_US"], t.rng
    ps = people(t, en)
    t.add("userId", t.uuids())
    t.add("loginHandle", [rng.choice([f"{a.lower()}{rng.randint(1, 999)}", en.user_name(), f"{b.lower()}_{a[0]}"])
                          for a, b, *_ in ps], "username")
    t.add("recoveryEmail", [email_for(rng, a, b, ("proton.me", "gmail.com", "yahoo.com")) for a, b, *_ in ps], "email")
    t.add("mfaPhone", t.each(lambda: v.mobile(rng, rng.choice(["SE", "RO", "ZA", "MY", "HR"]))), "phone")
    qs = ["What was your first pet's name?", "In what city were you born?", "Mother's maiden name?",
          "Name of your first school?"]
    t.add("securityQuestion", t.each(lambda: rng.choice(qs)))
    t.add("securityAnswer", t.each(lambda: rng.choice([en.first_name(), en.city(), en.last_name(),
                                                       en.first_name().lower()])), "security_answer")
    t.add("lastLoginIp", t.each(lambda: en.ipv4_public() if rng.random() < 0.7 else en.ipv6()), "ip_address")
    t.add("pwdHash", t.each(lambda: "$2b$12$" + "".join(rng.choice("./ABCDEFabcdef0123456789") for _ in range(53))))
    t.add("createdAt", t.timestamps(datetime(2023, 1, 1), 1000), type="timestamp")
    notes, kinds = [], set()
    for _ in ps:
        if rng.random() < 0.15:
            notes.append(f"user pasted card {format_card(rng, card_number(rng))} in chat, redact")
            kinds.add("credit_card")
        else:
            notes.append(rng.choice(["", "locked after 5 tries", "verified via selfie", "reset link resent"]))
    t.add("supportNote", notes, contains=sorted(kinds))


def t_export_0042(t: Table, f: Fakes) -> None:
    hu, rng = f["hu_HU"], t.rng
    ps = people(t, hu, 1945, 2004)
    t.add("c1", [f"{p[1]} {p[0]}" for p in ps], "person_name")
    t.add("c2", [v.hu_adoazonosito(rng, p[3]) for p in ps], "national_id")
    t.add("c3", [spaced_iban(rng, v.iban_of(rng, "HU", spaced=False)) for _ in ps], "iban")
    t.add("c4", [f"{p[3]:%Y.%m.%d}" for p in ps], "date_of_birth")
    t.add("c5", t.each(lambda: ean13(rng, "599")))
    t.add("c6", t.each(lambda: f"{rng.randint(1, 900)} {rng.randint(0, 999):03d} Ft"))
    t.add("c7", t.timestamps(datetime(2026, 8, 1), 90))
    t.add("c8", [v.mobile(rng, "HU") for _ in ps], "phone")


TABLES_C = [t_ir_khoshnevisi, t_cn_kuaidi, t_my_sijil_halal, t_et_buna_lots, t_za_stokvel, t_webhook_events,
            t_FLEET_TELEMATICS, t_acctRecovery, t_export_0042]
