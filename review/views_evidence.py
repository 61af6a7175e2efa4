"""Stored raw pages: sanitized, served with a sandbox CSP, shown only inside a sandboxed frame."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from review.db import get_db
from review.headers import SANDBOX_CSP
from review.sanitize import clean_html
from storage.pages import get_page

bp = Blueprint("evidence", __name__)


@bp.route("/evidence/<int:page_id>")
def show(page_id: int):
    page = get_page(get_db(), page_id)
    if page is None:
        abort(404)
    return render_template("evidence.html", page=page)


@bp.route("/evidence/<int:page_id>/frame")
def frame(page_id: int):
    page = get_page(get_db(), page_id)
    if page is None:
        abort(404)
    body = clean_html(page["body"] or b"", page.get("encoding"))
    return Response(body, mimetype="text/html", headers={"Content-Security-Policy": SANDBOX_CSP})
