"""Split an article's text into segments marked as evidence and as tagged entities.

The template renders each segment as escaped text inside ``<mark>``/``<span>``; nothing here
produces HTML, so hostile text stays text.
"""

from __future__ import annotations

from dataclasses import dataclass

from review.forms import number


@dataclass
class Segment:
    text: str
    start: int = 0
    evidence: bool = False
    kind: str | None = None  # person, outlet, legal, amount, …
    note: str = ""


def _spans(article: dict) -> list[tuple[int, int, str, str]]:
    spans = [
        (
            m["start"],
            m["end"],
            m["kind"],
            f"{m['kind']}: {m.get('norm') or m['text']}"
            + (f" ({m['role']})" if m.get("role") else ""),
        )
        for m in article.get("mentions", [])
    ]
    spans += [
        (
            r["start"],
            r["end"],
            "legal",
            f"{r['code']} {r['article']}" + (f" part {r['part']}" if r.get("part") else ""),
        )
        for r in article.get("legal_refs", [])
    ]
    spans += [
        (a["start"], a["end"], "amount", f"{number(a['value'])} {a['unit']} {a.get('kind') or ''}")
        for a in article.get("amounts", [])
    ]
    return spans


def segments(article: dict, evidence: list[dict]) -> list[Segment]:
    text = article.get("text") or ""
    ev = [(e["start"], e["end"]) for e in evidence if e.get("article_id") == article["id"]]
    spans = [s for s in _spans(article) if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted(
        {
            0,
            len(text),
            *[p for s in spans for p in s[:2]],
            *[p for e in ev for p in e if 0 <= p <= len(text)],
        }
    )
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        span = next((s for s in spans if s[0] <= start and end <= s[1]), None)
        out.append(
            Segment(
                text[start:end],
                start,
                any(a <= start and end <= b for a, b in ev),
                span[2] if span else None,
                span[3] if span else "",
            )
        )
    return out


def evidence_view(articles: list[dict], evidence: list[dict]) -> list[dict]:
    """Each evidence sentence as the segments of its article (``articles`` carry ``segments``)."""
    index = {a["id"]: (n, a) for n, a in enumerate(articles, start=1)}
    out = []
    for item in evidence:
        if item.get("article_id") not in index:
            continue
        n, article = index[item["article_id"]]
        parts = [s for s in article["segments"] if item["start"] <= s.start < item["end"]]
        out.append(
            {
                "n": n,
                "outlet": article.get("outlet"),
                "segments": parts or [Segment(item.get("sentence") or "", item["start"], True)],
            }
        )
    return out
