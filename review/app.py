"""The review app: ``create_app(db_path, secret)`` wires blueprints, hooks and settings."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from flask import Flask, render_template

from review import (
    auth,
    csrf,
    headers,
    views_account,
    views_admin,
    views_candidate,
    views_evidence,
    views_incidents,
    views_merges,
    views_queue,
    views_redactions,
)
from review.db import Archive
from review.ratelimit import FailureLimiter

BLUEPRINTS = (
    auth.bp,
    views_queue.bp,
    views_candidate.bp,
    views_incidents.bp,
    views_merges.bp,
    views_redactions.bp,
    views_evidence.bp,
    views_admin.bp,
    views_account.bp,
)


def create_app(
    db_path: Path | str,
    secret: str | None = None,
    *,
    secure_cookies: bool = False,
    login_limit: int = 5,
) -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret or secrets.token_urlsafe(32),
        SESSION_COOKIE_NAME="presswatch_review",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=12),
        MAX_CONTENT_LENGTH=1_000_000,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["presswatch_archive"] = Archive(db_path)
    app.extensions["presswatch_login_limiter"] = FailureLimiter(limit=login_limit)
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
    app.before_request(csrf.check)
    app.before_request(auth.require_login)
    app.after_request(headers.secure)
    app.jinja_env.globals["csrf_token"] = csrf.token
    for code in (400, 401, 403, 404, 405, 413, 429):
        app.register_error_handler(code, _error)
    return app


def _error(exc):
    return render_template("error.html", code=exc.code, message=exc.description), exc.code
