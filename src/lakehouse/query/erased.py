"""A dataset read without its tombstoned rows (governance/clean_copies.py makes the copies).

Each data file of the pinned version is read from its tombstone-free copy when the caller has one (or as
it is, when it was found to hold no key); the files left over are anti-joined against the key set. A
table the file route cannot express is anti-joined whole.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lakehouse.query.spec import TableRegistration
from lakehouse.query.tuning import KeySet
from lakehouse.storage.uris import data_file_name

if TYPE_CHECKING:
    from datafusion import SessionContext

    from lakehouse.query.sources import Source


@dataclass(frozen=True)
class ErasedTable(TableRegistration):
    """``copies`` maps a data file's name to the path to read instead ("" = the file holds no key)."""

    keys: KeySet = field(default_factory=lambda: KeySet(name="", uri=""))
    key_column: str = ""
    copies: tuple[tuple[str, str], ...] = ()


@dataclass
class ErasedPlan:
    """Which files read clean and which need the anti-join; ``needs_keys`` decides the join settings."""

    clean: list[str]
    rest: list[str]
    whole: bool

    @property
    def needs_keys(self) -> bool:
        return self.whole or bool(self.rest)


def plan(reg: ErasedTable, source: Source) -> ErasedPlan:
    if source.route != "files":
        return ErasedPlan([], [], whole=True)
    copies = dict(reg.copies)
    clean: list[str] = []
    rest: list[str] = []
    for uri in source.files:
        copy = copies.get(data_file_name(uri))
        if copy is None:
            rest.append(uri)
        else:
            clean.append(copy or uri)
    return ErasedPlan(clean, rest, whole=False)


def register(ctx: SessionContext, reg: ErasedTable, source: Source, erased: ErasedPlan, keys: Source | None) -> None:
    """``keys`` is the opened key set, given exactly when ``erased.needs_keys``."""
    if keys is None:  # every file read from its copy, or as it is
        ctx.register_view(reg.name, source.scan(ctx, erased.clean))
        return
    raw, key_table = f"__e{secrets.token_hex(8)}", f"__e{secrets.token_hex(8)}"
    if erased.whole:
        source.register(ctx, raw)
    else:
        ctx.register_view(raw, source.scan(ctx, erased.rest))
    keys.register(ctx, key_table)
    from lakehouse.query.sources import quote

    column = quote(reg.key_column)
    rest = ctx.sql(f'SELECT t.* FROM "{raw}" t LEFT ANTI JOIN "{key_table}" k ON t.{column} = k.k')  # noqa: S608
    ctx.register_view(reg.name, source.scan(ctx, erased.clean).union(rest) if erased.clean else rest)
