"""The outbound allow-list: what passes, what is refused whatever the list says, and what errors say."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lakehouse.config import Settings
from lakehouse.errors import NetworkRefused
from lakehouse.network import NetworkPolicy, configured_hosts, describe_url


def refused(policy: NetworkPolicy, host: str) -> NetworkRefused:
    with pytest.raises(NetworkRefused) as info:
        policy.check_host(host, "test")
    assert info.value.http_status == 403 and info.value.code == "network_refused"
    return info.value


def test_default_allows_loopback_only() -> None:
    policy = NetworkPolicy.from_settings(Settings())
    assert policy.check_host("127.0.0.1", "t") == ("127.0.0.1",)
    assert policy.check_host("127.9.9.9", "t") == ("127.9.9.9",)
    assert policy.check_host("::1", "t") == ("::1",)
    assert set(policy.check_host("localhost", "t")) <= {"127.0.0.1", "::1"}
    error = refused(policy, "10.1.2.3")
    assert "network.allowed_hosts" in error.message and "network.allowed_hosts" in (error.hint or "")
    refused(policy, "192.168.0.10")
    refused(policy, "8.8.8.8")


@pytest.mark.parametrize("host", [
    "169.254.169.254",             # AWS/GCP/Azure metadata
    "169.254.170.2",               # ECS task metadata
    "fe80::1",                     # IPv6 link-local
    "fe80::1%lo",                  # ... with a zone
    "::ffff:169.254.169.254",      # IPv4-mapped spelling of the metadata address
    "fd00:ec2::254",               # AWS metadata over IPv6
    "100.100.100.200",             # Alibaba metadata
    "0.0.0.0",                     # unspecified: reaches local services
    "::",
    "2852039166",                  # 169.254.169.254 as one decimal number: caught after resolution
])
def test_metadata_link_local_and_unspecified_are_refused_even_when_everything_is_allowed(host: str) -> None:
    policy = NetworkPolicy.of(["0.0.0.0/0", "::/0", "169.254.169.254", host.split("%")[0]])
    error = refused(policy, host)
    assert "link-local" in error.message and "never allowed" in (error.hint or "")


def test_entries_names_wildcards_cidrs_and_ips() -> None:
    policy = NetworkPolicy.of(["10.0.0.0/8", "db.example.com", "*.corp.example", "192.0.2.7"])
    assert policy.check_host("10.200.0.1", "t") == ("10.200.0.1",)
    assert policy.check_host("192.0.2.7", "t") == ("192.0.2.7",)
    refused(policy, "192.0.2.8")
    # a named host passes by name, even when it does not resolve here (connecting will say so)
    assert policy.check_host("db.example.com", "t") == ()
    assert policy.check_host("a.b.corp.example", "t") == ()
    refused(policy, "corp.example.evil")
    refused(policy, "no-such-host.invalid")  # neither named nor resolvable


def test_a_name_is_checked_by_what_it_resolves_to() -> None:
    # "localhost" is not named here, but it resolves to loopback, which the CIDRs allow
    policy = NetworkPolicy.of(["127.0.0.0/8", "::1"])
    assert policy.check_host("localhost", "t")
    only_v4_elsewhere = NetworkPolicy.of(["10.0.0.0/8"])
    error = refused(only_v4_elsewhere, "localhost")
    assert "resolves to" in error.message


def test_configured_hosts_join_the_list() -> None:
    settings = Settings(embeddings={"ollama": {"url": "http://gpu-box.internal:11434", "model": "m"}},
                        catalog={"url": "postgresql+psycopg://lake:env:LAKEHOUSE_SECRET_PW@catalog.internal/lake"})
    assert {"gpu-box.internal", "catalog.internal"} <= set(configured_hosts(settings))
    policy = NetworkPolicy.from_settings(settings)
    assert policy.names_host("gpu-box.internal") and policy.names_host("catalog.internal")
    assert not policy.names_host("other.internal")


def test_setting_replaces_the_default_list() -> None:
    policy = NetworkPolicy.from_settings(Settings(network={"allowed_hosts": ["10.0.0.0/8"]}))
    refused(policy, "127.0.0.1")  # the embedders' built-in default URLs do not bring loopback back
    refused(policy, "::1")
    assert policy.check_host("10.0.0.1", "t")
    configured = NetworkPolicy.from_settings(Settings(network={"allowed_hosts": ["10.0.0.0/8"]},
                                                      embeddings={"ollama": {"url": "http://127.0.0.1:11434",
                                                                             "model": "m"}}))
    assert configured.check_host("127.0.0.1", "t")  # ... but a URL set on purpose does


@pytest.mark.parametrize("entry", ["http://x", "a b", "10.0.0.0/33", "", "x/y"])
def test_bad_entries_are_refused_when_settings_load(entry: str) -> None:
    with pytest.raises(ValidationError, match="allowed_hosts"):
        Settings(network={"allowed_hosts": [entry]})


def test_urls_are_described_without_credentials_path_or_query() -> None:
    shown = describe_url("https://user:s3cret@host.example:8443/v1/x?api_key=k#f")
    assert shown == "https://host.example:8443"
    policy = NetworkPolicy.of(["127.0.0.1"])
    with pytest.raises(NetworkRefused) as info:
        policy.check_url("http://user:s3cret@10.9.9.9:80/p?token=t0k", "The embedder")
    assert "s3cret" not in info.value.message and "t0k" not in info.value.message
    for bad in ("file:///etc/passwd", "gopher://127.0.0.1/", "http:///nohost"):
        with pytest.raises(NetworkRefused, match="http"):
            policy.check_url(bad, "x")
