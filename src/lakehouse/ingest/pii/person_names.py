"""Build person_names.json, the first-name and surname dictionaries: ``python -m lakehouse.ingest.pii.person_names``.

The lists are the demo generator's own: every Faker person locale whose names are over 90% Latin script, the
Serbian Cyrillic spelling of the Croatian lists, the romanised lists of its Japanese and Chinese locales, and
common romanised Japanese, Chinese and Korean names (person_names_romanised.py).
The dictionary tells "Maria Lopez" from "Steel Chair"; it is not a census. Importing the 60 locales
costs ~0.5 s, so the result ships as a file and a test checks it still matches the pinned Faker.
"""

from __future__ import annotations

import importlib
import json
import sys
from importlib import resources
from typing import Final

from lakehouse.ingest.pii.person_names_romanised import (
    ENGLISH_SYLLABLES,
    TRANSLITERATED_LOCALES,
    romanised_names,
    transliterate,
)

LOCALES: Final = (
    "az_AZ", "cs_CZ", "da_DK", "de_AT", "de_CH", "de_DE", "de_LI", "de_LU", "en", "en_GB", "en_IE", "en_IN",
    "en_KE", "en_NG", "en_NZ", "en_PK", "en_TH", "en_US", "es", "es_AR", "es_CA", "es_CL", "es_CO", "es_ES",
    "es_MX", "et_EE", "fi_FI", "fr_BE", "fr_CA", "fr_CH", "fr_DZ", "fr_FR", "fr_QC", "ga_IE", "ha_NG", "hr_HR",
    "hu_HU", "id_ID", "ig_NG", "is_IS", "it_IT", "lt_LT", "lv_LV", "nl_BE", "nl_NL", "no_NO", "pl_PL", "pt_BR",
    "pt_PT", "ro_RO", "sk_SK", "sl_SI", "sv_SE", "sw", "tr_TR", "tw_GH", "uz_UZ", "vi_VN", "yo_NG", "zu_ZA",
)


# Locales whose names Faker writes in their own script (Devanagari, Bengali, Tamil, Gujarati, Odia, Arabic, Persian,
# Hebrew, Thai, Armenian, Georgian): kept in that script, since values come written in it ("दिनेश पटेल").
NATIVE_SCRIPT_LOCALES: Final = ("hi_IN", "mr_IN", "ne_NP", "bn_BD", "ta_IN", "gu_IN", "or_IN", "ar_AA", "ar_SA",
                                "ar_PS", "ar_DZ", "fa_IR", "he_IL", "th_TH", "hy_AM", "ka_GE")
# Locales in another script whose providers also carry romanised lists (first_romanized_names, ...).
ROMANISED_LOCALES: Final = ("ja_JP", "zh_CN", "zh_TW")
_ROMANISED_FIRST: Final = ("first_romanized_names", "first_romanized_names_male", "first_romanized_names_female")


# Serbian is written in Cyrillic and in Latin letter for letter (Gaj's alphabet): Croatian and Serbian share most
# names, so hr_HR's Latin lists give the Cyrillic ones ("Marković" -> "марковић").
SERBIAN_FROM: Final = "hr_HR"
_SERBIAN_DIGRAPHS: Final = (("lj", "љ"), ("nj", "њ"), ("dž", "џ"))
_SERBIAN: Final = str.maketrans("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж")


def serbian_cyrillic(name: str) -> str | None:
    """A Latin-script Serbian/Croatian name in Serbian Cyrillic, or None when it has letters outside Gaj's."""
    text = name.lower()
    for latin, cyrillic in _SERBIAN_DIGRAPHS:
        text = text.replace(latin, cyrillic)
    text = text.translate(_SERBIAN)
    return text if not any("a" <= c <= "z" for c in text) else None


def _faker_names(attrs: tuple[str, ...], locales: tuple[str, ...] = LOCALES) -> set[str]:
    names: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in attrs:
            found = getattr(provider, attr, ())
            if isinstance(found, list | tuple | dict | set | frozenset):  # some locales make them properties
                names.update(n.lower() for n in found if isinstance(n, str))
    return names


def _romanised(names: set[str]) -> set[str]:
    """Romanised syllables that are also English words or too short to mean a name alone (Ma, Sun, Tan, Won)
    are left out: "Light Tan" is a colour."""
    return {n for n in names if len(n) >= 3 and n not in ENGLISH_SYLLABLES}


def build_name_lists() -> dict[str, list[str]]:
    """First names and surnames, less the common English words among them (Green, Price, Long, May) that
    products and sentences also use."""
    from faker.providers.lorem.en_US import Provider as Lorem

    words = {w.lower() for w in Lorem.word_list}
    more_first, more_last = romanised_names()
    more_first = _romanised(_faker_names(_ROMANISED_FIRST, ROMANISED_LOCALES) | more_first)
    more_last = _romanised(_faker_names(("last_romanized_names",), ROMANISED_LOCALES) | more_last)
    for locale in TRANSLITERATED_LOCALES:  # Cyrillic and Greek names, in their script and in Latin letters
        native_first = _faker_names(("first_names", "first_names_male", "first_names_female"), (locale,))
        native_last = _faker_names(("last_names", "last_names_male", "last_names_female"), (locale,))
        more_first |= native_first | _romanised({transliterate(n, locale) for n in native_first})
        more_last |= native_last | _romanised({transliterate(n, locale) for n in native_last})
    for attrs, more in ((("first_names", "first_names_male", "first_names_female"), more_first),
                        (("last_names", "last_names_male", "last_names_female"), more_last)):
        more |= {c for c in map(serbian_cyrillic, _faker_names(attrs, (SERBIAN_FROM,))) if c}
    native = LOCALES + NATIVE_SCRIPT_LOCALES
    first = (_faker_names(("first_names", "first_names_male", "first_names_female"), native) | more_first) - words
    last = (_faker_names(("last_names", "last_names_male", "last_names_female"), native) | more_last) - words
    return {"first": sorted(first), "last": sorted(last)}


def main(argv: list[str]) -> None:
    path = argv[0] if argv else str(resources.files("lakehouse.ingest.pii").joinpath("person_names.json"))
    lists = build_name_lists()
    with open(path, "w", encoding="utf-8") as out:
        json.dump(lists, out, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {len(lists['first'])} first names and {len(lists['last'])} surnames to {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
