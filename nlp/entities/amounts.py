"""Amounts: "2 млн 405 тыс. тенге", "30 MCI (103,500 tenge)", "5 000 000 теңге", "1,5 млрд тенге"
become numbers with a unit (KZT / MCI) and a kind (fine / claimed / recovered / other)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

DATA = Path(__file__).resolve().parents[1] / "data"
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+(?:[.,]\d+)?"
SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"])|\n")
PAREN_AMOUNT = re.compile(r"^\s*[(,—–-]?\s*$")


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str
    kind: str
    start: int
    end: int
    text: str
    kzt: float | None = None

    def as_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "kzt": self.kzt, "kind": self.kind}


@lru_cache(maxsize=1)
def rules() -> dict:
    return yaml.safe_load((DATA / "amounts.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def amount_pattern() -> re.Pattern:
    r = rules()
    mult = "|".join(p for pats in r["multipliers"].values() for p in pats)
    units = "|".join(f"(?P<{u}>{'|'.join(p)})" for u, p in r["units"].items())
    step = rf"(?:{NUMBER})\s*(?:{mult})(?!\w)"
    body = rf"(?P<body>(?:{step}\s*)+(?:{NUMBER})?|{NUMBER})"
    return re.compile(rf"(?<![\w.,])(?:₸\s*)?{body}\s*(?:{units})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def cue_patterns() -> list[tuple[str, re.Pattern]]:
    return [
        (kind, re.compile(rf"(?<!\w)(?:{'|'.join(p)})(?!\w)", re.IGNORECASE))
        for kind, p in rules()["cues"].items()
    ]


def _number(raw: str) -> float:
    raw = re.sub(r"[ \u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) or re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", raw):
        return float(re.sub(r"[.,]", "", raw))
    return float(raw.replace(",", "."))


def parse_value(body: str) -> float:
    """``"2 млн 405 тыс."`` → 2405000.0."""
    mults = [
        (int(k), re.compile(rf"^(?:{'|'.join(p)})(?!\w)", re.IGNORECASE))
        for k, p in rules()["multipliers"].items()
    ]
    total, pos = 0.0, 0
    for m in re.finditer(NUMBER, body):
        if m.start() < pos:
            continue
        value, rest = _number(m.group(0)), body[m.end() :].lstrip()
        factor = next((k for k, p in mults if p.match(rest)), 1)
        total += value * factor
        pos = m.end()
    return total


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(
        (m.end() for m in SENTENCE_END.finditer(text, max(0, start - 400), start)),
        default=max(0, start - 400),
    )
    right_m = SENTENCE_END.search(text, end, end + 400)
    return left, right_m.start() if right_m else min(len(text), end + 400)


def kind_of(text: str, start: int, end: int) -> str:
    """The kind whose cue ends nearest before the amount in its sentence (else after it)."""
    left, right = _sentence_bounds(text, start, end)
    before, after = [], []
    for kind, pattern in cue_patterns():
        for m in pattern.finditer(text, left, right):
            if m.end() <= start:
                before.append((m.end(), m.end() - m.start(), kind))
            elif m.start() >= end:
                after.append((-m.start(), m.end() - m.start(), kind))
    pick = max(before) if before else (max(after) if after else None)
    return pick[2] if pick else "other"


def mci_in_kzt(year: int | None) -> float | None:
    table = rules()["mci_kzt"]
    return float(table[year]) if year in table else None


def find_amounts(text: str, year: int | None = None) -> list[Amount]:
    """Every KZT / MCI amount in ``text``; a parenthesised conversion shares its amount's kind."""
    out: list[Amount] = []
    for m in amount_pattern().finditer(text):
        unit = "MCI" if m.group("MCI") else "KZT"
        value = parse_value(m.group("body"))
        if value <= 0:
            continue
        kind = kind_of(text, m.start(), m.end())
        if (
            out
            and unit == "KZT"
            and out[-1].unit == "MCI"
            and PAREN_AMOUNT.match(text[out[-1].end : m.start()])
        ):
            kind = out[-1].kind
        rate = mci_in_kzt(year) if unit == "MCI" else 1.0
        kzt = value * rate if rate else None
        out.append(Amount(value, unit, kind, m.start(), m.end(), m.group(0), kzt))
    return sorted(out + _elided(text, out, year), key=lambda a: a.start)


@lru_cache(maxsize=1)
def bare_pattern() -> re.Pattern:
    mult = "|".join(p for pats in rules()["multipliers"].values() for p in pats)
    return re.compile(
        rf"(?<![\w.,])(?P<body>(?:(?:{NUMBER})\s*(?:{mult})(?!\w)\s*)+)", re.IGNORECASE
    )


def _elided(text: str, found: list[Amount], year: int | None) -> list[Amount]:
    """ "500 тыс. тенге вместо заявленных 5 млн" — a bare "5 млн" takes the unit of the amount
    before it in the same sentence."""
    out = []
    for m in bare_pattern().finditer(text):
        if any(m.start() < a.end and a.start < m.end() for a in found):
            continue
        prev = [a for a in found if a.end <= m.start() and m.start() - a.end <= 150]
        if not prev or SENTENCE_END.search(text, prev[-1].end, m.start()):
            continue
        value, unit = parse_value(m.group("body")), prev[-1].unit
        body = m.group("body").rstrip()
        rate = mci_in_kzt(year) if unit == "MCI" else 1.0
        out.append(
            Amount(
                value,
                unit,
                kind_of(text, m.start(), m.end()),
                m.start(),
                m.start() + len(body),
                body,
                value * rate if rate else None,
            )
        )
    return out


if not Doc.has_extension("amounts"):
    Doc.set_extension("amounts", default=None)
if not Doc.has_extension("year"):
    Doc.set_extension("year", default=None)


@Language.factory("presswatch_amounts_v1")
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent()


class AmountsComponent:
    """Sets ``doc._.amounts`` (list of :class:`Amount`); ``doc._.year`` converts MCI to tenge."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.amounts = find_amounts(doc.text, doc._.year)
        return doc
