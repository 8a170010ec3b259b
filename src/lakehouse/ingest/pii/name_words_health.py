"""Health header words of other languages, read as the English word of a medical rule (name_rules.py), and
health phrases whose words mean something only together (``golongan darah``, ``kan grubu``: blood group).

Same concepts as the English rules: diagnosis, disease, symptom, treatment, medication, allergy,
blood group and pressure, medical history and record, the insured's number, and the people who treat
(doctor, nurse: weak roles, the values decide). German, Dutch, French, Italian, Spanish, Portuguese, Polish,
Czech, Indonesian/Malay, Turkish and Swahili. A vocabulary, not a translator: words that mean something else
in another language (Spanish ``hasta``, "until"; ``receta``, a prescription and a recipe; ``klacht``, a
customer's complaint too) are left out or kept inside phrases.
"""

from __future__ import annotations

from typing import Final


def _words(english: str, *foreign: str) -> dict[str, str]:
    return {word: english for word in foreign}


HEALTH_TRANSLATIONS: Final[dict[str, str]] = {
    **_words("diagnosis", "diagnosa", "diagnoosi", "befund", "bevinding", "utambuzi", "rozpoznanie"),
    **_words("disease", "krankheit", "erkrankung", "ziekte", "maladie", "malattia", "doenca", "penyakit", "hastalik",
             "choroba", "nemoc", "sairaus", "ugonjwa", "patologia", "pathologie", "pathology"),
    **_words("symptom", "symptome", "symptomen", "symptomes", "sintomas", "sintomi", "gejala", "belirti", "objawy",
             "dalili"),
    **_words("treatment", "behandlung", "behandeling", "traitement", "tratamiento", "tratamento", "trattamento",
             "terapia", "therapie", "pengobatan", "tedavi", "leczenie", "lecba", "hoito", "matibabu"),
    **_words("medication", "obat", "ilac", "medikation", "medicatie", "farmaci", "medicamentos", "medicamenti",
             "leki", "dawa", "arzneimittel", "medicijnen", "medicaments"),
    **_words("allergy", "alergi", "alerji", "allergieen", "allergene", "alergeny", "mzio"),
    **_words("anamnesis", "anamnese", "anamnesi", "anamnesis", "antecedents", "antecedentes", "prontuario",
             "krankengeschichte", "vorgeschichte", "epikrise"),
    **_words("insured", "versicherten", "versicherter", "versicherte", "verzekerde", "verzekerden", "assure",
             "assicurato", "asegurado", "segurado", "ubezpieczony", "pojistenec"),
    **_words("doctor", "doktor", "dokter", "arzt", "arztin", "hausarzt", "huisarts", "medecin", "lekarz", "lekar",
             "laakari", "daktari", "hekim"),
    **_words("nurse", "hemsire", "perawat", "enfermeira", "enfermera", "infirmier", "infirmiere", "krankenschwester",
             "pflegekraft", "verpleegkundige", "infermiere", "pielegniarka", "muuguzi"),
    **_words("patient", "pasien", "patienten", "patientin", "pacjenta", "pacienta", "potilaan"),
    # the dose to take (posologie, posología, Dosierung, dosering) and the Nordic words for the same concepts
    **_words("dosage", "posologia", "posologie", "dosierung", "dosering", "dosificacion", "dosagem", "dosaggio",
             "dawkowanie", "davkovani"),
    **_words("treatment", "behandling", "behandlingar", "tratament", "tratamientos", "tratamentos", "traitements"),
    **_words("diagnosis", "diagnos", "diagnoser", "diagnostik"),
    **_words("disease", "sjukdom", "sjukdomar", "sygdom", "sykdom", "sairaudet"),
    **_words("medication", "lakemedel", "legemiddel", "laegemiddel", "medicin", "mediciner", "medisin", "medisiner",
             "posologia medicamento"),
    **_words("symptom", "symtom", "symptomer", "besvar"),
}

# Health phrases of several words (read after HEALTH_TRANSLATIONS and name_words.py).
HEALTH_PHRASES: Final = (
    "anamnesis", "golongan darah", "gol darah", "kan grubu", "tipo sanguineo", "tipo de sangre", "gruppo sanguigno",
    "bloedgroep", "grupa krwi", "krevni skupina", "veriryhma", "blodgruppe", "blodgrupp", "aina ya damu",
    "tekanan darah", "tansiyon", "pressao arterial", "presion arterial", "pression arterielle", "pressione arteriosa",
    "blutdruck", "bloeddruk", "cisnienie krwi", "verenpaine", "shinikizo la damu",
    "riwayat penyakit", "rekam medis", "number rm", "medical history", "hasta number", "hasta dosya number",
    "cartao sus", "card sus", "number sus", "cartao nacional de saude", "bpjs", "number bpjs", "bpjs kesehatan",
    "card bpjs",
    # the reason for a consultation: motif de consultation, motivo de consulta, motivo della visita, Besuchsgrund,
    # besöksorsak (name_words.py reads motif/motivo as reason and consulta/visite/besök as visit)
    "reason visit", "reason de visit", "reason da visit", "reason do visit", "reason della visit", "reason di visit",
    "reason de la visit", "besuchsgrund", "konsultationsgrund", "behandlungsgrund", "besoksorsak", "vardorsak",
)
# The Turkish patient (hasta) is also Spanish "until" (valido_hasta): only "hasta adi", a patient's name.
HEALTH_PERSON_PHRASES: Final = ("hasta name", "hasta name surname")
