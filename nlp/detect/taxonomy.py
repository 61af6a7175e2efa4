"""The incident taxonomy (DESIGN.md): leaves, their blocks, and the folding the scorer applies."""

from __future__ import annotations

LEAVES = (
    "rights.obstruction",
    "rights.detention",
    "rights.attack",
    "rights.threat",
    "rights.insult",
    "rights.impersonation",
    "rights.privacy",
    "rights.summons",
    "rights.interference",
    "rights.copyright",
    "access.refusal",
    "access.accreditation",
    "access.court_openness",
    "access.closure",
    "access.blocking",
    "access.cyberattack",
    "legal.criminal",
    "legal.civil",
    "legal.administrative",
)
BLOCKS = ("rights", "access", "legal")
# finer leaves folded into coarser ones (../shared/corpus/score.py: category_coarse)
FOLD = {
    "access.accreditation": "access.refusal",
    "access.court_openness": "access.refusal",
    "rights.summons": "rights.detention",
    "rights.insult": "rights.threat",
    "rights.interference": "rights.obstruction",
}


def block(code: str) -> str:
    return code.split(".", 1)[0]


def fold(code: str) -> str:
    return FOLD.get(code, code)
