"""XML a crawl refuses before parsing: entity declarations (billion laughs, external entities) and
documents over ``XML_MAX_BYTES``. Sitemaps never need a DTD; lxml is already told not to expand
entities, which made a bomb parse as an *empty* sitemap, reported ``ok`` with 0 errors. Refusing
it by name makes it a recorded failure instead."""

from __future__ import annotations

import re

from storage.errors import FetchError

ENTITY_DECLARATION = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*?<!ENTITY", re.IGNORECASE | re.DOTALL)
PROLOG_BYTES = 64 * 1024  # a DTD's internal subset starts before the root element


class HostileXML(FetchError):
    """An XML document refused before parsing; ``kind`` names the failure recorded."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def refuse_hostile(body: bytes, url: str, max_bytes: int) -> bytes:
    """``body`` unchanged, or :class:`HostileXML` for an oversized document or one that declares
    entities."""
    if len(body) > max_bytes:
        raise HostileXML(
            "oversized_xml",
            f"XML document {url} is {len(body):,} bytes, over XML_MAX_BYTES ({max_bytes:,})",
        )
    start = body.find(b"<!", 0, PROLOG_BYTES)
    if start >= 0 and ENTITY_DECLARATION.search(body, start):
        raise HostileXML(
            "xml_entities", f"XML document {url} declares entities (entity expansion refused)"
        )
    return body
