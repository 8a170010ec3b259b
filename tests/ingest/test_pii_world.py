"""Headers and names of the languages and domains round 9 showed missing (name_words_world.py), read in general
form: romanised Japanese, Chinese, Korean, Hindi, Vietnamese, Malay, Swahili and Russian headers, more Finnish
and Polish words, handles, secret words, bank, pay, people's trades, PHI measurements, tax codes."""

from __future__ import annotations

import pyarrow as pa
import pytest

from lakehouse.ingest.pii import detect_pii, match_name
from lakehouse.ingest.pii.people import is_known_person_name, is_native_script_name
from lakehouse.ingest.pii.validators import is_postal_code, is_salary_amount


@pytest.mark.parametrize(
    ("name", "category"),
    [
        # Japanese (Hepburn), with the particle "no" between two words
        ("kokyaku_namae", "person_name"), ("seinen_gappi", "date_of_birth"), ("yubin_bango", "postal_code"),
        ("jusho", "address"), ("denwa_bango", "phone"), ("keitai", "phone"), ("meruado", "email"),
        ("roguin_id", "username"), ("himitsu_no_kotae", "security_answer"), ("kyuyo", "salary"),
        ("koza_bango", "bank_account"), ("mainanba", "national_id"), ("furigana", "person_name"),
        # Chinese (pinyin)
        ("chusheng_riqi", "date_of_birth"), ("dianhua_haoma", "phone"), ("youxiang", "email"),
        ("yonghuming", "username"), ("shenfenzheng", "national_id"), ("yinhang_zhanghao", "bank_account"),
        ("gongzi", "salary"), ("dizhi", "address"), ("youbian", "postal_code"),
        # Korean
        ("saengil", "date_of_birth"), ("juso", "address"), ("jeonhwa_beonho", "phone"),
        ("jumin_beonho", "national_id"), ("gyejwa_beonho", "bank_account"), ("yeonbong", "salary"),
        # Hindi / Hinglish, with "ka" between two words
        ("pita_ka_naam", "person_name"), ("janm_tithi", "date_of_birth"), ("pincode", "postal_code"),
        ("khata_sankhya", "bank_account"), ("vetan", "salary"),
        # Vietnamese, Malay / Indonesian, Swahili, Russian
        ("ho_va_ten", "person_name"), ("ngay_sinh", "date_of_birth"), ("so_dien_thoai", "phone"),
        ("dia_chi", "address"), ("cccd", "national_id"), ("so_tai_khoan", "bank_account"),
        ("nama_lengkap", "person_name"), ("tarikh_lahir", "date_of_birth"), ("poskod", "postal_code"),
        ("jina_la_ukoo", "person_name"), ("tarehe_ya_kuzaliwa", "date_of_birth"), ("barua_pepe", "email"),
        ("nambari_ya_simu", "phone"), ("mshahara", "salary"), ("familiya", "person_name"),
        ("data_rozhdeniya", "date_of_birth"), ("zarplata", "salary"), ("nomer_telefona", "phone"),
        # Finnish and Polish compounds and inflections
        ("Etunimet", "person_name"), ("Lähiosoite", "address"), ("Kuukausipalkka", "salary"),
        ("Tuntipalkka", "salary"), ("Syntymäaika", "date_of_birth"), ("Sähköpostiosoite", "email"),
        ("Käyttäjätunnus", "username"), ("Numer dowodu osobistego", "national_id"),
        # handles, secret words, bank, pay, PHI measurements, tax codes
        ("NETID", "username"), ("actor.login", "username"), ("github_login", "username"),
        ("Security Word", "security_answer"), ("Memorable Word", "security_answer"),
        ("Verbal Password", "security_answer"), ("ACH Account", "bank_account"),
        ("Checking Account", "bank_account"), ("RatePerWord_EUR", "salary"), ("Honorarium", "salary"),
        ("Hourly Fee", "salary"), ("PTA_Left_dB", "medical"), ("HL_Type", "medical"), ("Audiogram", "medical"),
        ("SpO2", "medical"), ("Visual Acuity", "medical"), ("TaxCode (CF / NIF)", "national_id"),
        ("NIF/NIE", "national_id"), ("NIP", "national_id"), ("Tax Code", "national_id"),
        # Arabic, Persian, Hebrew (Latin spellings), Tagalog, Thai, with their particles
        ("tarikh_al_milad", "date_of_birth"), ("raqam_al_hatif", "phone"), ("nam_khanevadegi", "person_name"),
        ("code_melli", "national_id"), ("taarich_leida", "date_of_birth"), ("mispar_zehut", "national_id"),
        ("petsa_ng_kapanganakan", "date_of_birth"), ("tirahan", "address"), ("sahod", "salary"),
        ("namsakun", "person_name"), ("thorasap", "phone"),
        # Cyrillic and Greek headers, read through their Latin letters
        ("Телефон", "phone"), ("Фамилия", "person_name"), ("Дата рождения", "date_of_birth"),
        ("Прізвище", "person_name"), ("Електронна пошта", "email"), ("Дата на раждане", "date_of_birth"),
        ("Ονοματεπώνυμο", "person_name"), ("Τηλέφωνο", "phone"), ("Διεύθυνση", "address"),
        ("Ημερομηνία γέννησης", "date_of_birth"), ("Αριθμός Ταυτότητας", "national_id"),
    ],
)
def test_world_headers(name: str, category: str) -> None:
    hint = match_name(name)
    assert hint is not None and hint.category == category, (name, hint)


@pytest.mark.parametrize(
    "name",
    ["phone_no_home", "daily_rate", "rate_per_night", "card_pin_code", "amount_inr", "ach_batch", "table_alias",
     "login_count", "password", "monthly_fee", "iop_setting", "instagram_url"],
)
def test_world_look_alikes(name: str) -> None:
    hint = match_name(name)
    assert hint is None or (name == "phone_no_home" and hint.category == "phone"), (name, hint)


def test_people_by_their_trade_and_tax_codes_are_weak_rules() -> None:
    for name in ("Linguist", "Interpreter", "Caregiver", "Proofreader", "NETID", "Tax Code", "NIP", "twitter"):
        hint = match_name(name)
        assert hint is not None and hint.weak, name


def test_romanised_and_native_script_names() -> None:
    for value in ("Hina Morita", "MORITA Kenta", "inoue yui", "QIAO Wen", "Kim Min-jun", "Park Ji-hoon"):
        assert is_known_person_name(value), value
    assert not is_known_person_name("Light Tan") and not is_known_person_name("Morning Sun")
    for value in ("Olena Kovalenko", "Иванов Иван", "Олена Коваленко", "Giorgos Nikolaou", "Γιώργος Νικολάου"):
        assert is_known_person_name(value), value  # Faker's Cyrillic and Greek lists, and their Latin forms
    for value in ("山田 太郎", "ヤマダ\u3000タロウ", "王伟", "김민준"):
        assert is_native_script_name(value), value
    assert not is_native_script_name("上海市") and not is_native_script_name("Tokyo")


def test_money_in_more_currencies_and_the_japanese_postal_mark() -> None:
    for value in ("₹45,000", "Rs. 45,000", "¥350,000", "TSh 850,000", "45 000 zł", "€0,14", "0.08 EUR"):
        assert is_salary_amount(value), value
    assert is_postal_code("〒150-0001") and is_postal_code("812-0011")


def _table(columns: dict[str, list[object]], n: int = 30) -> pa.Table:
    return pa.table({k: [v[i % len(v)] for i in range(n)] for k, v in columns.items()})


def test_a_korean_customer_list_in_romanised_headers() -> None:
    table = _table({
        "gogaek_id": [f"C{i}" for i in range(30)],
        "ireum": ["Kim Min-jun", "Lee Seo-yeon", "Park Ji-hoon", "Choi Ha-eun", "Jung Do-yun", "Han Jae-hyun"],
        "saengnyeonworil": ["1985-03-12", "1990-11-02", "1978-07-30", "2001-01-15"],
        "jeonhwa_beonho": ["010-1234-5678", "+82 10 2345 6789", "02-312-4567", "010-5555-1212"],
        "juso": ["Seoul Gangnam-gu Teheran-ro 152", "Busan Haeundae-gu Centum 7-ro 20"],
    })
    found = {k: v.category for k, v in detect_pii(table).items()}
    assert found == {"ireum": "person_name", "saengnyeonworil": "date_of_birth", "jeonhwa_beonho": "phone",
                     "juso": "address"}


def test_an_event_log_repeats_its_users_handles() -> None:
    handles = ["leopold.mukherjee", "amabre91", "igwe_jam", "marzam96", "beadun83", "kenji_d", "winoka98",
               "shelby.lindgren", "destiny.hashemi", "leopold9", "sebastian.esposito", "wilhelmina.goldberg"]
    table = _table({"actor.login": handles, "action": ["sso.login", "token.create", "repo.delete"]}, n=60)
    found = detect_pii(table)
    assert set(found) == {"actor.login"} and found["actor.login"].category == "username"
    roles = _table({"login": ["admin", "editor", "viewer"], "login_method": ["sso", "password", "oauth"]}, n=60)
    # a few repeated words are not handles
    assert not detect_pii(roles)


def test_a_tax_code_header_needs_valid_codes() -> None:
    codes = _table({"TaxCode (CF / NIF)": ["166247219", "125514360", "LDOBDT96P63A662K", "RSSMRA85T10A562S"]})
    assert detect_pii(codes)["TaxCode (CF / NIF)"].category == "national_id"
    uk = _table({"tax_code": ["1257L", "BR", "D0", "K475", "1100L"]})
    assert not detect_pii(uk)
