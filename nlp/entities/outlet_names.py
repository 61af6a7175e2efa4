"""Outlet names: which discovered name can be an outlet's (no person, place, demonym, NGO or
platform — ``nlp/data/not_outlets.yaml``), the name as written without quotes, a possessive or a
case ending, and the gazetteer :class:`Hit` a discovered name becomes."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.entities.gazetteer import KK_ENDINGS, RU_ENDINGS, Hit
from nlp.entities.outlet_cues import DOMAIN_NAME

DATA = Path(__file__).resolve().parents[1] / "data"
DEMONYMS = {
    "Kazakh",
    "Kazakhstani",
    "Russian",
    "Uzbek",
    "Kyrgyz",
    "Tajik",
    "Turkmen",
    "American",
    "British",
    "German",
    "French",
    "Chinese",
    "Turkish",
    "Ukrainian",
    "Belarusian",
    "Western",
    "Georgian",
    "Azerbaijani",
}
NOT_OUTLET = {
    "Telegram",
    "WhatsApp",
    "YouTube",
    "Facebook",
    "Instagram",
    "TikTok",
    "VPN",
    "DDoS",
    "The",
    "A",
    "An",
    "Kazakhstan",
    "Almaty",
    "Astana",
    "Part",
    "Article",
    "Code",
    "Criminal",
    "Court",
    "Ministry",
}
PERSON_LIKE = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+ [A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*(?:ov|ova|ev|eva|yev|yeva|in|ina|enko|sky|skaya|uly|kyzy|"
    r"ов|ова|ев|ева|ин|ина|енко|ский|ская|ұлы|қызы|улы|кызы)$"
)
NAMED_KIND = re.compile(r"\s(?:TV|Television|Channel|Radio|Newspaper|Agency|Magazine|Weekly)$")


@lru_cache(maxsize=1)
def not_outlets() -> dict:
    return yaml.safe_load((DATA / "not_outlets.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _blocked_names() -> tuple[frozenset[str], frozenset[str]]:
    """(whole names, first words) that are never a discovered outlet, case-folded."""
    names = frozenset(n.casefold() for n in not_outlets()["names"])
    return names, frozenset(n.casefold() for n in NOT_OUTLET)


def _place_named(name: str) -> bool:
    return name.split()[0] not in ("The", "A", "An") and bool(NAMED_KIND.search(name))


def plausible(name: str) -> bool:
    """A discovered name can be an outlet's: capitalised, short, no person, place or NGO (a
    place may start a name that ends in its kind: "Astana National TV Channel")."""
    blocked, first_words = _blocked_names()
    return not (
        len(name) < 3
        or not (name[0].isupper() or name[0].isdigit() or DOMAIN_NAME.fullmatch(name))
        or len(name.split()) > 5
        or (name.split()[0].casefold() in first_words and not _place_named(name))
        or re.search(r"-(?:owned|based|funded|run|backed)$", name)
        or name in DEMONYMS
        or name.casefold() in blocked
        or PERSON_LIKE.match(name)
    )


def clean_name(raw: str) -> str:
    name = raw.strip(" «»\"“”'.,-")
    name = re.sub(r"'s$", "", name)
    return re.sub(rf"-(?:{KK_ENDINGS}|{RU_ENDINGS})$", "", name)


def outlet_hit(raw: str, start: int, end: int, known: list[Hit]) -> list[Hit]:
    first_line = raw.split("\n", 1)[0]
    end = start + len(first_line) if first_line != raw else end
    name = clean_name(first_line)
    if not plausible(name) or any(start < k.end and k.start < end for k in known):
        return []
    return [Hit(name, "outlet", start, end, first_line)]
