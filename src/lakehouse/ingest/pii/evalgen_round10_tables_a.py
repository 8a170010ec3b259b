"""Round-10 tables, part A (split from evalgen_round10.py to keep files small; the output is unchanged)."""

from __future__ import annotations

from datetime import date, datetime

from stdnum.br import cpf
from stdnum.mx import rfc
from stdnum.nl import bsn
from stdnum.tr import tckimlik

from lakehouse.ingest.pii.evalgen_lists import STREET_LINE_PART
from lakehouse.ingest.pii.evalgen_round10_gen import Gen
from lakehouse.ingest.pii.evalgen_round10_names import (
    BR_FIRST,
    BR_LAST,
    BR_MOTHER,
    DE_FIRST,
    DE_LAST,
    FR_FIRST,
    FR_LAST,
    ID_FIRST,
    ID_LAST,
    MX_FIRST,
    MX_LAST,
    NL_LAST,
    TR_FIRST,
    TR_LAST,
)


def _feuerwehr(g: Gen) -> None:
    n = g.start("ff_einsatzkraefte_export")
    first = [g.rng.choice(DE_FIRST) for _ in range(n)]
    last = [g.rng.choice(DE_LAST) for _ in range(n)]
    towns = [
        ("83646", "Bad Tölz"),
        ("83661", "Lenggries"),
        ("83670", "Bad Heilbrunn"),
        ("83623", "Dietramszell"),
        ("83684", "Tegernsee"),
        ("82538", "Geretsried"),
    ]
    home = [g.rng.choice(towns) for _ in range(n)]
    streets = [
        "Hauptstr.",
        "Bahnhofstraße",
        "Am Mühlbach",
        "Kirchweg",
        "Lindenallee",
        "Isarwinkel",
        "Gartenstr.",
        "Sonnenleite",
        "Wolfratshauser Str.",
    ]
    g.add("Pers.-Nr.", lambda i: f"FF{i + 1017:05d}")
    g.add("Nachname", last, "person_name", 0.08)
    g.add("Vorname", first, "person_name", 0.05)
    g.add(
        "Geb.-Datum",
        lambda i: g.pick("{:%d.%m.%Y}", "{:%d.%m.%y}", "{:%Y-%m-%d}").format(g.birth(1960, 2008)),
        "date_of_birth",
        0.08,
    )
    g.add(
        "Straße / Hausnr.",
        lambda i: f"{g.rng.choice(streets)} {g.rng.randint(1, 88)}{g.pick('', '', 'a', 'b')}",
        "address_part",
        0.1,
        note=STREET_LINE_PART,
    )
    g.add("PLZ", [t[0] for t in home], "postal_code", 0.05)
    g.add("Wohnort", [t[1] for t in home], "address_part", 0.05)
    g.add(
        "Handy",
        lambda i: g.pick(f"0171 {g.d(7)}", f"+49 160 {g.d(8)}", f"0152-{g.d(8)}", f"(0176) {g.d(3)} {g.d(4)}"),
        "phone",
        0.15,
    )
    g.add(
        "Funkrufname",
        lambda i: f"Florian Tölz {g.rng.randint(1, 9)}/{g.pick(10, 11, 40, 44, 46)}-{g.rng.randint(1, 3)}",
        note="vehicle radio call sign, holds a first name",
    )
    g.add("FS-Klasse", lambda i: g.pick("B", "BE", "C", "CE", "C1", "C1E", "B, C1"), note="licence class, not number")
    g.add(
        "Gerätehaus Tel.",
        lambda i: g.pick("08041 7612-0", "08042 9120", "08041 /76 12 22"),
        note="fire station's business phone",
    )
    notes = [
        "Atemschutzlehrgang 2025 abgeschlossen",
        "Maschinist LF 20",
        "Jugendfeuerwehr Betreuer",
        "",
        "Tagesalarmsicherheit nur Mo-Mi",
        "Wechsel aus FF Lenggries",
    ]
    g.add(
        "Bemerkung",
        lambda i: (
            g.pick(*notes)
            if g.rng.random() < 0.6
            else g.pick(
                f"tagsüber erreichbar unter 0171 {g.d(7)}",
                f"Rückruf bitte über Festnetz 08041 {g.d(5)}",
                f"neue Nummer: +49 152 {g.d(8)}",
            )
        ),
        contains=["phone"],
    )


def _koperasi(g: Gen) -> None:
    n = g.start("ksp_anggota_2026")
    female = [g.rng.random() < 0.55 for _ in range(n)]
    births = [g.birth(1955, 2004) for _ in range(n)]

    def nik(i: int) -> str:
        b = births[i]
        dd = b.day + (40 if female[i] else 0)
        return f"{g.pick('3173', '3275', '3578', '3471', '5171')}{g.rng.randint(1, 30):02d}{dd:02d}{b:%m%y}{g.d(4)}"

    g.add("no_anggota", lambda i: f"KSP-{g.pick('JKT', 'SBY', 'YOG')}-{i + 301:05d}")
    g.add(
        "nama_lengkap",
        lambda i: (
            f"{g.rng.choice(ID_FIRST)} {g.rng.choice(ID_LAST)}" if g.rng.random() < 0.8 else g.rng.choice(ID_FIRST)
        ),
        "person_name",
        0.08,
        note="some Indonesians have a single name",
    )
    g.add("nik", nik, "national_id", 0.06)
    g.add(
        "tempat_lahir",
        lambda i: g.pick("Jakarta", "Surabaya", "Klaten", "Medan", "Bantul", "Denpasar"),
        dirt=0.05,
        note="birthplace town alone",
    )
    g.add(
        "tgl_lahir",
        lambda i: g.pick("{:%d-%m-%Y}", "{:%d/%m/%Y}", "{:%Y-%m-%d}").format(births[i]),
        "date_of_birth",
        0.05,
    )
    g.add("jns_kel", ["P" if f else "L" for f in female])
    g.add(
        "alamat",
        lambda i: (
            f"{g.pick('Jl.', 'Jalan', 'Gg.')} {g.pick('Merdeka', 'Kenanga', 'Diponegoro', 'Melati', 'Sudirman')} "
            f"No. {g.rng.randint(1, 120)} RT {g.rng.randint(1, 12):03d}/RW {g.rng.randint(1, 9):03d}"
        ),
        "address",
        0.1,
    )
    g.add(
        "no_hp",
        lambda i: g.pick(f"0812-{g.d(4)}-{g.d(4)}", f"+62 813 {g.d(4)} {g.d(4)}", f"0857{g.d(8)}", f"62821{g.d(7)}"),
        "phone",
        0.12,
    )
    g.add("no_rekening", lambda i: g.pick(g.d(10), f"{g.d(4)}-01-{g.d(6)}-50-{g.d(1)}", g.d(13)), "bank_account", 0.1)
    g.add(
        "nama_ibu_kandung",
        lambda i: g.rng.choice(ID_FIRST) + g.pick("", f" {g.rng.choice(ID_LAST)}"),
        "person_name",
        0.1,
        note="mother's name, also used as a verification answer; labelled as a name",
    )
    g.add(
        "catatan",
        lambda i: (
            g.pick("lunas", "angsuran ke-3", "", "pindah domisili", "pinjaman musiman")
            if g.rng.random() < 0.55
            else g.pick(
                f"hubungi suami di 0813{g.d(8)}", f"WA aktif 0812-{g.d(4)}-{g.d(4)}", f"bisa ditelp +62 857 {g.d(8)}"
            )
        ),
        contains=["phone"],
    )


def _jardins(g: Gen) -> None:
    n = g.start("jardins_familiaux_liste_attente")
    first = [g.rng.choice(FR_FIRST) for _ in range(n)]
    last = [g.rng.choice(FR_LAST) for _ in range(n)]
    towns = [("69100", "Villeurbanne"), ("69120", "Vaulx-en-Velin"), ("69200", "Vénissieux"), ("69500", "Bron")]
    home = [g.rng.choice(towns) for _ in range(n)]
    domains = ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "hotmail.fr"]
    g.add("N° dossier", lambda i: f"JF-{2024 + i % 3}-{g.d(4)}")
    g.add("Civilité", lambda i: g.pick("M.", "Mme", "Mme", "M"))
    g.add("NOM", [s.upper() for s in last], "person_name", 0.05)
    g.add("Prénom", first, "person_name", 0.05)
    g.add(
        "Adresse",
        lambda i: (
            f"{g.rng.randint(1, 140)}{g.pick('', ' bis', '')} {g.pick('rue', 'avenue', 'allée', 'chemin')} "
            f"{g.pick('des Lilas', 'Jean Jaurès', 'du 8 Mai 1945', 'Paul Bert', 'de la Soie', 'Émile Zola')}"
        ),
        "address_part",
        0.1,
        note=STREET_LINE_PART,
    )
    g.add("CP", [t[0] for t in home], "postal_code", 0.03)
    g.add("Commune", [t[1] for t in home], "address_part", 0.03)
    g.add(
        "Tél.",
        lambda i: g.pick(
            f"06 {g.d(2)} {g.d(2)} {g.d(2)} {g.d(2)}",
            f"07{g.d(8)}",
            f"+33 6 {g.d(2)} {g.d(2)} {g.d(2)} {g.d(2)}",
            f"04.78.{g.d(2)}.{g.d(2)}.{g.d(2)}",
        ),
        "phone",
        0.1,
    )
    g.add("Courriel", [g.email(first[i], last[i], domains) for i in range(n)], "email", 0.12)
    g.add("Date inscription", lambda i: f"{g.day(date(2019, 1, 1), 2000):%d/%m/%Y}")
    g.add(
        "Parcelle souhaitée",
        lambda i: g.pick("indifférent", f"P-{g.rng.randint(1, 60)}", "Site Gratte-Ciel", "Site Bonneterre"),
    )

    def fr_mail() -> str:
        return g.email(g.rng.choice(FR_FIRST), g.rng.choice(FR_LAST), domains)

    g.add(
        "Commentaire",
        lambda i: (
            g.pick("", "relance faite", "souhaite parcelle avec abri", "déjà jardinier à Bron")
            if g.rng.random() < 0.55
            else g.pick(
                f"préfère être contacté par mail : {fr_mail()}",
                f"nouvelle adresse mail {fr_mail()} (l'ancienne ne marche plus)",
            )
        ),
        contains=["email"],
    )


def _cfdi(g: Gen) -> None:
    n = g.start("cfdi40_recibidos_emitidos")
    issuers = [
        ("FET980312KZ4", "FERRETERIA EL TORNILLO SA DE CV", "06700"),
        ("CMO1405229H1", "CONSULTORIO MEDICO OLIVOS SC", "44160"),
        ("PAN0911038T7", "PANIFICADORA LA NORTEÑA S DE RL DE CV", "64000"),
    ]
    iss = [g.rng.choice(issuers) for _ in range(n)]
    people = []
    for _ in range(n):
        f, p, m = g.rng.choice(MX_FIRST), g.rng.choice(MX_LAST), g.rng.choice(MX_LAST)
        b = g.birth(1950, 2003)
        stem = f"{p[0]}{next((c for c in p[1:] if c in 'AEIOU'), 'X')}{m[0]}{f[0]}{b:%y%m%d}"
        hom = "".join(g.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ123456789") for _ in range(2))
        people.append((f"{f} {p} {m}", stem + hom + rfc.calc_check_digit(stem + hom)))
    g.add("Comprobante.Folio", lambda i: f"{g.pick('A', 'F', 'FAC')}{i + 1501}")
    g.add(
        "Comprobante.Fecha",
        lambda i: g.stamp(datetime(2026, 1, 1), 300).isoformat(timespec="seconds"),
        type_="timestamp",
    )
    g.add("Emisor.Rfc", [t[0] for t in iss], note="company RFC, 12 characters")
    g.add("Emisor.Nombre", [t[1] for t in iss])
    g.add("Receptor.Rfc", [p[1] for p in people], "national_id", 0.04)
    g.add("Receptor.Nombre", [p[0] for p in people], "person_name", 0.04)
    g.add("Receptor.DomicilioFiscalReceptor", lambda i: f"{g.rng.randint(1000, 99999):05d}", "postal_code", 0.02)
    g.add("Comprobante.LugarExpedicion", [t[2] for t in iss], note="issuer's postal code: a business")
    g.add("Comprobante.Total", lambda i: round(g.rng.uniform(58, 24000), 2))
    g.add("TimbreFiscalDigital.UUID", lambda i: g.uuid().upper())
    g.add(
        "CorreoReceptor",
        [
            g.email(
                p[0].split()[0].title(),
                p[0].split()[-2].title(),
                ["gmail.com", "hotmail.com", "prodigy.net.mx", "outlook.com"],
            )
            for p in people
        ],
        "email",
        0.15,
    )


def _cns(g: Gen) -> str:
    while True:
        pis = g.pick("1", "2") + g.d(10)
        total = sum(int(c) * (15 - i) for i, c in enumerate(pis))
        dv = 11 - total % 11
        if dv == 11:
            dv = 0
        if dv == 10:
            continue
        value = f"{pis}000{dv}"
        return g.pick(value, f"{value[:3]} {value[3:7]} {value[7:11]} {value[11:]}")


def _vacinacao(g: Gen) -> None:
    n = g.start("sipni_registro_vacinacao", health=True)
    births = [g.birth(1935, 2022) for _ in range(n)]

    def cpf_value(i: int) -> str:
        while True:
            v = g.d(11)
            if cpf.is_valid(v):
                return g.pick(cpf.format(v), v)

    g.add("cns_paciente", lambda i: _cns(g), "medical", 0.05, note="Cartão Nacional de Saúde: a patient number")
    g.add("nome_paciente", lambda i: f"{g.rng.choice(BR_FIRST)} {g.rng.choice(BR_LAST)}", "person_name", 0.05)
    g.add("cpf_paciente", cpf_value, "national_id", 0.1)
    g.add("dt_nascimento", lambda i: g.pick("{:%d/%m/%Y}", "{:%Y-%m-%d}").format(births[i]), "date_of_birth", 0.04)
    g.add("nome_mae", lambda i: f"{g.rng.choice(BR_MOTHER)} {g.rng.choice(BR_LAST)}", "person_name", 0.12)
    g.add(
        "telefone_contato",
        lambda i: g.pick(f"(81) 9{g.d(4)}-{g.d(4)}", f"+55 11 9{g.d(8)}", f"819{g.d(8)}"),
        "phone",
        0.2,
    )
    g.add("cep_residencia", lambda i: g.pick(f"{g.d(5)}-{g.d(3)}", g.d(8)), "postal_code", 0.08)
    g.add(
        "imunobiologico",
        lambda i: g.pick(
            "COVID-19 PFIZER - COMIRNATY",
            "INFLUENZA TRIVALENTE",
            "HEPATITE B",
            "DTP",
            "FEBRE AMARELA",
            "HPV QUADRIVALENTE",
            "dTpa adulto",
        ),
        "medical",
        0.03,
    )
    g.add(
        "lote",
        lambda i: g.pick(f"FN{g.d(4)}", f"{g.d(3)}VZA{g.d(3)}", f"L{g.d(6)}"),
        note="vaccine batch, a product code",
    )
    g.add("cnes_estabelecimento", lambda i: g.pick("2712547", "0000809", "2011875", "6498981"), note="facility code")
    g.add("dt_aplicacao", lambda i: f"{g.day(date(2026, 3, 1), 200):%Y-%m-%d}", type_="date")
    g.add(
        "vacinador",
        lambda i: f"{g.rng.choice(BR_FIRST).split()[0]} {g.rng.choice(BR_LAST)}",
        "person_name",
        0.05,
        note="nurse's name, in a table with health data",
    )


def _muhtarlik(g: Gen) -> None:
    n = g.start("mahalle_sakinleri_listesi")
    first = [g.rng.choice(TR_FIRST) for _ in range(n)]
    last = [g.rng.choice(TR_LAST) for _ in range(n)]

    def tc(i: int) -> str:
        body = str(g.rng.randint(1, 9)) + g.d(8)
        return body + tckimlik.calc_check_digits(body)

    g.add(
        "Adı Soyadı",
        [f"{first[i]} {last[i]}" if g.rng.random() < 0.8 else f"{first[i]} {last[i].upper()}" for i in range(n)],
        "person_name",
        0.05,
    )
    g.add("T.C. Kimlik No", tc, "national_id", 0.05)
    g.add(
        "Baba Adı",
        lambda i: g.pick("Ali", "Hasan", "Osman", "Recep", "Halil", "Mehmet", "Ramazan", "Süleyman"),
        "person_name",
        0.05,
        note="father's first name",
    )
    g.add(
        "Doğum Tarihi",
        lambda i: g.pick("{:%d.%m.%Y}", "{:%d/%m/%Y}").format(g.birth(1938, 2008)),
        "date_of_birth",
        0.05,
    )
    g.add(
        "Cep Tel",
        lambda i: g.pick(
            f"0532 {g.d(3)} {g.d(2)} {g.d(2)}",
            f"05{g.pick('05', '33', '42', '44', '52', '55')}{g.d(7)}",
            f"+90 (5{g.pick('01', '30', '36', '43', '54')}) {g.d(3)} {g.d(4)}",
        ),
        "phone",
        0.1,
    )
    g.add(
        "Adres",
        lambda i: (
            f"{g.pick('Atatürk Cad.', 'Gül Sk.', 'İnönü Blv.', 'Menekşe Sok.', 'Cumhuriyet Cd.')} "
            f"No:{g.rng.randint(1, 90)} D:{g.rng.randint(1, 16)}"
        ),
        "address_part",
        0.08,
        note=STREET_LINE_PART,
    )
    g.add(
        "Mahalle",
        lambda i: g.pick("Bahçelievler Mah.", "Yenişehir", "Kocatepe Mh.", "Fatih Mah."),
        "address_part",
        0.03,
    )
    g.add("Hane No", lambda i: f"H{g.rng.randint(1, 400):04d}")
    g.add("Medeni Hali", lambda i: g.pick("Evli", "Bekar", "Dul", "Boşanmış"))
    g.add(
        "E-Posta",
        [
            g.email(first[i], last[i], ["gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com.tr"])
            if g.rng.random() < 0.7
            else ""
            for i in range(n)
        ],
        "email",
        0.05,
        note="many blank",
    )


def _huisarts(g: Gen) -> None:
    g.start("his_export_verwijzingen", health=True)

    def bsn_value(i: int) -> str:
        while True:
            v = g.d(9)
            if bsn.is_valid(v):
                return v

    g.add("patientnr", lambda i: f"{g.rng.randint(100000, 999999)}", "medical", 0.02)
    g.add("bsn", bsn_value, "national_id", 0.05)
    g.add("voorletters", lambda i: g.pick("J.", "A.M.", "P.J.", "H.", "C.W.", "E.", "M.A.J."), note="initials only")
    g.add(
        "achternaam", lambda i: g.rng.choice(NL_LAST) + g.pick("", "", f"-{g.rng.choice(NL_LAST)}"), "person_name", 0.04
    )
    g.add("geb_datum", lambda i: g.pick("{:%d-%m-%Y}", "{:%Y%m%d}").format(g.birth(1930, 2024)), "date_of_birth", 0.03)
    g.add(
        "postcode",
        lambda i: (
            f"{g.rng.randint(1000, 9999)} {g.rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
            f"{g.rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
        ),
        "postal_code",
        0.05,
    )
    g.add("huisnr", lambda i: f"{g.rng.randint(1, 250)}{g.pick('', '', '-A', ' bis', 'hs')}", "address_part", 0.05)
    g.add("icpc", lambda i: g.pick("K86", "T90", "L03", "R96", "P76", "S88", "D12", "K77"), "medical")
    g.add("verwijzer_agb", lambda i: g.pick("01012345", "01098765", "01054321"), note="GP's professional registry code")
    g.add("ontvanger", lambda i: g.pick("Rijnstate Arnhem", "Gelre ziekenhuizen", "Ziekenhuis Gelderse Vallei"))
    g.add(
        "toelichting",
        lambda i: (
            g.pick(
                "graag ochtendafspraak",
                "tolk nodig (Turks)",
                "",
                "patiënt slecht ter been",
                "svp beelden via Zorgdomein",
            )
            if g.rng.random() < 0.6
            else g.pick(f"patiënt overdag bereikbaar op 06-{g.d(8)}", f"bel dochter 06 {g.d(4)} {g.d(4)} voor afspraak")
        ),
        contains=["phone"],
    )


TABLES = (_feuerwehr, _koperasi, _jardins, _cfdi, _vacinacao, _muhtarlik, _huisarts)
