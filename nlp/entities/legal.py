"""Legal references: "ч. 3 ст. 456-2 КоАП РК", "Part 3 of Article 456-2 of the Code of
Administrative Offences" and "ӘҚБтК 456-2-бабының 3-бөлігі" all become
``{code: CAO, article: 456-2, part: 3, paragraph: None}``.

An *anchor* is an article keyword with its number list (and parts / paragraphs around it);
its code is the code named right after it (Russian, English) or right before it (Kazakh), else
the nearest code named earlier in the text, else the catalogue when the number is unique there.
Anchors are read by :mod:`nlp.entities.legal_anchors`, codes resolved by
:mod:`nlp.entities.legal_codes` and :mod:`nlp.entities.legal_context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities import legal_anchors, legal_codes, legal_context
from nlp.text import fold_mixed_script

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
def descriptions() -> list[tuple[re.Pattern, dict]]:
    out = []
    for entry in legal_codes.catalogue():
        for pattern in entry.get("describe") or []:
            out.append((re.compile(pattern, re.IGNORECASE), entry))
    return out


def find_legal_refs(text: str) -> list[LegalRef]:
    """Every legal reference in ``text``, normalised, in order of appearance."""
    raw, text = text, fold_mixed_script(text)  # same length: offsets hold
    codes = legal_codes.code_mentions(text)
    anchors = legal_anchors.anchors(text)
    refs: list[LegalRef] = []
    own: list[tuple[re.Match, str, str, str | None]] = []  # "осы Кодекстің 50-бабы", headings
    for i, (m, kind) in enumerate(anchors):
        prev_end = anchors[i - 1][0].end() if i else 0
        next_start = anchors[i + 1][0].start() if i + 1 < len(anchors) else len(text)
        for j, article in enumerate(legal_anchors.numbers(m.group("nums"))):
            if legal_context.own_code_ref(text, m):
                own.append((m, kind, article, legal_context.catalogue_code(article)))
                continue
            code = legal_codes.resolve_code(text, m, kind, codes, prev_end, next_start, article)
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
    parts = legal_anchors.parts(m, kind, text)
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
        resolved = code or legal_codes.resolve_code(text, m, kind, codes, 0, len(text), article)
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
    for entry in legal_codes.catalogue():
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
