"""Accounts (admins only): list, add or reset, disable and enable."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from review import language
from review.auth import role_required
from review.db import get_accounts
from storage.errors import ReviewError
from storage.reviewers import ROLES, add_reviewer, list_reviewers, set_disabled

bp = Blueprint("admin", __name__)


@bp.route("/admin/reviewers")
@role_required("admin")
def reviewers():
    return render_template("admin.html", rows=list_reviewers(get_accounts()), roles=ROLES)


@bp.route("/admin/reviewers", methods=["POST"])
@role_required("admin")
def add():
    try:
        add_reviewer(
            get_accounts(),
            request.form.get("name", ""),
            request.form.get("password", ""),
            request.form.get("role", "reviewer"),
        )
        flash(_("Saved account %(name)s.", name=request.form.get("name")), "ok")
    except ReviewError as exc:
        flash(language.message(exc), "error")
    return redirect(url_for("admin.reviewers"))


@bp.route("/admin/reviewers/<name>/disabled", methods=["POST"])
@role_required("admin")
def disable(name: str):
    set_disabled(get_accounts(), name, request.form.get("disabled") == "1")
    return redirect(url_for("admin.reviewers"))
