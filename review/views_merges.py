"""Merging an incident into another from its page: preview, merge, undo (editors)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from review import language
from review.auth import role_required
from review.db import get_db
from storage import merges
from storage.errors import ConflictError, ReviewError

bp = Blueprint("merges", __name__)


@bp.route("/incidents/<int:incident_id>/merge")
@role_required("editor")
def preview(incident_id: int):
    target = request.args.get("into", "").strip().lstrip("#")
    if not target.isdigit():
        flash(_("Give the number of the incident to merge into."), "error")
        return redirect(url_for("incidents.show", incident_id=incident_id))
    try:
        plan = merges.preview(get_db(), incident_id, int(target))
    except ReviewError as exc:
        flash(language.message(exc), "error")
        return redirect(url_for("incidents.show", incident_id=incident_id))
    return render_template("merge.html", p=plan)


@bp.route("/incidents/<int:incident_id>/merge", methods=["POST"])
@role_required("editor")
def merge(incident_id: int):
    target = request.form.get("into", type=int)
    if target is None:
        abort(400, _("No incident to merge into."))
    try:
        merges.merge(
            get_db(),
            incident_id,
            target,
            reviewer=g.user["name"],
            source_version=request.form.get("source_version", type=int),
            target_version=request.form.get("target_version", type=int),
        )
    except (ConflictError, ReviewError) as exc:
        flash(_("Not merged: %(why)s", why=language.message(exc)), "error")
        return redirect(url_for("incidents.show", incident_id=incident_id))
    flash(_("Incident #%(id)s merged into #%(target)s.", id=incident_id, target=target), "ok")
    return redirect(url_for("incidents.show", incident_id=target))


@bp.route("/incidents/<int:incident_id>/unmerge", methods=["POST"])
@role_required("editor")
def undo(incident_id: int):
    try:
        merges.undo(get_db(), incident_id, reviewer=g.user["name"])
    except (ConflictError, ReviewError) as exc:
        flash(_("Merge not undone: %(why)s", why=language.message(exc)), "error")
        return redirect(url_for("incidents.show", incident_id=incident_id))
    flash(_("Merge of incident #%(id)s undone.", id=incident_id), "ok")
    return redirect(url_for("incidents.show", incident_id=incident_id))
