"""Header words of scripts and languages held-out round 12 showed missing, read as English before the rest of a
header is transliterated: Greek, Hebrew, Thai, Persian and Arabic in their own scripts (``SCRIPT_HEADER_WORDS``,
matched lower-cased, ``_`` read as a space), and romanised words of Serbian, Tagalog, Zulu, Hungarian, the
Nordic and the Baltic languages (``SCRIPT_TRANSLATIONS``). A family of the commonest words only (name, surname,
phone, mobile, address, postal code, date of birth, national id, passport, email and a few health words): the
table rules (people_table.py) are what carries over to languages nobody listed.
"""

from __future__ import annotations

from typing import Final

from lakehouse.ingest.pii.name_words_scripts_b import MORE_SCRIPT_HEADER_WORDS, MORE_SCRIPT_TRANSLATIONS


def _words(english: str, *foreign: str) -> dict[str, str]:
    return {word: english for word in foreign}


SCRIPT_HEADER_WORDS: Final[dict[str, str]] = {
    # Greek
    **_words("date of birth", "ημερομηνία γέννησης", "ημερομηνια γεννησης", "ημ. γέννησης", "ημ/νία γέννησης"),
    **_words("birthplace", "τόπος γέννησης"),
    **_words("passport number", "αρ. διαβατηρίου", "διαβατηρίου", "διαβατήριο"),
    **_words("phone", "τηλέφωνο", "τηλεφωνο", "τηλ.", "κινητό"),
    **_words("emergency", "έκτακτης ανάγκης"),
    **_words("surname", "επώνυμο"),
    **_words("first name", "όνομα"),
    **_words("address", "διεύθυνση"),
    **_words("postal code", "ταχ. κώδικας", "ταχυδρομικός κώδικας"),
    # Hebrew (no letter case)
    **_words("national id", "ת ז", "ת.ז", "תעודת זהות", "מספר זהות"),
    **_words("phone", "טלפון"),
    **_words("mobile", "נייד"),
    **_words("surname", "שם משפחה"),
    **_words("first name", "שם פרטי"),
    **_words("name", "שם"),
    **_words("address", "כתובת"),
    **_words("postal code", "מיקוד"),
    **_words("date of birth", "תאריך לידה"),
    **_words("passport", "דרכון"),
    **_words("email", "אימייל", "דוא\"ל"),
    **_words("patient", "מטופל", "מטופלת", "חולה"),
    **_words("diagnosis", "אבחנה"),
    **_words("lab result", "תוצאה", "תוצאת בדיקה", "קוד בדיקה", "בדיקה"),
    # Thai (no spaces between words)
    **_words("national id", "เลขบัตรประชาชน", "บัตรประชาชน", "เลขประจำตัวประชาชน"),
    **_words("phone", "เบอร์โทร", "โทรศัพท์", "เบอร์มือถือ"),
    **_words("surname", "นามสกุล"),
    **_words("name", "ชื่อ"),
    **_words("address", "ที่อยู่"),
    **_words("date of birth", "วันเกิด"),
    **_words("email", "อีเมล"),
    **_words("passport", "หนังสือเดินทาง"),
    **_words("postal code", "รหัสไปรษณีย์"),
    # Persian
    **_words("national id", "کد ملی", "شماره ملی"),
    **_words("surname", "نام خانوادگی"),
    **_words("name", "نام"),
    **_words("mobile", "موبایل", "همراه"),
    **_words("phone", "تلفن"),
    **_words("address", "آدرس", "نشانی"),
    **_words("postal code", "کد پستی"),
    **_words("date of birth", "تاریخ تولد"),
    **_words("passport", "گذرنامه"),
    **_words("email", "ایمیل"),
    # Arabic
    **_words("name", "الاسم", "اسم"),
    **_words("phone", "الهاتف", "هاتف", "جوال", "الجوال"),
    **_words("address", "العنوان"),
    **_words("date of birth", "تاريخ الميلاد"),
    **_words("national id", "رقم الهوية", "الهوية"),
    **_words("passport", "جواز السفر"),
    **_words("email", "البريد الإلكتروني"),
    # Chinese: who receives and sends a parcel
    **_words("recipient", "收件人", "收货人"),
    **_words("sender", "寄件人", "发件人"),
    **_words("contact", "联系人"),
    **MORE_SCRIPT_HEADER_WORDS,
}

SCRIPT_TRANSLATIONS: Final[dict[str, str]] = {
    # Serbian (Cyrillic transliterated) and Croatian: bride and groom of a marriage register
    **_words("groom", "mladozenja", "mladozenje", "mladozhea", "mladozhee", "zenik"),
    **_words("bride", "nevesta", "neveste", "nevjesta", "nevjeste"),
    # Tagalog: recipient and sender of a remittance
    **_words("recipient", "tatanggap", "tumanggap"),
    **_words("sender", "nagpadala"),
    **_words("type", "uri"),  # uri_ng_id: the type of id (passport, driver's licence) beside numero_ng_id
    # Zulu/Xhosa: phone, address, name, account
    **_words("phone", "ucingo", "inombolo yocingo"),
    **_words("address", "ikheli"),
    **_words("account", "akhawunti", "iakhawunti"),
    **_words("number", "inombolo"),
    # Hungarian: birth (szül.), treatment, the BNO (ICD) code
    **_words("birth", "szul", "szuletesi"),
    **_words("treatment", "kezeles"),
    **_words("icd", "bno"),
    # Nordic: allergies, triage, reason for contact, house number, yearly income
    **_words("allergy", "allergier", "allergi"),
    **_words("diagnosis", "triage"),
    **_words("symptom", "henvendelsesarsak", "kontaktarsag", "kontaktorsak"),
    **_words("income", "arsinkomst", "inkomst", "arsinntekt", "inntekt", "indkomst", "arsindkomst", "tulot"),
    # Lithuanian and Latvian: birth, year, month, day
    **_words("birth", "gimimo", "dzimsanas"),
    **_words("year", "metai", "gads"),
    **_words("month", "menuo", "menesis"),
    **_words("day", "diena"),
    **MORE_SCRIPT_TRANSLATIONS,
}
