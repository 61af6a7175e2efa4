"""What detection reads about one article: its text and the tagger's spans, from either source.

:func:`from_analysis` takes a fresh :class:`nlp.pipeline.Analysis` (``presswatch tag``), and
:func:`from_rows` the rows stored by tagging (``mentions``, ``legal_refs``, ``amounts``) so the nightly
detect stage needs no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Span:
    kind: str  # person | outlet | body | court | date | legal | amount
    start: int
    end: int
    text: str = ""
    norm: str = ""
    role: str | None = None  # person role, or "state:police" for bodies
    extra: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Facts:
    id: Any
    text: str
    lang: str = "other"
    published: str | None = None
    spans: list[Span] = field(default_factory=list)
    title: str = ""

    def of(self, *kinds: str) -> list[Span]:
        return [s for s in self.spans if s.kind in kinds]

    def within(self, start: int, end: int, *kinds: str) -> list[Span]:
        return [s for s in self.of(*kinds) if s.start < end and s.end > start]

    @cached_property
    def low(self) -> str:
        """The text lower-cased character by character (same length, so offsets hold)."""
        return "".join(c if len(lc := c.lower()) != 1 else lc for c in self.text)

    @property
    def year(self) -> int | None:
        p = self.published or ""
        return int(p[:4]) if p[:4].isdigit() else None


def legal_span(r) -> Span:
    """The span of one legal reference found in text (``nlp.entities.legal.LegalRef``)."""
    return Span(
        "legal",
        r.start,
        r.end,
        r.text,
        f"{r.code} {r.article}",
        None,
        {"code": r.code, "article": r.article, "part": r.part},
    )


def from_analysis(analysis, text: str, published: str | None = None) -> Facts:
    spans = [Span("person", p.start, p.end, p.text, p.norm, p.role) for p in analysis.people]
    spans += [Span("outlet", h.start, h.end, h.text, h.name) for h in analysis.outlets]
    spans += [Span(h.kind, h.start, h.end, h.text, h.name, h.info) for h in analysis.bodies]
    spans += [Span("date", d.start, d.end, d.text, d.value) for d in analysis.dates]
    spans += [legal_span(r) for r in analysis.legal_refs]
    spans += [
        Span("amount", a.start, a.end, a.text, "", None, a.as_dict()) for a in analysis.amounts
    ]
    return Facts(analysis.id, text, analysis.lang, published, spans)


def from_rows(article: dict, rows: dict[str, list[dict]]) -> Facts:
    """Facts of a stored article from ``storage.analysis.article_analysis`` rows."""
    spans = [
        Span(
            m["kind"], m["start"], m["end"], m.get("text") or "", m.get("norm") or "", m.get("role")
        )
        for m in rows.get("mentions", [])
    ]
    spans += [
        Span(
            "legal",
            r["start"],
            r["end"],
            r.get("text") or "",
            f"{r['code']} {r['article']}",
            None,
            {"code": r["code"], "article": r["article"], "part": r.get("part")},
        )
        for r in rows.get("legal_refs", [])
    ]
    spans += [
        Span(
            "amount",
            a["start"],
            a["end"],
            a.get("text") or "",
            "",
            None,
            {k: a.get(k) for k in ("value", "unit", "kzt", "kind")},
        )
        for a in rows.get("amounts", [])
    ]
    return Facts(
        article["id"],
        article.get("text") or "",
        article.get("lang") or "other",
        article.get("published_at"),
        spans,
    )
