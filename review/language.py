"""The reader's language in the review app: chosen per account (Accept-Language until then),
Flask-Babel's catalogues, and the template filters that show codes, dates and numbers in it."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, g, redirect, request, url_for
from flask_babel import Babel, get_locale
from flask_babel import gettext as _
from jinja2 import pass_context
from markupsafe import Markup

from presswatch import locales, vocabulary
from review.auth import safe_next
from review.db import get_accounts
from storage.errors import PresswatchError, ReviewError
from storage.reviewers import set_language

bp = Blueprint("language", __name__)


def select() -> str:
    """Flask-Babel's locale selector: the account's language, else the browser's best match."""
    chosen = (g.get("user") or {}).get("lang")
    if chosen in locales.LANGS:
        return chosen
    return request.accept_languages.best_match(locales.LANGS) or locales.DEFAULT


def current() -> str:
    return str(get_locale() or locales.DEFAULT)


@bp.route("/language", methods=["POST"])
def choose():
    """Store the reviewer's language on the account, then go back where they were."""
    try:
        set_language(get_accounts(), g.user["name"], request.form.get("lang", ""))
    except ReviewError:
        flash(_("Unknown language."), "error")
    return redirect(safe_next(request.form.get("next")) or url_for("queue.index"))


def message(exc: PresswatchError) -> str:
    """An error's message in the reader's language (storage raises them in English)."""
    return _(exc.template, **exc.values) if exc.template else str(exc)


def _keep(value) -> Markup:
    """Data inside a translated sentence: never translated (``translate="no"``)."""
    return Markup('<span translate="no">{}</span>').format(value)


def _bold(value) -> Markup:
    return Markup("<b>{}</b>").format(value)


def _per_request(function):
    """A filter Jinja must not fold into the compiled template (its value is per reader)."""

    @pass_context
    def run(_context, *args):
        return function(*args)

    return run


FILTERS = {
    "category": lambda code: vocabulary.category(code, current()),
    "vocab": lambda code, kind: vocabulary.name(kind, code, current()),
    "field": lambda code: vocabulary.name("field", code, current()),
    "num": lambda value, decimals=0: locales.number(value or 0, current(), decimals),
    "date": lambda value: locales.date(value, current()),
    "datetime": lambda value: locales.datetime(value, current()),
    "keep": _keep,
    "bold": _bold,
}


def install(app: Flask) -> None:
    """Flask-Babel on ``app`` with the project's catalogues, the filters and the menu."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(locales.LOCALE_DIR))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", locales.DEFAULT)
    Babel(app, locale_selector=select)
    app.jinja_env.filters.update({name: _per_request(f) for name, f in FILTERS.items()})
    app.context_processor(lambda: {"lang": current(), "languages": locales.AUTONYMS})
    app.register_blueprint(bp)
