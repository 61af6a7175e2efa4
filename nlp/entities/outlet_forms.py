"""Outlet forms: how the text writes an outlet — its display name (no cue word, quotes or case
ending), whether two written forms are one name (:func:`same_form`, :func:`same_words`), and the
forms worth reporting (:func:`reported_forms`: the first mention of each)."""

from __future__ import annotations

import os
import re

from nlp.entities.gazetteer import Hit
from nlp.entities.names import key
from nlp.entities.outlet_cues import OUTLET_CUE
from nlp.entities.outlet_names import clean_name, not_outlets

LEADING_CUE = re.compile(r"^" + OUTLET_CUE.pattern + r"\s+(?=[«\"“])", re.IGNORECASE)


def display_name(hit: Hit) -> str:
    """The outlet as the text writes it, without the cue word an alias may carry ("издание
    «Власть»" → "Власть") and without quotes or a hyphenated case ending."""
    return clean_name(LEADING_CUE.sub("", hit.text.strip())) or hit.name


def same_form(a: str, b: str) -> bool:
    """Two written forms of an outlet that are one name up to case endings, script and generic
    words ("«Московского комсомольца»" / "Московский комсомолец", "Orda.kz" / "ORDA KZ"); an
    abbreviation and the full name ("МК" / "Московский комсомолец") are two forms."""
    ta, tb = _form_words(a), _form_words(b)
    short, long_ = sorted((ta, tb), key=len)
    if short and all(any(_word_meets(s, w) for w in long_) for s in short):
        return True
    return len("".join(ta)) >= 4 and _word_meets("".join(ta), "".join(tb))


def reported_forms(hits: list[Hit], text: str) -> list[Hit]:
    """The first mention of each written form of each outlet (:func:`same_form`), leaving out
    an abbreviation defined in parentheses right after another form ("Full Name (FN)")."""
    defined = [
        (b.name, display_name(b))
        for a, b in zip(hits, hits[1:], strict=False)
        if a.name == b.name and re.fullmatch(r"\s*\(\s*", text[a.end : b.start])
    ]
    out: list[Hit] = []
    for h in hits:
        form = display_name(h)
        if any(n == h.name and same_form(d, form) for n, d in defined) or any(
            same_words(display_name(o), form)
            or (o.name == h.name and same_form(display_name(o), form))
            for o in out
        ):
            continue
        out.append(h)
    return out


def same_words(a: str, b: str) -> bool:
    """The same name word for word, up to case endings ("Апрель" / "Апреля")."""
    ta, tb = _form_words(a), _form_words(b)
    return len(ta) == len(tb) and all(_word_meets(x, y) for x, y in zip(ta, tb, strict=True))


def _form_words(name: str) -> list[str]:
    words = [k for w in re.split(r"[\W_]+", name) if (k := key(w))]
    generic = set(not_outlets()["generic_words"])
    return [w for w in words if w not in generic] or words


def _word_meets(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    prefix = len(os.path.commonprefix([a, b]))
    return a == b or (len(short) >= 3 and prefix >= max(3, len(short) - 2))
