"""CSRF protection: a per-session token on every state-changing request, plus an Origin check.

A POST is refused (403) unless it carries the session's token (form field ``csrf_token`` or
header ``X-CSRF-Token``) and its ``Origin`` (or, without one, its ``Referer``) is this server.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from flask import abort, request, session
from flask_babel import gettext as _

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def token() -> str:
    """The session's CSRF token (created on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def same_origin(url: str | None) -> bool:
    if not url:
        return False
    parts, here = urlsplit(url), urlsplit(request.host_url)
    return (parts.scheme, parts.netloc) == (here.scheme, here.netloc)


def check() -> None:
    """``before_request`` hook: abort with 403 on a cross-site or token-less write."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("Origin")
    if not same_origin(origin if origin and origin != "null" else request.headers.get("Referer")):
        abort(403, _("Cross-site request refused (Origin)."))
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf")
    if not expected or not hmac.compare_digest(sent, expected):
        abort(403, _("Missing or wrong CSRF token."))
