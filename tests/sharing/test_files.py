"""The file route of local buckets: ranged reads (what fsspec's HTTP reader and pyarrow ask for), and the
recipient checks it keeps for ``sharing.check_cache_seconds`` (sharing/checks.py)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import requests
from delta_sharing.protocol import DeltaSharingProfile, Table
from delta_sharing.rest_client import DataSharingRestClient
from sqlalchemy import update

from lakehouse.catalog.models_sharing import RecipientRow
from lakehouse.sharing.checks import CheckCache
from lakehouse.types import utcnow
from tests.sharing.conftest import Sharing


def file_url(profile: Path) -> str:
    client = DataSharingRestClient(DeltaSharingProfile.read_from_file(str(profile)))
    return str(client.list_files_in_table(Table(name="people_safe", share="s", schema="default")).add_files[0].url)


def test_ranged_reads_of_a_shared_file(sharing_server: Sharing) -> None:
    sharing_server.lh.create_share("s", ["people_safe"])
    url = file_url(sharing_server.profile("acme", ["s"]))
    whole = requests.get(url, timeout=30)
    assert whole.status_code == 200 and whole.content[:4] == b"PAR1" and whole.content[-4:] == b"PAR1"
    size = len(whole.content)
    head = requests.head(url, timeout=30)
    assert head.status_code == 200 and int(head.headers["content-length"]) == size
    assert head.headers["accept-ranges"] == "bytes" and head.content == b""
    footer = requests.get(url, headers={"Range": "bytes=-8"}, timeout=30)  # what a Parquet reader asks first
    assert footer.status_code == 206 and footer.content == whole.content[-8:]
    assert footer.headers["content-range"] == f"bytes {size - 8}-{size - 1}/{size}"
    middle = requests.get(url, headers={"Range": f"bytes=4-{size // 2}"}, timeout=30)
    assert middle.status_code == 206 and middle.content == whole.content[4:size // 2 + 1]
    several = requests.get(url, headers={"Range": "bytes=0-3,8-11"}, timeout=30)
    assert several.status_code == 206 and several.headers["content-type"].startswith("multipart/byteranges")
    past = requests.get(url, headers={"Range": f"bytes={size + 10}-{size + 20}"}, timeout=30)
    assert past.status_code == 416 and past.headers["content-range"] == f"bytes */{size}"
    assert requests.get(url, headers={"Range": "lines=1-2"}, timeout=30).status_code == 400
    ticket, _, query = url.partition("?")
    forged = ticket[:-3] + ("AAA" if not ticket.endswith("AAA") else "BBB") + "?" + query
    assert requests.get(forged, headers={"Range": "bytes=0-3"}, timeout=30).status_code == 403


def test_a_revocation_another_process_makes_is_seen_within_the_window(sharing_server: Sharing) -> None:
    """Written straight into the catalog (as another server process over it would), a revocation is seen once
    the kept check is gone: at once after an in-process change, or after ``check_cache_seconds``."""
    lh = sharing_server.lh
    lh.create_share("s", ["people_safe"])
    profile = sharing_server.profile("acme", ["s"])
    url = file_url(profile)
    assert requests.head(url, timeout=30).status_code == 200
    with lh.catalog.sessions.begin() as session:
        session.execute(update(RecipientRow).where(RecipientRow.name == "acme").values(revoked_at=utcnow()))
    lh.sharing._forget_checks()  # what the window's end does
    assert requests.head(url, timeout=30).status_code == 404
    token = json.loads(profile.read_text())["bearerToken"]
    answer = requests.get(f"{sharing_server.url}/delta-sharing/shares", timeout=30,
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401


def test_the_check_cache_keeps_values_for_its_window_only() -> None:
    loads: list[str] = []

    def load(value: str, expires: object = None):  # type: ignore[no-untyped-def]
        def inner():  # type: ignore[no-untyped-def]
            loads.append(value)
            return value, expires
        return inner

    cache: CheckCache[str] = CheckCache(60)
    assert cache.get("k", load("a")) == "a" and cache.get("k", load("b")) == "a" and loads == ["a"]
    cache.clear()
    assert cache.get("k", load("c")) == "c"
    past = utcnow() - timedelta(seconds=1)  # a recipient whose expiry passed is loaded again (and refused there)
    assert cache.get("x", load("d", past)) == "d" and cache.get("x", load("e", past)) == "e"
    never: CheckCache[str] = CheckCache(0)
    assert never.get("k", load("f")) == "f" and never.get("k", load("g")) == "g"
    assert loads == ["a", "c", "d", "e", "f", "g"]
