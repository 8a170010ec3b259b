"""Both response formats of the Delta Sharing protocol, read with the official client against a running server:
``parquet`` (its fsspec + pyarrow reader) and ``delta`` (its delta-kernel reader). Whichever the client reads, it
gets the view's masked, filtered rows only, and governance refuses the same requests."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import delta_sharing
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import requests
from requests.exceptions import HTTPError

from lakehouse.sharing.protocol import Capabilities, TableProtocol
from tests.sharing.conftest import PEOPLE, Sharing
from tests.sharing.test_delta_sharing import expected_view, rows, status_of

FORMATS = pytest.mark.parametrize("use_delta_format", [None, True, False], ids=["chosen", "delta", "parquet"])
CLIENT_OFFER = "responseformat=delta,parquet;readerfeatures=deletionvectors,columnmapping,timestampntz"


@FORMATS
def test_the_official_client_reads_masked_values_only_in_either_format(sharing_server: Sharing, table_url,
                                                                        use_delta_format: bool | None) -> None:
    sharing_server.lh.create_share("s", ["people_safe"])
    url = table_url(sharing_server.profile("acme", ["s"]), "s", "people_safe")
    want = expected_view(PEOPLE)
    frame = delta_sharing.load_as_pandas(url, use_delta_format=use_delta_format)
    assert rows(frame) == want
    assert not set(PEOPLE.column("email").to_pylist()) & set(frame["email"])
    assert rows(delta_sharing.load_as_pandas(url, use_delta_format=use_delta_format, convert_in_batches=True)) == want
    assert len(delta_sharing.load_as_pandas(url, use_delta_format=use_delta_format, limit=2)) == 2


def test_the_answer_names_the_format_it_is_in(sharing_server: Sharing) -> None:
    sharing_server.lh.create_share("s", ["people_safe"])
    token = sharing_server.lh.create_recipient("r", ["s"])["bearerToken"]
    table = f"{sharing_server.url}/delta-sharing/shares/s/schemas/default/tables/people_safe"
    for offer, answered in ((None, "parquet"), ("responseformat=parquet", "parquet"),
                            ("responseformat=delta", "delta"), (CLIENT_OFFER, "delta")):
        headers = {"Authorization": f"Bearer {token}", **({"delta-sharing-capabilities": offer} if offer else {})}
        metadata = requests.get(f"{table}/metadata", headers=headers, timeout=30)
        query = requests.post(f"{table}/query", json={}, headers=headers, timeout=30)
        for answer in (metadata, query):
            assert answer.headers["delta-sharing-capabilities"] == f"responseformat={answered}"
            first = json.loads(answer.text.splitlines()[0])["protocol"]
            assert ("deltaProtocol" in first) == (answered == "delta")
        file = json.loads(query.text.splitlines()[2])["file"]
        url = file["deltaSingleAction"]["add"]["path"] if answered == "delta" else file["url"]
        assert url.endswith("?sp=r")  # what delta-kernel needs to fetch it by HTTP (sharing/files.py)


def test_the_server_chooses_delta_only_for_what_the_client_reads() -> None:
    plain, ntz = TableProtocol(), TableProtocol(3, 7, ("timestampNtz",), ("timestampNtz",))
    assert Capabilities.parse(None).format_for(plain) == "parquet"
    assert Capabilities.parse("responseformat=parquet").format_for(plain) == "parquet"
    assert Capabilities.parse("responseFormat=Delta").format_for(ntz) == "delta"  # asked for alone: answered
    assert Capabilities.parse(CLIENT_OFFER).format_for(ntz) == "delta"
    assert Capabilities.parse("responseformat=delta,parquet").format_for(plain) == "delta"
    assert Capabilities.parse("responseformat=delta,parquet;readerfeatures=columnmapping").format_for(ntz) == "parquet"


TYPES = pa.table({
    "id": pa.array([1, 2], pa.int64()),
    "at": pa.array([dt.datetime(2024, 1, 2, 3, 4, 5), None], pa.timestamp("us")),  # naive: the timestampNtz feature
    "at_utc": pa.array([dt.datetime(2024, 5, 6, 7, 8, 9), dt.datetime(2020, 1, 1)], pa.timestamp("us", tz="UTC")),
    "day": pa.array([dt.date(2024, 2, 29), dt.date(1999, 12, 31)]),
    "price": pa.array([Decimal("12.34"), None], pa.decimal128(10, 2)),
    "ok": [True, False],
    "tags": [["a", "b"], []],
})


def plain(value: Any) -> Any:
    if isinstance(value, (list, np.ndarray)):
        return list(value)
    return None if pd.isna(value) else value


def test_the_delta_format_reads_every_type_as_written(sharing_server: Sharing, table_url) -> None:
    """Naive timestamps make delta-rs write the ``timestampNtz`` table feature; the served protocol says so, and the
    client's delta-kernel reader reads them. (Its parquet reader cannot: "Could not parse datatype: timestamp_ntz".)"""
    lh = sharing_server.lh
    lh.write_table("typed", TYPES)
    lh.create_share("t", ["typed"])
    url = table_url(sharing_server.profile("admin_r", ["t"]), "t", "typed")
    frame = delta_sharing.load_as_pandas(url).sort_values("id", ignore_index=True)  # the client's own choice
    assert list(frame.columns) == TYPES.column_names
    want = TYPES.to_pylist()
    for column in TYPES.column_names:
        got = [plain(v) for v in frame[column].tolist()]
        expected = [r[column] for r in want]
        if column in ("at", "at_utc", "day"):  # pandas' timestamp units and time zones: compare the wall clock
            got = [None if v is None else str(v)[:19] for v in got]
            expected = [None if v is None else str(v)[:19] for v in expected]
        assert got == expected, column
    with pytest.raises(ValueError, match="timestamp_ntz"):
        delta_sharing.load_as_pandas(url, use_delta_format=False)


def test_governance_is_the_same_in_the_delta_format(sharing_server: Sharing, table_url) -> None:
    lh = sharing_server.lh
    lh.create_share("mine", ["people_safe"])
    lh.create_share("theirs", ["people"])
    profile = sharing_server.profile("r", ["mine"])
    for url in (table_url(profile, "mine", "people"), table_url(profile, "theirs", "people")):
        with pytest.raises(HTTPError) as missing:
            delta_sharing.load_as_pandas(url, use_delta_format=True)
        assert status_of(missing) == 404
    token = json.loads(profile.read_text())["bearerToken"]
    query = requests.post(f"{sharing_server.url}/delta-sharing/shares/mine/schemas/default/tables/people_safe/query",
                          json={}, timeout=30, headers={"Authorization": f"Bearer {token}",
                                                        "delta-sharing-capabilities": "responseformat=delta"})
    handed = json.loads(query.text.splitlines()[2])["file"]["deltaSingleAction"]["add"]["path"]
    lh.revoke_recipient("r")
    with pytest.raises(HTTPError) as refused:
        delta_sharing.load_as_pandas(table_url(profile, "mine", "people_safe"), use_delta_format=True)
    assert status_of(refused) == 401
    assert requests.get(handed, timeout=30).status_code == 404
