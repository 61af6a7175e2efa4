"""The stored text of a court page, from the fields its selectors read (no heavy imports: the
spider and the extraction workers both use it)."""

from __future__ import annotations

COURT_LABELS = {
    "court": "Court",
    "case_number": "Case",
    "date": "Date",
    "parties": "Parties",
    "article": "Article",
    "decision": "Decision",
}


def case_text(fields: dict) -> str:
    """A court page's stored text: the structured fields as a header, then the decision text."""
    lines = []
    for name, label in COURT_LABELS.items():
        value = fields.get(name)
        if value:
            lines.append(f"{label}: {'; '.join(value) if isinstance(value, list) else value}")
    return "\n".join(lines + ["", fields.get("text") or ""]).strip()
