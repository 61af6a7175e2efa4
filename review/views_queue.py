"""The queue: candidates by confidence and date, filters, counts per status; "next"."""

from __future__ import annotations

import time
from dataclasses import replace

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for

from review.db import get_db
from review.views_candidate import CATEGORY_FILTERS
from storage import candidates
from storage.candidates import QueueFilter

bp = Blueprint("queue", __name__)
FILTER_KEYS = ("status", "category", "outlet", "lang", "since", "until")
PAGE = 50
COUNTS_TTL = 10.0  # other processes (CLI, detection) may change counts; refreshed this often


def filters_from(args) -> QueueFilter:
    values = {k: (args.get(k) or None) for k in FILTER_KEYS}
    values["status"] = args.get("status", "pending") or None
    return QueueFilter(**values)


@bp.route("/")
def index():
    filters = filters_from(request.args)
    session["queue"] = {k: v for k, v in request.args.items() if k in FILTER_KEYS}
    page = max(int(request.args.get("page", "1") or 1), 1)
    db = get_db()
    rows = candidates.queue(db, filters, limit=PAGE, offset=(page - 1) * PAGE)
    return render_template(
        "queue.html",
        rows=rows,
        counts=counts_of(db, filters),
        filters=filters,
        args=request.args,
        page=page,
        more=len(rows) == PAGE,
        outlets=outlet_menu(db),
        category_filters=CATEGORY_FILTERS,
    )


def _cached(name: str, key, ttl: float, compute):
    """A value kept ``ttl`` seconds per app; any write through the app clears the caches."""
    cache = current_app.extensions.setdefault("presswatch_cache", {})
    hit = cache.get((name, key))
    if hit and time.monotonic() - hit[0] < ttl:
        return hit[1]
    value = compute()
    cache[(name, key)] = (time.monotonic(), value)
    return value


def counts_of(db, filters: QueueFilter) -> dict[str, int]:
    """Counts per status; up to COUNTS_TTL seconds old unless this app wrote since."""
    key = replace(filters, status=None)
    return _cached("counts", key, COUNTS_TTL, lambda: candidates.counts(db, key))


def outlet_menu(db) -> list[str]:
    return _cached("outlets", None, 300.0, lambda: candidates.outlets(db))


@bp.after_app_request
def forget_on_write(response):
    if request.method == "POST":
        current_app.extensions.pop("presswatch_cache", None)
    return response


@bp.route("/next")
def next_candidate():
    """The next pending candidate in queue order that nobody else holds (``after`` = skip it)."""
    after = request.args.get("after", type=int)
    if after:
        candidates.release(get_db(), after, g.user["name"])  # moving on lets others have it
    filters = filters_from(session.get("queue") or {})
    found = candidates.next_pending(
        get_db(), g.user["name"], filters, skip_ids=(after,) if after else ()
    )
    if found is None:
        return redirect(url_for("queue.index", **(session.get("queue") or {})))
    return redirect(url_for("candidate.show", candidate_id=found))
