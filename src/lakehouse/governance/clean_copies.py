"""Copies of a tombstoned dataset's data files without the tombstoned rows, one set per key generation.

Reading every query through an anti-join against 100,000 keys cost 1.4-1.6x the raw scan
(bench/governance.py): each query decodes the key column and probes a hash table for every row. So when
the keys or the table change, each data file of the committed version is checked once: a file that holds
none of the keys is read as it is; one that holds some is copied without those rows (row group by row
group: bounded memory, the same compression and row groups as the original). Queries read the copies and
anti-join only the files not checked yet (a write still in flight, an older version, a table outside the
local disk), so a missing or failed copy costs speed, never correctness.

Layout: ``<tombstones>/<dataset>/.clean/<generation>/manifest.json`` maps a data file's name to its copy
(``""`` when the file holds no key); the copies sit next to it. A generation's copies go with it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from deltalake import DeltaTable

from lakehouse.governance.tombstones import CLEAN_DIR, KEY
from lakehouse.storage.arrays import filter_table, is_in
from lakehouse.storage.uris import data_file_name, is_local_uri

log = logging.getLogger(__name__)
_MANIFEST = "manifest.json"


class CleanCopies:
    def __init__(self, root: Path):
        self._root = root
        self._lock = threading.Lock()

    def folder(self, dataset: str, generation: str) -> Path:
        return self._root / dataset / CLEAN_DIR / Path(generation).name

    def lookup(self, dataset: str, generation: str) -> dict[str, str]:
        """Data file name -> the path to read instead ("" = read the file itself); absent = anti-join it."""
        folder = self.folder(dataset, generation)
        return {name: (str(folder / copy) if copy else "") for name, copy in _read(folder).items()}

    def refresh(self, dataset: str, generation: str | None, key_column: str | None, table_uri: str,
                version: int | None) -> int:
        """Check the files of ``table_uri`` at ``version`` not yet in the generation's manifest; returns how
        many were added. Only tables on the local disk get copies (a copy must not leave the bucket)."""
        if generation is None or key_column is None or not is_local_uri(table_uri):
            return 0
        with self._lock:
            folder = self.folder(dataset, generation)
            known = _read(folder)
            unchecked = [(uri, name) for uri in DeltaTable(table_uri, version=version).file_uris()
                         # "." / "..": never a Delta data file, never a path
                         if (name := data_file_name(uri)) not in known and not name.startswith(".")]
            if not unchecked:
                return 0  # the usual case at start and after most writes: nothing to read
            keys = DeltaTable(generation).to_pyarrow_table(columns=[KEY]).column(KEY).combine_chunks()
            added = 0
            for uri, name in unchecked:
                try:
                    known[name] = _copy_without(uri, folder, name, key_column, keys)
                except (OSError, pa.ArrowException) as exc:
                    log.warning("no tombstone-free copy of %s (queries anti-join it): %s", name, exc)
                    continue
                added += 1
            if added:
                _write_atomic(folder / _MANIFEST, json.dumps(known).encode())
            return added


def _read(folder: Path) -> dict[str, str]:
    """The manifest: data file name -> copy name ("" = holds no key)."""
    try:
        return dict(json.loads((folder / _MANIFEST).read_text()))
    except (OSError, ValueError):
        return {}


def _copy_without(path: str, folder: Path, name: str, column: str, keys: pa.Array) -> str:
    """"" when the file holds none of ``keys``; otherwise the name of a copy without those rows."""
    source = pq.ParquetFile(path)
    if column not in source.schema_arrow.names:
        return ""  # the column came later: this file's rows have null keys, which match no tombstone
    erased = [pc.fill_null(is_in(source.read_row_group(i, columns=[column]).column(0), keys), False)
              for i in range(source.num_row_groups)]
    hit = [pc.any(mask).as_py() for mask in erased]
    if not any(hit):
        return ""
    meta = source.metadata
    compression = meta.row_group(0).column(0).compression.lower() if meta.num_row_groups else "snappy"
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with pq.ParquetWriter(partial, source.schema_arrow, compression=compression, write_page_index=True) as out:
            for i in range(source.num_row_groups):
                group = source.read_row_group(i)
                if hit[i]:
                    group = filter_table(group, pc.invert(erased[i]))
                if group.num_rows:
                    out.write_table(group, row_group_size=group.num_rows)
        os.replace(partial, folder / name)
    finally:
        partial.unlink(missing_ok=True)
    return name


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    partial.write_bytes(data)
    os.replace(partial, path)

