"""Held-out round 14, tables C: exports with German, French, Spanish, Portuguese, Dutch, Italian, Japanese headers.

Label conventions: see evalgen_round14.py. Written without reading the detector or its word lists.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from lakehouse.ingest.pii import evalgen_round14_names as N
from lakehouse.ingest.pii import evalgen_round14_values as V
from lakehouse.ingest.pii.evalgen_round11_values import digits, make_iban, spaced_iban

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round14 import Table


def _de_address(t: Table) -> tuple[list[str], list[str], list[str], list[str]]:
    streets, numbers, plz, towns = [], [], [], []
    for _ in range(t.n):
        town, prefix = t.rng.choice(N.DE_CITIES)
        streets.append(t.rng.choice(N.STREETS["de"]))
        numbers.append(
            str(t.rng.randint(1, 180)) + (t.rng.choice(["a", "b", " c", "-3"]) if t.rng.random() < 0.15 else "")
        )
        plz.append(f"{prefix}{t.rng.randint(0, 999):03d}")
        towns.append(town)
    return streets, numbers, plz, towns


def t_de_kundenstamm(t: Table) -> None:
    ppl = V.people(t.rng, "de", t.n)
    streets, numbers, plz, towns = _de_address(t)
    t.add("Kundennr.", [f"K-{t.rng.randint(10000, 99999)}" for _ in range(t.n)])
    t.add("Vorname", V.messy_case(t.rng, [p.first for p in ppl]), "person_name")
    t.add("Nachname", V.pad(t.rng, V.messy_case(t.rng, [p.last for p in ppl])), "person_name")
    t.add("Straße", streets, "address_part")
    t.add("Hausnr.", numbers, "address_part")
    t.add("PLZ", plz, "postal_code")
    t.add("Ort", towns, "address_part")
    phones = [V.phone(t.rng, "DE") if t.rng.random() < 0.7 else V.landline_de(t.rng) for _ in range(t.n)]
    t.add("Telefon", V.blanks(t.rng, phones, 0.12, ("", "k.A.", "-", None)), "phone")
    t.add("E-Mail", V.blanks(t.rng, [p.email for p in ppl], 0.1, ("", "keine", None)), "email")
    t.add("Geburtsdatum", [f"{p.born:%d.%m.%Y}" if t.rng.random() > 0.1 else "" for p in ppl], "date_of_birth")
    t.add("IBAN", V.blanks(t.rng, [spaced_iban(t.rng, make_iban(t.rng, "DE")) for _ in range(t.n)], 0.3), "iban")
    notes = []
    for _ in range(t.n):
        r = t.rng.random()
        if r < 0.4:
            notes.append(f"Rückruf erbeten unter {V.phone(t.rng, 'DE')}, bitte nicht vor 10 Uhr.")
        elif r < 0.5:
            notes.append(f"Neue Handynummer: {V.phone(t.rng, 'DE')}")
        else:
            notes.append(
                t.rng.choice(
                    ["", "", "Lieferung an Packstation", "Mahnstufe 1", "Newsletter abbestellt", "Reklamation erledigt"]
                )
            )
    t.add("Bemerkung", notes, contains=["phone"])


def t_de_personalstamm(t: Table) -> None:
    ppl = V.people(t.rng, "de", t.n, first_year=1960, last_year=2004)
    t.add("Personalnummer", [f"{t.rng.randint(1000, 9999):05d}" for _ in range(t.n)])
    t.add("Name", [p.last for p in ppl], "person_name")
    t.add("Vorname", [p.first for p in ppl], "person_name")
    t.add(
        "Geb.-Datum",
        [f"{p.born:%d.%m.%y}" if t.rng.random() < 0.3 else f"{p.born:%d.%m.%Y}" for p in ppl],
        "date_of_birth",
    )
    t.add(
        "Steuer-ID",
        [
            (lambda s: f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}" if t.rng.random() < 0.4 else s)(V.de_steuer_id(t.rng))
            for _ in range(t.n)
        ],
        "national_id",
    )
    t.add("SV-Nummer", [V.de_rv_nummer(t.rng, p) for p in ppl], "national_id")
    t.add("Steuerklasse", t.pick(("I", "III", "IV", "V", "II", "1", "4")))
    t.add("Bruttogehalt mtl. (€)", [f"{t.rng.uniform(2200, 9500):.2f}" for _ in range(t.n)], "salary")
    t.add(
        "Eintrittsdatum", [f"{date(2003, 1, 1) + timedelta(days=t.rng.randrange(8000)):%d.%m.%Y}" for _ in range(t.n)]
    )
    t.add("Abteilung", t.pick(("Vertrieb", "Buchhaltung", "Lager", "IT", "Personal", "Einkauf")))


def t_fr_clients_boutique(t: Table) -> None:
    ppl = V.people(t.rng, "fr", t.n)
    addr, extra, cp, ville = [], [], [], []
    for _ in range(t.n):
        town, prefix = t.rng.choice(N.FR_CITIES)
        n = t.rng.randint(1, 140)
        addr.append(f"{n}{t.rng.choice(['', '', '', ' bis', ' ter'])} {t.rng.choice(N.STREETS['fr'])}")
        r = t.rng.random()
        extra.append(
            f"Bât. {t.rng.choice('ABC')}, {t.rng.randint(1, 9)}e étage"
            if r < 0.2
            else f"Appt {t.rng.randint(1, 60)}"
            if r < 0.35
            else "Résidence Les Pins"
            if r < 0.4
            else ""
        )
        cp.append(f"{prefix}{t.rng.randint(0, 20):02d}")
        ville.append(town.upper() if t.rng.random() < 0.3 else town)
    t.add("N° commande", [f"CMD{t.rng.randint(10**6, 10**7)}" for _ in range(t.n)])
    t.add("Nom", V.messy_case(t.rng, [p.last for p in ppl], 0.4), "person_name")
    t.add("Prénom", [p.first for p in ppl], "person_name")
    t.add("Adresse", addr, "address_part")
    t.add("Code postal", [c if t.rng.random() > 0.05 else c[:4] for c in cp], "postal_code")
    t.add("Ville", ville, "address_part")
    t.add(
        "Tél. portable",
        V.blanks(t.rng, [V.phone(t.rng, "FR") for _ in range(t.n)], 0.1, ("", "non communiqué")),
        "phone",
    )
    t.add("Courriel", [p.email for p in ppl], "email")
    t.add("Date de naissance", V.blanks(t.rng, [f"{p.born:%d/%m/%Y}" for p in ppl], 0.25), "date_of_birth")
    t.add("Montant TTC (€)", [f"{t.rng.uniform(9, 600):.2f}".replace(".", ",") for _ in range(t.n)])
    t.add("Statut", t.pick(("Expédiée", "En préparation", "Livrée", "Annulée", "Remboursée")))


def t_mx_clientes(t: Table) -> None:
    ppl = V.people(t.rng, "mx", t.n, first_year=1950, last_year=2005)
    places = [t.rng.choice(N.MX_PLACES) for _ in range(t.n)]
    t.add("Nombre completo", V.messy_case(t.rng, [f"{p.first} {p.last}" for p in ppl], 0.4), "person_name")
    t.add("CURP", [V.mx_curp(t.rng, p) for p in ppl], "national_id")
    t.add("RFC", V.blanks(t.rng, [V.mx_rfc_person(p, t.rng) for p in ppl], 0.2, ("", "XAXX010101000")), "national_id")
    t.add("Correo electrónico", V.blanks(t.rng, [p.email for p in ppl], 0.1), "email")
    t.add("Celular", [V.phone(t.rng, "MX") for _ in range(t.n)], "phone")
    t.add(
        "Calle y número",
        [
            f"{t.rng.choice(N.STREETS['mx'])} {t.rng.randint(1, 2400)}"
            + (f" Int. {t.rng.randint(1, 30)}" if t.rng.random() < 0.3 else "")
            for _ in range(t.n)
        ],
        "address_part",
    )
    t.add("Colonia", [t.rng.choice(N.MX_COLONIAS) for _ in range(t.n)], "address_part")
    t.add("C.P.", [f"{p[2]}{t.rng.randint(0, 999):03d}" for p in places], "postal_code")
    t.add("Alcaldía / Municipio", [p[0] for p in places], "address_part")
    t.add("Fecha de alta", [f"{date(2018, 1, 1) + timedelta(days=t.rng.randrange(3000)):%d/%m/%Y}" for _ in range(t.n)])
    t.add("Saldo (MXN)", [round(t.rng.uniform(-500, 25000), 2) for _ in range(t.n)])


def t_br_cadastro(t: Table) -> None:
    ppl = V.people(t.rng, "br", t.n, first_year=1955, last_year=2007)
    places = [t.rng.choice(N.BR_PLACES) for _ in range(t.n)]
    t.add("nome_completo", V.messy_case(t.rng, [p.full for p in ppl], 0.3), "person_name")
    t.add("cpf", [V.format_cpf(t.rng, V.br_cpf(t.rng)) for _ in range(t.n)], "national_id")
    t.add("data_nasc", [f"{p.born:%d/%m/%Y}" for p in ppl], "date_of_birth")
    t.add("celular", [V.phone(t.rng, "BR") for _ in range(t.n)], "phone")
    t.add("email", [p.email for p in ppl], "email")
    t.add("logradouro", [t.rng.choice(N.STREETS["br"]) for _ in range(t.n)], "address_part")
    t.add(
        "numero", [str(t.rng.randint(1, 3000)) if t.rng.random() > 0.08 else "S/N" for _ in range(t.n)], "address_part"
    )
    t.add("bairro", [t.rng.choice(N.BR_BAIRROS) for _ in range(t.n)], "address_part")
    t.add(
        "cep",
        [(lambda c: f"{c[:5]}-{c[5:]}" if t.rng.random() < 0.7 else c)(f"{p[2]}{digits(t.rng, 7)}") for p in places],
        "postal_code",
    )
    t.add("cidade", [p[0] for p in places], "address_part")
    t.add("valor_pedido", [f"R$ {t.rng.uniform(20, 1500):.2f}".replace(".", ",") for _ in range(t.n)])
    cnpj_loja = "12.345.678/0001-95"
    t.add(
        "cnpj_loja",
        [cnpj_loja if t.rng.random() < 0.8 else "98.765.432/0001-98" for _ in range(t.n)],
        note="the shop's company tax id",
    )


def t_nl_huurders(t: Table) -> None:
    ppl = V.people(t.rng, "nl", t.n)
    places = [t.rng.choice(N.NL_CITIES) for _ in range(t.n)]
    t.add("huurdernummer", [f"H{t.rng.randint(100000, 999999)}" for _ in range(t.n)])
    t.add("tussenvoegsel", [t.rng.choice(N.NL_PREFIX) for _ in range(t.n)], "person_name")
    t.add("achternaam", [p.last for p in ppl], "person_name")
    t.add("straat", [t.rng.choice(N.STREETS["nl"]) for _ in range(t.n)], "address_part")
    t.add(
        "huisnr",
        [f"{t.rng.randint(1, 250)}{t.rng.choice(['', '', '', 'A', '-2', ' hs', 'bis'])}" for _ in range(t.n)],
        "address_part",
    )
    t.add(
        "postcode",
        [
            (lambda a, b: f"{a} {b}" if t.rng.random() < 0.7 else f"{a}{b}")(
                f"{p[1]}{t.rng.randint(10, 99)}", "".join(t.rng.choice("ABCDEGHJKLMNPRTVWXZ") for _ in range(2))
            )
            for p in places
        ],
        "postal_code",
    )
    t.add("woonplaats", [p[0].upper() if t.rng.random() < 0.2 else p[0] for p in places], "address_part")
    t.add("telefoonnummer", V.blanks(t.rng, [V.phone(t.rng, "NL") for _ in range(t.n)], 0.1, ("", "onbekend")), "phone")
    t.add("e-mailadres", [p.email for p in ppl], "email")
    t.add("BSN", [V.nl_bsn(t.rng) for _ in range(t.n)], "national_id")
    t.add("geboortedatum", [f"{p.born:%d-%m-%Y}" for p in ppl], "date_of_birth")
    notes = []
    for _ in range(t.n):
        r = t.rng.random()
        if r < 0.3:
            notes.append(f"Huurder wil voortaan incasso van {spaced_iban(t.rng, V.nl_iban(t.rng))}.")
        elif r < 0.55:
            notes.append(f"Bereikbaar op {V.phone(t.rng, 'NL')} ivm reparatie cv-ketel.")
        else:
            notes.append(
                t.rng.choice(["", "", "Huurachterstand 1 mnd", "Sleutel afgegeven", "Lekkage badkamer gemeld"])
            )
    t.add("opmerkingen", notes, contains=["iban", "phone"])


def t_it_polizze(t: Table) -> None:
    ppl = V.people(t.rng, "it", t.n, first_year=1945, last_year=2005)
    places = [t.rng.choice(N.IT_CITIES) for _ in range(t.n)]
    t.add("Numero polizza", [f"RCA/{t.rng.randint(2019, 2026)}/{t.rng.randint(10**5, 10**6)}" for _ in range(t.n)])
    t.add(
        "Contraente",
        [f"{p.last.upper()} {p.first.upper()}" if t.rng.random() < 0.5 else f"{p.first} {p.last}" for p in ppl],
        "person_name",
    )
    t.add("Codice fiscale", [V.it_cf(t.rng, p) for p in ppl], "national_id")
    t.add(
        "Indirizzo", [f"{t.rng.choice(N.STREETS['it'])}, {t.rng.randint(1, 200)}" for _ in range(t.n)], "address_part"
    )
    t.add("CAP", [f"{p[2]}{t.rng.randint(0, 99):02d}" for p in places], "postal_code")
    t.add("Comune", [p[0] for p in places], "address_part")
    t.add("Prov.", [p[1] for p in places])
    t.add("Cellulare", V.blanks(t.rng, [V.phone(t.rng, "IT") for _ in range(t.n)], 0.1), "phone")
    t.add("Email / PEC", [p.email if t.rng.random() < 0.8 else p.email.split("@")[0] + "@pec.it" for p in ppl], "email")
    t.add(
        "Targa",
        [
            f"{''.join(t.rng.choice('ABCDEFGHJKLMNPRSTVWXYZ') for _ in range(2))}{t.rng.randint(100, 999)}"
            f"{''.join(t.rng.choice('ABCDEFGHJKLMNPRSTVWXYZ') for _ in range(2))}"
            for _ in range(t.n)
        ],
        note="licence plate: no category in docs/pii.md",
    )
    t.add("Premio annuo (€)", [f"{t.rng.uniform(280, 1900):.2f}" for _ in range(t.n)])


def t_ja_kaiin(t: Table) -> None:
    rows = [(t.rng.choice(N.JA_FAMILY), t.rng.choice(N.JA_GIVEN)) for _ in range(t.n)]
    born = [V.birth_date(t.rng, 1945, 2006) for _ in range(t.n)]
    t.add("会員番号", [f"{t.rng.randint(10**7, 10**8 - 1)}" for _ in range(t.n)])
    t.add("氏名", [f"{f[0]}{'　' if t.rng.random() < 0.6 else ''}{g[0]}" for f, g in rows], "person_name")
    t.add("フリガナ", [f"{f[1]} {g[1]}" for f, g in rows], "person_name")
    t.add(
        "生年月日",
        [f"{b:%Y/%m/%d}" if t.rng.random() < 0.8 else f"{b.year}年{b.month}月{b.day}日" for b in born],
        "date_of_birth",
    )
    t.add("性別", t.pick(("男", "女", "女", "男", "")))
    t.add(
        "郵便番号",
        [
            (
                lambda z: (
                    f"〒{z[:3]}-{z[3:]}" if t.rng.random() < 0.3 else f"{z[:3]}-{z[3:]}" if t.rng.random() < 0.7 else z
                )
            )(digits(t.rng, 7))
            for _ in range(t.n)
        ],
        "postal_code",
    )
    addr = []
    for _ in range(t.n):
        pref, city, town = t.rng.choice(N.JA_PLACES)
        addr.append(
            f"{pref}{city}{town}{t.rng.randint(1, 5)}-{t.rng.randint(1, 30)}-{t.rng.randint(1, 20)}"
            + (
                f" {t.rng.choice(['サンハイツ', 'メゾン桜', 'グランドール'])}{t.rng.randint(101, 805)}号室"
                if t.rng.random() < 0.35
                else ""
            )
        )
    t.add("住所", addr, "address")
    t.add("電話番号", V.blanks(t.rng, [V.phone(t.rng, "JP") for _ in range(t.n)], 0.08), "phone")
    ascii_names = [(g[1], f[1]) for f, g in rows]
    romaji = {
        "サトウ": "sato",
        "スズキ": "suzuki",
        "タカハシ": "takahashi",
        "タナカ": "tanaka",
        "イトウ": "ito",
        "ワタナベ": "watanabe",
        "ヤマモト": "yamamoto",
        "ナカムラ": "nakamura",
        "コバヤシ": "kobayashi",
        "カトウ": "kato",
        "ヨシダ": "yoshida",
        "ヤマダ": "yamada",
        "ササキ": "sasaki",
        "マツモト": "matsumoto",
        "イノウエ": "inoue",
        "キムラ": "kimura",
        "ハヤシ": "hayashi",
        "シミズ": "shimizu",
        "ヤマグチ": "yamaguchi",
        "モリ": "mori",
    }
    t.add(
        "メールアドレス",
        [f"{romaji[fam]}{t.rng.randint(1, 999)}@{t.rng.choice(V.MAIL['ja'])}" for _, fam in ascii_names],
        "email",
    )
    t.add("ポイント残高", [t.rng.randint(0, 30000) for _ in range(t.n)])


TABLES_C = [
    t_de_kundenstamm,
    t_de_personalstamm,
    t_fr_clients_boutique,
    t_mx_clientes,
    t_br_cadastro,
    t_nl_huurders,
    t_it_polizze,
    t_ja_kaiin,
]
