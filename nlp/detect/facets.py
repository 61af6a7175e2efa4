"""Facets of a signal beside its category: victims, perpetrator, case status, place, event date."""

from __future__ import annotations

from nlp.detect.cues import STATUS_ORDER, CueBook
from nlp.detect.facts import Facts


def victims(
    facts: Facts, spans: list[tuple[int, int]], sentences: list[tuple[int, int]] | None = None
) -> list[dict]:
    """Journalists and outlets named in the evidence windows, else anywhere in the article; people
    whose role the tagger did not see count when they are named in an evidence sentence itself."""

    def found(windows, any_role: bool = False):
        people = [s for a, b in windows for s in facts.within(a, b, "person") if s.role or any_role]
        outlets = [] if any_role else [s for a, b in windows for s in facts.within(a, b, "outlet")]
        out = [{"name": p.norm, "kind": "person", "role": p.role} for p in people]
        return out + [{"name": o.norm, "kind": "outlet", "role": None} for o in outlets]

    here = found(spans)
    if not any(v["kind"] == "person" for v in here):
        here = found(sentences or spans, any_role=True) + here
    out = here or found([(0, len(facts.text))])
    seen, unique = set(), []
    for v in out:
        if (v["kind"], v["name"].casefold()) not in seen:
            seen.add((v["kind"], v["name"].casefold()))
            unique.append(v)
    return unique


def perpetrator(facts: Facts, book: CueBook, spans: list[tuple[int, int]]) -> str:
    """``state:<type>`` from a state body in the evidence, else non-state / unknown by words."""
    for a, b in spans:
        for body in facts.within(a, b, "body", "court"):
            if body.role and body.role.startswith("state:"):
                return body.role
    text = " ".join(facts.low[a:b] for a, b in spans)
    if book.non_state.search(text):
        return "non-state"
    if book.state.search(text):
        return "state:official"
    return "unknown"


def case_status(text: str, book: CueBook) -> str:
    """The most advanced status the text speaks of (reported when none)."""
    best, text = "reported", text.lower()
    for status in STATUS_ORDER[1:]:
        if book.case_status[status].search(text):
            best = status
    return best


def place(text: str, book: CueBook) -> str | None:
    m = book.places.search(text)
    return m.group(0) if m else None


def event_date(facts: Facts, spans: list[tuple[int, int]]) -> str | None:
    """The first full date in the evidence not after publication, else the publication date."""
    published = (facts.published or "")[:10] or None
    for a, b in spans:
        for d in facts.within(a, b, "date"):
            value = d.norm or ""
            if len(value) == 10 and (published is None or value <= published):
                return value
    return published


def cyber_kind(text: str, category: str, book: CueBook) -> str | None:
    """``ddos``, ``hacking`` or ``attempted_hacking`` for a cyberattack (the first kind of
    ``cues.yaml``'s ``cyber_kind`` whose words the text has); ``None`` for other categories."""
    if category != "access.cyberattack":
        return None
    low = text.lower()
    return next((kind for kind, rx in book.cyber_kind.items() if rx.search(low)), None)
