"""A reviewer's own account: change the password (every other session of the account ends)."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from review import language
from review.auth import limiter
from review.db import get_accounts
from storage.errors import ReviewError
from storage.reviewers import change_password
from storage.sessions import start_session

bp = Blueprint("account", __name__)


@bp.route("/account/password")
def password_form():
    return render_template("password.html", error=None)


@bp.route("/account/password", methods=["POST"])
def change():
    name, address, form = g.user["name"], request.remote_addr or "-", request.form
    if limiter().blocked(name, address):
        return render_template("password.html", error=_("Too many failed attempts.")), 429
    if form.get("new_password", "") != form.get("confirm", ""):
        return render_template("password.html", error=_("The new passwords differ.")), 400
    try:
        change_password(
            get_accounts(), name, form.get("password", ""), form.get("new_password", "")
        )
    except ReviewError as exc:
        limiter().fail(name, address)
        return render_template("password.html", error=language.message(exc)), 400
    session["sid"] = start_session(get_accounts(), g.user["id"])  # this browser stays in
    flash(_("Password changed; every other session of your account has ended."), "ok")
    return redirect(url_for("queue.index"))
