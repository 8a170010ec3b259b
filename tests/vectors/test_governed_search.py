"""Search respects governance: read access to the source (or a grant on the index), and tombstones."""

from __future__ import annotations

import pytest

from lakehouse.errors import Forbidden, NotFound
from tests.vectors.conftest import build


def actor_for(lh, name: str, role: str):  # type: ignore[no-untyped-def]
    token = lh.create_token(name, role)["token"]
    return lh.authenticate(token)


def test_only_readers_of_the_source_find_the_index(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh)
    granted, stranger, agent = (actor_for(vlh, n, r) for n, r in
                                (("granted", "reader"), ("stranger", "reader"), ("bot", "agent")))
    vlh.add_grant("granted", "dataset", "docs")
    hits = vlh.vector_search("idx", "icu nurse", k=5, actor=granted).hits
    assert len(hits) == 5
    for who in (stranger, agent):
        with pytest.raises(NotFound):
            vlh.vector_search("idx", "icu nurse", k=5, actor=who)
        assert vlh.list_vector_indexes(actor=who) == []
    vlh.add_grant("bot", "index", "idx")  # agents search granted indexes, never raw datasets
    assert len(vlh.vector_search("idx", "icu nurse", k=5, actor=agent).hits) == 5
    with pytest.raises(Forbidden, match="needs read access to its source"):  # a filter would probe raw columns
        vlh.vector_search("idx", "icu nurse", k=5, filter="years > 3", actor=agent)
    assert vlh.vector_search("idx", "icu nurse", k=5, filter="years > 3", actor=granted).hits
    with pytest.raises(Forbidden):
        vlh.delete_vector_index("idx", actor=granted)  # readers may not manage indexes


def test_tombstoned_documents_never_come_back(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=200)
    first = vlh.vector_search("idx", "icu nurse paralegal", k=3).hits
    erased = [hit.doc_id for hit in first]
    vlh.tombstone("docs", "doc_id", [int(d) for d in erased], reason="erasure request")
    again = vlh.vector_search("idx", "icu nurse paralegal", k=10).hits
    assert len(again) == 10
    assert not {str(h.doc_id) for h in again} & {str(d) for d in erased}


def test_tombstones_on_another_key_column_map_to_doc_ids(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=120)
    vlh.tombstone("docs", "years", [3], reason="erase everyone with 3 years")
    hits = vlh.vector_search("idx", "nurse python welder", k=100).hits
    erased = {str(i) for i in range(120) if i % 20 == 3}
    assert hits and not {str(h.doc_id) for h in hits} & erased
