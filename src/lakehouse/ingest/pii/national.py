"""National identity numbers, validated with python-stdnum (check digits, embedded dates, formats)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from stdnum.be import nn as be_nn
from stdnum.br import cpf as br_cpf
from stdnum.ca import sin as ca_sin
from stdnum.cn import ric as cn_ric
from stdnum.de import idnr as de_idnr
from stdnum.dk import cpr as dk_cpr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nir as fr_nir
from stdnum.in_ import aadhaar as in_aadhaar
from stdnum.in_ import pan as in_pan
from stdnum.it import codicefiscale as it_cf
from stdnum.kr import rrn as kr_rrn
from stdnum.mx import curp as mx_curp
from stdnum.nl import bsn as nl_bsn
from stdnum.no import fodselsnummer as no_fnr
from stdnum.pl import pesel as pl_pesel
from stdnum.se import personnummer as se_pnr
from stdnum.us import itin as us_itin
from stdnum.us import ssn as us_ssn
from stdnum.za import idnr as za_idnr

# UK National Insurance numbers have no check digit; the prefix rules exclude most random letter pairs.
_NINO = re.compile(r"^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
_CPF_FORMATTED = re.compile(r"^\d{3}\.\d{3}\.\d{3}-\d{2}$")
_DATED = re.compile(r"^\d{6}[-+A]\d{3}[0-9A-Z]$|^\d{6}-\d{4}$|^\d{6}-\d{7}$")


def _nino(text: str) -> bool:
    return bool(_NINO.match(text.replace(" ", "").upper()))


# Numbers whose format and check digit make a random collision unlikely: these may flag a column alone.
_DISTINCTIVE: Final[tuple[Callable[[str], bool], ...]] = (
    it_cf.is_valid, es_dni.is_valid, es_nie.is_valid, mx_curp.is_valid, in_pan.is_valid, _nino,
    lambda t: bool(_CPF_FORMATTED.match(t)) and br_cpf.is_valid(t),
    lambda t: bool(_DATED.match(t)) and (fi_hetu.is_valid(t) or se_pnr.is_valid(t) or kr_rrn.is_valid(t)),
    lambda t: len(t) == 18 and cn_ric.is_valid(t),
)
# Plain digit runs with a check digit: confirm a name rule, too easy to hit by chance on their own.
_CONFIRMING: Final[tuple[Callable[[str], bool], ...]] = (
    fr_nir.is_valid, nl_bsn.is_valid, ca_sin.is_valid, de_idnr.is_valid, in_aadhaar.is_valid,
    pl_pesel.is_valid,
    se_pnr.is_valid, fi_hetu.is_valid, dk_cpr.is_valid, no_fnr.is_valid, be_nn.is_valid, kr_rrn.is_valid,
    za_idnr.is_valid, us_ssn.is_valid, us_itin.is_valid, br_cpf.is_valid,
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
