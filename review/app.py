"""The review app: ``create_app(db_path, secret)`` wires blueprints, hooks and settings."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from flask import Flask, render_template
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from presswatch.locales import N_
from review import (
    auth,
    csrf,
    headers,
    language,
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
    language.install(app)
    app.before_request(csrf.check)
    app.before_request(auth.require_login)
    app.after_request(headers.secure)
    app.jinja_env.globals["csrf_token"] = csrf.token
    for code in (400, 401, 403, 404, 405, 413, 429):
        app.register_error_handler(code, _error)
    return app


TITLES = {
    400: N_("Bad request"),
    401: N_("Not logged in"),
    403: N_("Not allowed"),
    404: N_("Not found"),
    405: N_("Method not allowed"),
    413: N_("Request too large"),
    429: N_("Too many requests"),
}
DESCRIPTIONS = {
    400: N_("The request could not be understood."),
    401: N_("Log in first."),
    403: N_("You may not do this."),
    404: N_("There is nothing at this address."),
    405: N_("This address does not take this method."),
    413: N_("What was sent is too large."),
    429: N_("Too many requests: wait a minute."),
}


def _error(exc: HTTPException):
    """The error page in the reader's language; our own abort messages are translated already,
    Werkzeug's generic descriptions are replaced by ours."""
    code = exc.code or 500
    generic = exc.description == type(exc).description
    message = _(DESCRIPTIONS[code]) if generic and code in DESCRIPTIONS else exc.description
    title = _(TITLES[code]) if code in TITLES else ""
    return render_template("error.html", code=code, title=title, message=message), code
