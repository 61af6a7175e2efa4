"""Security headers on every response: a strict Content-Security-Policy and friends."""

from __future__ import annotations

from flask import Response, request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SANDBOX_CSP = "sandbox; default-src 'none'; img-src data:"


def secure(response: Response) -> Response:
    """``after_request`` hook. Routes that set their own CSP (the evidence frame) keep it."""
    framed = "Content-Security-Policy" in response.headers
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "SAMEORIGIN" if framed else "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response
