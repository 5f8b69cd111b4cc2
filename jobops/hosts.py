"""Which Host and Origin headers name this app: the answer to DNS rebinding and to pages on other ports.

A name such as `attacker.example` can be pointed at 127.0.0.1 after a page from it has loaded; the
browser then treats this app as that page's own site. Only names that cannot be rebound
(`localhost` and IP literals) and names the user configured are accepted, as Jupyter Server does.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NAME = "localhost"
DEFAULT_PORTS = {"http": "80", "https": "443"}


def split_host(value: str) -> tuple[str, str] | None:
    """(host, port) of a `Host` header, port '' when absent; None unless it is a plain `host[:port]`."""
    value = value.strip().lower()
    if value.startswith("["):
        host, bracket, rest = value[1:].partition("]")
        if not bracket:
            return None
    else:
        host, colon, port = value.partition(":")
        rest = colon + port
    port = rest[1:]
    if rest and (not rest.startswith(":") or not (port.isascii() and port.isdigit())):
        return None
    host = host.rstrip(".")
    return (host, port) if host else None


def is_ip_literal(host: str) -> bool:
    """True for an IPv4 or IPv6 address written out (a name a resolver could change is not one)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def allowed_host(header: str | None, names: frozenset[str]) -> bool:
    """The request names this app: localhost, an IP literal or a configured name."""
    parts = split_host(header or "")
    if parts is None:
        return False
    host = parts[0]
    return host == LOCAL_NAME or host in names or is_ip_literal(host)


def origin_is_own(origin: str, host_header: str | None, names: frozenset[str]) -> bool:
    """A browser's Origin is this app's own address: an allowed host, on the port the request came to."""
    if not allowed_host(host_header, names):
        return False
    try:
        parts = urlsplit(origin.strip().lower())
        origin_port = str(parts.port or "")
    except ValueError:
        return False
    default = DEFAULT_PORTS.get(parts.scheme)
    if default is None or not parts.hostname or parts.path or parts.query or parts.username:
        return False
    host, port = split_host(host_header or "") or ("", "")
    return parts.hostname.rstrip(".") == host and (origin_port or default) == (port or default)
