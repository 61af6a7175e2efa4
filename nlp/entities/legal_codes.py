"""Legal codes: where the codes are named in a text (``nlp/data/legal_codes.yaml``; a law cited by
number and date is the amending law, not the article's code) and which code an anchor's article
belongs to — the code right before or after it (Kazakh names it before), else the code named
last before it, else the catalogue (``nlp/data/legal_catalogue.yaml``) when the number is unique."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
SENTENCE_END = re.compile(r"[.!?][)»\"]*\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"])")
ADJECTIVE_CODE = re.compile(  # "административной ст.456-2", "уголовной статье 274"
    r"(?P<CAO>административн\w+|әкімшілік)\s+$|(?P<CC>уголовн\w+|қылмыстық)\s+$", re.IGNORECASE
)
WINDOW = 90
AMENDING_AFTER = re.compile(
    r"\s*(?:(?:РК|РФ|ҚР)\s+)?(?:№\s*\d+[-‑–]?[IVXLCА-Я]*|от\s+\d{1,2}[.\s])", re.IGNORECASE
)
AMENDING_BEFORE = re.compile(r"№\s*\d+[-‑–]?[IVXLCА-Я]*\s*(?:ҚР\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def catalogue() -> list[dict]:
    return yaml.safe_load((DATA / "legal_catalogue.yaml").read_text(encoding="utf-8"))["articles"]


@lru_cache(maxsize=1)
def code_pattern() -> re.Pattern:
    codes = yaml.safe_load((DATA / "legal_codes.yaml").read_text(encoding="utf-8"))["codes"]
    alts = [f"(?P<{code}>{'|'.join(pats)})" for code, pats in codes.items()]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?:-\w+)?(?!\w)")


def code_mentions(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in code_pattern().finditer(text):
        if m.group(0) in ("АК", "CC", "Law", "law", "АПК") and not _is_code_context(text, m):
            continue
        if m.lastgroup == "OTHER" and _amending(text, m):
            continue
        assert m.lastgroup is not None  # every alternative is a named group
        found.append((m.start(), m.end(), m.lastgroup))
    return found


def _amending(text: str, m: re.Match) -> bool:
    """A law cited by its number and date ("Законом РК от 05.11.22 г. № 157-VII", "№ 446-V ҚР
    Заңымен") is the law that amended the article, not the code the article belongs to."""
    return bool(
        AMENDING_AFTER.match(text, m.end())
        or AMENDING_BEFORE.search(text, max(0, m.start() - 25), m.start())
    )


def _is_code_context(text: str, m: re.Match) -> bool:
    near = text[max(0, m.start() - 40) : m.end() + 40]
    return bool(re.search(r"бап|баб|articl|art\.|\d", near, re.IGNORECASE))


def _code_after(text: str, end: int, codes, next_anchor: int) -> str | None:
    limit = min(end + WINDOW, next_anchor)
    stop = SENTENCE_END.search(text, end, limit)
    limit = stop.start() + 1 if stop else limit
    return next((c for s, _, c in codes if end <= s < limit), None)


def _code_before(text: str, start: int, codes, prev_anchor: int) -> str | None:
    near = [(s, e, c) for s, e, c in codes if max(prev_anchor, start - 60) <= s and e <= start]
    if not near:
        return None
    s, e, c = near[-1]
    return c if not SENTENCE_END.search(text, e, start) else None


def _code_earlier(start: int, codes) -> str | None:
    """The code named last before the article (a law never: it is cited in passing)."""
    earlier = [c for s, _, c in codes if s < start and c != "OTHER"]
    return earlier[-1] if earlier else None


def _code_from_catalogue(article: str) -> str | None:
    hits = {e["code"] for e in catalogue() if e["article"] == article}
    return hits.pop() if len(hits) == 1 else None


def _code_adjacent(text: str, start: int, codes) -> str | None:
    """A code written right before the article: "Конституцией РФ — (статьями 44 и 71)",
    "административной ст. 456-2"."""
    adjective = ADJECTIVE_CODE.search(text, max(0, start - 30), start)
    if adjective:
        return adjective.lastgroup
    near = [(e, c) for s, e, c in codes if start - 16 <= e <= start]
    if near and re.fullmatch(
        r"[\s—–\-:(,]*(?:РФ|РК|KR|ҚР)?[\s—–\-:(,]*", text[near[-1][0] : start]
    ):
        return near[-1][1]
    return None


def resolve_code(text, m, kind, codes, prev_end, next_start, article) -> str | None:
    adjacent = _code_adjacent(text, m.start(), codes) if kind != "kk" else None
    if adjacent:
        return adjacent
    if kind == "kk":
        code = _code_before(text, m.start(), codes, prev_end) or _code_after(
            text, m.end(), codes, next_start
        )
    else:
        code = _code_after(text, m.end(), codes, next_start) or _code_before(
            text, m.start(), codes, prev_end
        )
    return code or _code_earlier(m.start(), codes) or _code_from_catalogue(article)
