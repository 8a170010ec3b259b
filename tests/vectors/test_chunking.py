from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakehouse.errors import InvalidInput
from lakehouse.vectors.chunking import check_params, chunk_text

TEXT = ("First paragraph talks about nursing. It has two sentences.\n\n"
        "Second paragraph is about welding and steel. Safety first! Then forklifts.\n\n"
        "Third paragraph covers payroll, audits and ledgers in some detail.")


def test_chunks_keep_offsets_and_break_on_boundaries() -> None:
    chunks = chunk_text(TEXT, 80, 10)
    assert [c.chunk_index for c in chunks] == list(range(len(chunks)))
    for c in chunks:
        assert TEXT[c.start:c.end] == c.text and len(c.text) <= 80
    assert chunks[0].text.endswith(("sentences.", "nursing."))  # a sentence end, not mid-word
    assert " ".join(c.text for c in chunks).count("forklifts") >= 1


def test_overlap_repeats_the_tail() -> None:
    chunks = chunk_text("word " * 200, 50, 20)
    assert all(b.start < a.end for a, b in zip(chunks, chunks[1:], strict=False))


def test_tokens_unit() -> None:
    chunks = chunk_text(" ".join(f"t{i}" for i in range(100)), 30, 5, "tokens")
    assert all(len(c.text.split()) <= 30 for c in chunks)
    assert chunks[1].text.split()[0] == "t25"


def test_empty_and_blank_texts_have_no_chunks() -> None:
    assert chunk_text("", 10, 0) == [] and chunk_text("   \n ", 10, 0) == [] and chunk_text(None, 10, 0) == []


def test_huge_document_without_spaces_is_bounded() -> None:
    chunks = chunk_text("x" * 1_000_000, 1000, 100, limit=50)
    assert len(chunks) == 50 and all(len(c.text) == 1000 for c in chunks)


@pytest.mark.parametrize(("size", "overlap", "unit"), [(0, 0, "chars"), (10, 10, "chars"), (10, -1, "chars"),
                                                       (10, 2, "words")])
def test_bad_parameters(size: int, overlap: int, unit: str) -> None:
    with pytest.raises(InvalidInput):
        check_params(size, overlap, unit)


@given(st.text(min_size=1, max_size=600), st.integers(8, 120), st.integers(0, 7))
def test_every_non_space_character_is_covered(text: str, size: int, overlap: int) -> None:
    chunks = chunk_text(text, size, overlap)
    covered = set()
    for c in chunks:
        assert text[c.start:c.end] == c.text and 0 < len(c.text) <= size
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
