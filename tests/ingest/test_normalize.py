import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakehouse.ingest.normalize import MAX_NAME_LENGTH, ColumnMapping, dataset_for_table, normalize_columns

VALID = re.compile(r"^[a-z_][a-z0-9_]*$")


def test_examples():
    assert normalize_columns(["\ufeffId", "First Name", "userID", "HTTPServer", "Prénom", "a--b__c "]) == [
        "id", "first_name", "user_id", "http_server", "prenom", "a_b_c",
    ]  # fmt: skip


def test_blank_and_symbols_become_positional():
    assert normalize_columns(["", "  ", "%%%", "名字"]) == ["column_1", "column_2", "column_3", "column_4"]


def test_leading_digit_is_prefixed():
    assert normalize_columns(["2020 sales", "1"]) == ["c_2020_sales", "c_1"]


def test_reserved_words_are_kept():
    assert normalize_columns(["select", "FROM", "Order"]) == ["select", "from", "order"]


def test_duplicates_are_suffixed_without_collisions():
    assert normalize_columns(["x", "X", "x_2", "x"]) == ["x", "x_3", "x_2", "x_4"]
    assert normalize_columns(["a b", "a_b", "A-B"]) == ["a_b", "a_b_2", "a_b_3"]


def test_long_names_are_cut_and_stay_unique():
    names = normalize_columns(["a" * 100, "a" * 80])
    assert names == ["a" * MAX_NAME_LENGTH, "a" * (MAX_NAME_LENGTH - 2) + "_2"]


def test_mapping_keeps_originals():
    m = ColumnMapping.from_names(["First Name", "id"])
    assert m.normalized == ["first_name", "id"]
    assert m.original_of("first_name") == "First Name"
    assert m.renamed() == {"first_name": "First Name"}
    assert list(m) == [("First Name", "first_name"), ("id", "id")]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.text(max_size=80), max_size=30))
def test_properties(names):
    out = normalize_columns(names)
    assert len(out) == len(names)
    assert len(set(out)) == len(out)
    assert all(VALID.match(n) and len(n) <= MAX_NAME_LENGTH for n in out)
    assert normalize_columns(out) == out


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.from_regex(r"[a-z][a-z0-9]{0,10}(_[a-z0-9]{1,5}){0,3}", fullmatch=True), unique=True))
def test_already_normal_names_are_unchanged(names):
    assert normalize_columns(names) == names


@pytest.mark.parametrize("table, dataset", [
    ("users", "users"), ("public.users", "users"), ('public."Order Items"', "order_items"),
    ("`shop`.`OrderItems`", "order_items"), ('"a.b"', "a_b"), ('""', None), ("sales.2024", "c_2024"),
])
def test_a_table_names_its_dataset(table: str, dataset: str | None) -> None:
    assert dataset_for_table(table) == dataset
