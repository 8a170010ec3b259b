"""Header words in other languages, read as the English word the rules use, and national-id names.

Accents are dropped before lookup (``teléfono`` -> ``telefono``). The list covers the common words of
German, French, Spanish, Italian, Portuguese, Dutch, the Nordic languages, Polish, Czech, Slovak,
Hungarian, Romanian, Croatian, Finnish, Turkish and Indonesian for the concepts the rules know; it is a
vocabulary, not a translator, and English words that mean something else (``data``, ``tag``, ``by``)
are left out.
"""

from __future__ import annotations

from typing import Final


def _words(english: str, *foreign: str) -> dict[str, str]:
    return {word: english for word in foreign}


TRANSLATIONS: Final[dict[str, str]] = {
    **_words("name", "nombre", "nom", "nome", "naam", "navn", "namn", "nimi", "jmeno", "meno", "nume", "ime",
             "nev", "neve", "nama", "imie", "nafn", "adi", "isim"),
    **_words("surname", "apellido", "apellidos", "cognome", "nachname", "familienname", "sobrenome",
             "achternaam", "efternavn", "etternavn", "efternamn", "sukunimi", "nazwisko", "prijmeni",
             "priezvisko", "prezime", "soyadi", "soyad", "vezeteknev", "uzvards", "pavarde", "perekonnanimi",
             "eftirnafn", "priimek",
             # the particle of a Dutch surname in its own column (van, de, van der): part of the surname
             "tussenvoegsel", "tussenv", "voorvoegsel"),
    **_words("forename", "vorname", "prenom", "fornavn", "fornamn", "etunimi", "voornaam", "prenume",
             "keresztnev", "krstno", "eesnimi", "fornafn", "vards", "vardas"),
    **_words("birth", "geburt", "geburts", "geb", "nac", "nasc", "naiss", "nais", "naissance", "nascita",
             "nascimento", "nacimiento", "geboorte",
             "fodsel", "fodsels", "foedsel", "fodelse", "syntyma", "urodzenia", "narozeni", "narodenia",
             "nasterii", "nastere", "rodjenja", "rodenja", "szuletesi",
             "dogum", "lahir", "dzimsanas", "gimimo", "sunni",
             "faedingar", "rojstva"),
    **_words("date", "datum", "fecha", "dato", "datetime", "datums", "kuupaev", "dagsetning"),
    **_words("day", "dia", "jour", "giorno", "dag", "dzien"),
    **_words("month", "monat", "mes", "mois", "mese", "maand", "maned", "manad", "miesiac", "mesic", "honap"),
    **_words("year", "jahr", "ano", "anio", "annee", "anno", "jaar", "aar", "rok", "vuosi", "yil"),
    **_words("address", "adresse", "adresa", "adres", "adress", "direccion", "indirizzo", "endereco", "anschrift",
             "osoite", "adressi", "adresas", "alamat", "naslov", "heimilisfang", "aadress", "adrese", "bydliste",
             "bydlisko", "lakcim", "adresi"),
    **_words("street", "logradouro", "strasse", "strada", "calle", "rue", "rua", "straat", "gata", "gade", "gatan",
             "ulica", "ulice", "utca", "cesta", "katu", "sokak", "jalan", "vej", "vei", "stras", "iela", "gatve",
             "tanav", "ulitsa"),
    **_words("number", "nummer", "numero", "nro", "numer", "cislo", "szam", "broj", "numara", "nomor",
             "nr", "no", "num", "nbr", "nmbr", "numb"),
    **_words("tenant", "huurder", "mieter", "locataire", "inquilino", "inquilina", "najemca", "lejer", "leietaker",
             "hyresgast"),
    **_words("family", "famille", "familia", "famiglia", "familie", "fam"),
    **_words("passenger", "pax", "passagier", "pasajero", "passager", "passeggero", "passageiro"),
    **_words("member", "mbr", "mitglied", "miembro", "membre", "membro", "lid", "medlem", "jasen"),
    **_words("date", "tarih", "tarihi", "tanggal"),
    **_words("house", "haus", "casa", "huis", "hus", "talo", "dom", "dum", "haz", "kuca"),
    **_words("civic", "civique", "civico"),
    **_words("city", "stadt", "ort", "wohnort", "ciudad", "ville", "citta", "cidade", "miasto", "mesto",
             "varos", "kaupunki", "stad", "plaats", "woonplaats", "localidad", "comune", "gemeinde", "oras",
             "grad", "sehir", "kota", "poblacion", "municipio", "localite", "localita", "localitate", "telepules",
             "colonia", "kelurahan", "desa",
             "poststed", "postort", "linn",
             "miestas", "pilseta", "obec"),
    **_words("code", "codigo", "codice", "kod", "kode", "koodi", "kood", "cd"),
    **_words("postal", "postale", "posti", "pocztowy", "postovni", "postai", "postanski"),
    **_words("phone", "telefon", "telefono", "telefone", "telefoon", "tlf", "telf", "tfno", "puhelin",
             "telefonu", "telefonszam", "telepon", "simi", "telefonas", "talrunis", "telf"),
    **_words("mobile", "handy", "movil", "celular", "cellulare", "portable", "mobiel", "mobil",
             "matkapuhelin", "komorka", "mobilni", "ponsel", "mob"),
    **_words("email", "correo", "courriel", "epost", "sahkoposti", "eml", "netfang", "eposta", "epasts", "surel"),
    **_words("user", "benutzer", "usuario", "utilisateur", "utente", "gebruiker", "bruker", "bruger",
             "anvandare", "kayttaja", "uzytkownik", "uzivatel", "utilizator", "korisnik", "kullanici",
             "pengguna", "usr"),
    **_words("password", "passwort", "contrasena", "senha", "wachtwoord", "passord", "losenord", "salasana",
             "haslo", "heslo", "parola", "lozinka", "sifre", "kennwort"),
    **_words("answer", "antwort", "respuesta", "reponse", "risposta", "resposta", "antwoord", "svar",
             "vastaus", "odpowiedz", "odpoved", "raspuns", "odgovor", "cevap", "jawaban", "ans"),
    **_words("question", "frage", "pregunta", "domanda", "pergunta", "vraag", "sporsmal", "fraga", "kysymys",
             "pytanie", "otazka", "intrebare", "pitanje", "soru", "pertanyaan", "ques", "qn", "qstn"),
    **_words("security", "sicherheit", "sicherheits", "seguridad", "securite", "sicurezza", "seguranca",
             "beveiliging", "sikkerhet", "sakerhet", "turvallisuus", "bezpieczenstwa", "bezpecnost",
             "securitate", "sigurnost", "guvenlik", "keamanan", "sec"),
    **_words("secret", "geheim", "geheime", "secreta", "secrete", "secreto", "segreta", "segreto", "hemmelig",
             "hemlig", "salainen", "tajne", "rahasia"),
    **_words("salary", "gehalt", "lohn", "salario", "sueldo", "salaire", "stipendio", "loon", "lonn", "palkka",
             "wynagrodzenie", "pensja", "mzda", "fizetes", "salariu", "placa", "maas", "gaji", "alga", "atlyginimas",
             "palk", "laun"),
    **_words("account", "konto", "cuenta", "compte", "conto", "conta", "rekening", "tili", "szamla", "acct",
             "acc", "ucet", "uctu", "racun", "konts", "saskaita", "hesap"),
    **_words("card", "karte", "tarjeta", "carte", "carta", "cartao", "kaart", "kort", "kortti", "karta",
             "kartu", "karty", "kartes", "korteles", "kart", "kartica"),
    **_words("expiry", "ablauf", "vencimiento", "caducidad", "scadenza", "validade", "vervaldatum",
             "expiration", "expires", "expire", "expiring", "platnost", "platnosti", "gultigkeit", "gultig", "validita",
             "vigencia", "geldig", "voimassa"),
    **_words("passport", "reisepass", "pasaporte", "passeport", "passaporto", "passaporte", "paspoort", "passi",
             "paszport", "pasport", "pasaport", "paspor"),
    **_words("license", "licence", "licencia", "licenca", "permis", "fuhrerschein", "rijbewijs", "korkort",
             "korekort", "ajokortti", "lic"),
    **_words("driver", "conductor", "conducir", "conduire", "fahrer", "guida", "conducao", "drv"),
    **_words("tax", "steuer", "impuesto", "impot", "imposta", "imposto", "belasting", "skatt", "skat", "vero",
             "podatek", "pajak"),
    **_words("identity", "ausweis", "identidad", "identite", "identita", "identidade", "identiteit",
             "henkilollisyys"),
    **_words("patient", "paciente", "patiente", "paziente", "pacjent", "pacient", "potilas", "beteg", "pacients",
             "pacientas"),
    **_words("diagnosis", "diagnose", "diagnostico", "diagnosi", "diagnoza", "diagnostic", "diagnozis", "diagnoos",
             "diagnoze", "diagnostika", "teshis"),
    **_words("medication", "medikament", "medicamento", "medicament", "farmaco", "geneesmiddel", "lakemiddel",
             "laake", "lek", "lekarstwo"),
    **_words("allergy", "allergie", "alergia", "allergia", "alergie", "alergias", "allergien", "allergies"),
    **_words("contact", "kontakt", "contacto", "contatto", "contato"),
    **_words("mother", "madre", "mae", "mere", "mutter", "moeder", "ibu", "anne", "matka", "anya"),
    **_words("father", "padre", "pai", "pere", "vater", "vader", "ayah", "bapak", "ojciec", "otec"),
    **_words("spouse", "esposa", "esposo", "conjuge", "conjoint", "coniuge", "ehegatte", "ehepartner", "ehefrau",
             "ehemann", "echtgenoot", "suami", "istri", "mke", "mume"),
    **_words("child", "hijo", "hija", "filho", "filha", "enfant", "figlio", "figlia", "anak", "mtoto"),
    **_words("vaccine", "vacina", "vacuna", "vaccin", "vaccino", "impfstoff", "szczepionka", "vakcina", "rokote",
             "vaksin", "chanjo", "imunobiologico", "inmunobiologico", "imunizante"),
    **_words("vaccination", "vacinacao", "vacunacion", "impfung", "szczepienie", "ockovani", "rokotus", "vaksinasi",
             "imunizacao", "inmunizacion", "vaccinatie", "vaccinazione"),
    **_words("date", "tgl", "tggl"),  # Indonesian/Malay tanggal
    **_words("phone", "telp", "tlp"),  # Indonesian telepon
    **_words("salary", "salaris"),
    **_words("unit", "complemento", "toevoeging"),  # the flat or suite after the house number (pt, nl)
    **_words("place", "tempat", "lugar", "lieu", "luogo"),
    **_words("emergency", "notfall", "emergencia", "emergenza", "urgence", "noodgeval", "nodfall"),
    **_words("customer", "kunde", "kunden", "cliente", "klant", "asiakas", "klient", "musteri", "cust"),
    **_words("holder", "inhaber", "titular", "titulaire", "titolare", "houder", "innehaver", "haltija"),
    # a person's income (ingreso mensual, renda, revenu, Einkommen, reddito, inkomen); a firm's revenue is
    # "ventas", "chiffre d'affaires", "Umsatz"
    **_words("income", "ingreso", "ingresos", "renda", "rendimento", "rendimentos", "revenu", "revenus",
             "einkommen", "reddito", "inkomen", "dochod", "prijem", "jovedelem", "venit"),
    # a member of a mutual or a health plan (adhérent, afiliado, associado, iscritto)
    **_words("member", "adherent", "afiliado", "affilie", "iscritto"),
    # the reason for and the visit of a consultation, read with the medical phrases of name_words_health.py
    **_words("reason", "motif", "motivo", "anledning", "orsak", "grund"),
    **_words("visit", "consultation", "consulta", "visite", "visita", "besok", "konsultation", "bezoek", "visitas"),
    # travel abbreviations (GDS, airline and hotel exports): passenger, traveller
    **_words("passenger", "psgr", "psngr", "pssgr", "paxs"),
    **_words("traveler", "trvlr", "travlr"),
}

# Compound words (Germanic, Finnish) split before these endings: Telefonnummer, Geburtsdatum, Benutzername,
# Kontonummer, Manedslonn. Only endings that are not the tail of common English words (no "date").
SPLIT_SUFFIXES: Final = ("nummer", "numero", "number", "datum", "dato", "name", "naam", "namn", "navn", "nimi",
                         "adresse", "adresa", "adress", "adres", "inhaber", "kontakt",
                         "lonn", "lohn", "gehalt", "strasse", "karte",
                         "konto", "tunnus", "osoite", "palkka")

# National identity numbers by the name people give them (acronyms and national words).
NATIONAL_ID_WORDS: Final = (
    "oib", "cnp", "rfc", "cpr", "fnr", "fodselsnummer", "birth number", "henkilotunnus", "hetu", "ahv",
    "ahv number", "avs", "sv number", "svnr", "sozialversicherungs number", "vnr", "nss", "cuit", "cuil",
    "cedula", "cedula de identidad", "pps number", "ird number", "nhs number", "medicare number",
    "nric", "mykad", "nik", "ktp", "emso", "egn", "jmbg", "amka", "afm", "tckn", "tc kimlik", "kimlik",
    "kennitala", "isikukood", "asmens kodas", "personas kods", "rodne cislo", "szemelyi szam",
    "taj szam", "identity number", "personal identity number",
    "national number", "rijksregisternummer", "rijksregister", "insee", "numero securite sociale",
    "securite sociale", "seguridad social", "sicurezza sociale", "seguranca social", "nif", "nie", "dni",
    "tax number", "tax identification", "codice fiscale", "personnummer", "steuer id", "steuernummer",
    "identity card number", "nin", "bsn", "burgerservicenummer", "sofinummer", "pesel", "curp", "cpf", "nir",
    "sss", "sss number", "umid", "kimlik number", "id number", "bvn", "cnic", "fin code", "fin number",
    "snils", "pinfl", "hkid", "nida", "ssnit", "omang", "rnokpp", "ghana card", "huduma number", "voter id",
    "ic number", "nric number", "nic", "inn", "iin", "dui", "cui", "kra pin", "national identification number",
    "adoazonosito", "adoazonosito jel",
)
# Of those, the short or ambiguous ones (a NAT gateway, an INN drug name): only with values that validate.
WEAK_NATIONAL_ID_WORDS: Final = ("nic", "inn", "iin", "dui", "cui", "nin", "nie", "nif", "avs", "nik", "afm",
                                 "egn", "vnr", "id number", "sss", "tin", "sin", "rut", "tax number",
                                 "voter id")
