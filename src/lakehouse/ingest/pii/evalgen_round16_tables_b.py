"""Round-16 held-out tables, part B: pharmacy, dentist, insurance, lending, banking, payroll, LMS, travel."""

from __future__ import annotations

from datetime import date, datetime

from faker import Faker

from lakehouse.ingest.pii.evalgen_round11_values import birth_date, digits, make_iban, passport, spaced_iban, us_ssn
from lakehouse.ingest.pii.evalgen_round16_values import (
    Table,
    br_cpf,
    case_mess,
    de_steuer_id,
    de_sv_nummer,
    email_from,
    ipv4,
    ipv6,
    mx_clabe,
    mx_curp,
    phone16,
    prose,
    se_personnummer,
    us_driver_license,
)

Fakers = dict[str, Faker]

_MEDS = ("Losartana 50mg", "Metformina 850mg", "Omeprazol 20mg", "Sinvastatina 20mg", "Amoxicilina 500mg",
         "Dipirona 1g", "Levotiroxina 75mcg", "Fluoxetina 20mg")


def t_r16_farmacia_dispensacao(t: Table, fake: Fakers) -> None:
    """Prescription dispensing log of a Brazilian pharmacy chain (Portuguese headers)."""
    br, rng = fake["br"], t.rng
    t.add("cod_venda", t.seq("{:09d}", 700_000_000, (1, 30)))
    cpfs = t.dirty([br_cpf(rng) for _ in range(t.n)], 0.1, ("", None, "NAO INFORMADO"))
    t.add("cpf_cliente", t.garble(cpfs), "national_id")
    t.add("nome_cliente", [case_mess(rng, br.name(), 0.3) for _ in range(t.n)], "person_name")
    t.add("celular", t.dirty([phone16(rng, "BR") for _ in range(t.n)], 0.15, ("", None)), "phone")
    t.add("medicamento", t.pick(_MEDS), "medical")
    t.add("posologia", t.pick(["1 cp 12/12h", "1 cp ao dia", "1 cp em jejum", "2 cp 8/8h por 7 dias"]), "medical")
    t.add("crm_prescritor", [f"CRM-{rng.choice(['SP', 'RJ', 'MG'])} {rng.randint(10000, 199999)}" for _ in range(t.n)],
          note="prescriber's professional registration, no category in docs/pii.md")
    t.add("dt_dispensacao", t.timestamps(datetime(2026, 10, 1), 50), type="timestamp")
    t.add("qtd", [rng.choice([1, 1, 2, 3]) for _ in range(t.n)])
    t.add("valor_total_r$", t.money(8, 240))


t_r16_farmacia_dispensacao.phi = True  # type: ignore[attr-defined]

_BEHANDLING = ("Undersökning", "Tandsten borttagning", "Fyllning 2 ytor", "Rotfyllning", "Extraktion",
               "Krona keramik", "Akut tandvärk")


def t_r16_tandvard_patienter(t: Table, fake: Fakers) -> None:
    """Patient register of a Swedish dental clinic (Swedish headers)."""
    se, rng = fake["se"], t.rng
    t.add("Personnummer", [se_personnummer(rng, birth_date(rng, 1940, 2018)) for _ in range(t.n)], "national_id")
    t.add("Förnamn", [se.first_name() for _ in range(t.n)], "person_name")
    t.add("Efternamn", [case_mess(rng, se.last_name()) for _ in range(t.n)], "person_name")
    t.add("Gatuadress", [se.street_address() for _ in range(t.n)], "address_part")
    t.add("Postnr", [(lambda p: p if rng.random() < 0.5 else f"{p[:3]} {p[3:]}")(se.postcode()) for _ in range(t.n)],
          "postal_code")
    t.add("Postort", [se.city().upper() if rng.random() < 0.3 else se.city() for _ in range(t.n)], "address_part")
    t.add("Mobilnr", t.dirty([phone16(rng, "SE") for _ in range(t.n)], 0.1, ("", None)), "phone")
    t.add("Senaste besök", t.dates(date(2025, 1, 1), 690))
    t.add("Åtgärd", t.pick(_BEHANDLING), "medical")
    t.add("Kostnad kr", [rng.choice([450, 790, 1250, 2890, 6400]) for _ in range(t.n)])


t_r16_tandvard_patienter.phi = True  # type: ignore[attr-defined]

_LOSS = ("REAR ENDED AT LIGHT ON {road}", "HAIL DAMAGE TO ROOF AND HOOD", "WATER LEAK FROM UPSTAIRS UNIT",
         "INSD BACKED INTO POLE IN PARKING LOT", "WINDSHIELD CHIP ON {road}", "THEFT OF CATALYTIC CONVERTER")


def t_r16_claims_legacy(t: Table, fake: Fakers) -> None:
    """Auto/home claims from a mainframe policy system: legacy ALL-CAPS short names."""
    us, rng = fake["us"], t.rng
    t.add("CLM_NO", t.seq("CL{:08d}", 26_000_000, (1, 99)))
    t.add("POL_NO", [f"PA{digits(rng, 9)}" for _ in range(t.n)], note="policy number")
    t.add("INSD_NM", [f"{us.last_name().upper()}, {us.first_name().upper()}" for _ in range(t.n)], "person_name")
    t.add("INSD_DOB", [birth_date(rng, 1940, 2004).strftime("%m%d%Y") for _ in range(t.n)], "date_of_birth")
    t.add("INSD_SSN", t.dirty([(lambda s: f"{s[:3]}-{s[3:5]}-{s[5:]}" if rng.random() < 0.5 else s)(us_ssn(rng))
                               for _ in range(t.n)], 0.1, ("", "000000000", None)), "ssn")
    t.add("DRV_LIC", t.dirty([us_driver_license(rng) for _ in range(t.n)], 0.25, ("", None)), "driver_license")
    t.add("VIN", [digits(rng, 1) + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(16))
                  for _ in range(t.n)], note="vehicle id, no category in docs/pii.md")
    t.add("LOSS_DT", t.dates(date(2026, 1, 1), 320, fmt="%Y%m%d"))
    t.add("LOSS_DESC", [rng.choice(_LOSS).format(road=rng.choice(["I-95", "RT 9", "MAIN ST"])) for _ in range(t.n)])
    t.add("RSRV_AMT", t.money(250, 40000))
    t.add("CLM_STAT", t.pick(["O", "C", "R", "P"]))


def t_r16_solicitudes_credito(t: Table, fake: Fakers) -> None:
    """Personal-loan applications of a Mexican lender (Spanish headers)."""
    mx, rng = fake["mx"], t.rng
    people = []
    for _ in range(t.n):
        female = rng.random() < 0.5
        first = mx.first_name_female() if female else mx.first_name_male()
        people.append((first, mx.last_name(), mx.last_name(), birth_date(rng, 1955, 2004), female))
    t.add("folio", t.seq("SOL-{:07d}", 1_200_000, (1, 20)))
    t.add("nombre_completo", [case_mess(rng, f"{f} {a} {b}") for f, a, b, _, _ in people], "person_name")
    t.add("curp", [mx_curp(rng, f, a, b, born, fem) for f, a, b, born, fem in people], "national_id")
    t.add("fecha_nac", [born.strftime("%d/%m/%Y") for *_, born, _ in people], "date_of_birth")
    t.add("correo", t.dirty([email_from(rng, f"{f} {a}", ("gmail.com", "hotmail.com", "outlook.es"))
                             for f, a, *_ in people], 0.1, ("", "sin correo")), "email")
    t.add("celular", [phone16(rng, "MX") for _ in range(t.n)], "phone")
    t.add("ingreso_mensual", [rng.randrange(8000, 90000, 500) for _ in range(t.n)], "salary")
    t.add("clabe_deposito", [mx_clabe(rng) for _ in range(t.n)], "bank_account")
    t.add("monto_solicitado", [rng.randrange(5000, 150000, 1000) for _ in range(t.n)])
    t.add("plazo_meses", t.pick([6, 12, 18, 24, 36]))
    t.add("estatus", t.pick(["APROBADA", "RECHAZADA", "EN REVISION", "DISPERSADA"]))


def t_r16_bank_statement_lines(t: Table, fake: Fakers) -> None:
    """Card and transfer lines of a German retail bank's account statements (CamelCase English headers)."""
    rng = t.rng
    ibans = [make_iban(rng, "DE") for _ in range(8)]
    merchants = ("REWE Markt GmbH", "Amazon EU S.a.r.l.", "Deutsche Bahn AG", "Shell Station 4471", "Netflix.com",
                 "Stadtwerke Leipzig", "IKEA Deutschland", "Lidl Dienstleistung")
    t.add("TxnId", t.seq("TX{:012d}", 880_000_000_000, (1, 5000)))
    t.add("AccountIban", [spaced_iban(rng, rng.choice(ibans)) for _ in range(t.n)], "iban")
    t.add("BookingDate", t.dates(date(2026, 10, 1), 60))
    t.add("ValueDate", t.dates(date(2026, 10, 1), 60))
    t.add("CounterpartyName", t.pick(merchants))
    t.add("Amount", [round(rng.uniform(-400, -2), 2) if rng.random() < 0.9 else 2850.0 for _ in range(t.n)])
    t.add("Currency", ["EUR"] * t.n)
    t.add("Mcc", t.pick(["5411", "5942", "4111", "5541", "4899", "4900", "5712"]))
    t.add("CardMasked", [f"****{digits(rng, 4)}" if rng.random() < 0.7 else "" for _ in range(t.n)])
    t.add("Purpose", [f"{rng.choice(['KARTENZAHLUNG', 'LASTSCHRIFT', 'SEPA-UEBERWEISUNG'])} "
                      f"{rng.choice(['RE', 'INV', 'ABO'])}-{digits(rng, 6)}" for _ in range(t.n)])


def t_r16_lohnabrechnung(t: Table, fake: Fakers) -> None:
    """Monthly payroll extract of a German manufacturer (DATEV-like German headers)."""
    de, rng = fake["de"], t.rng
    lasts = [de.last_name() for _ in range(t.n)]
    borns = [birth_date(rng, 1962, 2005) for _ in range(t.n)]
    t.add("Personalnr", [str(rng.randint(10001, 19999)) for _ in range(t.n)])
    t.add("Name, Vorname", [f"{la}, {de.first_name()}" for la in lasts], "person_name")
    t.add("Steuer-IdNr", [de_steuer_id(rng) for _ in range(t.n)], "national_id")
    t.add("SV-Nummer", [de_sv_nummer(rng, b, la) for b, la in zip(borns, lasts, strict=True)], "national_id")
    t.add("Geburtsdatum", [b.strftime("%d.%m.%Y") for b in borns], "date_of_birth")
    t.add("StKl", t.pick(["1", "3", "4", "5", "1", "4"]))
    t.add("Kostenstelle", t.pick(["4100", "4200", "4310", "5000", "6100"]))
    t.add("Brutto (EUR)", [round(rng.uniform(2300, 7800), 2) for _ in range(t.n)], "salary")
    t.add("Std. Soll", t.pick([151.67, 173.33, 86.67, 130.0]))
    t.add("IBAN", [spaced_iban(rng, make_iban(rng, "DE")) for _ in range(t.n)], "iban")
    t.add("Abrechnungsmonat", ["2026-11"] * t.n)


def t_r16_lms_enrollments(t: Table, fake: Fakers) -> None:
    """Learning-management-system enrolments (Moodle-like export) of a company academy."""
    us, rng = fake["us"], t.rng
    names = [us.name() for _ in range(t.n)]
    t.add("username", [(lambda p: f"{p[0][0]}{p[-1]}".lower() + rng.choice(["", "", "1", "_ext"]))(n.split())
                       for n in names], "username")
    t.add("email", [email_from(rng, n, ("acme-corp.com", "acme-corp.com", "contractor.io")) for n in names], "email")
    t.add("course_shortname", t.pick(["SEC-101", "GDPR-2026", "FORKLIFT-B", "EXCEL-ADV", "ONBOARD"]))
    t.add("course_fullname", t.pick(["Security awareness", "Data protection basics", "Forklift safety B",
                                     "Advanced spreadsheets", "New starter onboarding"]))
    t.add("timeenrolled", t.timestamps(datetime(2026, 1, 1), 300), type="timestamp")
    t.add("progress %", [rng.randint(0, 100) for _ in range(t.n)])
    t.add("grade", [round(rng.uniform(40, 100), 1) if rng.random() < 0.7 else None for _ in range(t.n)])
    t.add("completed", t.pick([True, False]))
    t.add("lastip", [ipv4(rng) if rng.random() < 0.8 else ipv6(rng) for _ in range(t.n)], "ip_address")


def t_r16_gds_bookings(t: Table, fake: Fakers) -> None:
    """Travel-management company bookings from a GDS feed: PNR-style ALL-CAPS fields."""
    gb, de, rng = fake["gb"], fake["de"], t.rng
    pax, dob, nat, pp = [], [], [], []
    for _ in range(t.n):
        src, country = (gb, "GB") if rng.random() < 0.6 else (de, "DE")
        female = rng.random() < 0.5
        first = src.first_name_female() if female else src.first_name_male()
        pax.append(f"{src.last_name().upper()}/{first.upper()} {'MS' if female else 'MR'}")
        dob.append(birth_date(rng, 1950, 2003).strftime("%d%b%y").upper())
        nat.append(country)
        pp.append(passport(rng, country))
    t.add("PNR", ["".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)) for _ in range(t.n)])
    t.add("PAX_NAME", pax, "person_name")
    t.add("DOB", dob, "date_of_birth")
    t.add("NATIONALITY", nat)
    t.add("DOCS_PASSPORT", t.dirty(pp, 0.1, ("", None)), "passport")
    t.add("FLT", [f"{rng.choice(['LH', 'BA', 'EW', 'U2'])}{rng.randint(100, 2999)}" for _ in range(t.n)])
    t.add("DEP_ARR", t.pick(["LHR-FRA", "MUC-LHR", "TXL-EDI", "MAN-HAM", "FRA-LCY"]))
    t.add("DEP_DT", t.timestamps(datetime(2026, 12, 1), 45), type="timestamp")
    t.add("RBD", t.pick(list("YBMKQJ")))
    t.add("TTL_FARE_GBP", t.money(60, 900))
    t.add("CTC_M", t.dirty([phone16(rng, c) for c in nat], 0.2, ("", None)), "phone")
    remarks, kinds = prose(t, ("PAX REQ AISLE", "CTC EMAIL {email}", "VGML", "CTC {phone} FOR DISRUPTION", ""),
                           email=lambda: email_from(rng, gb.name(), ("gmail.com", "gmx.de")).upper(),
                           phone=lambda: phone16(rng, "GB"))
    t.add("OSI_RMKS", remarks, contains=kinds)


TABLES_B = [t_r16_farmacia_dispensacao, t_r16_tandvard_patienter, t_r16_claims_legacy, t_r16_solicitudes_credito,
            t_r16_bank_statement_lines, t_r16_lohnabrechnung, t_r16_lms_enrollments, t_r16_gds_bookings]
