"""Redactions from the review app: mark a person or a passage (any reviewer), list, lift (editors)."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from review import language
from review.auth import role_required, safe_next
from review.db import get_db
from storage import redactions
from storage.errors import ReviewError

bp = Blueprint("redactions", __name__)


def _back() -> str:
    return safe_next(request.form.get("next")) or url_for("redactions.index")


@bp.route("/redactions")
def index():
    return render_template("redactions.html", rows=redactions.active(get_db()))


@bp.route("/redactions", methods=["POST"])
def add():
    try:
        rid = redactions.add(
            get_db(),
            request.form.get("kind", ""),
            reviewer=g.user["name"],
            text=request.form.get("text"),
            article_id=request.form.get("article_id", type=int),
            start=request.form.get("start", type=int),
            end=request.form.get("end", type=int),
            reason=request.form.get("reason", "").strip(),
        )
        flash(
            _(
                "Redaction #%(id)s saved: the report, exports and Datasette show [redacted].",
                id=rid,
            ),
            "ok",
        )
    except ReviewError as exc:
        flash(_("Not redacted: %(why)s", why=language.message(exc)), "error")
    return redirect(_back())


@bp.route("/redactions/<int:redaction_id>/remove", methods=["POST"])
@role_required("editor")
def remove(redaction_id: int):
    try:
        redactions.remove(get_db(), redaction_id, reviewer=g.user["name"])
        flash(_("Redaction #%(id)s lifted.", id=redaction_id), "ok")
    except ReviewError as exc:
        flash(language.message(exc), "error")
    return redirect(url_for("redactions.index"))
