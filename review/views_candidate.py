"""One candidate per screen, and the decisions on it (each a POST with the version it saw)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nlp.detect.taxonomy import BLOCKS, LEAVES, block
from presswatch import vocabulary
from review import forms, language
from review.db import get_db
from review.highlight import evidence_view, segments
from storage import candidates, incidents, triage
from storage.errors import ConflictError, ReviewError
from storage.facets import CASE_STATUSES, CYBER_KINDS, DEVELOPMENT_STATUSES, EDITABLE

bp = Blueprint("candidate", __name__)
CATEGORIES = LEAVES
PERPETRATORS = (
    "state:police",
    "state:court",
    "state:prosecutor",
    "state:official",
    "state:regulator",
    "state:security",
    "non-state",
    "unknown",
)
# the queue's and the list's category filter: a block (all its leaves) or one leaf
CATEGORY_FILTERS = tuple(x for b in BLOCKS for x in (b, *(c for c in LEAVES if block(c) == b)))
CHOICES = {
    "categories": CATEGORIES,
    "category_filters": CATEGORY_FILTERS,
    "perpetrators": PERPETRATORS,
    "case_statuses": CASE_STATUSES,
    "development_statuses": DEVELOPMENT_STATUSES,
    "cyber_kinds": CYBER_KINDS,
}


@bp.route("/candidates/<int:candidate_id>")
def show(candidate_id: int):
    db = get_db()
    cand = candidates.get(db, candidate_id)
    if cand is None:
        abort(404)
    holder = (
        candidates.claim(db, candidate_id, g.user["name"]) if cand["status"] == "pending" else None
    )
    for article in cand["articles"]:
        article["segments"] = segments(article, cand["evidence"])
    cand["evidence_view"] = evidence_view(cand["articles"], cand["evidence"])
    proposed = (
        incidents.current(db, cand["proposed_incident_id"])
        if cand["proposed_incident_id"]
        else None
    )
    text = {name: forms.text_of(name, cand.get(name)) for name in EDITABLE}
    return render_template(
        "candidate.html", c=cand, text=text, holder=holder, proposed=proposed, **CHOICES
    )


def _version() -> int:
    try:
        return int(request.form["version"])
    except (KeyError, ValueError):
        abort(400, _("The form has no version."))


def _decide(candidate_id: int, action):
    """Run a decision; a conflict renders the conflict page, a refused one returns with a note."""
    try:
        action(get_db())
    except ConflictError as exc:
        return _conflict(candidate_id, exc)
    except ReviewError as exc:
        flash(language.message(exc), "error")
        return redirect(url_for("candidate.show", candidate_id=candidate_id))
    return redirect(url_for("queue.next_candidate"))


def _conflict(candidate_id: int, exc: ConflictError):
    theirs = exc.current
    mine = forms.facets(request.form)
    rows = [
        (k, forms.text_of(k, theirs.get(k)), forms.text_of(k, mine.get(k)))
        for k in EDITABLE
        if k in mine
    ]
    return render_template(
        "conflict.html",
        kind="candidate",
        target_id=candidate_id,
        message=str(exc),
        last=theirs.get("last_decision") or {},
        theirs=theirs,
        rows=rows,
        action=request.path.rsplit("/", 1)[-1],
    ), 409


@bp.route("/candidates/<int:candidate_id>/accept", methods=["POST"])
def accept(candidate_id: int):
    def run(db):
        incident_id = triage.accept(
            db,
            candidate_id,
            reviewer=g.user["name"],
            version=_version(),
            edits=forms.changed(request.form, candidates.current(db, candidate_id) or {}),
        )
        flash(_("Accepted as incident #%(id)s.", id=incident_id), "ok")

    return _decide(candidate_id, run)


@bp.route("/candidates/<int:candidate_id>/reject", methods=["POST"])
def reject(candidate_id: int):
    def run(db):
        triage.reject(
            db,
            candidate_id,
            reviewer=g.user["name"],
            version=_version(),
            reason=request.form.get("reason", ""),
        )
        flash(_("Rejected candidate #%(id)s.", id=candidate_id), "ok")

    return _decide(candidate_id, run)


@bp.route("/candidates/<int:candidate_id>/merge", methods=["POST"])
def merge(candidate_id: int):
    def run(db):
        target = request.form.get("incident_id", type=int)
        if not target:
            raise ReviewError(_("Choose an incident to merge into."))
        dev = {
            "status": request.form.get("dev_status"),
            "date": request.form.get("dev_date"),
            "note": request.form.get("dev_note"),
        }
        triage.merge(
            db,
            candidate_id,
            reviewer=g.user["name"],
            version=_version(),
            incident_id=target,
            development=dev,
        )
        flash(
            _(
                "Merged candidate #%(id)s into incident #%(target)s.",
                id=candidate_id,
                target=target,
            ),
            "ok",
        )

    return _decide(candidate_id, run)


@bp.route("/candidates/<int:candidate_id>/second_source", methods=["POST"])
def second_source(candidate_id: int):
    def run(db):
        triage.second_source(
            db,
            candidate_id,
            reviewer=g.user["name"],
            version=_version(),
            reason=request.form.get("reason") or None,
        )
        flash(_("Candidate #%(id)s needs a second source.", id=candidate_id), "ok")

    return _decide(candidate_id, run)


@bp.route("/candidates/<int:candidate_id>/skip", methods=["POST"])
def skip(candidate_id: int):
    def run(db):
        triage.skip(db, candidate_id, reviewer=g.user["name"], version=_version())
        flash(_("Skipped candidate #%(id)s.", id=candidate_id), "ok")

    return _decide(candidate_id, run)


@bp.route("/undo", methods=["POST"])
def undo():
    try:
        done = triage.undo(get_db(), g.user["name"])
    except ConflictError as exc:
        return render_template(
            "conflict.html",
            kind="undo",
            target_id=exc.current.get("id"),
            message=str(exc),
            last=exc.current.get("last_decision") or {},
            theirs=exc.current,
            rows=[],
            action="undo",
        ), 409
    if done is None:
        flash(_("Nothing to undo."), "error")
        return redirect(url_for("queue.index"))
    flash(
        _(
            "Undid %(action)s of candidate #%(id)s.",
            action=vocabulary.name("action", done["undone"], language.current()),
            id=done["candidate_id"],
        ),
        "ok",
    )
    return redirect(url_for("candidate.show", candidate_id=done["candidate_id"]))
