"""RemoteLakehouse offers exactly Lakehouse's public methods, with the same signatures and return types."""

from __future__ import annotations

import inspect

from lakehouse.app import Lakehouse
from lakehouse.client import RemoteLakehouse


def public_methods(cls: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in inspect.getmembers(cls, inspect.isfunction)
            if not name.startswith("_")}


def test_both_expose_the_same_public_methods() -> None:
    local, remote = public_methods(Lakehouse), public_methods(RemoteLakehouse)
    assert sorted(set(local) - set(remote)) == [], "methods missing from RemoteLakehouse"
    assert sorted(set(remote) - set(local)) == [], "methods only RemoteLakehouse has"
    assert len(local) > 40


def test_signatures_and_return_annotations_match() -> None:
    local, remote = public_methods(Lakehouse), public_methods(RemoteLakehouse)
    different = {name: (str(local[name]), str(remote[name])) for name in local if str(local[name]) != str(remote[name])}
    assert different == {}
