"""Logging in and out, the login requirement on every route, and roles."""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _

from presswatch.vocabulary import ROLES
from review.db import get_accounts
from storage.reviewers import allowed, verify
from storage.sessions import end_session, reviewer_of, start_session

bp = Blueprint("auth", __name__)
PUBLIC = ("auth.login", "static")


def limiter():
    return current_app.extensions["presswatch_login_limiter"]


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", error=None)
    name = request.form.get("name", "").strip()
    address = request.remote_addr or "-"
    if limiter().blocked(name, address):
        return render_template(
            "login.html", error=_("Too many failed attempts; wait a minute.")
        ), 429
    user = verify(get_accounts(), name, request.form.get("password", ""))
    if user is None:
        limiter().fail(name, address)
        return render_template("login.html", error=_("Wrong name or password.")), 401
    limiter().reset(name, address)
    csrf = session.get("csrf")
    session.clear()
    session.update({"sid": start_session(get_accounts(), user["id"]), "csrf": csrf})
    session.permanent = True
    return redirect(safe_next(request.form.get("next")) or url_for("queue.index"))


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this server, else ``None`` (never an open redirect).

    Refused: schemes and hosts, ``//`` anywhere in the path (protocol-relative, ``/.//``),
    backslashes, and control or other non-printable characters, raw or percent-encoded
    (browsers drop a tab or newline, so ``/\t/evil`` would become ``//evil``)."""
    if not target or len(target) > 2048 or not target.startswith("/"):
        return None
    decoded = unquote(target)
    if not (target + decoded).isprintable() or "\\" in decoded:
        return None
    if "//" in unquote(target.split("?", 1)[0].split("#", 1)[0]):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


@bp.route("/logout", methods=["POST"])
def logout():
    end_session(get_accounts(), session.get("sid"))
    session.clear()
    return redirect(url_for("auth.login"))


def require_login():
    """``before_request`` hook: every route but login and static files needs a live session
    (looked up server-side, so a cookie kept after logout or a disable no longer works)."""
    if request.endpoint in PUBLIC:
        return None
    user = reviewer_of(get_accounts(), session.get("sid"))
    if user is None:
        session.pop("sid", None)
        if request.method == "GET" and not request.path.startswith("/api/"):
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        abort(401)
    g.user = user
    return None


def role_required(role: str) -> Callable:
    def wrap(view: Callable) -> Callable:
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if not allowed(g.user["role"], role):
                abort(403, _("This needs the %(role)s role.", role=_(ROLES[role])))
            return view(*args, **kwargs)

        return inner

    return wrap
