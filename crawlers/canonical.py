"""Canonical URLs: the key of an article across tracking, AMP, mobile and cosmetic variants."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "_hs")
TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "igshid",
    "mkt_tok",
    "_ga",
    "_gl",
    "ref_src",
    "cmpid",
    "ocid",
    "amp",
}
DEFAULT_PORTS = {"http": 80, "https": 443}


def _host(netloc: str, scheme: str) -> str:
    host, _, port = netloc.lower().rpartition(":") if ":" in netloc else (netloc.lower(), "", "")
    if not host:
        host, port = port, ""
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    if port and port.isdigit() and int(port) != DEFAULT_PORTS.get(scheme):
        return f"{host}:{port}"
    return host


def _path(path: str) -> str:
    segs = [s for s in path.split("/") if s]
    if segs and segs[0] == "amp":
        segs = segs[1:]
    if segs and segs[-1] == "amp":
        segs.pop()
    if segs and segs[-1].endswith(".amp.html"):
        segs[-1] = segs[-1][: -len(".amp.html")] + ".html"
    return "/" + "/".join(segs)


def _query(query: str) -> str:
    kept = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(kept))


def canonical_url(url: str) -> str:
    """The key of a URL: lower-case scheme and host, no ``www.``/``m.``/``amp.`` prefix, no
    tracking parameters, no AMP suffix, no fragment, no trailing slash (except the root),
    default port dropped, query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    if scheme not in ("http", "https"):
        return url.strip()
    return urlunsplit(
        (
            "https" if scheme == "https" else "http",
            _host(parts.netloc, scheme),
            _path(parts.path or "/"),
            _query(parts.query),
            "",
        )
    )


_LINK_CANONICAL = re.compile(
    r"""<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>""", re.IGNORECASE
)
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def declared_canonical(html: str | bytes | None, url: str) -> str | None:
    """The page's own ``<link rel="canonical">``, resolved, when it stays on the same host
    (a page may name its desktop or AMP twin, never another site's URL)."""
    if not html:
        return None
    head = html[:200_000].decode("utf-8", "replace") if isinstance(html, bytes) else html[:200_000]
    tag = _LINK_CANONICAL.search(head)
    href = _HREF.search(tag.group(0)) if tag else None
    if not href:
        return None
    target = urljoin(url, href.group(1).strip())
    if urlsplit(target).netloc.lower() != urlsplit(url).netloc.lower():
        return None
    return canonical_url(target)
