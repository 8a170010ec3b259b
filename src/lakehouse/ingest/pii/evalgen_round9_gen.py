"""Round-9 value generator: constants, name lists and the seeded row builder every round-9 table uses (split
from evalgen_round9.py to keep files small; unchanged)."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

import phonenumbers
from faker import Faker
from stdnum import iban as std_iban
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.fi import hetu
from stdnum.it import codicefiscale
from stdnum.pl import pesel
from stdnum.pt import nif
from stdnum.us import ssn as us_ssn

N = 50
SEED = 9_2026_1208
SPLIT = "heldout"
Row = dict[str, Any]
PII, FIN, PHI = "PII", "Financial", "PHI"
PLACEHOLDERS = ("", "N/A", "n/a", "none", "-", "NULL", "TBD", "?", "--", "unknown", "(blank)")

# People's names, written by hand for this set (varied origins; not Faker's lists, not round 8's).
GIVEN = ("Abimbola", "Beatriz", "Cassius", "Dorothea", "Ezekiel", "Florencia", "Gideon", "Hyacinth", "Ignatius",
         "Juniper", "Kenji", "Leocadia", "Malachi", "Nadezhda", "Octavio", "Philippa", "Rosalind", "Sebastián",
         "Temperance", "Ulysses", "Vivienne", "Winifred", "Xiadani", "Yolanda", "Zebulon", "Bronwyn", "Cyrus",
         "Demetrius", "Esperanza", "Genevieve", "Horace", "Imani", "Jamal", "Kateryna", "Leopold", "Mireille",
         "Nikolai", "Obadiah", "Perpetua", "Quinton", "Reginald", "Shirin", "Tobiah", "Ugochi", "Wilhelmina", "Zuri",
         "Dashawn", "Tamika", "Kayleigh", "Bryce", "Destiny", "Jolene", "Consuelo", "Trinh", "Arjun", "Mehmet",
         "Chidinma", "Amara", "Tevita", "Leilani", "Siddharth", "Fatoumata", "Bogdan", "Marcus", "Darnell",
         "Krystal", "Travis", "Shelby", "Colton", "Brianna", "Luz", "Héctor")
FAMILY = ("Achebe", "Bjornstad", "Cavanaugh", "Dimitriou", "Esposito", "Fairbanks", "Giordano", "Hendricks", "Igwe",
          "Jablonski", "Lombardi", "Mbeki", "Novak", "Oyelaran", "Pacheco", "Quisenberry", "Rutherford", "Szabo",
          "Thibodeaux", "Underwood", "Vukovic", "Washington", "Yazzie", "Zamora", "Begay", "Chavarria", "Dunbar",
          "Estrada", "Fontaine", "Goldberg", "Hashemi", "Ilunga", "Kealoha", "Lindgren", "Mukherjee", "Obi",
          "Prescott", "Ramírez-Ortiz", "Schaefer", "Tran", "Ulloa", "Whitfield", "Yoder", "Zeigler", "McTavish",
          "O'Shaughnessy", "DeLuca", "St. Germain", "Ng", "Oduya", "Haddad", "Kim-Park", "Sandoval", "Blackwood",
          "Amundsen", "Greenleaf", "Tsosie", "Castillo", "Brennan", "Nakagawa", "Okafor")
KIDS = ("Aubrey", "Beckett", "Camila", "Dashiell", "Elowen", "Finnegan", "Gianna", "Hudson", "Ivy", "Jaxon", "Kinsley",
        "Lennox", "Mila", "Nolan", "Oaklynn", "Paxton", "Quinn", "Rowan", "Sienna", "Thiago", "Vada", "Wesley",
        "Xavi", "Yara", "Zane", "Amari", "Brooklyn", "Cayden", "Delilah", "Ezra")
FI_GIVEN = ("Aino", "Eero", "Helmi", "Ilkka", "Jaana", "Kalle", "Lotta", "Mikko", "Noora", "Oskari", "Pirjo", "Riikka",
            "Sampo", "Tuula", "Ville", "Aleksi", "Eveliina", "Juho", "Kaisa", "Onni", "Veera", "Heikki", "Satu",
            "Topias")
FI_MIDDLE = ("Maria", "Johannes", "Elina", "Olavi", "Kristiina", "Antero", "Helena", "Tapani", "Sofia", "Ilmari")
FI_FAMILY = ("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen",
             "Laaksonen", "Salminen", "Hyvärinen", "Kettunen", "Räsänen", "Peltonen", "Tuominen", "Väisänen",
             "Kokkonen", "Rantanen", "Ahonen", "Lindroos", "Hämäläinen", "Öhman")
PL_GIRLS = ("Zuzanna", "Hanna", "Julia", "Maja", "Lena", "Oliwia", "Pola", "Marcelina", "Nikola", "Łucja", "Antonina",
            "Helena")
PL_BOYS = ("Antoni", "Jan", "Franciszek", "Szymon", "Aleksander", "Ignacy", "Stanisław", "Wojciech", "Leon", "Bartosz",
           "Mikołaj", "Tymon")
PL_MOTHERS = ("Agnieszka", "Małgorzata", "Ewelina", "Katarzyna", "Monika", "Justyna", "Dorota", "Beata", "Joanna",
              "Karolina", "Sylwia", "Magdalena")
PL_FAMILY = ("Nowak", "Wiśniewski", "Lewandowski", "Dąbrowski", "Szymański", "Woźniak", "Kozłowski", "Mazur",
             "Krawczyk", "Piotrowski", "Grabowski", "Pawlak", "Michalski", "Król", "Wieczorek", "Jabłoński",
             "Nowicki", "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Wróblewski", "Sikora",
             "Zawadzki", "Sadowski")
# Japanese names in romaji with their katakana reading (furigana).
JA_FAMILY = (("Tanaka", "タナカ"), ("Sato", "サトウ"), ("Suzuki", "スズキ"), ("Watanabe", "ワタナベ"),
             ("Ito", "イトウ"), ("Nakamura", "ナカムラ"), ("Kobayashi", "コバヤシ"), ("Kato", "カトウ"),
             ("Yoshida", "ヨシダ"), ("Yamada", "ヤマダ"), ("Sasaki", "ササキ"), ("Matsumoto", "マツモト"),
             ("Inoue", "イノウエ"), ("Kimura", "キムラ"), ("Hayashi", "ハヤシ"), ("Shimizu", "シミズ"),
             ("Morita", "モリタ"), ("Ogawa", "オガワ"), ("Fujiwara", "フジワラ"), ("Hasegawa", "ハセガワ"),
             ("Maeda", "マエダ"), ("Kondo", "コンドウ"))
JA_GIVEN = (("Haruka", "ハルカ"), ("Sota", "ソウタ"), ("Yui", "ユイ"), ("Riku", "リク"), ("Aoi", "アオイ"),
            ("Ren", "レン"), ("Mio", "ミオ"), ("Takumi", "タクミ"), ("Sakura", "サクラ"), ("Daiki", "ダイキ"),
            ("Hina", "ヒナ"), ("Kaito", "カイト"), ("Misaki", "ミサキ"), ("Shota", "ショウタ"), ("Kenta", "ケンタ"),
            ("Ayaka", "アヤカ"), ("Hiroshi", "ヒロシ"), ("Keiko", "ケイコ"), ("Masaru", "マサル"), ("Tomoko", "トモコ"),
            ("Yoshiko", "ヨシコ"), ("Noboru", "ノボル"), ("Emiko", "エミコ"), ("Naoki", "ナオキ"))
# (given, family, female, country of residence) of a translation agency's linguists.
LINGUISTS = (("Chiara", "Bellandi", True, "IT"), ("Lorenzo", "Cattaneo", False, "IT"),
             ("Giulia", "Ferraresi", True, "IT"), ("Matteo", "Sorrentino", False, "IT"),
             ("Benedetta", "Lodi", True, "IT"), ("Federico", "Zanardi", False, "IT"), ("Inês", "Carvalhal", True, "PT"),
             ("Duarte", "Meireles", False, "PT"), ("Leonor", "Sampaio", True, "PT"),
             ("Thiago", "Albuquerque", False, "BR"),
             ("Larissa", "Coutinho", True, "BR"), ("Rafaela", "Tavares", True, "BR"),
             ("Maximilian", "Reithmeier", False, "DE"), ("Annelie", "Kroos", True, "DE"),
             ("Aurélie", "Vantroys", True, "FR"), ("Gaspard", "Lemercier", False, "FR"),
             ("Arantxa", "Olabarrieta", True, "ES"), ("Yuki", "Hoshino", True, "JP"),
             ("Olena", "Hrytsenko", True, "UA"),
             ("Karim", "Benslimane", False, "FR"), ("Sun-hee", "Baek", True, "KR"), ("Wen", "Qiao", False, "CN"),
             ("Anh Thư", "Phạm", True, "VN"))


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def ascii_fold(text: str) -> str:
    """A name as a login would write it: lower case, no accents, no spaces, hyphens, dots or apostrophes."""
    text = text.lower().replace("ł", "l").replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in plain if c.isalnum())


class Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.rows: list[Row] = []
        self.table = ""
        self._fakers: dict[str, Faker] = {}

    def fk(self, locale: str) -> Faker:
        if locale not in self._fakers:
            self._fakers[locale] = Faker(locale)
            self._fakers[locale].seed_instance(self.rng.randint(0, 10**9))
        return self._fakers[locale]

    def d(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def pick(self, *options: Any) -> Any:
        return self.rng.choice(options)

    def letters(self, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    # people -----------------------------------------------------------------------------------------
    def given(self, pool: tuple[str, ...] = GIVEN) -> str:
        return self.rng.choice(pool)

    def family(self, pool: tuple[str, ...] = FAMILY) -> str:
        return self.rng.choice(pool)

    def person(self) -> str:
        return f"{self.given()} {self.family()}"

    def handle(self, given: str | None = None, family: str | None = None) -> str:
        g, f = ascii_fold(given or self.given()), ascii_fold(family or self.family())
        return self.pick(f"{g}.{f}", f"{g[0]}{f}", f"{g}{self.rng.randint(1, 99)}", f"{f}_{g[:3]}",
                         f"{g}_{f[:1]}", f"{g[:3]}{f[:3]}{self.rng.randint(80, 99)}")

    def email(self, domains: tuple[str, ...] = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com",
                                                "hotmail.com"), given: str | None = None,
              family: str | None = None) -> str:
        return f"{self.handle(given, family)}@{self.rng.choice(domains)}"

    def phone(self, region: str, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return value

    def us_phone(self, area_codes: tuple[str, ...]) -> str:
        def make() -> str:
            a, b, c = self.rng.choice(area_codes), f"{self.rng.randint(2, 9)}{self.d(2)}", self.d(4)
            return self.pick(f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}", f"+1 {a}-{b}-{c}",
                             f"{a} {b} {c}")
        return self.phone("US", make)

    def dob(self, low: int, high: int) -> date:
        return date(self.rng.randint(low, high), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def ipv4(self) -> str:
        r = self.rng
        return f"{r.choice((23, 47, 50, 66, 68, 72, 75, 96, 104, 108, 142, 172, 199))}.{r.randint(0, 255)}." \
               f"{r.randint(0, 255)}.{r.randint(1, 254)}"

    def ipv6(self) -> str:
        r = self.rng
        return f"2600:{r.choice(('1700', '6c50', '8800', '387'))}:{r.randint(4096, 65535):x}:{r.randint(1, 65535):x}:" \
               f"{r.randint(1, 65535):x}:{r.randint(1, 65535):x}:{r.randint(1, 65535):x}:{r.randint(1, 65535):x}"

    # identifiers ------------------------------------------------------------------------------------
    def card(self, sep: str | None = None,
             brands: tuple[str, ...] = ("visa", "visa", "mc", "mc2", "amex", "disc")) -> str:
        brand = self.rng.choice(brands)
        prefix, length = {"visa": ("4", 16), "mc": (str(self.rng.randint(51, 55)), 16),
                          "mc2": (str(self.rng.randint(2221, 2720)), 16), "amex": (self.pick("34", "37"), 15),
                          "disc": (self.pick("6011", "65"), 16), "jcb": (str(self.rng.randint(3528, 3589)), 16)}[brand]
        body = prefix + self.d(length - len(prefix) - 1)
        number = body + luhn_digit(body)
        sep = self.pick("", " ", "-") if sep is None else sep
        groups = [number[:4], number[4:10], number[10:]] if length == 15 else [number[i:i + 4] for i in (0, 4, 8, 12)]
        return sep.join(groups)

    def ssn(self) -> str:
        while True:
            a = self.rng.choice([n for n in range(1, 900) if n != 666])
            b, c = self.rng.randint(1, 99), self.rng.randint(1, 9999)
            value = f"{a:03d}-{b:02d}-{c:04d}"
            if us_ssn.is_valid(value):
                return self.pick(value, value, value, value.replace("-", ""))

    def iban(self, country: str, make_bban: Callable[[], str]) -> str:
        while True:  # some countries have check digits inside the BBAN too (ES, FI, PT, ...)
            bban = make_bban()
            numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
            value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
            if std_iban.is_valid(value):
                return value

    def spaced(self, value: str) -> str:
        return " ".join(value[i:i + 4] for i in range(0, len(value), 4))

    def aba_routing(self) -> str:
        while True:
            body = self.pick("12", "32", "11", "31", "06") + self.d(6)
            for check in range(10):
                digits = [int(c) for c in body + str(check)]
                if sum(w * x for w, x in zip((3, 7, 1) * 3, digits, strict=True)) % 10 == 0:
                    return body + str(check)

    def hetu(self, born: date) -> str:
        sign = {1900: self.pick("-", "-", "-", "Y"), 2000: "A"}[born.year // 100 * 100]
        while True:
            num = self.rng.randint(2, 899)
            body = f"{born:%d%m%y}{num:03d}"
            value = f"{born:%d%m%y}{sign}{num:03d}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[int(body) % 31]}"
            if hetu.is_valid(value):
                return value

    def pesel(self, born: date, female: bool) -> str:
        month = born.month + (20 if born.year >= 2000 else 0)
        serial = self.d(3) + str(self.rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9)))
        body = f"{born:%y}{month:02d}{born:%d}{serial}"
        check = (10 - sum(w * int(c) for w, c in zip((1, 3, 7, 9) * 3, body, strict=False)) % 10) % 10
        value = body + str(check)
        assert pesel.is_valid(value), value
        return value

    def codice_fiscale(self, given: str, family: str, born: date, female: bool) -> str:
        def letters_of(name: str) -> tuple[str, str]:
            plain = ascii_fold(name).upper()
            return "".join(c for c in plain if c not in "AEIOU"), "".join(c for c in plain if c in "AEIOU")

        cons, vows = letters_of(family)
        surname = (cons + vows + "XXX")[:3]
        cons, vows = letters_of(given)
        first = cons[0] + cons[2] + cons[3] if len(cons) >= 4 else (cons + vows + "XXX")[:3]
        day = born.day + (40 if female else 0)
        place = self.pick("H501", "F205", "L219", "G273", "A662", "D612", "F839", "L736")  # Rome, Milan, Turin, ...
        body = f"{surname}{first}{born:%y}{'ABCDEHLMPRST'[born.month - 1]}{day:02d}{place}"
        value = body + codicefiscale.calc_check_digit(body)
        assert codicefiscale.is_valid(value), value
        return value

    def pt_nif(self) -> str:
        body = self.pick("1", "2", "2") + self.d(7)
        return body + nif.calc_check_digit(body)

    def br_cpf(self) -> str:
        value = self.d(11)
        while not cpf.is_valid(value):
            value = self.d(11)
        return self.pick(f"{value[:3]}.{value[3:6]}.{value[6:9]}-{value[9:]}", value)

    def de_idnr(self) -> str:
        while True:
            value = str(self.rng.randint(1, 9)) + self.d(10)
            if idnr.is_valid(value):
                return self.pick(value, f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}")

    def cas(self) -> str:
        body = str(self.rng.randint(50, 99999)) + self.d(2)
        check = sum(i * int(c) for i, c in enumerate(reversed(body), start=1)) % 10
        return f"{body[:-2]}-{body[-2:]}-{check}"

    # dirt and rows ----------------------------------------------------------------------------------
    def dirty(self, value: Any, rate: float, typed: bool) -> Any:
        r = self.rng.random()
        if r >= rate or value is None:
            return value
        if typed or r < rate * 0.35:
            return None
        if r < rate * 0.6:
            return self.rng.choice(PLACEHOLDERS)
        if isinstance(value, str):
            return self.rng.choice([f" {value}", value.upper(), value.lower(), f"{value} ", f"{value}  "])
        return value

    def add(self, name: str, make: Callable[[], Any] | list[Any], category: str | None = None, kind: str = PII,
            dirt: float = 0.0, contains: list[str] | None = None, note: str = "", type_: str | None = None) -> None:
        assert all(r["name"] != name for r in self.rows if r["table"] == self.table), (self.table, name)
        raw = list(make) if isinstance(make, list) else [make() for _ in range(N)]
        assert len(raw) == N, (self.table, name)
        row: Row = {"name": name, "values": [self.dirty(v, dirt, type_ is not None) for v in raw],
                    "label": {"kind": kind, "category": category} if category else None, "note": note,
                    "split": SPLIT, "table": self.table}
        if type_:
            row["type"] = type_
        if contains:
            row["contains"] = contains
        self.rows.append(row)
