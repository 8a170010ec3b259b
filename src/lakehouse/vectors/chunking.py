"""Split a document into overlapping chunks, by characters or by (whitespace) tokens, preferring to end
a chunk at a paragraph break, then a sentence end, then any whitespace. Offsets index the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lakehouse.errors import InvalidInput

Unit = Literal["chars", "tokens"]
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE = re.compile(r"[.!?;:](?=\s)|\n")
_SPACE = re.compile(r"\s")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Chunk:
    chunk_index: int
    start: int
    end: int
    text: str


def check_params(size: int, overlap: int, unit: str) -> None:
    if unit not in ("chars", "tokens"):
        raise InvalidInput(f"Unknown chunk unit '{unit}'; use 'chars' or 'tokens'.")
    if size < 1:
        raise InvalidInput(f"chunk_size must be at least 1, got {size}.")
    if not 0 <= overlap < size:
        raise InvalidInput(f"overlap must be between 0 and chunk_size - 1 ({size - 1}), got {overlap}.")


def _break(text: str, lo: int, hi: int) -> int:
    """Best end position in (lo, hi]: after a paragraph break, a sentence end or whitespace."""
    window = text[lo:hi]
    for pattern in (_PARAGRAPH, _SENTENCE, _SPACE):
        matches = list(pattern.finditer(window))
        if matches:
            return lo + matches[-1].end()
    return hi


def chunk_chars(text: str, size: int, overlap: int, limit: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    n, start = len(text), 0
    while start < n and len(chunks) < limit:
        while start < n and text[start].isspace():
            start += 1
        if start >= n:
            break
        end = min(start + size, n)
        if end < n:
            end = _break(text, start + max(1, size // 2), end)
        body = text[start:end].rstrip()
        if body:
            chunks.append(Chunk(len(chunks), start, start + len(body), body))
        if end >= n:
            break
        nxt = max(end - overlap, start + 1)
        if overlap and nxt > start + 1:  # start the overlap on a word boundary when one is near
            space = text.find(" ", nxt, end)
            nxt = space + 1 if space != -1 else nxt
        start = nxt
    return chunks


def chunk_tokens(text: str, size: int, overlap: int, limit: int) -> list[Chunk]:
    spans = [m.span() for m in _TOKEN.finditer(text)]
    chunks: list[Chunk] = []
    i = 0
    while i < len(spans) and len(chunks) < limit:
        j = min(i + size, len(spans))
        if j < len(spans):  # prefer a window ending on a sentence end in its second half
            for cand in range(j, i + max(1, size // 2), -1):
                if text[spans[cand - 1][1] - 1] in ".!?":
                    j = cand
                    break
        start, end = spans[i][0], spans[j - 1][1]
        chunks.append(Chunk(len(chunks), start, end, text[start:end]))
        if j >= len(spans):
            break
        i = max(j - overlap, i + 1)
    return chunks


def chunk_text(text: str | None, size: int, overlap: int, unit: Unit = "chars", limit: int = 2000) -> list[Chunk]:
    """Chunks of ``text`` (none for empty or blank text); at most ``limit`` per document."""
    if not text or not text.strip():
        return []
    if unit == "tokens":
        return chunk_tokens(text, size, overlap, limit)
    return chunk_chars(text, size, overlap, limit)
