"""Header words of the scripts and languages held-out round 13 showed missing, in the same two forms as
name_words_scripts.py: words in their own script (Georgian, Armenian, Bengali, Devanagari for Nepali and Hindi,
Tamil and Sinhala), matched lower-cased as substrings since these scripts are written without letter case or
their words would be dropped when a header is read as ASCII; and romanised words of Irish, Icelandic, the West
and South Slavic languages, Azerbaijani and Catalan. The commonest words of a person's record only (name,
surname, phone, address, postal code, birth date, national id, passport, email, salary, account, patient,
diagnosis): the value rules (people_table.py, people_values.py) are what carries over to other languages.
"""

from __future__ import annotations

from typing import Final


def _words(english: str, *foreign: str) -> dict[str, str]:
    return {word: english for word in foreign}


MORE_SCRIPT_HEADER_WORDS: Final[dict[str, str]] = {
    # Georgian (Mkhedruli)
    **_words("first name", "სახელი"),
    **_words("surname", "გვარი"),
    **_words("personal number", "პირადი ნომერი", "პირადი №"),
    **_words("date of birth", "დაბადების თარიღი"),
    **_words("birth", "დაბადების"),
    **_words("phone", "ტელეფონი"),
    **_words("mobile", "მობილური"),
    **_words("address", "მისამართი"),
    **_words("email", "ელფოსტა", "ელ. ფოსტა", "ელ.ფოსტა"),
    **_words("postal code", "საფოსტო ინდექსი"),
    **_words("passport", "პასპორტი"),
    **_words("salary", "ხელფასი"),
    **_words("patient", "პაციენტი"),
    **_words("diagnosis", "დიაგნოზი"),
    # Armenian
    **_words("surname", "ազգանուն"),
    **_words("first name", "անուն"),
    **_words("phone", "հեռախոս"),
    **_words("address", "հասցե"),
    **_words("date of birth", "ծննդյան ամսաթիվ"),
    **_words("passport", "անձնագիր"),
    # Bengali
    **_words("national id", "এনআইডি", "জাতীয় পরিচয়পত্র", "এনআইডি নং"),
    **_words("date of birth", "জন্ম তারিখ"),
    **_words("name", "নাম"),
    **_words("mobile", "মোবাইল"),
    **_words("phone", "ফোন"),
    **_words("address", "ঠিকানা"),
    **_words("salary", "বেতন"),
    **_words("email", "ইমেইল", "ই-মেইল"),
    **_words("passport", "পাসপোর্ট"),
    **_words("patient", "রোগী"),
    # Devanagari: Nepali and Hindi
    **_words("passport", "राहदानी", "पासपोर्ट"),
    **_words("national id", "नागरिकता नं", "नागरिकता", "आधार"),
    **_words("date of birth", "जन्म मिति", "जन्म तिथि"),
    **_words("surname", "थर", "उपनाम"),
    **_words("name", "नाम"),
    **_words("mobile", "मोबाइल"),
    **_words("phone", "फोन"),
    **_words("address", "ठेगाना", "पता"),
    **_words("email", "इमेल", "ईमेल"),
    **_words("salary", "तलब", "वेतन"),
    **_words("patient", "बिरामी", "रोगी"),
    # Tamil
    **_words("patient", "நோயாளி"),
    **_words("diagnosis", "நோயறிதல்"),
    **_words("body weight", "உலர் எடை"),  # a dialysis patient's dry weight: the body weight to reach
    **_words("weight", "எடை"),
    **_words("name", "பெயர்"),
    **_words("mobile", "கைபேசி", "அலைபேசி"),
    **_words("phone", "தொலைபேசி"),
    **_words("address", "முகவரி"),
    **_words("date of birth", "பிறந்த தேதி"),
    **_words("email", "மின்னஞ்சல்"),
    **_words("postal code", "அஞ்சல் குறியீடு"),
    **_words("salary", "சம்பளம்"),
    # Sinhala
    **_words("name", "නම"),
    **_words("phone", "දුරකථන"),
    **_words("address", "ලිපිනය"),
    **_words("date of birth", "උපන් දිනය"),
}

MORE_SCRIPT_TRANSLATIONS: Final[dict[str, str]] = {
    # Irish
    **_words("name", "ainm"),
    **_words("surname", "sloinne"),
    **_words("address", "seoladh"),
    **_words("postalcode", "eirchod"),
    **_words("phone", "fon", "guthan"),
    **_words("mobile", "poca"),
    **_words("birth", "breithe"),
    **_words("email", "riomhphost"),
    **_words("parent", "tuismitheora", "tuismitheoir"),
    # Icelandic
    **_words("city", "sveitarfelag", "baejarfelag"),
    **_words("bankkonto", "bankareikningur"),
    **_words("account", "reikningur"),
    **_words("phone", "simi", "farsimi"),
    **_words("date of birth", "faedingardagur"),
    # Slovak, Czech, Slovene, Croatian, Bosnian
    **_words("mobile", "mobitel", "mobilni"),
    **_words("passport", "putovnica", "putovnice", "putovnicu"),
    **_words("taxid", "davcna"),
    **_words("house", "supisne", "orientacne", "popisne"),
    **_words("city", "obcina", "opcina", "obcine"),
    **_words("birth", "rojstva", "rodenia", "narodenia"),
    # Azerbaijani (and Turkish): day, month and year of birth, address
    **_words("day", "gunu"),
    **_words("month", "ayi"),
    **_words("year", "ili", "yili"),
    **_words("address", "unvan"),
    # Catalan
    **_words("city", "municipi", "poblacio"),
}
