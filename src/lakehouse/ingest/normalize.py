"""Column-name normalisation: any header becomes a unique, lower snake_case SQL identifier.

Rules, in order, for each name:
1. strip a UTF-8 BOM and surrounding whitespace; fold accents to ASCII (``Prénom`` -> ``prenom``);
2. split camelCase (``userID`` -> ``user_id``, ``HTTPServer`` -> ``http_server``) and lower-case;
3. every character outside ``[a-z0-9]`` becomes ``_``; runs of ``_`` collapse; leading/trailing ``_`` go;
4. a blank result becomes ``column_<n>`` (1-based position in the header);
5. a leading digit gets the prefix ``c_`` (``2020 sales`` -> ``c_2020_sales``);
6. names are cut to ``MAX_NAME_LENGTH`` characters;
7. duplicates get ``_2``, ``_3``, ... skipping any suffix that another column already uses.

SQL reserved words (``select``, ``from``) are kept: they match the identifier pattern and the query layer
quotes identifiers. The output always matches ``^[a-z_][a-z0-9_]*$`` and applying the rules twice
changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

MAX_NAME_LENGTH = 63  # PostgreSQL's identifier limit; the tightest engine we export to.
NAME_PATTERN = re.compile(r"^[a-z_][a-z0-9_]*$")

_CAMEL_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_2 = re.compile(r"([a-z0-9])([A-Z])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _words(name: str) -> str:
    """Rules 1-3."""
    text = name.replace("\ufeff", "").strip()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _CAMEL_2.sub(r"\1_\2", _CAMEL_1.sub(r"\1_\2", text)).lower()
    return _NOT_WORD.sub("_", text).strip("_")


def _base_name(name: str, position: int) -> str:
    return _from_words(_words(name), position)


def _from_words(text: str, position: int) -> str:
    """Rules 4-6."""
    if not text:
        text = f"column_{position}"
    elif text[0].isdigit():
        text = f"c_{text}"
    return text[:MAX_NAME_LENGTH].rstrip("_")


def dataset_for_file(file_name: str) -> str | None:
    """The dataset a file goes to when nothing names one (the drop folder without a matching rule, ``lakehouse
    ingest file`` without ``--dataset``): its name up to the first dot, normalised like a column name
    (``Sales Report 2024.csv.gz`` -> ``sales_report_2024``); None when no letter or digit is left."""
    return _dataset_name(file_name.rsplit("/", 1)[-1].split(".", 1)[0])


def dataset_for_table(table: str) -> str | None:
    """The dataset a database table goes to when nothing names one: the table's own name, without its schema and
    quotes, normalised like a column name (``public."Order Items"`` -> ``order_items``); None when nothing is left."""
    text = table.strip()
    quote = text[-1:] if text[-1:] in ('"', "`") else ""
    return _dataset_name(text[text.rfind(quote, 0, len(text) - 1) + 1:-1] if quote else text.rsplit(".", 1)[-1])


def _dataset_name(name: str) -> str | None:
    words = _words(name)
    return _from_words(words, 1) if words else None


def _with_suffix(base: str, n: int) -> str:
    suffix = f"_{n}"
    return base[: MAX_NAME_LENGTH - len(suffix)].rstrip("_") + suffix


def normalize_columns(names: Sequence[str]) -> list[str]:
    """Normalise a header; see the module docstring for the rules."""
    bases = [_base_name(name, i + 1) for i, name in enumerate(names)]
    # The first holder of a base name keeps it; later duplicates must not take a name another column
    # has on its own (["x", "x", "x_2"] -> ["x", "x_3", "x_2"]).
    reserved = set(bases)
    used: set[str] = set()
    out: list[str] = []
    for base in bases:
        candidate = base
        if candidate in used:
            n = 2
            candidate = _with_suffix(base, n)
            while candidate in used or candidate in reserved:
                n += 1
                candidate = _with_suffix(base, n)
        used.add(candidate)
        out.append(candidate)
    return out


@dataclass(frozen=True)
class ColumnMapping:
    """Ordered pairs (original header, normalised name); the originals are kept for the catalog."""

    pairs: tuple[tuple[str, str], ...]

    @classmethod
    def from_names(cls, names: Sequence[str]) -> ColumnMapping:
        return cls(tuple(zip(names, normalize_columns(names), strict=True)))

    @property
    def originals(self) -> list[str]:
        return [o for o, _ in self.pairs]

    @property
    def normalized(self) -> list[str]:
        return [n for _, n in self.pairs]

    def original_of(self, normalized: str) -> str:
        for original, name in self.pairs:
            if name == normalized:
                return original
        raise KeyError(normalized)

    def renamed(self) -> dict[str, str]:
        """Normalised name -> original, only for the columns whose name changed."""
        return {n: o for o, n in self.pairs if o != n}

    def to_dict(self) -> dict[str, str]:
        """Normalised name -> original (normalised names are unique, originals may not be)."""
        return {n: o for o, n in self.pairs}

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)
