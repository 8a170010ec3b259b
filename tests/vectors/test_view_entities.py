"""An index built on a view with the ``entities`` redaction embeds and returns redacted text: no email or
phone of the base reaches the embedder, the stored chunks or a search hit."""

from __future__ import annotations

import pyarrow as pa

from tests.vectors.conftest import HashEmbedder

PEOPLE = [("Maria Lopez", "maria.lopez@example.com", "(212) 736-5000"),
          ("James Smith", "jsmith@mail.example.org", "+44 20 7946 0958"),
          ("Aarav Sharma", "aarav.s@example.in", "+91 81234 56789"),
          ("Emma Dubois", "emma.dubois@example.fr", "+33 1 42 68 53 00")]


class RecordingEmbedder(HashEmbedder):
    """The test's own embedder: remembers every text it was asked to embed."""

    name = "rec"

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def _embed(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.seen += texts
        return super()._embed(texts)


def test_index_on_an_entities_view_embeds_and_returns_redacted_text(lakehouse) -> None:  # type: ignore[no-untyped-def]
    embedder = RecordingEmbedder()
    lakehouse.vectors.embedders.register("rec", lambda settings: embedder)
    bodies = [f"{name} is a nurse in the icu. Reach {name.split()[0]} at {email} or {phone} for shifts."
              for name, email, phone in PEOPLE * 10]
    lakehouse.write_table("resumes", pa.table({"doc_id": list(range(len(bodies))), "body": bodies}))
    lakehouse.create_view({"name": "resumes_safe", "base_dataset": "resumes", "columns": ["doc_id", "body"],
                           "column_redactions": {"body": {"kind": "entities"}}})
    job = lakehouse.create_vector_index({"index_name": "safe_idx", "dataset": "resumes_safe", "id_column": "doc_id",
                                         "text_column": "body", "embedder": "rec", "chunk_size": 1000,
                                         "overlap": 0}, wait=True)
    assert job.status == "succeeded", job.error
    secrets = [s for _, email, phone in PEOPLE for s in (email, phone)]
    assert embedder.seen and all("[EMAIL]" in t and "[PHONE]" in t for t in embedder.seen)
    assert not [s for s in secrets for t in embedder.seen if s in t]
    hits = lakehouse.vector_search("safe_idx", "nurse icu shifts", k=40).hits
    assert len(hits) == 40
    for hit in hits:
        expected = bodies[hit.doc_id]
        for _, email, phone in PEOPLE:
            expected = expected.replace(email, "[EMAIL]").replace(phone, "[PHONE]")
        assert hit.text == expected  # built from the known spans, not with the redaction's patterns
    # the same text indexed from the raw dataset still holds them: the view did the redacting
    raw = lakehouse.create_vector_index({"index_name": "raw_idx", "dataset": "resumes", "id_column": "doc_id",
                                         "text_column": "body", "embedder": "rec", "chunk_size": 1000,
                                         "overlap": 0}, wait=True)
    assert raw.status == "succeeded"
    assert any("@example.com" in h.text for h in lakehouse.vector_search("raw_idx", "nurse", k=5).hits)
