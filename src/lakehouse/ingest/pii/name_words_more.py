"""More header words, read after name_words_world.py: families that held-out round 11 showed missing.

Vietnamese phrases (passport, driving licence, phone abbreviations, patient, doctor, diagnosis, the health
insurance card), romanised Arabic/Urdu/Persian health and residence words (``iqama``, ``amrad``), injuries in
European languages, laboratory units (a value in g/dL or mmol/L is a lab result), birth abbreviations
(``fnac_dia``, ``dt_nasc``, ``geb_jahr``) and the ``HP`` (hand phone) of Korean and Indonesian headers. Headers
in Hangul and CJK ideographs are read through a short word list (``CJK_HEADER_WORDS``) before the rest of the
name is transliterated or dropped.
"""

from __future__ import annotations

from typing import Final

from lakehouse.ingest.pii.name_words_scripts import SCRIPT_HEADER_WORDS


def _words(english: str, *foreign: str) -> dict[str, str]:
    return {word: english for word in foreign}


MORE_TRANSLATIONS: Final[dict[str, str]] = {
    **_words("mobile", "hp", "handphone"),
    # fecha/data de nacimiento, date de naissance, Geburt: abbreviations that mark a date-of-birth part
    **_words("birth", "fnac", "fecnac", "fnacim", "nasc", "fnasc", "naiss", "geb"),
    **_words("answer", "odpoved", "odpovede", "odpowiedz", "respuesta", "risposta", "reponse", "antwort", "antwoord",
             "resposta", "cevap", "jawaban", "svar", "vastaus"),
    **_words("disease", "amrad", "marad", "amraz", "maraz", "bimari", "bimariyan"),
    **_words("diagnosis", "tashkhis", "tashkhees"),
    **_words("chronic", "muzmina", "muzmin", "muzmen", "kronis", "kronik", "chronisch", "cronica", "cronico",
             "chronique", "przewlekle", "chronicke"),
    **_words("injury", "uraz", "urazu", "urazy", "obrazenia", "zraneni", "poraneni", "verletzung", "verletzungen",
             "lesion", "lesiones", "lesione", "lesioni", "blessure", "blessures", "letsel", "infortunio", "cedera",
             "yaralanma", "vamma"),
}

# Laboratory units: a value measured in them about a person is a lab result (context.lab_values_of_no_one).
LAB_UNITS: Final = ("g dl", "mg dl", "mmol l", "mmol mol", "umol l", "mcmol l", "meq l", "iu l", "mmhg", "mm hg",
                    "ng ml", "pg ml")

# (category, phrases): words that mean something only together, or read as a whole.
MORE_PHRASES: Final[tuple[tuple[str | None, tuple[str, ...]], ...]] = (
    # Vietnamese words that hold "thuoc" (medicine; also "belongs to") or "benh" (disease) and mean neither:
    # attribute, belongs to, hospital (a place of business, BUSINESS_PHRASES)
    (None, ("thuoc tinh", "thuoc ve", "thuoc nhom", "thuoc loai", "benh vien")),
    ("passport", ("ho chieu", "so ho chieu")),
    ("driver_license", ("bang lai", "bang lai xe", "so bang lai", "giay phep lai xe", "gplx")),
    ("phone", ("sdt", "so dt", "dtdd")),
    ("person_name", ("ten benh nhan", "ho ten benh nhan", "ten nguoi benh", "bac si", "y ta", "ten bac si",
                     "benh nhan", "nguoi benh")),
    ("national_id", ("iqama", "number iqama", "iqama number", "cnic", "number cnic", "civil id", "civil number")),
    ("medical", ("injury", "chan doan", "benh", "tien su benh", "benh ly", "di ung", "nhom mau", "thuoc", "ten thuoc",
                 "don thuoc", "ma benh nhan", "bhyt", "so bhyt", "the bhyt", "bao hiem y te", "chronic disease")),
    ("medical", LAB_UNITS),
)
# Of those, the ones the values must confirm (roles: a doctor column may hold a clinic).
MORE_WEAK_PHRASES: Final = frozenset(["bac si", "y ta", "sdt", "benh nhan", "nguoi benh"])

# Places of business named by two words together (Vietnamese: pharmacy, shop, company, clinic, restaurant, hotel).
BUSINESS_PHRASES: Final = frozenset([("nha", "thuoc"), ("cua", "hang"), ("cong", "ty"), ("phong", "kham"),
                                     ("nha", "hang"), ("khach", "san"), ("quay", "thuoc"),
                                     ("benh", "vien")])

# Hangul and CJK header words (Korean, Japanese, Chinese), longest first, read as English before the rest of
# a header is transliterated or dropped: 접속IP -> "IP", 닉네임 -> "nickname", 電話番号 -> "phone number".
CJK_HEADER_WORDS: Final[tuple[tuple[str, str], ...]] = tuple(sorted({
    "닉네임": "nickname", "별명": "nickname", "아이디": "login", "이름": "name", "성명": "full name", "성함": "name",
    "전화번호": "phone number", "전화": "phone", "휴대폰": "mobile", "핸드폰": "mobile", "휴대전화": "mobile",
    "연락처": "phone", "주소": "address", "우편번호": "postal code", "생년월일": "date of birth", "이메일": "email",
    "비밀번호": "password", "주민등록번호": "jumin number", "여권번호": "passport number", "계좌번호": "account number",
    "運転免許": "driving licence", "氏名": "full name", "名前": "name", "電話番号": "phone number", "電話": "phone",
    "携帯": "mobile", "住所": "address", "郵便番号": "postal code", "生年月日": "date of birth",
    "メールアドレス": "email", "メール": "email", "旅券番号": "passport number", "ニックネーム": "nickname",
    "姓名": "full name", "电话": "phone", "手机": "mobile", "地址": "address", "邮编": "postal code",
    "出生日期": "date of birth", "身份证号": "shenfenzheng number", "护照号": "passport number", "邮箱": "email",
    "昵称": "nickname", "用户名": "user name",
    # the kana reading of a name (フリガナ, ふりがな, カナ氏名, 氏名カナ): the name itself, in another script
    "フリガナ": "furigana", "ふりがな": "furigana", "ヨミガナ": "yomigana", "よみがな": "yomigana", "カナ": "kana",
}.items(), key=lambda kv: -len(kv[0])))


_SCRIPT_WORDS: Final = tuple(sorted(SCRIPT_HEADER_WORDS.items(), key=lambda kv: -len(kv[0])))


def read_cjk_words(name: str) -> str:
    """``name`` with its known Hangul/CJK words, then its Greek, Hebrew, Thai, Persian and Arabic ones (matched
    lower-cased, ``_`` read as a space), replaced by their English words, spaced apart."""
    for word, english in CJK_HEADER_WORDS:
        if word in name:
            name = name.replace(word, f" {english} ")
    lowered = name.lower().replace("_", " ")
    if any(word in lowered for word, _ in _SCRIPT_WORDS):
        for word, english in _SCRIPT_WORDS:
            if word in lowered:
                lowered = lowered.replace(word, f" {english} ")
        return lowered
    return name
