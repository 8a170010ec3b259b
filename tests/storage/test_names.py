from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakehouse.errors import InvalidName
from lakehouse.storage.names import validate_name

# The rule restated independently of the module's own regex.
ALLOWED_FIRST = set("abcdefghijklmnopqrstuvwxyz0123456789")
ALLOWED_REST = ALLOWED_FIRST | {"_", "-"}


def expected_valid(name: str) -> bool:
    return 1 <= len(name) <= 63 and name[0] in ALLOWED_FIRST and all(c in ALLOWED_REST for c in name[1:])


@given(st.text(max_size=80))
def test_validator_agrees_with_the_rule_on_any_text(name: str) -> None:
    if expected_valid(name):
        assert validate_name(name) == name
    else:
        with pytest.raises(InvalidName):
            validate_name(name)


@given(st.from_regex(re.compile(r"[a-z0-9][a-z0-9_-]{0,62}"), fullmatch=True))
def test_every_valid_name_is_accepted(name: str) -> None:
    assert validate_name(name, "dataset name") == name


@pytest.mark.parametrize(
    "name",
    ["", "A", "Sales", "-lead", "_lead", "a" * 64, "a b", "a/b", "..", "a.b", "a\n", "é", "a\x00", "ä"],
)
def test_invalid_names_are_refused_with_what_is_allowed(name: str) -> None:
    with pytest.raises(InvalidName) as err:
        validate_name(name, "bucket name")
    message = err.value.message
    assert "bucket name" in message
    assert repr(name) in message
    assert "a-z, 0-9" in message
    assert err.value.http_status == 422


def test_boundaries() -> None:
    assert validate_name("a" * 63) == "a" * 63
    assert validate_name("0") == "0"
    assert validate_name("a-b_c") == "a-b_c"


def test_non_string_is_refused() -> None:
    with pytest.raises(InvalidName):
        validate_name(123)  # type: ignore[arg-type]
