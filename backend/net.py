"""Whether an address or host name is this machine: dev login, the demo server's bind address and the
hand-off URL are allowed only there (or when an operator says otherwise in so many words)."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 (with or without brackets, an IPv4-mapped one too) and the name localhost.
    0.0.0.0 is every address, not this machine's."""
    host = (host or "").strip().strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback
