"""Round-18 held-out tables, part C: exports whose headers come in the source's language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from lakehouse.ingest.pii.evalgen_round11_values import es_dni_or_nie, it_codice_fiscale, pl_pesel
from lakehouse.ingest.pii.evalgen_round16_values import Table, br_cpf, ipv4, prose
from lakehouse.ingest.pii.evalgen_round18_values import BLANKS, col, dob, masked_pan, people, plate

Fakes = dict[str, Any]


def t_cleverreach_empfaenger(t: Table, fake: Fakes) -> None:
    f = fake["de"]
    ps = people(t, f, "de")
    t.add("E-Mail", col(t, ps, "email", garble=0.03), "email")
    t.add("Anrede", [("Frau" if p.female else "Herr") if t.rng.random() < 0.85 else "" for p in ps])
    t.add("Vorname", col(t, ps, "first", mess=0.15, blank=0.1, lang="de"), "person_name")
    t.add("Nachname", col(t, ps, "last", mess=0.15, blank=0.1, lang="de"), "person_name")
    t.add("Straße", t.dirty([f.street_address() for _ in range(t.n)], 0.4, BLANKS["de"]), "address_part")
    t.add("PLZ", t.dirty([f.postcode() for _ in range(t.n)], 0.3, BLANKS["de"]), "postal_code")
    t.add("Ort", t.dirty([f.city() for _ in range(t.n)], 0.3, BLANKS["de"]), "address_part")
    t.add("Geburtstag", t.dirty(dob(t, ps, "%d.%m.%Y"), 0.5, BLANKS["de"]), "date_of_birth")
    t.add("Angemeldet am", t.timestamps(datetime(2022, 1, 1), 700, fmt="%d.%m.%Y %H:%M"))
    t.add("Quelle", t.pick(["Webformular", "Import", "Gewinnspiel", "Shop-Checkout"]))
    t.add("Anmelde-IP", [ipv4(t.rng) for _ in range(t.n)], "ip_address", note="double-opt-in proof")
    t.add("Bounces", [t.rng.choice([0, 0, 0, 1, 2]) for _ in range(t.n)])


def t_liste_electorale_commune(t: Table, fake: Fakes) -> None:
    f = fake["fr"]
    ps = people(t, f, "fr", young=2006)
    t.add("num_electeur", t.seq("{}", 400_000, (1, 3)), note="register serial: no category, not labelled")
    t.add("nom_naissance", [p.last.upper() for p in ps], "person_name")
    t.add("nom_usage", [f.last_name().upper() if p.female and t.rng.random() < 0.4 else "" for p in ps],
          "person_name", note="married name, blank for most")
    t.add("prenoms", [p.first + (", " + f.first_name() if t.rng.random() < 0.5 else "") for p in ps], "person_name")
    t.add("sexe", ["F" if p.female else "M" for p in ps])
    t.add("date_naissance", dob(t, ps, "%d/%m/%Y"), "date_of_birth")
    t.add("lieu_naissance", [f"{f.city().upper()} ({t.rng.randint(1, 95):02d})" for _ in range(t.n)],
          note="birthplace town with its département: no category, not labelled (judgement)")
    t.add("adresse", [f.street_address() for _ in range(t.n)], "address_part")
    t.add("code_postal", t.pick(["69003", "69007", "69008"]), "postal_code")
    t.add("commune", t.pick(["LYON"]), "address_part", note="the commune beside the street")
    t.add("bureau_vote", t.pick(["0301", "0312", "0705", "0811"]))
    t.add("nationalite", t.pick(["FRANCAISE", "FRANCAISE", "ITALIENNE (UE)", "PORTUGAISE (UE)"]))


def t_alquiler_vehiculos_reservas(t: Table, fake: Fakes) -> None:
    f = fake["es"]
    ps = people(t, f, "es", young=2004)
    t.add("num_reserva", t.seq("RES{:08d}", 51_000_000))
    t.add("nombre_conductor", col(t, ps, "first", mess=0.2), "person_name")
    t.add("apellidos", [p.last + " " + f.last_name() for p in ps], "person_name")
    ids = [es_dni_or_nie(t.rng, 0.25) for _ in range(t.n)]
    t.add("dni_nie", ids, "national_id")
    t.add("permiso_conducir", [i if t.rng.random() < 0.7 else i[:-1] + "-" + i[-1] for i in ids], "driver_license",
          note="a Spanish licence carries the holder's DNI number; labelled by the column's role")
    t.add("fecha_nacimiento", dob(t, ps, "%d/%m/%Y"), "date_of_birth")
    t.add("telefono", col(t, ps, "phone", blank=0.1, lang="es"), "phone")
    t.add("email", col(t, ps, "email", blank=0.1, lang="es"), "email")
    t.add("matricula", [plate(t.rng, "es") for _ in range(t.n)], note="the company's car: negative")
    t.add("oficina_recogida", t.pick(["MAD T4", "BCN Sants", "AGP Aeropuerto", "VLC Joaquín Sorolla"]))
    t.add("tarjeta_garantia", [masked_pan(t.rng) for _ in range(t.n)], note="masked PAN: negative")
    t.add("importe_eur", [f"{t.rng.uniform(60, 900):.2f}".replace(".", ",") for _ in range(t.n)])


def t_biblioteka_czytelnicy(t: Table, fake: Fakes) -> None:
    f = fake["pl"]
    ps = people(t, f, "pl")
    t.add("nr_karty", t.seq("29000{:07d}", 1_000_000), note="library card barcode: no category, not labelled")
    t.add("imie", col(t, ps, "first", mess=0.15), "person_name")
    t.add("nazwisko", col(t, ps, "last", mess=0.15), "person_name")
    t.add("pesel", t.dirty([pl_pesel(t.rng, p.born, p.female) for p in ps], 0.1, BLANKS["pl"]), "national_id")
    t.add("adres_zamieszkania", [f.address().replace("\n", ", ") for _ in range(t.n)], "address")
    t.add("telefon", col(t, ps, "phone", blank=0.3, lang="pl"), "phone")
    t.add("email", col(t, ps, "email", blank=0.3, lang="pl"), "email")
    t.add("data_zapisu", t.dates(date(2015, 1, 1), 3000), type="date")
    t.add("kategoria", t.pick(["dorosły", "uczeń", "student", "senior"]))
    t.add("zaleglosci_zl", t.pick(["0,00", "0,00", "2,50", "12,00"]))
    t.add("wypozyczenia_aktywne", [t.rng.randint(0, 8) for _ in range(t.n)])


def t_fatura_energia_clientes(t: Table, fake: Fakes) -> None:
    f = fake["br"]
    ps = people(t, f, "br")
    t.add("nome_titular", col(t, ps, "full", mess=0.3), "person_name")
    t.add("cpf_titular", t.dirty([br_cpf(t.rng) for _ in range(t.n)], 0.05, BLANKS["br"]), "national_id")
    t.add("endereco_instalacao", [f.street_name() + ", " + f.building_number() for _ in range(t.n)], "address_part")
    t.add("bairro", [f.bairro() for _ in range(t.n)], "address_part")
    t.add("cep", [f.postcode() for _ in range(t.n)], "postal_code")
    t.add("num_instalacao", t.seq("{:010d}", 3_000_000_000, (1, 999)), note="meter/installation number")
    t.add("consumo_kwh", [t.rng.randint(60, 900) for _ in range(t.n)])
    t.add("valor_fatura", [f"R$ {t.rng.uniform(40, 900):.2f}".replace(".", ",") for _ in range(t.n)])
    t.add("vencimento", t.dates(date(2024, 8, 1), 30, fmt="%d/%m/%Y"))
    t.add("telefone_contato", col(t, ps, "phone", blank=0.2, lang="br"), "phone")
    t.add("email_fatura_digital", col(t, ps, "email", blank=0.5, lang="br"), "email")
    t.add("bandeira_tarifaria", t.pick(["verde", "amarela", "vermelha 1"]))


def t_vrijwilligers_rooster(t: Table, fake: Fakes) -> None:
    f = fake["nl"]
    ps = people(t, f, "nl")
    t.add("voornaam", col(t, ps, "first", mess=0.1), "person_name")
    t.add("tussenvoegsel", t.pick(["", "", "", "van", "de", "van der"]), note="surname particle alone: not labelled")
    t.add("achternaam", col(t, ps, "last", mess=0.1), "person_name")
    t.add("geboortedatum", t.dirty(dob(t, ps, "%d-%m-%Y"), 0.2, BLANKS["nl"]), "date_of_birth")
    t.add("postcode", [f.postcode() for _ in range(t.n)], "postal_code")
    t.add("huisnummer", [str(t.rng.randint(1, 240)) + t.rng.choice(["", "", "A", "-2"]) for _ in range(t.n)],
          "address_part")
    t.add("telefoonnummer", col(t, ps, "phone", lang="nl"), "phone")
    t.add("e-mailadres", col(t, ps, "email", blank=0.1, lang="nl"), "email")
    t.add("VOG datum", t.dates(date(2021, 1, 1), 1200, fmt="%d-%m-%Y"), note="certificate date: negative")
    t.add("dienst", t.pick(["voedselbank ma", "kledingbank za", "taalcafé do", "chauffeur"]))
    texts, kinds = prose(t, (
        "Bel bij uitval naar {phone} (buurvrouw)", "alleen ochtenden", "Heeft eigen auto",
        "Nieuw nummer: {phone}", "",
    ), phone=lambda: t.rng.choice(ps).phone)
    t.add("opmerkingen", texts, contains=kinds, note="coordinator remarks")


def t_immatricolazioni_ateneo(t: Table, fake: Fakes) -> None:
    f = fake["it"]
    ps = people(t, f, "it", young=2006)
    for p in ps:
        p.born = date(t.rng.randint(1998, 2006), p.born.month, min(p.born.day, 28))
    t.add("matricola", t.seq("{:06d}", 880_000), note="student number: no category, not labelled")
    t.add("cognome", [p.last.upper() for p in ps], "person_name")
    t.add("nome", [p.first.upper() for p in ps], "person_name")
    t.add("codice_fiscale", [it_codice_fiscale(t.rng, p.first, p.last, p.born, p.female) for p in ps], "national_id")
    t.add("data_nascita", dob(t, ps, "%d/%m/%Y"), "date_of_birth")
    t.add("comune_nascita", t.pick(["Roma", "Napoli", "Bari", "Lecce", "Torino", "Palermo", "Cosenza"]),
          note="birthplace town alone: not labelled")
    t.add("email_personale", col(t, ps, "email", blank=0.05, lang="it"), "email")
    t.add("cellulare", col(t, ps, "phone", blank=0.1, lang="it"), "phone")
    t.add("corso_di_laurea", t.pick(["L-8 Ingegneria", "L-18 Economia", "LM-41 Medicina", "L-11 Lingue"]))
    t.add("voto_diploma", t.pick([60, 72, 85, 90, 100, "100L"]))
    t.add("fascia_isee", t.pick(["1", "2", "3", "4", "5", "NON PRESENTATA"]),
          note="household means band for fees: not a salary value, not labelled")


TABLES_C = [t_cleverreach_empfaenger, t_liste_electorale_commune, t_alquiler_vehiculos_reservas,
            t_biblioteka_czytelnicy, t_fatura_energia_clientes, t_vrijwilligers_rooster, t_immatricolazioni_ateneo]
