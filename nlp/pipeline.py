"""The per-language spaCy pipelines and ``analyse(texts) -> list[Analysis]``.

Pipelines are assembled from ``nlp/data/pipeline.yaml`` (registered, versioned factories).
Texts are cleaned, language-identified (never trusted from the source), cut to
``Settings.max_chars`` and split into chunks of ``Settings.chunk_chars``; chunks go through
``nlp.pipe`` in batches per language and are merged back with their offsets.

Extension point for incident detection: :data:`CATEGORY_HOOKS` — callables
``hook(analysis) -> list[str]`` whose category codes fill ``Analysis.categories``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import cast

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from nlp import components as _components  # noqa: F401  (registers the factories)
from nlp.entities import role_model
from nlp.entities.amounts import Amount
from nlp.entities.dates import DateMention
from nlp.entities.gazetteer import Hit
from nlp.entities.legal import LegalRef
from nlp.entities.names import Registry
from nlp.entities.outlet_forms import display_name, reported_forms
from nlp.entities.outlets import OutletsComponent
from nlp.entities.people import Person
from nlp.settings import Settings
from nlp.text import Normalised, normalise
from nlp.text.chunks import clean, split

LANGS = ("ru", "kk", "en")
CATEGORY_HOOKS: list[Callable[[Analysis], list[str]]] = []


@dataclass
class Analysis:
    """Everything the tagger found in one text (character offsets into the cleaned text)."""

    id: object = None
    lang: str = "other"
    legal_refs: list[LegalRef] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    outlets: list[Hit] = field(default_factory=list)
    bodies: list[Hit] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # filled by CATEGORY_HOOKS (detection)
    text: str = field(default="", repr=False)  # the input text (offsets are into it)
    truncated: bool = False  # the text was over Settings.max_chars: only its start was analysed
    chars: int = 0  # the whole (normalised) text's length
    max_chars: int = 0  # the bound it was analysed under
    role_candidates: tuple = field(default=(), repr=False)  # (candidates, rows) when training

    @property
    def journalists(self) -> list[Person]:
        seen, out = set(), []
        for p in self.people:
            if p.role and p.norm.casefold() not in seen:
                seen.add(p.norm.casefold())
                out.append(p)
        return out

    def outlet_names(self) -> list[str]:
        return list(dict.fromkeys(h.name for h in self.outlets))

    def outlet_hits(self) -> list[Hit]:
        """One hit per outlet and written form (the form's first mention): an abbreviation and
        the full name ("МК", "Московский комсомолец") are both reported, case forms once, and an
        abbreviation the text defines in parentheses ("Radio Free Europe (RFE)") not at all."""
        return reported_forms(self.outlets, self.text)

    def legal_keys(self) -> list[dict]:
        """The references written with an article number (the ``tag`` contract); offences named
        only in words stay in :attr:`legal_refs` as evidence."""
        return [
            dict(zip(("code", "article", "part"), k, strict=True))
            for k in dict.fromkeys(r.key() for r in self.legal_refs if not r.named)
        ]

    def entities(self) -> list[dict]:
        spans = [(p.text, "PERSON", p.start, p.end) for p in self.people]
        spans += [(h.text, "OUTLET", h.start, h.end) for h in self.outlets]
        spans += [(h.text, h.kind.upper(), h.start, h.end) for h in self.bodies]
        spans += [(r.text, "LEGAL_REF", r.start, r.end) for r in self.legal_refs]
        spans += [(a.text, "AMOUNT", a.start, a.end) for a in self.amounts]
        spans += [(d.text, "DATE", d.start, d.end) for d in self.dates]
        unique = dict.fromkeys(sorted(spans, key=lambda s: (s[2], s[3], s[1])))
        return [{"text": t, "label": lab, "start": s, "end": e} for t, lab, s, e in unique]

    def tag_record(self) -> dict:
        """The ``presswatch tag`` output line (DESIGN.md contract)."""
        return {
            "id": self.id,
            "lang": self.lang,
            "categories": list(self.categories),
            "journalists": [p.written or p.norm for p in self.journalists],
            "journalist_ids": [p.norm if p.written else None for p in self.journalists],
            "outlets": [display_name(h) for h in self.outlet_hits()],
            "outlet_ids": [h.name for h in self.outlet_hits()],
            "legal_refs": self.legal_keys(),
            "entities": self.entities(),
        }


@lru_cache(maxsize=8)
def _config(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["languages"]


def build(lang: str, settings: Settings | None = None) -> Language:
    """The spaCy pipeline of one language, assembled from the configuration file."""
    settings = settings or Settings()
    conf = _config(str(settings.config)).get(lang) or _config(str(settings.config))["other"]
    base = conf["base"]
    if base.startswith("setting:"):
        base = getattr(settings, base.split(":", 1)[1])
    if base.startswith("blank:"):
        nlp = spacy.blank(base.split(":", 1)[1])
    else:
        nlp = spacy.load(base, exclude=conf.get("exclude") or [])
    for name in conf["components"]:
        nlp.add_pipe(name)
    return nlp


class Analyzer:
    """Holds the built pipelines (built on first use) and the registry of known names."""

    def __init__(
        self,
        settings: Settings | None = None,
        registry: Registry | None = None,
        decide_roles: bool = True,
    ):
        self.settings, self.registry = settings or Settings(), registry or Registry()
        self._pipelines: dict[str, Language] = {}
        self._role_model: role_model.RoleModel | bool | None = None
        self.decide_roles = decide_roles  # False: keep every candidate and its features (training)

    def pipeline(self, lang: str) -> Language:
        if lang not in self._pipelines:
            nlp = build(lang, self.settings)
            if "presswatch_outlets_v1" in nlp.pipe_names:
                outlets = cast(OutletsComponent, nlp.get_pipe("presswatch_outlets_v1"))
                outlets.registry_aliases = tuple(self.registry.aliases("outlet"))
                outlets.holdout = self.settings.outlets_holdout
            self._pipelines[lang] = nlp
        return self._pipelines[lang]

    def analyse(
        self,
        texts: Sequence[str],
        ids: Sequence | None = None,
        langs: Sequence[str | None] | None = None,
        years: Sequence[int | None] | None = None,
        hooks: bool = True,
    ) -> list[Analysis]:
        ids = list(ids) if ids is not None else list(range(len(texts)))
        results = [Analysis(id=i) for i in ids]
        jobs: dict[str, list[tuple[int, int, str, int | None]]] = {}
        norms: list[Normalised] = []
        for n, raw in enumerate(texts):
            norm = normalise(clean(raw if isinstance(raw, str) else ""))
            norms.append(norm)
            text, lang = norm.text, norm.lang
            results[n].lang = lang
            results[n].text = text[
                : self.settings.max_chars
            ]  # the analysed part: hooks stay bounded too
            results[n].truncated = len(text) > self.settings.max_chars
            results[n].chars, results[n].max_chars = len(text), self.settings.max_chars
            if lang not in LANGS:
                continue
            year = years[n] if years else None
            for offset, chunk in split(text[: self.settings.max_chars], self.settings.chunk_chars):
                jobs.setdefault(lang, []).append((n, offset, chunk, year))
        for lang, items in jobs.items():
            self._run(lang, items, results)
        for result, norm in zip(results, norms, strict=True):
            self._finish(result, hooks)
            _to_raw(result, norm)
        return results

    def _run(self, lang: str, items, results: list[Analysis]) -> None:
        nlp = self.pipeline(lang)

        def docs() -> Iterable[Doc]:
            for _, _, chunk, year in items:
                doc = nlp.make_doc(chunk)
                doc._.lang, doc._.year = lang, year
                yield doc

        for (n, offset, _, _), doc in zip(
            items, nlp.pipe(docs(), batch_size=self.settings.batch_size), strict=True
        ):
            _merge(results[n], doc, offset)

    def _finish(self, result: Analysis, hooks: bool = True) -> None:
        result.people = self._roles(result)
        result.people = [
            _renamed(p, self.registry.resolve("person", p.norm) if p.role else None)
            for p in result.people
        ]
        result.outlets = [
            _renamed(h, self.registry.resolve("outlet", h.name, fuzzy=False))
            for h in result.outlets
        ]
        for hook in CATEGORY_HOOKS if hooks else ():
            result.categories.extend(c for c in hook(result) if c not in result.categories)

    def _roles(self, result: Analysis) -> list[Person]:
        """The role model's decision over everyone the tagger found (the rules' without it)."""
        if not self.decide_roles:
            result.role_candidates = role_model.rows(
                result.text, result.lang, result.people, result.outlets
            )
            return result.people
        if self._role_model is None:
            self._role_model = role_model.default() or False
        model = self._role_model
        if not isinstance(model, role_model.RoleModel):
            return [p for p in result.people if p.cue != "pattern"]
        return role_model.decide(model, result.text, result.lang, result.people, result.outlets)


def _to_raw(result: Analysis, norm: Normalised) -> None:
    """Spans found in the normalised text, moved to the raw text (as written there): offsets
    into the caller's text, so evidence highlights what the page said, in its own script."""
    if norm.text == norm.raw[: len(norm.text)]:
        result.text = norm.raw[: len(result.text)]
        return
    for name in ("legal_refs", "amounts", "people", "outlets", "bodies", "dates"):
        setattr(result, name, [_moved(i, norm) for i in getattr(result, name)])
    result.text = norm.raw[: norm.span(0, len(result.text))[1]] if result.text else ""


def _moved(item, norm: Normalised):
    start, end = norm.span(item.start, item.end)
    return item.__class__(
        **{**item.__dict__, "start": start, "end": end, "text": norm.raw[start:end]}
    )


def _renamed(item, canonical: str | None):
    if not canonical:
        return item
    if isinstance(item, Person):
        return replace(item, norm=canonical, written=item.written or item.norm)
    return replace(item, name=canonical)


def _shift(items: list | None, offset: int) -> list:
    if not offset:
        return list(items or [])
    return [
        i.__class__(**{**i.__dict__, "start": i.start + offset, "end": i.end + offset})
        for i in items or []
    ]


def _merge(result: Analysis, doc: Doc, offset: int) -> None:
    result.legal_refs += _shift(doc._.legal_refs, offset)
    result.amounts += _shift(doc._.amounts, offset)
    result.people += _shift(doc._.people, offset)
    result.outlets += _shift(doc._.outlets, offset)
    result.bodies += _shift(doc._.bodies, offset)
    result.dates += _shift(doc._.dates, offset)


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyse(
    texts: Sequence[str],
    ids: Sequence | None = None,
    settings: Settings | None = None,
    registry: Registry | None = None,
) -> list[Analysis]:
    """Analyse ``texts`` (any languages, any size) with the default or a configured analyzer."""
    analyzer = (
        default_analyzer()
        if settings is None and registry is None
        else Analyzer(settings, registry)
    )
    return analyzer.analyse(texts, ids)


from nlp.detect.detection import categories_hook  # noqa: E402  (detection fills Analysis.categories)

CATEGORY_HOOKS.append(categories_hook)
