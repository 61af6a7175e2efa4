"""Logging in and out, the login requirement on every route, and roles."""

from __future__ import annotations

import functools
from collections.abc import Callable

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
from review.db import get_db
from storage.reviewers import allowed, get_reviewer, verify

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
    user = verify(get_db(), name, request.form.get("password", ""))
    if user is None:
        limiter().fail(name, address)
        return render_template("login.html", error=_("Wrong name or password.")), 401
    limiter().reset(name, address)
    csrf = session.get("csrf")
    session.clear()
    session.update({"user": user["name"], "csrf": csrf})
    session.permanent = True
    return redirect(_safe_next(request.form.get("next")))


def _safe_next(target: str | None) -> str:
    """Only local paths: never an open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("queue.index")


@bp.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("auth.login"))


def require_login():
    """``before_request`` hook: every route but login and static files needs a live account."""
    if request.endpoint in PUBLIC:
        return None
    user = get_reviewer(get_db(), session.get("user", "")) if session.get("user") else None
    if user is None or user["disabled"]:
        session.pop("user", None)
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
