"""Source DSNs: parse URL and key=value forms, resolve ``env:`` password references, redact everywhere.

A DSN is only ever shown redacted (``scheme://user:***@host:port/db``); driver messages are scrubbed of
the password (clear and URL-encoded) before they reach an error, a log line, a job record or lineage.
Before any connection, ``check_host`` holds the host against ``network.allowed_hosts``.
"""

from __future__ import annotations

import ipaddress
import re
import shlex
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from lakehouse.config import resolve_secret
from lakehouse.errors import InvalidInput
from lakehouse.network import NetworkPolicy

System = Literal["postgresql", "mysql"]

_SCHEMES: dict[str, System] = {
    "postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql", "mariadb": "mysql",
}
_DEFAULT_PORT: dict[System, int] = {"postgresql": 5432, "mysql": 3306}
_URL_PASSWORD = re.compile(r"(?P<head>[a-zA-Z][\w+.-]*://[^:/@\s]*:)(?P<pw>[^@\s]*)(?P<tail>@)")
_KV_PASSWORD = re.compile(r"(?P<head>\b(?:password|passwd|pwd)\s*=\s*)(?P<pw>'(?:[^'\\]|\\.)*'|[^\s&;]+)",
                          re.IGNORECASE)
# Timeouts, read-only mode and LOCAL INFILE are set by the connectors, never by the DSN.
_ALLOWED_PARAMS: dict[System, set[str]] = {
    "postgresql": {"sslmode", "sslrootcert", "sslcert", "sslkey", "application_name"},
    "mysql": set(),
}
_HOST = re.compile(r"^[A-Za-z0-9._:\[\]-]{1,255}$")


def redact_text(text: str) -> str:
    """Hide passwords in any URL-style or key=value DSN inside ``text`` (whatever the scheme)."""
    text = _URL_PASSWORD.sub(lambda m: f"{m['head']}***{m['tail']}", text)
    return _KV_PASSWORD.sub(lambda m: f"{m['head']}***", text)


@dataclass(frozen=True)
class Dsn:
    system: System
    host: str
    port: int
    user: str
    database: str
    password: str | None = field(default=None, repr=False)
    params: tuple[tuple[str, str], ...] = ()
    addresses: tuple[str, ...] = ()  # what the host resolved to when ``check_host`` allowed it

    @property
    def redacted(self) -> str:
        auth = f"{self.user}:***@" if self.password else f"{self.user}@"
        return f"{self.system}://{auth}{self.host}:{self.port}/{self.database}"

    def scrub(self, text: str) -> str:
        """``text`` with the password removed in every spelling a driver might echo."""
        text = redact_text(text)
        if self.password:
            for spelling in {self.password, quote(self.password, safe=""), quote(self.password)}:
                text = text.replace(spelling, "***")
        return text

    def url(self, scheme: str | None = None, **extra: str) -> str:
        """A driver URL holding the resolved password: never log or store it."""
        auth = quote(self.user, safe="")
        if self.password:
            auth += ":" + quote(self.password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        hosts = f"{host}:{self.port}"
        if self.system == "postgresql" and self.addresses and not _is_address(self.host):
            # libpq connects to exactly the checked addresses (no second lookup to rebind), keeping the
            # name for TLS verification; one host entry per address keeps its try-each-address behaviour
            hosts = ",".join([hosts] * len(self.addresses))
            extra = {**extra, "hostaddr": ",".join(self.addresses)}
        query = "&".join(f"{quote(k)}={quote(v)}" for k, v in (*self.params, *extra.items()))
        base = f"{scheme or self.system}://{auth}@{hosts}/{quote(self.database, safe='')}"
        return base + (f"?{query}" if query else "")

    def __str__(self) -> str:
        return self.redacted


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def check_host(dsn: Dsn, network: NetworkPolicy) -> Dsn:
    """Refuse (403) a source host ``network.allowed_hosts`` does not allow, before connecting; the result
    carries the checked addresses (PostgreSQL connects to exactly those)."""
    where = f"The {dsn.system} source at {dsn.host}:{dsn.port}"
    return replace(dsn, addresses=network.check_host(dsn.host, where, dsn.port))


def _password(raw: str | None) -> str | None:
    if raw is None or raw == "":
        return None
    return resolve_secret(raw) if raw.startswith("env:") else raw


def _parse_kv(text: str) -> dict[str, str]:
    try:
        parts = shlex.split(text)
    except ValueError:
        raise InvalidInput(f"Cannot parse DSN '{redact_text(text)}'.") from None
    out: dict[str, str] = {}
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep or not key:
            raise InvalidInput(f"Cannot parse DSN '{redact_text(text)}': '{redact_text(part)}' is not key=value.")
        out[key.strip().lower()] = value
    return out


def parse_dsn(text: str, system: System) -> Dsn:
    """Parse ``scheme://user[:password]@host[:port]/db[?k=v]`` or ``host=... user=... dbname=...``.

    The password may be ``env:LAKEHOUSE_SECRET_<NAME>`` (in the URL, as ``?password=``, or as a
    key=value pair); it is resolved here and kept only in memory.
    """
    text = (text or "").strip()
    if not text:
        raise InvalidInput("The DSN is empty.", hint=f"e.g. {system}://user:env:LAKEHOUSE_SECRET_DB@host/db")
    fields = _from_url(text, system) if "://" in text else _parse_kv(text)
    params = {k: v for k, v in fields.items()
              if k not in {"host", "port", "user", "username", "password", "passwd", "pwd", "dbname", "database",
                           "db"}}
    unknown = sorted(set(params) - _ALLOWED_PARAMS[system])
    if unknown:
        allowed = ", ".join(sorted(_ALLOWED_PARAMS[system])) or "none"
        raise InvalidInput(f"Unsupported DSN parameter(s): {', '.join(unknown)}.", hint=f"Allowed: {allowed}.")
    host = fields.get("host") or "localhost"
    if not _HOST.match(host):
        raise InvalidInput(f"DSN host '{redact_text(host)}' is not a host name or address.")
    try:
        port = int(fields.get("port") or _DEFAULT_PORT[system])
    except ValueError:
        raise InvalidInput(f"DSN port '{fields.get('port')}' is not a number.") from None
    if not 0 < port < 65536:
        raise InvalidInput(f"DSN port {port} is out of range.")
    database = fields.get("dbname") or fields.get("database") or fields.get("db") or ""
    if not database:
        raise InvalidInput(f"The DSN '{redact_text(text)}' names no database.",
                           hint="Add /dbname to the URL (or dbname=... to a key=value DSN).")
    user = fields.get("user") or fields.get("username") or ("postgres" if system == "postgresql" else "root")
    secret = fields.get("password", fields.get("passwd", fields.get("pwd")))
    return Dsn(system=system, host=host, port=port, user=user, database=database, password=_password(secret),
               params=tuple(sorted(params.items())))


def _from_url(text: str, system: System) -> dict[str, str]:
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise InvalidInput(f"Cannot parse DSN '{redact_text(text)}'.") from None
    scheme = parts.scheme.lower().split("+", 1)[0]
    if _SCHEMES.get(scheme) != system:
        expected = "postgresql://" if system == "postgresql" else "mysql:// or mariadb://"
        raise InvalidInput(f"DSN scheme '{parts.scheme}' is not a {system} DSN.", hint=f"Use {expected}.")
    fields = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
    if parts.hostname:
        fields["host"] = parts.hostname
    if port:
        fields["port"] = str(port)
    if parts.username:
        fields["user"] = unquote(parts.username)
    if parts.password is not None:
        fields["password"] = unquote(parts.password)
    path = unquote(parts.path.lstrip("/"))
    if path:
        fields["dbname"] = path
    return fields
