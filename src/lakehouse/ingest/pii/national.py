"""National identity numbers, validated with python-stdnum (check digits, embedded dates, formats)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any, Final


class _StdnumCheck:
    """``stdnum.<module>.is_valid``, imported on its first call: the ~45 modules cost ~30 ms to load, and most
    tables never hold a value shaped like a national id."""

    __slots__ = ("_check", "module")

    def __init__(self, module: str):
        self.module = module
        self._check: Callable[[str], bool] | None = None

    def __call__(self, text: str) -> bool:
        if self._check is None:
            self._check = importlib.import_module(f"stdnum.{self.module}").is_valid
        return bool(self._check(text))


def stdnum_check(module: str) -> Callable[[str], bool]:
    """python-stdnum's validator for ``module`` (``"fr.nir"``), loaded when first used."""
    return _StdnumCheck(module)


ar_cuit = stdnum_check("ar.cuit")
at_vnr = stdnum_check("at.vnr")
be_nn = stdnum_check("be.nn")
bg_egn = stdnum_check("bg.egn")
br_cnpj = stdnum_check("br.cnpj")
br_cpf = stdnum_check("br.cpf")
ca_sin = stdnum_check("ca.sin")
ch_ssn = stdnum_check("ch.ssn")
cl_rut = stdnum_check("cl.rut")
cn_ric = stdnum_check("cn.ric")
cz_rc = stdnum_check("cz.rc")
de_idnr = stdnum_check("de.idnr")
dk_cpr = stdnum_check("dk.cpr")
ee_ik = stdnum_check("ee.ik")
es_cif = stdnum_check("es.cif")
es_dni = stdnum_check("es.dni")
es_nie = stdnum_check("es.nie")
fi_hetu = stdnum_check("fi.hetu")
fr_nir = stdnum_check("fr.nir")
gb_nhs = stdnum_check("gb.nhs")
gr_amka = stdnum_check("gr.amka")
hr_oib = stdnum_check("hr.oib")
id_nik = stdnum_check("id.nik")
id_npwp = stdnum_check("id.npwp")
ie_pps = stdnum_check("ie.pps")
il_idnr = stdnum_check("il.idnr")
in_aadhaar = stdnum_check("in_.aadhaar")
in_pan = stdnum_check("in_.pan")
is_kennitala = stdnum_check("is_.kennitala")
it_cf = stdnum_check("it.codicefiscale")
jp_in = stdnum_check("jp.in_")
kr_rrn = stdnum_check("kr.rrn")
lt_asmens = stdnum_check("lt.asmens")
mx_curp = stdnum_check("mx.curp")
mx_rfc = stdnum_check("mx.rfc")
nl_bsn = stdnum_check("nl.bsn")
no_fnr = stdnum_check("no.fodselsnummer")
nz_ird = stdnum_check("nz.ird")
pl_nip = stdnum_check("pl.nip")
pl_pesel = stdnum_check("pl.pesel")
pt_nif = stdnum_check("pt.nif")
ro_cnp = stdnum_check("ro.cnp")
ru_inn = stdnum_check("ru.inn")
se_pnr = stdnum_check("se.personnummer")
si_emso = stdnum_check("si.emso")
th_pin = stdnum_check("th.pin")
tr_tckimlik = stdnum_check("tr.tckimlik")
us_itin = stdnum_check("us.itin")
us_ssn = stdnum_check("us.ssn")
za_idnr = stdnum_check("za.idnr")


# UK National Insurance numbers have no check digit; the prefix rules exclude most random letter pairs.
_NINO = re.compile(r"^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
_CPF_FORMATTED = re.compile(r"^\d{3}\.\d{3}\.\d{3}-\d{2}$")
_AHV = re.compile(r"^756\.?\d{4}\.?\d{4}\.?\d{2}$")
_BIRTH_SLASH = re.compile(r"^\d{6}/\d{3,4}$")
_DATED = re.compile(r"^\d{6}[-+A]\d{3}[0-9A-Z]$|^\d{6}-\d{4}$|^\d{6}-\d{7}$")


def _nino(text: str) -> bool:
    return bool(_NINO.match(text.replace(" ", "").upper()))


def _compact(text: str) -> str:
    return re.sub(r"[\s.\-/]", "", text).upper()


# Tax ids that say whether their holder is a natural or a legal person: a company's is not personal data.
def _person_rfc(text: str) -> bool:
    return len(_compact(text)) in (10, 13) and mx_rfc(text)


def _person_pan(text: str) -> bool:
    return in_pan(text) and _compact(text)[3] == "P"  # the fourth letter: P individual, C company, ...


def _person_cuit(text: str) -> bool:
    return ar_cuit(text) and _compact(text)[:2] in ("20", "23", "24", "27")  # 30, 33, 34: companies


def _ir_melli(text: str) -> bool:
    """Iran's kod-e melli: ten digits, the last a mod-11 check over the others weighted 10..2."""
    if not (len(text) == 10 and text.isdigit()) or len(set(text)) == 1:
        return False
    rest = sum(int(d) * (10 - i) for i, d in enumerate(text[:9])) % 11
    return int(text[9]) == (rest if rest < 2 else 11 - rest)


def _hu_tax_id(text: str) -> bool:
    """Hungary's adóazonosító jel: 8, five digits of days since 1867, three more, a mod-11 check weighted 1..9."""
    if not (len(text) == 10 and text.isdigit() and text[0] == "8"):
        return False
    rest = sum(int(d) * (i + 1) for i, d in enumerate(text[:9])) % 11
    return rest < 10 and int(text[9]) == rest


def _company_id(text: str) -> bool:
    compact = _compact(text)
    return (len(compact) == 12 and mx_rfc(text)) or (len(compact) == 14 and br_cnpj(text)) or (
        compact[:1].isalpha() and es_cif(text) and not es_nie(text)) or (
        in_pan(text) and compact[3] != "P") or (ar_cuit(text) and compact[:2] in ("30", "33", "34"))


# Numbers whose format and check digits make a chance match unlikely: these may flag a column alone.
# (A birth date inside the number, two check digits, or letters in fixed places; never Luhn alone.)
_DISTINCTIVE: Final[tuple[Callable[[str], bool], ...]] = (
    it_cf, es_dni, es_nie, mx_curp, _person_rfc, _person_pan, _nino,
    lambda t: bool(_CPF_FORMATTED.match(t)) and br_cpf(t),
    lambda t: bool(_DATED.match(t)) and (fi_hetu(t) or se_pnr(t) or kr_rrn(t)
                                         or dk_cpr(t)),
    lambda t: len(t) == 18 and cn_ric(t),
    lambda t: bool(_AHV.match(t)) and ch_ssn(t),
    lambda t: bool(_BIRTH_SLASH.match(t)) and (cz_rc(t)),
    lambda t: t.isdigit() and len(t) == 13 and (ro_cnp(t) or si_emso(t) or za_idnr(t)),
    lambda t: t.isdigit() and len(t) == 11 and (no_fnr(t) or tr_tckimlik(t)
                                                or ee_ik(t) or lt_asmens(t)),
    lambda t: t.isdigit() and len(t) == 10 and (bg_egn(t) or is_kennitala(t)),
)
# Plain digit runs with one check digit: confirm a name rule, too easy to hit by chance on their own.
_CONFIRMING: Final[tuple[Callable[[str], bool], ...]] = (
    fr_nir, nl_bsn, ca_sin, de_idnr, in_aadhaar,
    pl_pesel,
    se_pnr, fi_hetu, dk_cpr, no_fnr, be_nn, kr_rrn,
    za_idnr, us_ssn, us_itin, br_cpf, hr_oib, at_vnr,
    ie_pps, cl_rut, _person_cuit, gb_nhs, nz_ird, pt_nif,
    gr_amka, ro_cnp, tr_tckimlik, bg_egn, is_kennitala,
    id_nik, lt_asmens, ee_ik, si_emso, cz_rc,
    # tax numbers people have: Polish NIP, Japan's My Number, a Russian person's INN (12 digits), Indonesian NPWP
    pl_nip, jp_in, lambda t: len(t) == 12 and ru_inn(t), id_npwp,
    # Israel's teudat zehut, Thailand's personal number, Iran's kod-e melli, Hungary's personal tax number
    il_idnr, th_pin, _ir_melli, _hu_tax_id,
)


def _text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value.strip() if isinstance(value, str) and 6 <= len(value) <= 24 else None


def _any(checks: tuple[Callable[[str], bool], ...], text: str) -> bool:
    for check in checks:
        try:
            if check(text):
                return True
        except Exception:  # noqa: BLE001 - a validator tripping on odd input just means "not this one"
            continue
    return False


_SEPARATORS = re.compile(r"[ .\-/+]")


def _plausible(text: str) -> bool:
    """Cheap gate: 9-18 letters and digits without separators, mostly digits (CURP, codice fiscale aside)."""
    compact = _SEPARATORS.sub("", text)
    if not (9 <= len(compact) <= 18 and compact.isalnum()):
        return False
    letters = sum(c.isalpha() for c in compact)
    return letters < len(compact) and (letters <= 6 or len(compact) in (16, 18))


def is_distinctive_national_id(value: Any) -> bool:
    text = _text(value)
    return text is not None and _plausible(text) and _any(_DISTINCTIVE, text)


def is_national_id(value: Any) -> bool:
    text = _text(value)
    return text is not None and (_any(_DISTINCTIVE, text) or _any(_CONFIRMING, text))


def is_company_tax_id(value: Any) -> bool:
    """A tax id that its own format assigns to a company (Mexican RFC of 12 characters, CNPJ, CIF, a PAN whose
    fourth letter is not P, a CUIT starting 30/33/34): an invoice issuer's number, not a person's."""
    text = _text(value)
    return text is not None and _any((_company_id,), text)


# Numbers whose last digit (or letter) is computed from the others: a column passing one of these for ~90% of
# its values is that country's id. Checks of a date and a serial alone (US SSN, Danish CPR, Indonesian NIK) pass
# most digit runs of their length, so they only ever confirm a header.
_CHECK_DIGIT: Final[tuple[Callable[[str], bool], ...]] = (
    fr_nir, nl_bsn, ca_sin, de_idnr, in_aadhaar, pl_pesel,
    se_pnr, fi_hetu, no_fnr, be_nn, kr_rrn, za_idnr,
    br_cpf, at_vnr, gr_amka, ro_cnp, tr_tckimlik, bg_egn,
    lt_asmens, ee_ik, si_emso, jp_in, cn_ric, il_idnr,
    th_pin, _hu_tax_id,
)
# Left out, so they only confirm a header: numbers companies have too (Polish NIP, Croatian OIB, Chilean RUT, New
# Zealand IRD, Portuguese NIF, Icelandic kennitala: a register of firms beside their directors), and checks an
# ISBN-10's check digit also passes (Iran's kod-e melli, the NHS number).


def check_digit_ids() -> tuple[Callable[[str], bool], ...]:
    """The national-id tests with a real check digit, one by one: a column passing one of them almost always is
    that country's id (a column passing some test or other is not: with ~35 tests, random digits would)."""
    return _CHECK_DIGIT


def passes(check: Callable[[str], bool], text: str) -> bool:
    return _any((check,), text)
