"""Round-15 held-out tables, part C: exports whose headers are in the source system's own language.

Spanish, French, German, Brazilian Portuguese, Dutch, Japanese, Turkish and Chinese. See evalgen_round15.py
for the scenario and the label conventions.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import TYPE_CHECKING

from faker import Faker
from stdnum import luhn

from lakehouse.ingest.pii.evalgen_round11_values import (
    birth_date,
    digits,
    email_for,
    es_dni_or_nie,
    make_iban,
    spaced_iban,
)
from lakehouse.ingest.pii.evalgen_round15_values import (
    br_cpf,
    cased,
    cn_resident_id,
    de_steuer_id,
    dirty,
    nl_bsn,
    notes,
    phone15,
    tr_tckn,
    unionpay_card,
)

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round15 import Table


def t_tienda_clientes(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["es"], t.rng
    firsts = [fake.first_name() for _ in range(t.n)]
    lasts = [f"{fake.last_name()} {fake.last_name()}" for _ in range(t.n)]
    doms = ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es")
    t.add("id_cliente", t.seq(30_015, (1, 7)))
    t.add("nombre", [cased(rng, f) for f in firsts], "person_name")
    t.add("apellidos", [cased(rng, la) for la in lasts], "person_name")
    t.add("correo_electronico", dirty(rng, [email_for(rng, f, la.split()[0], doms)
                                            for f, la in zip(firsts, lasts, strict=True)], 0.05), "email")
    t.add("telefono_movil", dirty(rng, [phone15(rng, "ES") for _ in range(t.n)], 0.1), "phone")
    t.add("dni_nif", dirty(rng, [es_dni_or_nie(rng, 0.15).lower() if rng.random() < 0.05 else es_dni_or_nie(rng, 0.15)
                                 for _ in range(t.n)], 0.2, ("", None)), "national_id")
    t.add("direccion", [fake.street_address() for _ in range(t.n)], "address_part")
    t.add("codigo_postal", [fake.postcode() for _ in range(t.n)], "postal_code")
    t.add("poblacion", [fake.city() for _ in range(t.n)], "address_part")
    t.add("importe_total_€", [f"{rng.uniform(10, 3000):.2f}".replace(".", ",") for _ in range(t.n)])
    cells, kinds = notes(rng, t.n, [
        "Cliente habitual, envío siempre a domicilio.", "Devolución aceptada, talla incorrecta.",
        "Prefiere recogida en tienda.", "Pedido duplicado anulado.",
    ], {
        "phone": ["Llamar antes de entregar al {}", "Nuevo móvil: {}"],
        "email": ["Enviar factura a {} por favor", "Cambia el correo a {}"],
    }, makers={"phone": lambda r: phone15(r, "ES"),
               "email": lambda r: f"{r.choice(['pepa', 'jlopez', 'mgarcia', 'ines.r'])}{r.randint(1, 99)}@gmail.com"})
    t.add("observaciones", cells, contains=kinds)


def t_programme_fidelite(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["fr"], t.rng
    females = [rng.random() < 0.55 for _ in range(t.n)]
    firsts = [fake.first_name_female() if f else fake.first_name_male() for f in females]
    lasts = [fake.last_name() for _ in range(t.n)]
    doms = ("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "wanadoo.fr")
    t.add("N° adhérent", [f"FID{rng.randint(10**7, 10**8 - 1)}" for _ in range(t.n)])
    t.add("Nom", [la.upper() for la in lasts], "person_name")
    t.add("Prénom", dirty(rng, firsts, 0.03, ("",)), "person_name")
    t.add("Date de naissance", dirty(rng, [birth_date(rng, 1945, 2006).strftime("%d/%m/%Y") for _ in range(t.n)],
                                     0.25, ("", "00/00/0000")), "date_of_birth")
    t.add("Adresse", [fake.street_address() for _ in range(t.n)], "address_part")
    t.add("Code postal", [fake.postcode() for _ in range(t.n)], "postal_code")
    t.add("Ville", [fake.city().upper() for _ in range(t.n)], "address_part")
    t.add("Tél. portable", dirty(rng, [phone15(rng, "FR") for _ in range(t.n)], 0.15, ("",)), "phone")
    t.add("E-mail", dirty(rng, [email_for(rng, f, la, doms) for f, la in zip(firsts, lasts, strict=True)], 0.1,
                          ("",)), "email")
    cells, kinds = notes(rng, t.n, [
        "Carte perdue, nouvelle carte envoyée.", "Ne souhaite plus recevoir le catalogue papier.",
        "Réclamation traitée en magasin.", "Points offerts suite au retard de livraison.",
    ], {
        "phone": ["Rappeler au {} après 18h", "Nouveau numéro : {}"],
        "email": ["Adresse mail corrigée : {}", "Envoyer le bon d'achat à {}"],
    }, pii_share=0.4, makers={"phone": lambda r: phone15(r, "FR"),
                              "email": lambda r: f"{r.choice(['cdupont', 'm.bernard', 'lea.p', 'jm75'])}@orange.fr"})
    t.add("Commentaire", cells, contains=kinds)
    t.add("Solde points", [rng.randint(0, 4200) for _ in range(t.n)])


def t_sap_personalstamm(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["de"], t.rng
    t.add("Personalnummer", t.seq(10_004_210, (1, 11), "{:08d}"))
    t.add("Nachname", [fake.last_name() for _ in range(t.n)], "person_name")
    t.add("Vorname", [fake.first_name() for _ in range(t.n)], "person_name")
    t.add("Geburtsdatum", [birth_date(rng, 1962, 2006).strftime("%d.%m.%Y") for _ in range(t.n)], "date_of_birth")
    t.add("Steuer-ID", dirty(rng, [de_steuer_id(rng) for _ in range(t.n)], 0.04, ("",)), "national_id")
    t.add("Konfession", t.pick(["rk", "ev", "--", "--"]), note="religion: no category in docs/pii.md")
    t.add("IBAN", [spaced_iban(rng, make_iban(rng, "DE")) for _ in range(t.n)], "iban")
    t.add("BIC", t.pick(["COBADEFFXXX", "DEUTDEDBXXX", "GENODEF1S04", "HYVEDEMMXXX"]), note="the bank's code")
    t.add("Bruttogehalt (EUR/Monat)", [f"{rng.randint(2400, 9800):,}".replace(",", ".") + ",00" for _ in range(t.n)],
          "salary")
    t.add("Straße Hausnr.", [fake.street_address() for _ in range(t.n)], "address_part")
    t.add("PLZ", [fake.postcode() for _ in range(t.n)], "postal_code")
    t.add("Ort", [fake.city() for _ in range(t.n)], "address_part")


def t_transportadora_entregas(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["pt"], t.rng
    t.add("codigo_rastreio", [f"{rng.choice(['QB', 'OY', 'NL', 'LB'])}{digits(rng, 9)}BR" for _ in range(t.n)])
    t.add("destinatario", [cased(rng, fake.name(), 0.4, 0.05) for _ in range(t.n)], "person_name")
    t.add("cpf_destinatario", dirty(rng, [br_cpf(rng) for _ in range(t.n)], 0.05, ("", "000.000.000-00")),
          "national_id")
    t.add("logradouro", [fake.street_name() for _ in range(t.n)], "address_part")
    t.add("numero", [rng.choice([str(rng.randint(1, 3200)), "s/n", str(rng.randint(1, 400)) + "A"])
                     for _ in range(t.n)], "address_part")
    t.add("complemento", [rng.choice(["", "", "apto 12", "bloco B ap 304", "casa 2", "fundos"]) for _ in range(t.n)],
          "address_part")
    t.add("bairro", [fake.bairro() for _ in range(t.n)], "address_part")
    t.add("cidade", [fake.city() for _ in range(t.n)], "address_part")
    t.add("uf", [fake.estado_sigla() for _ in range(t.n)])
    t.add("cep", [fake.postcode().replace("-", "") if rng.random() < 0.3 else fake.postcode() for _ in range(t.n)],
          "postal_code")
    t.add("telefone", dirty(rng, [phone15(rng, "BR") for _ in range(t.n)], 0.1, ("",)), "phone")
    t.add("status_entrega", t.pick(["POSTADO", "EM TRÂNSITO", "SAIU PARA ENTREGA", "ENTREGUE", "DEVOLVIDO"]))


def t_leerlingadministratie(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["nl"], t.rng
    tussen, lasts = [], []
    for _ in range(t.n):  # Dutch registers keep the particle ("van der") apart from the surname
        words = fake.last_name().split()
        cut = next((i for i, w in enumerate(words) if not w.islower()), 0)
        tussen.append(" ".join(words[:cut]))
        lasts.append(" ".join(words[cut:]))
    t.add("leerlingnummer", t.seq(20_341, (1, 4)))
    t.add("roepnaam", [fake.first_name() for _ in range(t.n)], "person_name")
    t.add("tussenvoegsel", tussen, "person_name", note="name particle, part of the surname")
    t.add("achternaam", lasts, "person_name")
    t.add("geboortedatum", [birth_date(rng, 2013, 2021).strftime("%d-%m-%Y") for _ in range(t.n)], "date_of_birth")
    t.add("BSN", dirty(rng, [nl_bsn(rng) for _ in range(t.n)], 0.04, ("",)), "national_id")
    t.add("straat", [fake.street_name() for _ in range(t.n)], "address_part")
    t.add("huisnummer", [str(rng.randint(1, 240)) + rng.choice(["", "", "", "a", "-2", " bis"]) for _ in range(t.n)],
          "address_part")
    t.add("postcode", [fake.postcode() if rng.random() < 0.7 else fake.postcode().replace(" ", "").upper()
                       for _ in range(t.n)], "postal_code")
    t.add("woonplaats", [fake.city() for _ in range(t.n)], "address_part")
    t.add("telefoon ouder/verzorger 1", dirty(rng, [phone15(rng, "NL") for _ in range(t.n)], 0.05, ("",)), "phone")
    doms = ("ziggo.nl", "kpnmail.nl", "gmail.com")
    t.add("e-mail ouder/verzorger", [email_for(rng, fake.first_name(), f"{tv}{la}", doms)
                                     for tv, la in zip(tussen, lasts, strict=True)], "email")


def t_seminar_moshikomi(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["ja"], t.rng
    t.add("受付番号", t.seq(1, (1, 1), "R15-{:05d}"))
    t.add("氏名", [f"{fake.last_name()}{rng.choice([' ', '　', ''])}{fake.first_name()}" for _ in range(t.n)],
          "person_name")
    t.add("フリガナ", [f"{fake.last_kana_name()} {fake.first_kana_name()}" for _ in range(t.n)], "person_name")
    t.add("メールアドレス", [fake.free_email() if rng.random() < 0.7 else fake.company_email() for _ in range(t.n)],
          "email")
    t.add("電話番号", dirty(rng, [phone15(rng, "JP") for _ in range(t.n)], 0.1, ("", "なし")), "phone")
    t.add("郵便番号", [rng.choice(["〒", "", ""]) + fake.zipcode() for _ in range(t.n)], "postal_code")
    t.add("都道府県", [fake.prefecture() for _ in range(t.n)])
    t.add("市区町村・番地", [f"{fake.city()}{fake.town()}{fake.chome()}{fake.ban()}{fake.gou()}" for _ in range(t.n)],
          "address_part")
    t.add("会社名", dirty(rng, [fake.company() for _ in range(t.n)], 0.2, ("",)), note="the attendee's employer")
    t.add("参加セッション", t.pick(["基調講演", "A-1 データ基盤入門", "B-2 生成AI活用事例", "懇親会"]))
    t.add("申込日時", t.timestamps(datetime(2026, 4, 10), 40, "%Y/%m/%d %H:%M"))


def _imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01"]) + digits(rng, 12)
    return body + luhn.calc_check_digit(body)


def t_gsm_abone_listesi(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["tr"], t.rng
    mahalle = ["Atatürk", "Cumhuriyet", "Fatih", "Yıldız", "Bahçelievler", "Gazi", "Mimar Sinan", "Yenişehir"]
    ilce = [("Kadıköy", "İstanbul"), ("Çankaya", "Ankara"), ("Konak", "İzmir"), ("Nilüfer", "Bursa"),
            ("Muratpaşa", "Antalya"), ("Seyhan", "Adana")]
    t.add("Abone No", [f"9{digits(rng, 9)}" for _ in range(t.n)])
    t.add("Ad Soyad", [cased(rng, f"{fake.first_name()} {fake.last_name()}", 0.3, 0.0) for _ in range(t.n)],
          "person_name")
    t.add("TC Kimlik No", dirty(rng, [tr_tckn(rng) for _ in range(t.n)], 0.03, ("", "-")), "national_id")
    t.add("GSM No", [phone15(rng, "TR") for _ in range(t.n)], "phone")
    t.add("Doğum Tarihi", [birth_date(rng, 1950, 2007).strftime("%d.%m.%Y") for _ in range(t.n)], "date_of_birth")
    t.add("Adres", dirty(rng, [f"{rng.choice(mahalle)} Mah. {rng.choice(mahalle)} Sok. No:{rng.randint(1, 90)} "
                               f"D:{rng.randint(1, 24)} " + "/".join(rng.choice(ilce)) for _ in range(t.n)], 0.05,
                         ("",)), "address")
    t.add("Tarife", t.pick(["Süper 20GB", "Genç Tarife", "Faturasız 10GB", "Kurumsal 50GB"]))
    t.add("Aylık Ücret (TL)", [f"{rng.choice([349, 449, 599, 799])},90" for _ in range(t.n)])
    t.add("IMEI", [_imei(rng) for _ in range(t.n)], note="device id: no category in docs/pii.md")
    t.add("Kayıt Tarihi", t.timestamps(datetime(2020, 1, 1), 2200, "%d.%m.%Y"))


def t_kyc_kehu_xinxi(t: Table, fk: dict[str, Faker]) -> None:
    fake, rng = fk["zh"], t.rng
    born = [birth_date(rng, 1955, 2006) for _ in range(t.n)]
    t.add("客户号", [f"C{digits(rng, 12)}" for _ in range(t.n)])
    t.add("客户姓名", [fake.name() for _ in range(t.n)], "person_name")
    t.add("证件类型", t.pick(["居民身份证"]))
    t.add("证件号码", [cn_resident_id(rng, b, rng.random() < 0.5) for b in born], "national_id")
    t.add("出生日期", [b.isoformat() for b in born], "date_of_birth", type="date")
    t.add("手机号码", dirty(rng, [phone15(rng, "CN") for _ in range(t.n)], 0.04, ("", "无")), "phone")
    t.add("联系地址", [f"{fake.province()}{fake.city()}{fake.district()}区{fake.street_address()}"
                      f"{rng.randint(1, 30)}0{rng.randint(1, 9)}室" for _ in range(t.n)], "address")
    t.add("银行卡号", [unionpay_card(rng) for _ in range(t.n)], "credit_card")
    t.add("开户网点", t.pick(["北京朝阳支行", "上海浦东支行", "深圳南山支行", "杭州西湖支行"]))
    t.add("账户余额(元)", t.money(0, 500_000))


TABLES_C = [t_tienda_clientes, t_programme_fidelite, t_sap_personalstamm, t_transportadora_entregas,
            t_leerlingadministratie, t_seminar_moshikomi, t_gsm_abone_listesi, t_kyc_kehu_xinxi]
