"""Legal references: "ч. 3 ст. 456-2 КоАП РК", "Part 3 of Article 456-2 of the Code of
Administrative Offences" and "ӘҚБтК 456-2-бабының 3-бөлігі" all become
``{code: CAO, article: 456-2, part: 3, paragraph: None}``.

An *anchor* is an article keyword with its number list (and parts / paragraphs around it);
its code is the code named right after it (Russian, English) or right before it (Kazakh), else
the nearest code named earlier in the text, else the catalogue when the number is unique there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities import legal_context
from nlp.text import fold_mixed_script

DATA = Path(__file__).resolve().parents[1] / "data"
INT = r"\d{1,4}(?:\s?[-–‑]\s?\d{1,2})?"
NUM = r"\d{1,4}(?:\.\d{1,2}(?!\d))?(?:\s?[-–‑]\s?\d{1,2})?"  # 456-2, 13.15, 207.1
LINK = r"\s*(?:,|;|\bи\b|\bили\b|\band\b|\bor\b|\bжәне\b|\bмен\b)\s*"
LIST = rf"{NUM}(?:{LINK}{NUM})*"
KK_LIST = rf"{INT}(?:{LINK}{INT})*"  # Kazakh codes have no decimal articles ("1.4-бап" is row 1)
PART = r"\d{1,2}(?:\.\d{1,2}(?!\d))?"
PARTS = rf"{PART}(?:\s*(?:,|\bи\b|\band\b|\bжәне\b)\s*{PART})*"
ORDINAL_PARTS = {
    "бірінші": "1",
    "екінші": "2",
    "үшінші": "3",
    "төртінші": "4",
    "бесінші": "5",
    "алтыншы": "6",
    "жетінші": "7",
    "сегізінші": "8",
    "тоғызыншы": "9",
    "оныншы": "10",
}
RU = re.compile(
    rf"(?:(?:п\.|пп\.|пункт\w*|подпункт\w*)\s*(?P<para>\d{{1,2}})\s*)?"
    rf"(?:(?:ч\.|ч(?=\s\d)|част\w*)\s*(?P<parts>{PARTS})\s*)?"
    rf"(?:ст\.\s*ст\.|ст\.|ст(?=\s\d)|стать(?:я|и|е|ю|ей|ёй|ям|ями|ях)\b|статей\b)\s*(?P<nums>{LIST})"
    rf"(?:\s*(?:,\s*)?(?:ч\.|ч(?=\s\d)|част\w*)\s*(?P<parts2>{PARTS}))?",
    re.IGNORECASE,
)
EN = re.compile(
    rf"(?:(?:sub)?(?:paragraph|para\.)\s*(?P<para>\d{{1,2}})\s*(?:of\s+)?)?"
    rf"(?:(?:parts?|pt\.)\s*(?P<parts>{PARTS})\s*(?:of\s+)?(?:the\s+)?)?"
    rf"(?:articles?|arts?\.)\s*(?P<nums>{LIST})"
    rf"(?:\s*\((?P<parts2>\d{{1,2}})\)|,?\s*(?:parts?)\s*(?P<parts3>{PARTS}))?",
    re.IGNORECASE,
)
RU_NUM_FIRST = re.compile(  # "264-ю статью УПК", "по 274-й статье"
    rf"(?P<nums>{INT})\s*-?\s*(?:ю|й|я|ой|ая|ую)\s+(?:стать(?:я|и|е|ю|ей))\b",
    re.IGNORECASE,
)
ORDINAL = "|".join(ORDINAL_PARTS)
KK = re.compile(
    rf"(?P<nums>{KK_LIST})(?:\s*-\s*[іы])?\s*-?\s*(?:бап|баб|бапт)\w*"
    rf"(?:\s*(?P<parts>{PARTS}|{ORDINAL})\s*-?\s*бөлі\w*)?(?:\s*(?P<para>\d{{1,2}})\s*-?\s*тарма[қғ]\w*)?",
    re.IGNORECASE,
)
KK_PART_FIRST = re.compile(rf"(?P<parts>{PARTS})\s*-?\s*бөлі\w*\s*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][)»\"]*\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"])")
ADJECTIVE_CODE = re.compile(  # "административной ст.456-2", "уголовной статье 274"
    r"(?P<CAO>административн\w+|әкімшілік)\s+$|(?P<CC>уголовн\w+|қылмыстық)\s+$", re.IGNORECASE
)
WINDOW = 90
TREATY = re.compile(r"(?:пакт|конвенци|декларац)\w*\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LegalRef:
    code: str
    article: str
    part: str | None
    paragraph: str | None
    start: int
    end: int
    text: str
    named: bool = False  # resolved from the offence's name, no article number written

    def key(self) -> tuple[str, str, str | None]:
        return (self.code, self.article, self.part)

    def as_dict(self) -> dict:
        return {"code": self.code, "article": self.article, "part": self.part}


@lru_cache(maxsize=1)
def catalogue() -> list[dict]:
    return yaml.safe_load((DATA / "legal_catalogue.yaml").read_text(encoding="utf-8"))["articles"]


@lru_cache(maxsize=1)
def code_pattern() -> re.Pattern:
    codes = yaml.safe_load((DATA / "legal_codes.yaml").read_text(encoding="utf-8"))["codes"]
    alts = [f"(?P<{code}>{'|'.join(pats)})" for code, pats in codes.items()]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?:-\w+)?(?!\w)")


@lru_cache(maxsize=1)
def descriptions() -> list[tuple[re.Pattern, dict]]:
    out = []
    for entry in catalogue():
        for pattern in entry.get("describe") or []:
            out.append((re.compile(pattern, re.IGNORECASE), entry))
    return out


def _numbers(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [re.sub(r"\s*[-–‑]\s*", "-", n) for n in re.findall(NUM, raw)]


def _codes(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in code_pattern().finditer(text):
        if m.group(0) in ("АК", "CC", "Law", "law", "АПК") and not _is_code_context(text, m):
            continue
        if m.lastgroup == "OTHER" and _amending(text, m):
            continue
        assert m.lastgroup is not None  # every alternative is a named group
        found.append((m.start(), m.end(), m.lastgroup))
    return found


AMENDING_AFTER = re.compile(
    r"\s*(?:(?:РК|РФ|ҚР)\s+)?(?:№\s*\d+[-‑–]?[IVXLCА-Я]*|от\s+\d{1,2}[.\s])", re.IGNORECASE
)
AMENDING_BEFORE = re.compile(r"№\s*\d+[-‑–]?[IVXLCА-Я]*\s*(?:ҚР\s+)?$", re.IGNORECASE)


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


def _anchors(text: str) -> list[tuple[re.Match, str]]:
    found = [(m, "ru") for m in RU.finditer(text)]
    found += [(m, "ru") for m in RU_NUM_FIRST.finditer(text)]
    found += [(m, "en") for m in EN.finditer(text)]
    found += [(m, "kk") for m in KK.finditer(text)]
    found.sort(key=lambda x: (x[0].start(), -x[0].end()))
    kept, last_end = [], -1
    for m, kind in found:
        if m.start() >= last_end:
            kept.append((m, kind))
            last_end = m.end()
    return kept


def _parts(m: re.Match, kind: str, text: str) -> list[str | None]:
    raw = [m.groupdict().get(g) for g in ("parts", "parts2", "parts3")]
    parts = [
        ORDINAL_PARTS.get(p.casefold(), p)
        for r in raw
        for p in re.findall(rf"{PART}|{ORDINAL}", r or "", re.IGNORECASE)
    ]
    if kind == "kk" and not parts:
        before = KK_PART_FIRST.search(text[max(0, m.start() - 20) : m.start()])
        parts = re.findall(r"\d+", before.group("parts")) if before else []
    return parts or [None]


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


def _resolve_code(text, m, kind, codes, prev_end, next_start, article) -> str | None:
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


def find_legal_refs(text: str) -> list[LegalRef]:
    """Every legal reference in ``text``, normalised, in order of appearance."""
    raw, text = text, fold_mixed_script(text)  # same length: offsets hold
    codes = _codes(text)
    anchors = _anchors(text)
    refs: list[LegalRef] = []
    own: list[tuple[re.Match, str, str, str | None]] = []  # "осы Кодекстің 50-бабы", headings
    for i, (m, kind) in enumerate(anchors):
        prev_end = anchors[i - 1][0].end() if i else 0
        next_start = anchors[i + 1][0].start() if i + 1 < len(anchors) else len(text)
        for j, article in enumerate(_numbers(m.group("nums"))):
            if legal_context.own_code_ref(text, m):
                own.append((m, kind, article, legal_context.catalogue_code(article)))
                continue
            code = _resolve_code(text, m, kind, codes, prev_end, next_start, article)
            code = code or legal_context.code_from_context(text, m, kind, codes)
            if code is not None:
                refs += _refs(
                    m, code, article, _kk_parts(m, kind, text, code) if j == 0 else [None]
                )
    refs += _own_code_refs(text, own, refs, codes)
    refs += _described(raw, refs)
    return sorted(refs, key=lambda r: r.start)


def _kk_parts(m: re.Match, kind: str, text: str, code: str) -> list[str | None]:
    """A treaty's article has numbered paragraphs where a code has parts: "пактінің 14-бабының
    1-тармағы" is its part 1, as "Article 14(1)" is; a code's or a law's "тармақ" stays a
    paragraph ("120 баптың 3 тармағы", "Заңның 28-бабының 9-тармағы")."""
    parts = _parts(m, kind, text)
    para = m.groupdict().get("para")
    treaty = TREATY.search(text, max(0, m.start() - 30), m.start())
    if kind == "kk" and code == "OTHER" and parts == [None] and para and treaty:
        return [para]
    return parts


def _refs(m: re.Match, code: str, article: str, parts: list[str | None]) -> list[LegalRef]:
    para = m.groupdict().get("para")
    return [LegalRef(code, article, p, para, m.start(), m.end(), m.group(0)) for p in parts]


def _own_code_refs(text: str, own, refs: list[LegalRef], codes) -> list[LegalRef]:
    """References to the text's own code get the code the text's other references share."""
    code = legal_context.dominant_code([r.code for r in refs] + [c for *_, c in own if c])
    out = []
    for m, kind, article, _ in own:
        resolved = code or _resolve_code(text, m, kind, codes, 0, len(text), article)
        if resolved:
            out += _refs(m, resolved, article, _kk_parts(m, kind, text, resolved))
    return out


def _described(text: str, explicit: list[LegalRef]) -> list[LegalRef]:
    """ "the article on dissemination of knowingly false information" → the one catalogue entry."""
    out = []
    for pattern, entry in descriptions():
        for m in pattern.finditer(text):
            window = text[max(0, m.start() - 50) : m.start()]
            if not re.search(r"стать|article|бап|баб", window, re.IGNORECASE):
                continue
            if re.search(r"\d", window) or any(
                r.start <= m.start() <= r.end + 40 for r in explicit
            ):
                continue
            matching = [e for p, e in descriptions() if p.search(m.group(0))]
            if len({(e["code"], e["article"]) for e in matching}) == 1:
                out.append(
                    LegalRef(
                        entry["code"],
                        entry["article"],
                        None,
                        None,
                        m.start(),
                        m.end(),
                        m.group(0),
                        named=True,
                    )
                )
    return out


def in_force(code: str, article: str, date: str | None) -> bool | None:
    """Whether the catalogue says the article was in force on ``date`` (None when unknown)."""
    for entry in catalogue():
        if (entry["code"], entry["article"]) == (code, article) and date:
            start, end = entry.get("in_force_from"), entry.get("in_force_to")
            return (not start or date >= start) and (not end or date <= end)
    return None


if not Doc.has_extension("legal_refs"):
    Doc.set_extension("legal_refs", default=None)


@Language.factory("presswatch_legal_refs_v1")
def make_legal_refs(nlp: Language, name: str) -> LegalRefsComponent:
    return LegalRefsComponent()


class LegalRefsComponent:
    """Sets ``doc._.legal_refs`` (list of :class:`LegalRef`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.legal_refs = find_legal_refs(doc.text)
        return doc
