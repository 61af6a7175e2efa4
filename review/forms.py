"""Reading the candidate and incident edit forms into facet values (DATA.md formats)."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from storage.errors import ReviewError
from storage.facets import CYBER_KINDS

CODES = ("CC", "CAO", "CPC", "CIVIL", "CONST", "OTHER")
UNITS = ("KZT", "MCI")


def _lines(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def victims(value: str | None) -> list[dict]:
    """One per line: ``name | role`` for people, ``name | outlet`` for outlets."""
    out = []
    for line in _lines(value):
        name, _, role = (part.strip() for part in line.partition("|"))
        kind = "outlet" if role == "outlet" else "person"
        out.append(
            {"name": name, "kind": kind, "role": None if kind == "outlet" else (role or None)}
        )
    return out


def legal_refs(value: str | None) -> list[dict]:
    """One per line: ``CODE ARTICLE [PART]``, e.g. ``CAO 456-2 3``."""
    out = []
    for line in _lines(value):
        parts = line.split()
        if len(parts) < 2 or parts[0].upper() not in CODES:
            raise ReviewError(
                _(
                    "Legal reference %(line)s: write CODE ARTICLE [PART], CODE one of %(codes)s.",
                    line=repr(line),
                    codes=", ".join(CODES),
                )
            )
        out.append(
            {
                "code": parts[0].upper(),
                "article": parts[1],
                "part": parts[2] if len(parts) > 2 else None,
            }
        )
    return out


def amounts(value: str | None) -> list[dict]:
    """One per line: ``VALUE UNIT [KIND]``, e.g. ``30 MCI fine`` or ``5000000 KZT claimed``."""
    out = []
    for line in _lines(value):
        m = re.fullmatch(r"([\d\s.,]+)\s+(KZT|MCI)(?:\s+(\w+))?", line, flags=re.I)
        if not m:
            raise ReviewError(
                _("Amount %(line)s: write VALUE UNIT [KIND], e.g. 30 MCI fine.", line=repr(line))
            )
        number = float(re.sub(r"\s", "", m.group(1)).replace(",", "."))
        out.append(
            {
                "value": number,
                "unit": m.group(2).upper(),
                "kind": m.group(3) or "other",
                "kzt": number if m.group(2).upper() == "KZT" else None,
            }
        )
    return out


def facets(form: MultiDict) -> dict:
    """The edited facets present in the form (absent fields are left as they were)."""
    out: dict = {}
    for name in (
        "category",
        "title",
        "summary",
        "perpetrator",
        "place",
        "event_date",
        "case_status",
        "cyber_kind",
    ):
        if name in form:
            out[name] = form.get(name, "").strip() or None
    if out.get("cyber_kind") and out["cyber_kind"] not in CYBER_KINDS:
        raise ReviewError(
            _(
                "cyberattack kind %(kind)s: one of %(kinds)s or none",
                kind=repr(out["cyber_kind"]),
                kinds=", ".join(CYBER_KINDS),
            )
        )
    parsers = {"victims": victims, "legal_refs": legal_refs, "amounts": amounts, "outlets": _lines}
    for name, parse in parsers.items():
        if name in form:
            out[name] = parse(form.get(name))
    return out


def number(value: float | int) -> str:
    """30.0 -> "30", 0.5 -> "0.5", 5e6 -> "5000000" (never scientific notation)."""
    return str(int(value)) if float(value).is_integer() else str(value)


def text_of(name: str, value) -> str:
    """A facet value as its form text (the inverse of the parsers above)."""
    value = value or []
    if name == "victims":
        return "\n".join(
            f"{v['name']} | {'outlet' if v.get('kind') == 'outlet' else v.get('role') or ''}".rstrip(
                " |"
            )
            for v in value
        )
    if name == "legal_refs":
        return "\n".join(
            " ".join(x for x in (r["code"], r["article"], r.get("part")) if x) for r in value
        )
    if name == "amounts":
        return "\n".join(
            f"{number(a['value'])} {a['unit']} {a.get('kind') or ''}".strip() for a in value
        )
    if name == "outlets":
        return "\n".join(value)
    return "" if value == [] else str(value)


def changed(form: MultiDict, row: dict) -> dict:
    """Only the facets whose form text differs from the row's: an untouched field is never
    re-parsed into the row (so details the form does not show, like an amount's tenge value,
    survive an accept without edits)."""
    return {
        name: value
        for name, value in facets(form).items()
        if text_of(name, value) != text_of(name, row.get(name))
    }
