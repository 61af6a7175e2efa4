"""One candidate's facets from the signals of its articles (docs/DATA.md formats)."""

from __future__ import annotations

from collections import Counter
from typing import cast

from nlp.detect.cues import STATUS_ORDER

MAX_EVIDENCE = 12


def _unique(
    items: list, key=lambda x: repr(sorted(x.items())) if isinstance(x, dict) else x
) -> list:
    seen, out = set(), []
    for item in items:
        if (k := key(item)) not in seen:
            seen.add(k)
            out.append(item)
    return out


def _perpetrator(values: list[str]) -> str:
    state = [v for v in values if v.startswith("state:")]
    if state:
        return Counter(state).most_common(1)[0][0]
    return "non-state" if "non-state" in values else "unknown"


def category(signals: list[dict]) -> str:
    """The category most supported (sum of confidences; ties: alphabetical)."""
    weight = cast("dict[str, float]", Counter())  # a Counter of float weights (stubs say int)
    for s in signals:
        weight[s["category"]] += s.get("confidence") or 0.5
    return sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def facets(signals: list[dict], main: str | None = None) -> dict:
    main = main or category(signals)
    ordered = sorted(
        signals, key=lambda s: (s["category"] != main, s.get("published_at") or "", s["article_id"])
    )
    dates = sorted(d for s in signals if (d := s.get("event_date")))
    statuses = [s.get("case_status") or "reported" for s in signals]
    others = sorted({s["category"] for s in signals} - {main})
    victims = _unique(
        [v for s in ordered for v in s.get("victims") or []],
        key=lambda v: (v.get("kind"), (v.get("name") or "").casefold()),
    )
    return {
        "category": main,
        "confidence": round(
            min(
                0.99,
                max(s.get("confidence") or 0 for s in signals)
                + 0.02 * (len({s["article_id"] for s in signals}) - 1),
            ),
            2,
        ),
        "title": next((s.get("article_title") for s in ordered if s.get("article_title")), None),
        "summary": ("also: " + ", ".join(others)) if others else None,
        "victims": victims,
        "outlets": _unique([o for s in ordered for o in s.get("outlets") or []]),
        "perpetrator": _perpetrator([s.get("perpetrator") or "unknown" for s in signals]),
        "legal_refs": _unique([r for s in ordered for r in s.get("legal_refs") or []]),
        "amounts": _unique([a for s in ordered for a in s.get("amounts") or []]),
        "place": next((s.get("place") for s in ordered if s.get("place")), None),
        "event_date": dates[0] if dates else None,
        "case_status": max(statuses, key=STATUS_ORDER.index),
        "cyber_kind": next((s["cyber_kind"] for s in ordered if s.get("cyber_kind")), None),
        "evidence": _unique([e for s in ordered for e in s.get("evidence") or []])[:MAX_EVIDENCE],
        "cues": _unique([c for s in ordered for c in s.get("cues") or []]),
    }
