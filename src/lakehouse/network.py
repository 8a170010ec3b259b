"""Outbound connections: which hosts the lakehouse may reach (``network.allowed_hosts``).

Every URL or host the lakehouse connects to on someone's behalf (embedder servers, S3 endpoints, source
databases) is checked here first. A host passes when it is named in the allow-list, or when every address
it resolves to lies in an allowed address or CIDR. Link-local addresses (cloud metadata services live
there), other metadata addresses and unspecified addresses are refused whatever the list says.

The check resolves the name itself; a client that resolves it again later (DNS rebinding) is covered only
where the caller pins the addresses returned here (see docs/operations.md).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from lakehouse.config import Settings, is_host_entry
from lakehouse.errors import NetworkRefused

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

LOOPBACK_HOSTS = ("localhost", "127.0.0.0/8", "::1")
NEVER_ALLOWED: tuple[IpNetwork, ...] = tuple(ipaddress.ip_network(n) for n in (
    "169.254.0.0/16",   # IPv4 link-local: AWS/GCP/Azure/OpenStack metadata at 169.254.169.254, ECS at .170.2
    "fe80::/10",        # IPv6 link-local
    "fd00:ec2::254/128",  # AWS metadata over IPv6
    "100.100.100.200/32",  # Alibaba Cloud metadata
    "0.0.0.0/8",        # "this host": connecting to 0.0.0.0 reaches local services
    "::/128",           # unspecified
))
_NEVER_HINT = ("Link-local, cloud-metadata and unspecified addresses are never allowed, whatever "
               "network.allowed_hosts says.")
_HINT = ("Add the host (a name, an address or a CIDR such as 10.0.0.0/8) to network.allowed_hosts in "
         "lakehouse.toml (or LAKEHOUSE_NETWORK__ALLOWED_HOSTS) and restart.")


def _address(text: str) -> IpAddress | None:
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # ::ffff:169.254.169.254 is 169.254.169.254
    return address


def is_never_allowed(address: IpAddress) -> bool:
    return any(address.version == net.version and address in net for net in NEVER_ALLOWED)


def url_host(url: str) -> str | None:
    """The host of ``scheme://[user@]host[:port]/...`` (lower case, no brackets), or None."""
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def describe_url(url: str) -> str:
    """``scheme://host[:port]`` only: never the user, password, path or query (they may hold secrets)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "(an unparseable URL)"
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


@dataclass(frozen=True)
class NetworkPolicy:
    """The allow-list, parsed: host names (exact, or ``*.example.com`` for any subdomain) and networks."""

    names: frozenset[str]
    suffixes: tuple[str, ...]
    networks: tuple[IpNetwork, ...]

    @classmethod
    def of(cls, entries: Iterable[str]) -> NetworkPolicy:
        names: set[str] = set()
        suffixes: list[str] = []
        networks: list[IpNetwork] = []
        for raw in entries:
            entry = raw.strip().lower().strip("[]")
            if not is_host_entry(entry):
                raise ValueError(f"{raw!r} is not a host name, an IP address or a CIDR")
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                if entry.startswith("*."):
                    suffixes.append(entry[1:])
                else:
                    names.add(entry.rstrip("."))
        return cls(frozenset(names), tuple(suffixes), tuple(networks))

    @classmethod
    def default(cls, *urls: str) -> NetworkPolicy:
        """Loopback plus the hosts of ``urls`` (what a component's own configuration names)."""
        return cls.of([*LOOPBACK_HOSTS, *(h for h in map(url_host, urls) if h)])

    @classmethod
    def from_settings(cls, settings: Settings) -> NetworkPolicy:
        """``network.allowed_hosts`` plus every host the configuration itself names."""
        return cls.of([*settings.network.allowed_hosts, *configured_hosts(settings)])

    def names_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return host in self.names or any(host.endswith(s) for s in self.suffixes)

    def _in_networks(self, address: IpAddress) -> bool:
        return any(address.version == net.version and address in net for net in self.networks)

    def check_host(self, host: str, what: str, port: int | None = None) -> tuple[str, ...]:
        """Refuse (``NetworkRefused``, 403) unless ``host`` may be reached; return the addresses it
        resolved to (empty for a named host that does not resolve: connecting will say so)."""
        host = host.strip().strip("[]")
        literal = _address(host)
        if literal is not None:
            found: list[IpAddress] = [literal]
        else:
            found = _resolve(host, port)
            if not found and not self.names_host(host):
                raise NetworkRefused(f"{what}: host {host} is not in network.allowed_hosts (and does not resolve).",
                                     hint=_HINT)
        for address in found:
            if is_never_allowed(address):
                shown = host if literal is not None else f"{host} resolves to {address}, which"
                raise NetworkRefused(f"{what}: {shown} is a link-local, metadata or unspecified address; refused.",
                                     hint=_NEVER_HINT)
        if literal is None and self.names_host(host):
            return tuple(str(a) for a in found)
        outside = [a for a in found if not self._in_networks(a)]
        if outside:
            resolved = "" if literal is not None else f" (resolves to {outside[0]})"
            raise NetworkRefused(f"{what}: host {host}{resolved} is not in network.allowed_hosts.", hint=_HINT)
        return tuple(str(a) for a in found)

    def check_url(self, url: str, what: str) -> tuple[str, ...]:
        """``check_host`` for the host of an http(s) URL; ``what`` names the caller ("S3 endpoint of ...")."""
        return self._check_url(url, f"{what} ({describe_url(url)})")

    def check_redirect(self, source: str, target: str, what: str) -> tuple[str, ...]:
        """A redirect from ``source`` to ``target`` may be followed only where ``target`` may be reached."""
        return self._check_url(target, f"{what} at {describe_url(source)} redirects to {describe_url(target)}")

    def _check_url(self, url: str, prefix: str) -> tuple[str, ...]:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise NetworkRefused(f"{prefix}: not a valid URL.", hint=_HINT) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise NetworkRefused(f"{prefix}: not an http(s) URL with a host.", hint=_HINT)
        return self.check_host(parts.hostname, prefix, port)


def _resolve(host: str, port: int | None) -> list[IpAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    out: list[IpAddress] = []
    for info in infos:
        address = _address(str(info[4][0]))
        if address is not None and address not in out:
            out.append(address)
    return out


def configured_hosts(settings: Settings) -> list[str]:
    """Hosts the configuration names on purpose: embedder servers that were set (the built-in defaults are
    loopback, which the default list holds anyway), the GPU slot's model server and a PostgreSQL catalog."""
    embeddings = settings.embeddings
    urls = [getattr(embeddings, name).url for name in ("ollama", "openai") if name in embeddings.model_fields_set]
    if settings.models.url:  # the GPU slot's model server
        urls.append(settings.models.url)
    if settings.catalog.url and "://" in settings.catalog.url and not settings.catalog.url.startswith("sqlite"):
        urls.append(settings.catalog.url)
    return [h for h in map(url_host, urls) if h]


def check_redirect(url: str, policy: NetworkPolicy, what: str, timeout: float = 5.0) -> None:
    """Ask ``url`` once (HEAD, redirects not followed) and refuse when it redirects somewhere the policy
    refuses. For clients that follow redirects on their own (the S3 clients): it catches an endpoint that
    redirects when it is added, not one that starts later. Connection failures are left to the caller."""
    import httpx

    try:
        with httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False) as client:
            response = client.head(url)
    except httpx.HTTPError:
        return
    if response.next_request is not None:
        policy.check_redirect(url, str(response.next_request.url), what)
