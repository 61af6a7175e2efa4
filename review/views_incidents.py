"""Incidents: the filtered list, one incident (timeline, sources, history), edits, exports."""

from __future__ import annotations

import csv
import io
import json

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from presswatch import vocabulary
from review import forms, language
from review.auth import role_required
from review.db import get_db
from review.views_candidate import CHOICES
from storage import incidents
from storage.errors import ConflictError, ReviewError
from storage.facets import EDITABLE
from storage.incidents import IncidentFilter
from storage.merges import merged_from

bp = Blueprint("incidents", __name__)
FILTER_KEYS = ("category", "outlet", "lang", "status", "since", "until", "q")


def filters_from(args) -> IncidentFilter:
    return IncidentFilter(**{k: (args.get(k) or None) for k in FILTER_KEYS})


@bp.route("/incidents")
def index():
    filters = filters_from(request.args)
    rows = incidents.list_incidents(get_db(), filters, limit=200)
    query = {k: v for k, v in request.args.items() if k in FILTER_KEYS and v}
    return render_template("incidents.html", rows=rows, args=request.args, query=query, **CHOICES)


@bp.route("/incidents/<int:incident_id>")
def show(incident_id: int):
    row = incidents.get_incident(get_db(), incident_id)
    if row is None:
        abort(404)
    text = {name: forms.text_of(name, row.get(name)) for name in EDITABLE}
    row["merged_from"] = merged_from(get_db(), incident_id)
    return render_template("incident.html", i=row, text=text, **CHOICES)


@bp.route("/incidents/<int:incident_id>/edit", methods=["POST"])
@role_required("editor")
def edit(incident_id: int):
    try:
        incidents.edit(
            get_db(),
            incident_id,
            reviewer=g.user["name"],
            version=request.form.get("version", type=int) or 0,
            changes=forms.changed(request.form, incidents.current(get_db(), incident_id) or {}),
        )
    except ConflictError as exc:
        mine = forms.facets(request.form)
        rows = [
            (k, forms.text_of(k, exc.current.get(k)), forms.text_of(k, mine.get(k)))
            for k in EDITABLE
            if k in mine
        ]
        return render_template(
            "conflict.html",
            kind="incident",
            target_id=incident_id,
            message=str(exc),
            last=exc.current.get("last_decision") or {},
            theirs=exc.current,
            rows=rows,
            action="edit",
        ), 409
    except ReviewError as exc:
        flash(language.message(exc), "error")
    return redirect(url_for("incidents.show", incident_id=incident_id))


@bp.route("/incidents/<int:incident_id>/developments", methods=["POST"])
def add_development(incident_id: int):
    try:
        incidents.add_development(
            get_db(),
            incident_id,
            reviewer=g.user["name"],
            status=request.form.get("status", ""),
            date=request.form.get("date") or "",
            note=request.form.get("note", ""),
            article_id=request.form.get("article_id", type=int),
            version=request.form.get("version", type=int),
        )
        flash(_("Development added."), "ok")
    except ConflictError:
        flash(
            _("Not saved: someone else changed this incident first. Reload and try again."), "error"
        )
    except ReviewError as exc:
        flash(language.message(exc), "error")
    return redirect(url_for("incidents.show", incident_id=incident_id))


@bp.route("/incidents/export.<fmt>")
def export(fmt: str):
    rows = list(incidents.export_rows(get_db(), filters_from(request.args)))
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1)
        return Response(
            body,
            mimetype="application/json",
            headers={"Content-Disposition": "attachment; filename=incidents.json"},
        )
    if fmt != "csv":
        abort(404)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"])
    writer.writeheader()
    writer.writerows(rows)
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=incidents.csv"},
    )


@bp.route("/api/incidents")
def search():
    """Incidents matching ``q`` (victim, outlet, text) for the merge picker, as JSON."""
    rows = incidents.search(get_db(), request.args.get("q", ""), limit=9)
    return jsonify(
        [
            {
                "id": r["id"],
                "title": r["title"],
                "category": r["category"],
                "category_name": vocabulary.category(r["category"], language.current()),
                "event_date": r["event_date"],
                "status": r["status"],
                "status_name": vocabulary.name("case_status", r["status"], language.current()),
                "outlets": r["outlets"],
            }
            for r in rows
        ]
    )
