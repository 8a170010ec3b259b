"""Moving an index between buckets (local and the moto S3 server), for both backends; a process killed at
several points of a move leaves exactly one usable copy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lakehouse.app import Lakehouse
from lakehouse.errors import Conflict, NotFound
from lakehouse.vectors.moving import files_of

N = 300


def vector_index(lh: Lakehouse, backend: str) -> None:
    import numpy as np
    import pyarrow as pa

    vectors = np.random.default_rng(5).standard_normal((N, 16)).astype(np.float32)
    lh.write_table("vecs", pa.table({"id": pa.array(range(N), pa.int64()),
                                     "v": pa.array(vectors.tolist(), pa.list_(pa.float32()))}))
    job = lh.create_vector_index({"index_name": "vi", "dataset": "vecs", "id_column": "id", "vector_column": "v",
                                  "vector_backend": backend}, wait=True)
    assert job.status == "succeeded", job.error


def top10(lh: Lakehouse) -> list[object]:
    import numpy as np

    query = np.random.default_rng(6).standard_normal(16).tolist()
    return [h.doc_id for h in lh.search_vectors("vi", {"vector": query, "k": 10, "exact": True}).hits]


def copies(lh: Lakehouse) -> dict[str, int]:
    return {name: len(files_of(lh.buckets.get(name), "vectors/vi")) for name in ("primary", "dest")}


@pytest.mark.parametrize("backend", ["hnsw", "lance"])
@pytest.mark.parametrize("where", ["local", "s3"])
def test_move_between_buckets(lakehouse: Lakehouse, backend: str, where: str, request: pytest.FixtureRequest,
                              tmp_path: Path) -> None:
    lh = lakehouse
    if where == "local":
        lh.add_bucket({"name": "dest", "backend": "local", "root": str(tmp_path / "data" / "dest")})
    else:
        lh.add_bucket(request.getfixturevalue("s3_bucket_spec").model_copy(update={"name": "dest"}))
    vector_index(lh, backend)
    trial = lh.evaluate_vector_index("vi", {"sample": 10})
    before = top10(lh)
    moved = lh.patch_vector_index("vi", {"bucket": "dest"})
    assert moved.bucket == "dest" and "move" not in moved.ann
    assert copies(lh) == {"primary": 0, "dest": copies(lh)["dest"]} and copies(lh)["dest"] > 0
    assert top10(lh) == before
    assert lh.vector_search("vi", vector=[0.1] * 16, k=5).hits
    assert lh.vector_trials("vi")[0]["trial_id"] == trial["trial_id"]  # the journal moves with the index
    lh.append_vectors("vi", {"rows": [{"id": 5000, "v": [0.2] * 16}]})
    assert lh.get_vector_document("vi", "5000")["doc_id"] == 5000
    back = lh.patch_vector_index("vi", {"bucket": "primary"})
    assert back.bucket == "primary" and top10(lh) == before


def test_move_refuses_unknown_and_read_only_buckets(lakehouse: Lakehouse) -> None:
    vector_index(lakehouse, "lance")
    with pytest.raises(NotFound):
        lakehouse.patch_vector_index("vi", {"bucket": "nowhere"})
    with pytest.raises(Conflict, match="read-only"):
        lakehouse.patch_vector_index("vi", {"bucket": "rescue"})
    with pytest.raises(Conflict, match="already"):
        lakehouse.patch_vector_index("vi", {"bucket": "primary"})


KILLER = textwrap.dedent("""
    import os, signal, sys
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.vectors import moving

    point = sys.argv[2]
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if point == "copy":
        real, calls = moving.copy_file, []
        def copy_file(*args):
            calls.append(1)
            if len(calls) == 3:
                die()
            return real(*args)
        moving.copy_file = copy_file
    elif point == "verify":
        moving.IndexMover.switch = die
    elif point == "switch":
        real_switch = moving.IndexMover.switch
        def switch(self, *args):
            real_switch(self, *args)
            die()
        moving.IndexMover.switch = switch
    lh = Lakehouse(load_settings(None, data_dir=sys.argv[1], query={"workers": 1}))
    lh.patch_vector_index("vi", {"bucket": "dest"})
""")


@pytest.mark.parametrize("point", ["copy", "verify", "switch"])
def test_a_kill_during_a_move_leaves_one_usable_copy(make_settings, tmp_path: Path, point: str,  # type: ignore[no-untyped-def]
                                                     request: pytest.FixtureRequest) -> None:
    lh = Lakehouse(make_settings(query={"workers": 1}))
    spec = request.getfixturevalue("s3_bucket_spec")
    lh.add_bucket(spec.model_copy(update={"name": "dest"}))
    vector_index(lh, "lance")
    before = top10(lh)
    data_dir = str(lh.settings.data_dir)
    lh.close()
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    done = subprocess.run([sys.executable, str(script), data_dir, point], env={**os.environ, "LANCE_LOG": "error"},
                          capture_output=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    again = Lakehouse(make_settings(query={"workers": 1}))
    try:
        from lakehouse.app.recovery import deep_check

        deep_check(again)  # a server's start finishes what the dead mover left
        info = again.get_vector_index("vi")
        expected = "dest" if point == "switch" else "primary"
        assert info.bucket == expected and "move" not in info.ann
        other = "primary" if expected == "dest" else "dest"
        assert copies(again)[other] == 0 and copies(again)[expected] > 0
        assert top10(again) == before
        assert again.vector_index_stats("vi")["rows"] == N
    finally:
        again.close()

