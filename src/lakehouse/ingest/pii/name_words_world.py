"""Header words of the languages name_words.py lacks, romanised: Japanese (Hepburn), Chinese (pinyin), Korean
(Revised Romanisation), Hindi, Vietnamese and Malay (accents dropped), Swahili, Russian and Ukrainian; and
more Finnish, Polish, Czech and Nordic words. Same concepts as name_words.py: name, birth date, address
parts, phone, email, login, password and secret answer, national and tax ids, bank account, salary.

Single words are read as their English word; words too short or too common to read alone (Vietnamese
``ten``, Chinese ``ming``, Korean ``seong``) only count inside a phrase (``PHRASES``).
"""

from __future__ import annotations

from typing import Final


def _words(english: str, *foreign: str) -> dict[str, str]:
    return {word: english for word in foreign}


WORLD_TRANSLATIONS: Final[dict[str, str]] = {
    **_words("name", "namae", "onamae", "shimei", "seimei", "xingming", "mingzi", "ireum", "irum", "seongmyeong",
             "jina", "imya", "imia", "imiona", "fio", "hoten", "hovaten"),
    **_words("surname", "myoji", "myouji", "xingshi", "familiya", "prizvyshche", "sukunimet"),
    **_words("forename", "etunimet", "kutsumanimi"),
    **_words("middle", "otchestvo", "patronymic"),
    **_words("full", "lengkap", "koko", "pura", "kamili", "kamil", "kaamil"),
    **_words("birth", "chusheng", "saengnyeon", "janm", "janam", "sinh", "kuzaliwa", "rozhdeniya", "urodzenia",
             "narodzhennia", "seinen", "tanjo"),
    **_words("date", "riqi", "tithi", "ngay", "tarehe", "tarikh", "hizuke", "gappi", "woril"),
    **_words("address", "jusho", "juusho", "jyusho", "dizhi", "juso", "pata", "anwani", "banchi", "prebivaliste",
             "osoite", "lahiosoite", "katuosoite", "kotiosoite", "zamieszkania", "trvaleho"),
    **_words("street", "jiedao", "doro", "mtaa"),
    **_words("city", "miejscowosc", "shikuchoson", "chengshi", "shahar", "gorod", "bandar", "postitoimipaikka",
             "kotikunta", "paikkakunta", "asuinpaikka", "gmina", "mahalle", "ilce"),
    **_words("house", "domu", "kucni", "popisne", "tatemono", "nyumba"),
    **_words("apartment", "mieszkania", "lokalu", "kvartira", "heya"),
    **_words("postal", "yubin", "yuubin", "youbian", "youzheng", "ubyeon", "upyeon", "poskod", "buuchinh"),
    **_words("number", "bango", "bangou", "haoma", "beonho", "bunho", "sankhya", "nambari", "namba", "nomer",
             "nombor", "nomor", "numeris"),
    **_words("phone", "denwa", "dianhua", "jeonhwa", "simu", "durbhash", "dooravani", "telefonu", "telefona",
             "dienthoai"),
    **_words("mobile", "keitai", "shouji", "hyudaepon", "haendeupon", "bimbit", "komorkowy", "didong"),
    **_words("email", "meru", "meeru", "meruado", "meado", "youxiang", "imeil", "barua", "pochta"),
    **_words("user", "yuza", "yuuza", "yonghu", "sayongja", "polzovatel", "mtumiaji"),
    **_words("login", "roguin", "denglu", "rogeuin", "dangnhap", "logowania"),
    **_words("password", "pasuwado", "pasuwaado", "mima", "bimilbeonho", "amho", "nenosiri", "parol", "matkhau",
             "sandi", "laluan"),
    **_words("secret", "himitsu", "bimil", "mimi", "siri", "gupt"),
    **_words("question", "shitsumon", "wenti", "jilmun", "swali", "prashn"),
    **_words("answer", "kotae", "daan", "dapbyeon", "jibu", "uttar", "otvet"),
    **_words("salary", "kyuyo", "kyuuyo", "kyuryo", "kyuuryou", "gekkyu", "nenshu", "gongzi", "xinshui", "xinzi",
             "yuexin", "nianxin", "geupyeo", "yeonbong", "wolgeup", "vetan", "tankhwah", "tankha", "luong",
             "mshahara", "zarplata", "oklad", "palkka", "honorarium", "honoraria", "stipend", "honorar"),
    **_words("account", "koza", "kouza", "zhanghao", "zhanghu", "gyejwa", "khata", "akaun", "akaunti",
             "rachunku", "rachunek", "schet", "taikhoan"),
    **_words("bank", "ginko", "ginkou", "yinhang", "eunhaeng", "benki", "nganhang"),
    **_words("passport", "ryoken", "huzhao", "yeogwon", "hochieu"),
    **_words("customer", "kokyaku", "gogaek", "kehu", "pelanggan", "mteja"),
    **_words("patient", "kanja", "huanzhe", "hwanja", "mgonjwa", "bolnoy"),
    **_words("diagnosis", "shindan", "zhenduan", "jindan", "byomei", "utambuzi"),
    **_words("father", "pita", "pitaji", "ojca", "otets", "baba"),
    **_words("mother", "mata", "matki", "mama"),
    **_words("child", "dziecka", "rebenok"),
    **_words("guardian", "opiekuna", "opiekunki", "opiekun"),
    **_words("family", "ukoo"),
    **_words("first", "kwanza"),
    **_words("tax", "vero", "nalog", "shuiwu"),
    **_words("identity", "kitambulisho", "shenfen", "dowodu", "dowod"),
    **_words("id", "tunnus"),
    # Greek, Bulgarian and Ukrainian as tokenize transliterates their letters (Τηλέφωνο -> tilefono)
    **_words("name", "onoma", "onomatos", "ime"),
    **_words("surname", "eponymo", "eponymon", "prizvishche", "familia"),
    **_words("phone", "tilefono", "tilefonou", "telefonen"),
    **_words("mobile", "kinito", "mobilen"),
    **_words("address", "dieythynsi", "diefthynsi", "dieuthinsi"),
    **_words("birth", "gennisis", "gennisi", "razhdane", "narodzhennya", "narodzhennia", "rozhdenie"),
    **_words("date", "imerominia"),
    **_words("city", "poli", "misto"),
    **_words("street", "odos"),
    **_words("postal", "tachydromikos", "pochtovyy", "poshtovyi"),
    **_words("number", "arithmos"),
    **_words("salary", "misthos", "zaplata", "zarobitna"),
    **_words("account", "logariasmos", "smetka", "rakhunok"),
    **_words("passport", "diavatirio"),
    **_words("identity", "taftotita", "taftotitas", "taytotita", "taytotitas", "lichna"),
    **_words("code", "kodikas"),
    **_words("email", "poshta"),
    # Arabic, Persian and Hebrew (common Latin spellings), Tagalog, Thai (RTGS), more Turkish
    **_words("name", "ism", "esm", "nam", "shem", "pangalan", "chue", "chuea"),
    **_words("surname", "laqab", "apelyido", "namsakun"),
    **_words("family", "aila", "ailah", "khanevadegi", "khanevadeh", "mishpacha", "mishpaha"),
    **_words("birth", "milad", "wiladah", "wilada", "tavalod", "tavallod", "leida", "lida", "kapanganakan",
             "koet", "kerd"),
    **_words("date", "taarich", "tarich", "petsa", "tarikh"),
    **_words("birthday", "kaarawan"),
    **_words("address", "unwan", "enwan", "onwan", "neshani", "ktovet", "tirahan", "thiyu"),
    **_words("phone", "hatif", "hatef", "telepono", "thorasap"),
    **_words("mobile", "jawal", "jawwal", "hamrah", "nayad", "pelefon", "selpon", "cellphone"),
    **_words("number", "raqam", "rakam", "shomare", "shomareh", "mispar"),
    **_words("identity", "hawiya", "hawiyya", "huwiya", "zehut", "prachachon"),
    **_words("national", "melli", "watani"),
    **_words("salary", "ratib", "raatib", "hoghoogh", "hoghugh", "maskoret", "sahod", "sweldo", "suweldo"),
    **_words("account", "hisab", "hesab", "heshbon"),
    **_words("city", "madina", "madinah", "shahr", "lungsod", "yeri"),
    **_words("street", "shari", "khiaban", "rechov", "kalye"),
    **_words("postal", "bareedi", "mikud"),
    **_words("tax", "vergi", "maliat", "dariba"),
    # Catalan, Galician, Basque, Welsh, Albanian, Afrikaans; Urdu, Bengali, Nepali, Tamil, Hausa, Yoruba (romanised)
    **_words("name", "izena", "enw", "emri", "emer", "suna", "oruko", "peyar", "peyer"),
    **_words("surname", "cognoms", "cognom", "apelidos", "apelido", "abizena", "abizenak", "cyfenw", "mbiemri",
             "mbiemer"),
    **_words("birth", "naixement", "nacemento", "jaiotze", "jaiotza", "geni", "paidaish", "pedaish", "jonmo",
             "janma", "janmo"),
    **_words("date", "dyddiad", "miti", "tareekh"),
    **_words("address", "adreca", "enderezo", "helbidea", "cyfeiriad", "thikana", "thegana"),
    **_words("phone", "telefonoa", "ffon", "telefoni", "telefonin"),
    **_words("mobile", "selfoon", "mugikorra"),
    **_words("email", "correu", "ebost", "emaila"),
    **_words("father", "walid", "pitar", "abbu", "aita"),
    **_words("mother", "walida", "ammi", "ama"),
    **_words("number", "nommer", "zenbakia", "rhif"),
    **_words("account", "rek"),  # Indonesian rekening
    **_words("place", "tmpt"),
}

# Run-together words that stand for several English ones.
WORLD_COMPOUNDS: Final[dict[str, tuple[str, ...]]] = {
    "seinengappi": ("birth", "date"), "tanjobi": ("birth", "day"), "tanjoubi": ("birth", "day"),
    "shengri": ("birth", "day"), "saengil": ("birth", "day"), "saengnyeonworil": ("birth", "date"),
    "chushengriqi": ("birth", "date"), "syntymaaika": ("birth", "date"), "syntymapaiva": ("birth", "day"),
    "ngaysinh": ("birth", "date"), "tanggallahir": ("birth", "date"), "tarikhlahir": ("birth", "date"),
    "yubinbango": ("postal", "code"), "yuubinbangou": ("postal", "code"), "pincode": ("postal", "code"),
    "youbian": ("postal", "code"), "denwabango": ("phone", "number"), "keitaibango": ("mobile", "number"),
    "yonghuming": ("user", "name"), "netid": ("net", "id"), "uid": ("user", "id"),
    "manadslon": ("month", "salary"), "timlon": ("hour", "salary"), "manedslon": ("month", "salary"),
    "securityword": ("security", "word"), "secretword": ("secret", "word"), "codeword": ("code", "word"),
    "passphrase": ("pass", "phrase"), "aikotoba": ("secret", "word"), "onomateponymo": ("full", "name"),
    "datelindja": ("birth", "date"), "datelindje": ("birth", "date"), "sunniaeg": ("birth", "date"),
    "poskode": ("postal", "code"), "jaiotegun": ("birth", "day"),
}

# Particles between two words of a romanised header: Japanese "no", Hindi "ka/ki/ke", Swahili "ya/la/wa",
# Vietnamese "va"/"cua", Tagalog "ng", Arabic "al", Persian "e" (himitsu_no_kotae, pita_ka_naam,
# tarehe_ya_kuzaliwa, tarikh_al_milad). Dropped only between two words of this module, so ``phone_no_home``
# keeps its number.
CONNECTORS: Final = frozenset(["no", "ka", "ki", "ke", "ya", "la", "wa", "va", "cua", "ng", "al", "el", "e"])
ROMANISED: Final = frozenset(WORLD_TRANSLATIONS) | frozenset(WORLD_COMPOUNDS) | frozenset([
    "jina", "tarehe", "kuzaliwa", "ukoo", "kwanza", "himitsu", "kotae", "pita", "naam", "ho", "ten", "dia", "chi",
    "mat", "khau", "tai", "khoan", "so", "dien", "thoai", "ngay", "sinh", "simu", "nambari", "barua", "pepe",
    "numero", "telefono", "jawaz", "safar", "teudat", "bat"])

# (category, phrases): words that mean something only together, or read as a whole.
PHRASES: Final[tuple[tuple[str | None, tuple[str, ...]], ...]] = (
    ("person_name", ("pib", "im ya", "furigana", "yomigana", "furikana", "name kana", "kana name", "kana", "ho ten",
                     "ho va ten",
                     "ten day du", "ho", "jina la ukoo", "jina kamili", "name full", "full name",
                     "father name", "mother name", "father ka name", "pati name", "husband name")),
    ("date_of_birth", ("birthday", "date birth day", "wan koet", "wan kerd", "seinen gappi", "seinen tsuki hi", "umare",
                       "birth date", "birth tithi", "chusheng riqi",
                       "ngay sinh", "tarehe ya kuzaliwa", "janm tithi", "janam tithi", "data rozhdeniya",
                       "data na birth", "date birth", "date of birth")),
    ("address", ("dia chi", "address zamieszkania", "banchi")),
    (None, ("card pin code", "atm pin code", "sim pin code", "door pin code", "gate pin code", "lock pin code",
            "pin code card", "security pin code")),
    ("postal_code", ("yubin", "postal number", "pin code", "pincode", "ma buu chinh", "ma buu dien", "poskod",
                     "postal index", "pochtovyy indeks")),
    ("phone", ("dien thoai", "so dien thoai", "di dong", "cep telefonu", "number simu")),
    ("passport", ("jawaz safar", "jawaz", "passport number")),
    ("email", ("barid electroni", "bareed electroni", "doar electroni", "barua pepe", "thu dien tu", "email address",
               "electronic pochta", "elektronnaya pochta",
               "dianzi youxiang")),
    ("username", ("login", "roguin", "net id", "netid", "ten dang nhap", "dang nhap", "login user",
                  "account login", "sso login", "sso id", "sso user", "ldap uid", "sam account", "screen name",
                  "github login", "github handle", "github user", "slack handle", "telegram handle", "skype id",
                  "wechat id", "line id", "kakao id", "login handle", "twitter", "instagram", "tiktok", "telegram",
                  "snapchat", "reddit", "mastodon", "github", "gitlab", "skype", "wechat", "kakao")),
    ("security_answer", ("security word", "secret word", "security phrase", "secret phrase", "memorable phrase",
                         "memorable information", "code word", "codeword", "safe word", "challenge word",
                         "verbal password", "telephone password", "phone password",
                         "secret answer", "security question answer", "mibao daan")),
    ("national_id", ("code national", "kod national", "number national", "number hawiya", "teudat identity",
                     "identity number", "bat identity", "number bat identity", "tc number", "tc kimlik number",
                     "my number", "mainanba", "kojin number", "shenfenzheng", "shenfenzheng number",
                     "shenfen identity", "jumin number", "jumin deungnok number", "jumindeungnok",
                     "cmnd", "cccd", "can cuoc", "kad pengenalan", "number kp", "npwp", "pan card",
                     "tax code", "codice fiscale", "nip", "ruc", "nit", "rif", "utr", "sotu", "number identity",
                     "identity card", "dowodu osobistego", "dowod osobisty", "number dowodu", "inn number",
                     "number nalog", "dni nie", "nif nie", "cf", "ipn", "number identity card")),
    ("bank_account", ("ach account", "ach acct", "dda", "dda number", "dda account", "checking account",
                      "chequing account", "savings account", "direct deposit", "direct deposit account",
                      "eft account", "giro account", "beneficiary account", "number account", "bank account",
                      "so tai khoan", "tai khoan ngan hang")),
    ("salary", ("rate per word", "rate per hour", "rate per line", "rate per page", "per word rate",
                "per hour rate", "word rate", "hourly wage", "honorarium", "stipend",
                "fee per word", "fee per hour", "hourly fee", "monthly salary", "base salary",
                # what a person is paid per day or week of work (a room's nightly rate is a price, not pay)
                "day rate", "rate per day", "per day rate", "weekly rate", "week rate", "rate per week", "daily wage",
                "weekly wage", "daily pay", "weekly pay", "hourly pay", "tagessatz", "tjm")),
    ("medical", ("pure tone average", "pure tone", "pta left", "pta right", "pta ear", "pta average", "pta l", "pta r",
                 "hearing loss", "hearing level", "hearing threshold", "hl type", "audiogram", "audiometry",
                 "audiometric", "tinnitus", "snhl", "tympanogram", "tympanometry", "word recognition",
                 "speech discrimination", "visual acuity", "intraocular pressure", "oxygen saturation",
                 "spo", "respiratory rate", "resp rate", "hematocrit", "haematocrit", "white blood cell",
                 "bilirubin", "ferritin", "urinalysis", "ecg", "ekg", "mammogram", "colonoscopy", "pap smear",
                 "peak flow", "bone density", "vision loss", "sp o", "spo", "phq", "depression screening",
                 "mental health", "psychiatric", "psychiatric history", "substance use", "medical history",
                 "surgical history", "gestational age", "gestation", "last menstrual period", "lmp", "apgar",
                 "fundal height", "gravida", "periodontal", "caries", "biopsy", "pathology", "chemotherapy",
                 "dialysis", "insulin", "blood sugar", "hearing impairment", "visual impairment", "impairment",
                 "dnr", "advance directive",
                 # coding systems of diagnoses and procedures (ICD's cousins; CID/CIM/CIE are ICD in pt/fr/es)
                 "icpc", "ciap", "snomed", "snomed ct", "loinc", "read code", "cpt code", "hcpcs", "drg", "cid", "cim",
                 "cie", "immunobiological", "immunobiologic")),
)
# Of those, the ones the values must confirm (short or used for other things too).
WEAK_PHRASES: Final = frozenset([
    "pib", "im ya", "ho", "kana", "cid", "cim", "cie", "drg",
    "net id", "netid", "dda", "cf", "nip", "ruc", "nit", "rif", "utr", "tax code",
    "inn number", "ipn", "tc number", "twitter", "instagram", "tiktok", "telegram", "snapchat", "reddit", "mastodon",
    "github",
    "gitlab", "skype", "wechat", "kakao"])
# Rules whose values must be people's login handles, not keys (user_id: 42, a UUID; netid: dascha09).
HANDLE_RULES: Final = frozenset(["user id", "net id", "netid", "sso id", "skype id", "wechat id", "line id",
                                 "kakao id", "ldap uid"])
# People named by what they do, whose column holds their names (weak rules: the values decide).
MORE_ROLES: Final = (
    "linguist", "reviser", "proofreader", "editor", "copyeditor", "nanny", "babysitter", "au pair", "mentor",
    "mentee", "patron", "homeowner", "householder", "renter", "lessee", "lessor", "clinician", "audiologist",
    "hygienist", "practitioner", "counselor", "counsellor", "psychologist", "psychiatrist", "veterinarian", "vet",
    "notary", "affiant", "grantor", "grantee", "contractor", "freelancer", "consultant", "installer", "inspector",
    "adjuster", "realtor", "sponsor", "parent", "mother", "father", "camper", "umpire", "pilot", "captain",
    "skipper", "chauffeur", "cashier", "clerk", "juror", "mediator", "arbitrator", "pallbearer", "celebrant",
    "nominee", "awardee", "honoree", "interviewee", "interviewer", "examiner", "proctor", "invigilator", "learner",
    "apprentice", "intern", "executor", "trustee", "settlor", "cosigner", "co signer", "co applicant",
    "co borrower", "borrower", "lender", "remitter", "fiance", "fiancee", "backer", "pledger", "speaker",
    "presenter", "artist", "performer", "musician", "photographer", "writer", "illustrator", "narrator", "actor",
    "volunteer", "worker", "staffer", "resident", "occupant", "tenant", "carer", "caretaker",
    "doula", "chaplain", "sitter", "groomer", "dispatcher",
    "technician", "locksmith", "plumber", "electrician", "mechanic", "surveyor", "assessor", "appraiser",
    "auditor", "accountant", "bookkeeper", "paralegal", "notary public", "translator", "interpreter",
    "caregiver",
)
