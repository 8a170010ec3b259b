"""National identity numbers, validated with python-stdnum (check digits, embedded dates, formats)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from stdnum.ar import cuit as ar_cuit
from stdnum.at import vnr as at_vnr
from stdnum.be import nn as be_nn
from stdnum.bg import egn as bg_egn
from stdnum.br import cnpj as br_cnpj
from stdnum.br import cpf as br_cpf
from stdnum.ca import sin as ca_sin
from stdnum.ch import ssn as ch_ssn
from stdnum.cl import rut as cl_rut
from stdnum.cn import ric as cn_ric
from stdnum.cz import rc as cz_rc
from stdnum.de import idnr as de_idnr
from stdnum.dk import cpr as dk_cpr
from stdnum.ee import ik as ee_ik
from stdnum.es import cif as es_cif
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.gr import amka as gr_amka
from stdnum.hr import oib as hr_oib
from stdnum.id import nik as id_nik
from stdnum.id import npwp as id_npwp
from stdnum.ie import pps as ie_pps
from stdnum.il import idnr as il_idnr
from stdnum.in_ import aadhaar as in_aadhaar
from stdnum.in_ import pan as in_pan
from stdnum.is_ import kennitala as is_kennitala
from stdnum.it import codicefiscale as it_cf
from stdnum.jp import in_ as jp_in
from stdnum.kr import rrn as kr_rrn
from stdnum.lt import asmens as lt_asmens
from stdnum.mx import curp as mx_curp
from stdnum.mx import rfc as mx_rfc
from stdnum.nl import bsn as nl_bsn
from stdnum.no import fodselsnummer as no_fnr
from stdnum.nz import ird as nz_ird
from stdnum.pl import nip as pl_nip
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import nif as pt_nif
from stdnum.ro import cnp as ro_cnp
from stdnum.ru import inn as ru_inn
from stdnum.se import personnummer as se_pnr
from stdnum.si import emso as si_emso
from stdnum.th import pin as th_pin
from stdnum.tr import tckimlik as tr_tckimlik
from stdnum.us import itin as us_itin
from stdnum.us import ssn as us_ssn
from stdnum.za import idnr as za_idnr

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
    return len(_compact(text)) in (10, 13) and mx_rfc.is_valid(text)


def _person_pan(text: str) -> bool:
    return in_pan.is_valid(text) and _compact(text)[3] == "P"  # the fourth letter: P individual, C company, ...


def _person_cuit(text: str) -> bool:
    return ar_cuit.is_valid(text) and _compact(text)[:2] in ("20", "23", "24", "27")  # 30, 33, 34: companies


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
    return (len(compact) == 12 and mx_rfc.is_valid(text)) or (len(compact) == 14 and br_cnpj.is_valid(text)) or (
        compact[:1].isalpha() and es_cif.is_valid(text) and not es_nie.is_valid(text)) or (
        in_pan.is_valid(text) and compact[3] != "P") or (ar_cuit.is_valid(text) and compact[:2] in ("30", "33", "34"))


# Numbers whose format and check digits make a chance match unlikely: these may flag a column alone.
# (A birth date inside the number, two check digits, or letters in fixed places; never Luhn alone.)
_DISTINCTIVE: Final[tuple[Callable[[str], bool], ...]] = (
    it_cf.is_valid, es_dni.is_valid, es_nie.is_valid, mx_curp.is_valid, _person_rfc, _person_pan, _nino,
    lambda t: bool(_CPF_FORMATTED.match(t)) and br_cpf.is_valid(t),
    lambda t: bool(_DATED.match(t)) and (fi_hetu.is_valid(t) or se_pnr.is_valid(t) or kr_rrn.is_valid(t)
                                         or dk_cpr.is_valid(t)),
    lambda t: len(t) == 18 and cn_ric.is_valid(t),
    lambda t: bool(_AHV.match(t)) and ch_ssn.is_valid(t),
    lambda t: bool(_BIRTH_SLASH.match(t)) and (cz_rc.is_valid(t)),
    lambda t: t.isdigit() and len(t) == 13 and (ro_cnp.is_valid(t) or si_emso.is_valid(t) or za_idnr.is_valid(t)),
    lambda t: t.isdigit() and len(t) == 11 and (no_fnr.is_valid(t) or tr_tckimlik.is_valid(t)
                                                or ee_ik.is_valid(t) or lt_asmens.is_valid(t)),
    lambda t: t.isdigit() and len(t) == 10 and (bg_egn.is_valid(t) or is_kennitala.is_valid(t)),
)
# Plain digit runs with one check digit: confirm a name rule, too easy to hit by chance on their own.
_CONFIRMING: Final[tuple[Callable[[str], bool], ...]] = (
    fr_nir.is_valid, nl_bsn.is_valid, ca_sin.is_valid, de_idnr.is_valid, in_aadhaar.is_valid,
    pl_pesel.is_valid,
    se_pnr.is_valid, fi_hetu.is_valid, dk_cpr.is_valid, no_fnr.is_valid, be_nn.is_valid, kr_rrn.is_valid,
    za_idnr.is_valid, us_ssn.is_valid, us_itin.is_valid, br_cpf.is_valid, hr_oib.is_valid, at_vnr.is_valid,
    ie_pps.is_valid, cl_rut.is_valid, _person_cuit, gb_nhs.is_valid, nz_ird.is_valid, pt_nif.is_valid,
    gr_amka.is_valid, ro_cnp.is_valid, tr_tckimlik.is_valid, bg_egn.is_valid, is_kennitala.is_valid,
    id_nik.is_valid, lt_asmens.is_valid, ee_ik.is_valid, si_emso.is_valid, cz_rc.is_valid,
    # tax numbers people have: Polish NIP, Japan's My Number, a Russian person's INN (12 digits), Indonesian NPWP
    pl_nip.is_valid, jp_in.is_valid, lambda t: len(t) == 12 and ru_inn.is_valid(t), id_npwp.is_valid,
    # Israel's teudat zehut, Thailand's personal number, Iran's kod-e melli, Hungary's personal tax number
    il_idnr.is_valid, th_pin.is_valid, _ir_melli, _hu_tax_id,
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
    fr_nir.is_valid, nl_bsn.is_valid, ca_sin.is_valid, de_idnr.is_valid, in_aadhaar.is_valid, pl_pesel.is_valid,
    se_pnr.is_valid, fi_hetu.is_valid, no_fnr.is_valid, be_nn.is_valid, kr_rrn.is_valid, za_idnr.is_valid,
    br_cpf.is_valid, at_vnr.is_valid, gr_amka.is_valid, ro_cnp.is_valid, tr_tckimlik.is_valid, bg_egn.is_valid,
    lt_asmens.is_valid, ee_ik.is_valid, si_emso.is_valid, jp_in.is_valid, cn_ric.is_valid, il_idnr.is_valid,
    th_pin.is_valid, _hu_tax_id,
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
