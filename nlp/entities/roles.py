"""Media roles: a person tied to a role cue ("журналиста …", "тілші …", "…, a reporter for …")
becomes a journalist mention with that role; cues are data (``nlp/data/roles.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
BREAK = re.compile(r"[.!?;:()\[\]—–]|,(?![^«]*»)|\n")
GAP = 70


@dataclass(frozen=True)
class Cue:
    role: str | None  # None for a non-media cue
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern:
    r = rules()
    groups = [f"(?P<{role}>{'|'.join(p)})" for role, p in r["media"].items()]
    groups.append(f"(?P<other>{'|'.join(r['other'])})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?:-[^\W\d_]+)?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    return {"not_first": frozenset(rules()["not_first"])}


@lru_cache(maxsize=1)
def not_name_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(rules()['not_name'])})\b")


@lru_cache(maxsize=1)
def organisation_pattern() -> re.Pattern:
    return re.compile("|".join(rules()["organisations"]), re.IGNORECASE)


def find_cues(text: str) -> list[Cue]:
    masked = [(m.start(), m.end()) for m in organisation_pattern().finditer(text)]
    return [c for c in _cues(text) if not any(s <= c.start < e for s, e in masked)]


def find_cues_with_outlets(text: str, outlets: list[tuple[int, int]]) -> list[Cue]:
    """:func:`find_cues` plus the managers' titles an outlet makes media roles ("Steppe Herald
    founder", "General Director of Astana TV", "основатель «…»", "«…» газетінің директоры"); a
    non-media cue inside such a title ("Deputy") is dropped."""
    managers = manager_cues(text, outlets)
    cues = [
        c
        for c in find_cues(text)
        if not (c.role is None and any(m.start <= c.start < m.end for m in managers))
    ]
    return sorted(cues + managers, key=lambda c: (c.end, c.start))


@lru_cache(maxsize=1)
def manager_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a title right after an outlet, a title followed by "of <outlet>")."""
    m = rules()["managers"]
    title = rf"(?:(?:{'|'.join(m['modifiers'])})\s+){{0,2}}(?:{'|'.join(m['titles'])})"
    kk, kinds = "|".join(m["titles_after_kk"]), "|".join(m["kinds"])
    after = re.compile(
        rf"(?:-?(?:тың|тің|ның|нің|дың|дің))?(?:[^\S\n]+(?:{kinds})\w*)?[^\S\n]*(?:['’]s\s+)?"
        rf"(?P<title>{title}|{kk})(?![\w-])",
        re.IGNORECASE,
    )
    ru = "|".join(m["titles_before_ru"])
    before = re.compile(
        rf"(?<![\w-])(?P<title>{title})\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$|"
        rf"(?<![\w-])(?P<ru>{ru})\s+$",
        re.IGNORECASE,
    )
    return after, before


def manager_cues(text: str, outlets: list[tuple[int, int]]) -> list[Cue]:
    """An outlet's manager: "<outlet> (acting) director|founder|president …" (the cue is the
    title) and "<title> of (the) <outlet>" (the cue runs to the outlet's end)."""
    after, before = manager_patterns()
    out = []
    for start, end in outlets:
        if m := after.match(text, end):
            out.append(Cue("editor", m.start("title"), m.end("title"), m.group("title")))
        possessive = text[end : end + 2] in ("'s", "’s")  # "head of <outlet>'s legal department"
        if not possessive and (b := before.search(text, max(0, start - 80), start)):
            group = "title" if b.group("title") else "ru"
            out.append(Cue("editor", b.start(group), end, text[b.start(group) : end]))
    return out


def _cues(text: str) -> list[Cue]:
    return [
        Cue(None if m.lastgroup == "other" else m.lastgroup, m.start(), m.end(), m.group(0))
        for m in cue_pattern().finditer(text)
    ]


def role_before(
    text: str, start: int, cues: list[Cue], blocked: list[tuple[int, int]]
) -> Cue | None:
    """The cue that governs a name starting at ``start``: the nearest cue before it with no
    sentence break, comma or other name in between (outlets and quotes may sit in between)."""
    before = [c for c in cues if c.end <= start and start - c.end <= GAP]
    if not before:
        return None
    cue = before[-1]
    gap = unblocked(text, cue.end, start, blocked)
    if gap.strip() in (",", ":", "—", "–", "-", ": —"):
        return cue  # "журналист, …", "журналисты: А, Б и В", "тілшілері — А мен Б"
    if BREAK.search(gap) or len(gap.split()) > 4:
        return None
    return cue


def role_after(text: str, end: int, cues: list[Cue]) -> Cue | None:
    """Apposition: "Вера Колосова, главный редактор …" / "John Smith, a reporter for …"."""
    after = [c for c in cues if c.start >= end and c.start - end <= 40]
    if not after:
        return None
    gap = text[end : after[0].start]
    if OBLIQUE_PLURAL.search(after[0].text.split()[0]):
        return None  # "их сын А, журналистов задержали": a genitive plural is no apposition
    return after[0] if APPOSITION_GAP.fullmatch(gap) else None


OBLIQUE_PLURAL = re.compile(r"[а-яё](?:ов|ам|ами|ах)$", re.IGNORECASE)


# ", the newspaper's former editor", ", an Assandi Times journalist", " (Steppe Herald reporter)"
APPOSITION_GAP = re.compile(
    r"\s*(?:,|—|–|-|\()\s*(?:(?:(?i:a|an|the|бывш\w+|местн\w+|известн\w+|независим\w+|former|local|"
    r"freelance|veteran|senior|independent|investigative|imprisoned|jailed|detained|arrested|exiled|"
    r"prominent|well-known|renowned|award-winning|opposition|long-?time|then|now|current|acting|"
    r"kyzy|uulu|uly|qyzy|"
    r"(?:owner|founder|co-founder|publisher|director)\s+and|чья|\w+ская|\w+ский|[\w-]+['’]s)|"
    r"[A-Z][\w.&-]*|«[^»]{1,40}»)\s+){0,4}"
)


PARENTHESIS = re.compile(r"[^\S\n]*\((?P<body>[^()\n]{1,160})\)")


def role_in_parenthesis(text: str, end: int, cues: list[Cue]) -> Cue | None:
    """A parenthesis right after a name that gives a media role and no other: "А (… газетінің
    бас редакторы)", "B (correspondent of …)" → its last media cue (the Kazakh head noun)."""
    m = PARENTHESIS.match(text, end)
    if not m:
        return None
    inside = [c for c in cues if m.start("body") <= c.start < m.end("body")]
    if not inside or any(c.role is None for c in inside):
        return None
    return inside[-1]


def listed_role(text: str, start: int, cues: list[Cue]) -> Cue | None:
    """ "… корреспондентам Радио Азаттык. Среди них — Тимур Жандосов" → the plural cue's role."""
    window = text[max(0, start - 40) : start]
    links = "|".join(rules()["list_links"])
    if not re.search(rf"(?:{links})\s*[—:-]?\s*$", window, re.IGNORECASE):
        return None
    before = [c for c in cues if c.end <= start and start - c.end <= 250]
    return before[-1] if before and before[-1].role else None


def unblocked(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> str:
    chars = list(text[start:end])
    for b_start, b_end in blocked:
        for i in range(max(b_start, start), min(b_end, end)):
            chars[i - start] = " "
    return "".join(chars)
