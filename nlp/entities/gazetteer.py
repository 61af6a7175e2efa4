"""Gazetteers as compiled regexes: outlets (``outlets.yaml`` + ``outlets_extra.yaml`` + registry
aliases) and state bodies / courts (``bodies.yaml``), matched with their inflections.

Short all-capital aliases (КТК, МВД) match case-sensitively, everything else case-insensitively.
Cyrillic aliases may carry a Russian or Kazakh case ending; any alias may take a hyphenated
Kazakh suffix ("Tengrinews-ке", "КНБ-ның").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
RU_ENDINGS = "а|у|ом|е|ы|ой|ую|ого|ому|ым|ем|и|ю|я|ой"
KK_ENDINGS = (
    "ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|да|де|та|те|нда|нде|"
    "дан|ден|тан|тен|нан|нен|мен|бен|пен|ын|ін|сы|сі|сын|сін|сына|сіне|сының|сінің|сында|сінде|"
    "дағы|дегі|тағы|тегі|ндағы|ндегі"
)
SUFFIX = rf"(?:-(?:{KK_ENDINGS}|{RU_ENDINGS})|(?<=[а-яёәғқңөұүһі])(?:{KK_ENDINGS}|{RU_ENDINGS}))?"


@dataclass(frozen=True)
class Hit:
    name: str
    kind: str
    start: int
    end: int
    text: str
    info: str | None = None


def load_outlets(
    paths: tuple[Path, ...] = (
        DATA / "outlets.yaml",
        DATA / "outlets_corpus.yaml",
        DATA / "outlets_extra.yaml",
    ),
) -> list[dict]:
    out: list[dict] = []
    for path in paths:
        if path.exists():
            out += yaml.safe_load(path.read_text(encoding="utf-8")).get("outlets") or []
    return out


def load_bodies() -> list[dict]:
    return yaml.safe_load((DATA / "bodies.yaml").read_text(encoding="utf-8"))["bodies"]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return (
        len(alias) <= 6 and sum(c.isupper() for c in letters) >= 2 and alias == alias.strip('«»"')
    )


def _alternation(aliases: list[str]) -> str:
    return "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))


class Gazetteer:
    """alias → canonical name matcher over one kind (outlet, body…)."""

    def __init__(
        self,
        kind: str,
        entries: dict[str, list[str]],
        patterns: dict[str, list[str]] | None = None,
        info: dict[str, str] | None = None,
        exact: frozenset[str] = frozenset(),
    ):
        self.kind, self.info = kind, info or {}
        self.index: dict[str, str] = {}
        for name, aliases in entries.items():
            for alias in [name, *aliases]:
                self.index.setdefault(_fold(alias), name)
        aliases = self.index_aliases(entries)
        loose = [a for a in aliases if not _is_acronym(a) and a not in exact]
        exact_group = [a for a in aliases if _is_acronym(a) or a in exact]
        self.regexes = [
            re.compile(
                rf"(?:(?<![\w.@-])www\.|(?<![\w.@/-]))(?:{_alternation(group)}){SUFFIX}(?![\w])",
                flags,
            )
            for group, flags in ((exact_group, 0), (loose, re.IGNORECASE))
            if group
        ]
        self.patterns = [(re.compile(p), name) for name, ps in (patterns or {}).items() for p in ps]

    @staticmethod
    def index_aliases(entries: dict[str, list[str]]) -> list[str]:
        return [
            a
            for name, aliases in entries.items()
            for a in [name, *aliases]
            if len(a.strip("«» ")) >= 2
        ]

    def resolve(self, surface: str) -> str | None:
        """The canonical name of a surface form, with or without a case ending."""
        surface = re.sub(r"^www\.", "", surface)
        key = _fold(surface)
        if key in self.index:
            return self.index[key]
        bare = re.sub(rf"{SUFFIX}$", "", surface) if surface else surface
        return self.index.get(_fold(bare))

    def find(self, text: str) -> list[Hit]:
        hits = []
        for regex in self.regexes:
            for m in regex.finditer(text):
                name = self.resolve(m.group(0)) or self._prefix_name(m.group(0))
                if name:
                    hits.append(
                        Hit(name, self.kind, m.start(), m.end(), m.group(0), self.info.get(name))
                    )
        for regex, name in self.patterns:
            hits += [
                Hit(name, self.kind, m.start(), m.end(), m.group(0), self.info.get(name))
                for m in regex.finditer(text)
            ]
        return longest(hits)

    def _prefix_name(self, surface: str) -> str | None:
        folded = _fold(surface)
        best = max((a for a in self.index if folded.startswith(a)), key=len, default=None)
        return self.index[best] if best else None


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold().replace("ё", "е")).strip()


def longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits overlapping a longer one."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def learned_only_from(outlet: dict, hosts: frozenset[str]) -> bool:
    """An entry added after reading corpus texts of these hosts only (its ``seen_in``)."""
    seen = set(outlet.get("seen_in") or [])
    return bool(seen) and seen <= hosts


@lru_cache(maxsize=8)
def outlet_gazetteer(
    extra: tuple[tuple[str, tuple[str, ...]], ...] = (), holdout: frozenset[str] = frozenset()
) -> Gazetteer:
    """The outlet gazetteer; ``holdout`` (evaluation) drops entries learned only from those
    corpus hosts, so a held-out fold is scored without what was learned from it."""
    entries: dict[str, list[str]] = {}
    exact: set[str] = set()
    for o in load_outlets():
        if holdout and learned_only_from(o, holdout):
            continue
        cased = o.get("cased_aliases", [])  # common words when lower-case ("хабар" = news)
        entries.setdefault(o["name"], []).extend(
            [*o.get("aliases", []), *cased, *o.get("domains", [])]
        )
        exact.update(cased)
    for name, aliases in extra:
        entries.setdefault(name, []).extend(aliases)
    return Gazetteer("outlet", entries, exact=frozenset(exact))


@lru_cache(maxsize=1)
def body_gazetteer() -> Gazetteer:
    entries = {b["name"]: b.get("aliases", []) for b in load_bodies()}
    patterns = {b["name"]: b.get("patterns", []) for b in load_bodies()}
    info = {
        b["name"]: f"{b.get('perpetrator', 'state')}:{b.get('perpetrator_type', '')}"
        for b in load_bodies()
    }
    return Gazetteer("body", entries, patterns, info)
