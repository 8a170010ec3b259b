"""Round-13 held-out tables, part B: South Asian, Irish and Catalan exports (evalgen_round13.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import ascii_fold, digits, dirty, email_for, es_dni_or_nie, phone
from lakehouse.ingest.pii.evalgen_round11_values import make_iban as make_iban_11
from lakehouse.ingest.pii.evalgen_round13_values import ie_pps, mobile

if TYPE_CHECKING:
    from lakehouse.ingest.pii.evalgen_round13 import Table

F = dict[str, Faker]
_BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def t_bd_poshak_betan(t: Table, fake: F) -> None:
    f, r = fake["bn_BD"], t.rng
    ppl = t.people(f, 1975, 2006)
    t.add("কর্মী_আইডি", [f"GF-{r.randint(1000, 9999)}" for _ in ppl])
    t.add("নাম", [f"{p[0]} {p[1]}" for p in ppl], "person_name")
    nid = [r.choice([digits(r, 10), f"{p[2].year}{digits(r, 13)}", digits(r, 13)]) for p in ppl]
    t.add("এনআইডি", dirty(r, [v.translate(_BN_DIGITS) if r.random() < 0.15 else v for v in nid], 0.05, ("", "নাই")),
          "national_id")
    t.add("মোবাইল", [mobile(r, "BD") for _ in ppl], "phone")
    pay = [r.randrange(12_500, 32_000, 50) for _ in ppl]
    t.add("বেতন", [f"{v:,}" if r.random() < 0.5 else str(v).translate(_BN_DIGITS) for v in pay], "salary")
    t.add("সেকশন", t.pick(["সুইং লাইন ৩", "কাটিং", "ফিনিশিং", "Sewing-7", "QC", "আয়রন"]))
    t.add("মেশিন_নং", [f"JUKI-{r.randint(100, 999)}" for _ in ppl])
    t.add("যোগদানের_তারিখ", t.dates(date(2016, 1, 1), 3200), type="date")
    t.add("জন্ম_তারিখ", [p[2].strftime("%d/%m/%Y") for p in ppl], "date_of_birth")


def t_ta_dialysis_register(t: Table, fake: F) -> None:
    f, r = fake["ta_IN"], t.rng
    ppl = t.people(f, 1945, 1995)
    t.add("நோயாளி_எண்", [f"DLY/{r.choice(['CBE', 'MDU', 'TRY'])}/{r.randint(1, 4999):05d}" for _ in ppl], "medical")
    t.add("பெயர்", [f"{p[0]} {p[1]}" if r.random() < 0.7 else f"{p[1][0]}. {p[0]}" for p in ppl], "person_name")
    t.add("வயது", [2026 - p[2].year for p in ppl], note="age alone; no category")
    t.add("கைபேசி", dirty(r, [phone(r, "IN") for _ in ppl], 0.05, ("", "இல்லை")), "phone")
    t.add("இரத்த_வகை", t.pick(["A+", "B+", "O+", "AB+", "O-", "B-", "ஓ+", "பி+"]), "medical")
    t.add("நோயறிதல்", t.pick(["CKD நிலை 5", "நீரிழிவு சிறுநீரக நோய்", "ESRD - HTN", "N18.5", "பாலிசிஸ்டிக் சிறுநீரகம்",
                             "CKD 5D on MHD"]), "medical")
    t.add("உலர்_எடை_கிகி", [round(r.uniform(42, 96), 1) for _ in ppl], "medical", note="clinical measurement")
    streets = ["காந்தி சாலை", "நேரு தெரு", "பெரியார் நகர்", "அண்ணா சாலை", "கோவில் தெரு", "Mettu St", "VOC Nagar"]
    towns = ["கோயம்புத்தூர்", "மதுரை", "திருச்சி", "ஈரோடு", "திருப்பூர்", "சேலம்", "Pollachi"]
    t.add("முகவரி", [f"{r.randint(1, 220)}, {r.choice(streets)}, {r.choice(towns)} - {r.randint(600001, 643253)}"
                     for _ in ppl], "address")
    t.add("அமர்வு_நேரம்", t.timestamps(datetime(2025, 9, 1), 30))
    t.add("இயந்திர_எண்", [f"FMC-4008S-{r.randint(1, 24):02d}" for _ in ppl], note="dialysis machine")


t_ta_dialysis_register.phi = True  # type: ignore[attr-defined]


def t_np_trekking_permits(t: Table, fake: F) -> None:
    f, r = fake["ne_NP"], t.rng
    hikers = [fake[r.choice(["en_GB", "es_ES", "en_US", "is_IS"])] for _ in range(t.n)]
    t.add("अनुमति_नं", [f"ACAP-{r.randint(2025, 2026)}-{r.randint(1, 99999):05d}" for _ in range(t.n)])
    t.add("पथयात्री_नाम", [ascii_fold(h.name()) if r.random() < 0.8 else h.name().upper() for h in hikers],
          "person_name")
    t.add("राहदानी_नं", [r.choice([digits(r, 9), f"{r.choice('PXAE')}{digits(r, 7)}{r.choice('ABCDE')}",
                                   f"{r.choice('ABCK')}{digits(r, 7)}"]) for _ in hikers], "passport")
    t.add("राष्ट्रियता", t.pick(["British", "Spanish", "American", "Icelandic", "UK", "USA"]))
    t.add("गाइड_नाम", [f.name() for _ in hikers], "person_name")
    t.add("गाइड_मोबाइल", [mobile(r, "NP") for _ in hikers], "phone")
    t.add("आपतकालीन_सम्पर्क", dirty(r, [mobile(r, "GB") if r.random() < 0.5 else mobile(r, "ES") for _ in hikers],
                                    0.1, ("", "N/A")), "phone")
    t.add("एजेन्सी_फोन", t.pick(["01-4412345", "01-4700981", "061-465123", "+977 1 4419882"]),
          note="the trekking agency's office line")
    t.add("प्रवेश_समय", t.timestamps(datetime(2025, 10, 1), 60))


def t_ga_club_iomanaiochta(t: Table, fake: F) -> None:
    f, r = fake["ga_IE"], t.rng
    ppl = t.people(f, 2008, 2019)
    towns = {"H91": "Gaillimh", "T12": "Corcaigh", "V94": "Luimneach", "F91": "Sligeach", "A92": "Droichead Átha",
             "D04": "Baile Átha Cliath 4", "P31": "Maigh Chromtha"}
    streets = ["Bóthar na Trá", "Sráid an Mhuilinn", "Ascaill Naomh Pádraig", "Páirc an Chrócaigh", "Cnoc na Gaoithe",
               "Lána an tSéipéil"]
    keys = [r.choice(list(towns)) for _ in ppl]
    t.add("ainm", [p[0] for p in ppl], "person_name")
    t.add("sloinne", [p[1] for p in ppl], "person_name")
    t.add("ainm_tuismitheora", [f"{f.first_name()} {p[1]}" for p in ppl], "person_name")
    t.add("uimhir_pps", dirty(r, [ie_pps(r) for _ in ppl], 0.1, ("", "le fáil")), "national_id")
    t.add("dáta_breithe", [p[2].isoformat() for p in ppl], "date_of_birth", type="date")
    t.add("seoladh", [f"{r.randint(1, 80)} {r.choice(streets)}, {towns[k]}" for k in keys], "address")
    t.add("éirchód", [f"{k} {r.choice('ACDEFHKNPRTVWXY')}{digits(r, 1)}{r.choice('ACDEFHKNPRTVWXY')}{digits(r, 1)}"
                      if r.random() < 0.85 else f"{k}{digits(r, 4)}" for k in keys], "postal_code")
    t.add("fón_póca", [mobile(r, "IE") for _ in ppl], "phone")
    t.add("ríomhphost", dirty(r, [email_for(r, ascii_fold(f.first_name()), ascii_fold(p[1]).replace("'", ""),
                                            ("eircom.net", "gmail.com", "hotmail.com")) for p in ppl], 0.1, ("",)),
          "email")
    t.add("grád", t.pick(["F5", "F6", "F7", "F8", "F9", "F10", "Mionúir", "Sóisear"]))
    t.add("táille_íoctha", t.pick([True, True, False]))


def t_cat_colla_castellera(t: Table, fake: F) -> None:
    f, r = fake["es_ES"], t.rng
    ppl = t.people(f, 1955, 2015)
    places = {"08014": "Barcelona", "08201": "Sabadell", "43003": "Tarragona", "17002": "Girona", "25001": "Lleida",
              "08720": "Vilafranca del Penedès", "43800": "Valls", "08800": "Vilanova i la Geltrú"}
    vies = ["C. de Sants", "Carrer Major", "Rambla de Sant Francesc", "Pg. de Gràcia", "C. de la Creu", "Av. Catalunya"]
    cps = [r.choice(list(places)) for _ in ppl]
    t.add("nom", [p[0] for p in ppl], "person_name")
    t.add("cognoms", [f"{p[1]} {f.last_name()}" if r.random() < 0.8 else f"{p[1]} i {f.last_name()}" for p in ppl],
          "person_name")
    t.add("dni_nie", dirty(r, [es_dni_or_nie(r, 0.15) if p[2].year < 2008 else "" for p in ppl], 0.03, ("",)),
          "national_id")
    t.add("data_naixement", [p[2].strftime("%d/%m/%Y") for p in ppl], "date_of_birth")
    t.add("adreca", [f"{r.choice(vies)}, {r.randint(1, 300)}{r.choice(['', ', 2n 1a', ', baixos', ', 4t 2a'])}"
                     for _ in ppl], "address_part")
    t.add("codi_postal", cps, "postal_code")
    t.add("municipi", [places[c] for c in cps], "address_part")
    t.add("telefon_mobil", dirty(r, [mobile(r, "ES") for _ in ppl], 0.08, ("", "-")), "phone")
    t.add("correu_electronic", dirty(r, [email_for(r, p[0], p[1], ("gmail.com", "xtec.cat", "hotmail.com", "yahoo.es"))
                                         for p in ppl], 0.12, ("",)), "email")
    t.add("quota_iban", dirty(r, [make_iban_11(r, "ES") for _ in ppl], 0.3, ("", "efectiu")), "iban")
    t.add("posicio", t.pick(["pinya", "tronc", "dosos", "acotxador", "enxaneta", "baix", "crossa", "folre"]))


TABLES_B: list[Any] = [t_bd_poshak_betan, t_ta_dialysis_register, t_np_trekking_permits, t_ga_club_iomanaiochta,
                       t_cat_colla_castellera]
