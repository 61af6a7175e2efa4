"""No requests (redirects included) into private, loopback or link-local addresses, unless the
source is explicitly local (``local: true`` → ``ADDRESS_GUARD_ALLOW_PRIVATE``)."""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from typing import cast
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest


@lru_cache(maxsize=1024)
def addresses(host: str) -> tuple[str, ...]:
    """The IP addresses a host name resolves to (empty when it does not resolve)."""
    try:
        # sockaddr[0] is the address string for AF_INET/AF_INET6 (stubs also allow int)
        return tuple({cast(str, info[4][0]) for info in socket.getaddrinfo(host, None)})
    except (socket.gaierror, UnicodeError, OSError):
        return ()


def is_private(host: str) -> bool:
    """Whether a host is, or resolves to, a non-public address."""
    for addr in addresses(host.strip("[]")):
        ip = ipaddress.ip_address(addr.split("%")[0])
        if (
            ip.is_private
            or ip.is_loopback
            or ip.is_link_local
            or ip.is_reserved
            or ip.is_unspecified
        ):
            return True
    return False


class AddressGuardMiddleware:
    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool("ADDRESS_GUARD_ALLOW_PRIVATE"))

    def process_request(self, request, spider=None):
        if self.allow_private:
            return None
        host = urlsplit(request.url).hostname or ""
        if is_private(host):
            raise IgnoreRequest(
                f"refused: {host} is a private or loopback address (source is not local)"
            )
        return None
