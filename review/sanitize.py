"""Stored raw pages made inert: scripts, handlers, frames, forms and javascript: links removed."""

from __future__ import annotations

from lxml_html_clean import Cleaner

_cleaner = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=True,
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=False,
    safe_attrs_only=True,
)


def clean_html(body: bytes | str, encoding: str | None = None) -> str:
    """The page as safe HTML (still shown only in a sandboxed frame with its own CSP)."""
    text = body.decode(encoding or "utf-8", errors="replace") if isinstance(body, bytes) else body
    if not text.strip():
        return ""
    return _cleaner.clean_html(text)
