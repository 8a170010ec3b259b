"""Values of a PII shape that name no person: addresses of a private network and role mailboxes.

Used only when no header says what a column is (``f_06``, ``col3``): an IP column whose addresses are private
(10.x, 192.168.x, fd00::) or packed into one or two /16 networks is a plant's or an office's machines (people's
addresses come from many networks), and an email column of ``service@``, ``noc@``,
``info@`` mailboxes is an organisation's. Under a header that names a person's IP or email they stay flagged.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

SHARE: Final = 0.8
# Local parts of mailboxes that answer for a team or a function, in several languages.
ROLE_MAILBOXES: Final = frozenset([
    "info", "contact", "kontakt", "contacto", "contatto", "support", "help", "helpdesk", "service", "serwis", "servis",
    "servicio", "servizio", "noc", "soc", "ops", "admin", "administrator", "webmaster", "postmaster", "hostmaster",
    "abuse", "security", "sales", "office", "biuro", "kancelaria", "buero", "bureau", "oficina", "ufficio",
    "hello", "team", "billing", "accounts", "invoices", "faktury", "rechnung", "facturas", "hr", "jobs", "careers",
    "press", "media", "marketing", "noreply", "no-reply", "donotreply", "alerts", "alarm", "monitoring", "it",
    "reception", "recepcja", "rezeption", "orders", "shop", "store", "mail", "post", "empfang", "zentrale",
])


def _private_ip(value: Any) -> bool:
    try:
        address = ipaddress.ip_address(str(value).strip())
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


def role_mailbox(value: Any) -> bool:
    local = str(value).partition("@")[0].lower()
    return local in ROLE_MAILBOXES or local.rstrip("0123456789-_.") in ROLE_MAILBOXES


def _one_network(items: Sequence[Any]) -> bool:
    """Most addresses private, or inside at most two /16 networks (a site's own range)."""
    networks: Counter[str] = Counter()
    private = 0
    for value in items:
        if _private_ip(value):
            private += 1
        elif str(value).count(".") == 3:
            networks[".".join(str(value).strip().split(".")[:2])] += 1
    return private + sum(n for _, n in networks.most_common(2)) >= SHARE * len(items)


def impersonal(category: str, items: Sequence[Any]) -> bool:
    """The values of a column found by its values alone name machines or mailboxes, not people."""
    if not items:
        return False
    if category == "ip_address":
        return len(items) >= 10 and _one_network(items)
    return category == "email" and sum(1 for v in items if role_mailbox(v)) >= SHARE * len(items)
