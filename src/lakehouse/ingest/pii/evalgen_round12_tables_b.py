"""Round 12 tables, part B: Nordic, Baltic and Serbian sources."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from lakehouse.ingest.pii import evalgen_round12_values as v
from lakehouse.ingest.pii.evalgen_round11_values import ascii_fold, birth_date, dirty, email_for
from lakehouse.ingest.pii.evalgen_round12_tables_a import Fakes, people, phi

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round12 import Table


def t_se_bostadsko(t: Table, f: Fakes) -> None:
    se, rng = f["sv_SE"], t.rng
    ps = people(t, se, 1955, 2006)
    t.add("personnummer", [v.se_personnummer(rng, p[3], rng.random() < 0.5) for p in ps], "national_id")
    t.add("förnamn", [p[0] for p in ps], "person_name")
    t.add("efternamn", [p[1] for p in ps], "person_name")
    t.add("e-post", [email_for(rng, p[0], p[1], ("telia.com", "gmail.com", "hotmail.se", "outlook.com"))
                     for p in ps], "email")
    t.add("mobilnummer", dirty(rng, [v.mobile(rng, "SE") for _ in ps], 0.05, ("",)), "phone")
    t.add("årsinkomst_kr", t.each(lambda: rng.randrange(180_000, 720_000, 1000)), "salary")
    t.add("ködagar", t.each(lambda: rng.randint(12, 5400)))
    t.add("önskat_område", t.each(lambda: rng.choice(["Söder", "Hammarby sjöstad", "Vällingby", "Kista", "valfritt"])))
    t.add("gatuadress", t.each(lambda: f"{se.street_name()} {rng.randint(1, 80)}{rng.choice(['', '', 'A', 'B'])}"),
          "address_part")
    t.add("postnummer", t.each(lambda: f"{rng.randint(100, 984)} {rng.randint(10, 99)}"), "postal_code")
    t.add("ort", t.each(lambda: rng.choice(["Stockholm", "Solna", "Sundbyberg", "Nacka", "Huddinge"])), "address_part")


@phi
def t_no_legevakt(t: Table, f: Fakes) -> None:
    no, rng = f["no_NO"], t.rng
    ps = people(t, no, 1930, 2024)
    t.add("fodselsnummer", [v.no_fodselsnummer(rng, p[3]) for p in ps], "national_id")
    t.add("pasient_navn", [f"{p[1]}, {p[0]}" for p in ps], "person_name")
    t.add("triage_farge", t.each(lambda: rng.choice(["rød", "oransje", "gul", "gul", "grønn", "blå"])), "medical")
    t.add("henvendelsesarsak", t.each(lambda: rng.choice(["brystsmerter", "kuttskade hånd", "feber barn",
                                                         "magesmerter", "tungpust", "forstuet ankel"])), "medical")
    t.add("icpc2", t.each(lambda: rng.choice(["K74", "S18", "A03", "D01", "R02", "L77"])), "medical")
    gps = [f"Dr. {no.last_name()}" for _ in range(5)]
    t.add("fastlege", t.each(lambda: rng.choice(gps)), "person_name")
    t.add("parorende_tlf", dirty(rng, [v.mobile(rng, "NO") for _ in ps], 0.2, ("", "ukjent")), "phone")
    t.add("ankomst", t.timestamps(datetime(2026, 11, 20), 14), type="timestamp")
    t.add("sentralbord", t.each(lambda: "116117"), note="the national out-of-hours number")


@phi
def t_dk_hojskole(t: Table, f: Fakes) -> None:
    dk, rng = f["da_DK"], t.rng
    ps = people(t, dk, 1998, 2008)
    t.add("cpr_nr", [v.dk_cpr(rng, p[3]) for p in ps], "national_id")
    t.add("fulde_navn", [f"{p[0]} {p[1]}" for p in ps], "person_name")
    t.add("vejnavn", t.each(lambda: dk.street_name()), "address_part")
    t.add("husnr", t.each(lambda: f"{rng.randint(1, 140)}{rng.choice(['', '', ', 2. tv', ', st. th', 'B'])}"),
          "address_part")
    t.add("postnr", t.each(lambda: str(rng.randint(1000, 9990))), "postal_code")
    t.add("by", t.each(lambda: rng.choice(["Aarhus C", "Odense M", "Vejle", "Aalborg", "Køge", "Esbjerg V"])),
          "address_part")
    t.add("allergier", dirty(rng, t.each(lambda: rng.choice(["nødder", "gluten", "laktose", "pollen", "penicillin"])),
                             0.6, ("", "ingen")), "medical")
    t.add("kursus", t.each(lambda: rng.choice(["Musik", "Friluftsliv", "Keramik", "Journalistik", "Politik"])))
    t.add("vaerelse", t.each(lambda: f"{rng.choice(['Nord', 'Syd', 'Gården'])}-{rng.randint(1, 30)}"))
    t.add("skolens_mobilepay", t.each(lambda: "61 45 82"), note="the school's MobilePay box number")


def t_fi_saunaseura(t: Table, f: Fakes) -> None:
    fi, rng = f["fi_FI"], t.rng
    ps = people(t, fi, 1945, 2004)
    t.add("jäsennumero", [f"SS-{i + 1000}" for i in range(t.n)])
    t.add("nimi", [f"{p[1]} {p[0]}" for p in ps], "person_name")
    t.add("henkilötunnus", dirty(rng, [v.fi_hetu(rng, p[3]) for p in ps], 0.05, ("",)), "national_id")
    t.add("tilinumero", [v.iban_of(rng, "FI") for _ in ps], "iban")
    t.add("puhelin", [v.mobile(rng, "FI") for _ in ps], "phone")
    t.add("jäsenmaksu_eur", t.each(lambda: rng.choice([45, 45, 60, 25])))
    t.add("vuoro", t.each(lambda: rng.choice(["ti naiset", "ke miehet", "to yhteis", "la perhe"])))
    t.add("liittymispvm", t.each(lambda: f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(1995, 2026)}"))
    seura = v.company_id(rng, "FI")
    t.add("seuran_ytunnus", t.each(lambda: seura), note="the society's business id")


def t_ee_ariregister(t: Table, f: Fakes) -> None:
    ee, rng = f["et_EE"], t.rng
    ps = people(t, ee, 1950, 1998)
    names = t.each(lambda: f"{ee.last_name()} {rng.choice(['OÜ', 'AS', 'Tech OÜ', 'Consulting OÜ'])}")
    t.add("ärinimi", names)
    t.add("registrikood", t.each(lambda: v.company_id(rng, "EE")), note="company register code, check digit")
    t.add("juhatuse_liige", [f"{p[0]} {p[1]}" for p in ps], "person_name")
    t.add("isikukood", [v.baltic_personal_code(rng, p[3], p[2], False) for p in ps], "national_id")
    t.add("e_post", [f"{rng.choice(['info', 'arved', 'kontor'])}@{ascii_fold(n.split()[0]).lower()}.ee" for n in names],
          note="the company's own mailbox")
    t.add("telefon", t.each(lambda: f"{rng.choice(['+372 ', ''])}6{rng.randint(10, 99)} {rng.randint(1000, 9999)}"),
          note="company switchboard")
    streets = ["Narva mnt", "Pärnu mnt", "Tartu mnt", "Ahtri", "Veerenni", "Sõpruse pst", "Lõõtsa", "Telliskivi"]
    t.add("aadress", t.each(lambda: f"Harju maakond, Tallinn, {rng.choice(streets)} {rng.randint(1, 60)}"),
          note="registered office")
    t.add("asutatud", t.each(lambda: f"{rng.randint(1995, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
          type="date")
    t.add("osakapital_eur", t.each(lambda: rng.choice([2500, 0.01, 25000, 1])))


def t_lt_peticija(t: Table, f: Fakes) -> None:
    lt, rng = f["lt_LT"], t.rng
    ps = people(t, lt, 1940, 2008)
    t.add("vardas_pavarde", [f"{p[0]} {p[1]}" for p in ps], "person_name")
    t.add("asmens_kodas", [v.baltic_personal_code(rng, p[3], p[2], True) for p in ps], "national_id")
    t.add("gimimo_metai", [p[3].year for p in ps], "date_of_birth_part")
    t.add("gimimo_menuo", [p[3].month for p in ps], "date_of_birth_part")
    t.add("gimimo_diena", [p[3].day for p in ps], "date_of_birth_part")
    t.add("savivaldybe", t.each(lambda: rng.choice(["Vilniaus m.", "Kauno r.", "Klaipėdos m.", "Šiaulių m."])))
    t.add("el_pastas", [email_for(rng, p[0], p[1], ("gmail.com", "one.lt", "inbox.lt")) for p in ps], "email")
    t.add("pasirasyta", t.timestamps(datetime(2026, 5, 1), 30), type="timestamp")
    t.add("ip_adresas", t.each(lambda: f"{rng.choice([78, 88, 213, 84])}.{rng.randint(0, 255)}."
                                       f"{rng.randint(0, 255)}.{rng.randint(1, 254)}"), "ip_address")
    t.add("patvirtinta", t.each(lambda: rng.random() < 0.9))


def t_rs_maticna_knjiga(t: Table, f: Fakes) -> None:
    rng = t.rng
    men = ["Марко", "Никола", "Стефан", "Милош", "Лазар", "Душан", "Петар", "Немања"]
    women = ["Јована", "Милица", "Ана", "Теодора", "Катарина", "Марија", "Сара", "Невена"]
    last = ["Јовановић", "Петровић", "Николић", "Марковић", "Ђорђевић", "Стојановић", "Илић", "Павловић"]
    latin = str.maketrans(dict(zip("АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШабвгдђежзијклмнопрстћуфхцчш",
                                    "ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠabvgdđežzijklmnoprstćufhcčš", strict=True))
                           | {"Љ": "Lj", "Њ": "Nj", "Џ": "Dž", "љ": "lj", "њ": "nj", "џ": "dž"})
    t.add("младожења", t.each(lambda: f"{rng.choice(men)} {rng.choice(last)}"), "person_name")
    t.add("jmbg_mladozenje", t.each(lambda: v.rs_jmbg(rng, birth_date(rng, 1970, 2002), False)), "national_id")
    t.add("невеста", t.each(lambda: f"{rng.choice(women)} {rng.choice(last)}"), "person_name")
    t.add("jmbg_neveste", t.each(lambda: v.rs_jmbg(rng, birth_date(rng, 1972, 2004), True)), "national_id")
    t.add("kum", t.each(lambda: f"{rng.choice(men + women)} {rng.choice(last)}".translate(latin)), "person_name")
    t.add("datum_vencanja", t.each(lambda: f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2026."))
    t.add("opstina", t.each(lambda: rng.choice(["Стари град", "Нови Сад", "Ниш - Медијана", "Крагујевац"])))
    t.add("broj_knjige", t.each(lambda: f"{rng.randint(1, 9)}/{rng.randint(1, 400)}-2026"))


TABLES_B = [t_se_bostadsko, t_no_legevakt, t_dk_hojskole, t_fi_saunaseura, t_ee_ariregister, t_lt_peticija,
            t_rs_maticna_knjiga]
