"""Outlets: the gazetteer (real outlets, demo outlets, registry aliases) plus outlets the
gazetteer does not know, found by cue — "телеканала «Дала Ньюс»", "корреспондент Qostanai Times",
"«Жас Алаш» газетінің", "a reporter for Dala News", "a Zhetisu Today correspondent" — and named as
written (quotes and case endings removed)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities import roles
from nlp.entities.attribution import attributed
from nlp.entities.gazetteer import KK_ENDINGS, RU_ENDINGS, Hit, longest, outlet_gazetteer
from nlp.entities.names import key

OUTLET_CUE = re.compile(
    r"(?<![\w-])(?:(?:YouTube|Telegram|Instagram|TikTok|телеграм|ютуб|ютюб)-(?:канал|арна)\w*|съемочн\w+ групп\w*|"
    r"съёмочн\w+ групп\w*|эфир(?:е|а)?|(?:(?:Telegram|YouTube|Instagram|TikTok|телеграм|ютуб)\s+)?арна(?:сы|сында|сының|сына|сынан)|(?:интернет-)?(?:издани\w*|газет\w*|телеканал\w*|телекомпани\w*|радиостанци\w*|"
    r"радио|сайт\w*|портал\w*|агентств\w*|информагентств\w*|медиахолдинг\w*|(?-i:ИА)|издательств\w*|журнал(?:а|у|ом|е|ы\w*)?|редакци\w*|басылым\w*|телеарна\w*|агенттіг\w*|"
    r"(?:(?:TV|[Tt]elevision|[Rr]adio) )?stations?|newspapers?|outlets?|websites?|(?:TV )?channels?|portals?|agency|magazines?|news sites?|paper|weekly|daily|edition|"
    r"broadcaster))(?![\w-])",
    re.IGNORECASE,
)
DATA = Path(__file__).resolve().parents[1] / "data"
DOMAIN = r"\.(?:kz|media|news|org|com|ru|info|net)"
LATIN_NAME = (
    rf"(?<![\w.-])[A-Z][A-Za-z0-9&'-]*(?:{DOMAIN})?(?:\s+[A-Z][A-Za-z0-9&'-]*(?:{DOMAIN})?){{0,3}}"
)
QUOTE_GROUPS = ("q", "q2", "q3", "q4", "q5")
AFTER_CUE = re.compile(
    rf"\s*,?\s*(?:«(?P<q>[^»]{{2,60}})»|\"(?P<q2>[^\"]{{2,60}})\"|“(?P<q3>[^”]{{2,60}})”|<<(?P<q4>[^>]{{2,60}})>>|"
    rf"„(?P<q5>[^“”]{{2,60}})[“”]|(?P<prep>(?:for|at|with|from) )?(?P<of>of )?(?:the )?(?P<lat>{LATIN_NAME}))"
)
BEFORE_CUE = re.compile(  # «Сарыарқа таңы» (аудандық) газетінің
    rf"(?:«(?P<q>[^»]{{2,60}})»|(?P<lat>{LATIN_NAME}))\s*(?:(?:аудандық|облыстық|қалалық|республикалық|жергілікті|тәуелсіз)\s+)?$"
)
EN_KIND = (
    r"(?:media outlet|news outlet|outlet|newspaper|news site|news agency|TV channel|television|magazine|"
    r"weekly|daily|website|video blog|video project|YouTube channel|broadcaster)"
)
EN_BEFORE = (
    re.compile(  # "Dala News TV channel", "the \"Steppe Truth\" (\"…\") weekly", "X, a news site"
        rf"(?:(?P<lat>{LATIN_NAME})|\"(?P<q>[^\"]{{2,50}})\")\s*(?:\([^()]{{1,40}}\)\s*)?"
        rf"(?:,\s*(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}})?(?i:{EN_KIND})\b"
    )
)
EN_CALLED = re.compile(rf"{EN_KIND}\s*,?\s+(?:called|named)\s+(?P<lat>{LATIN_NAME})")
EN_BEFORE_ROLE = re.compile(
    rf"(?:\b(?:[Aa]n?|[Tt]he)\s+(?P<lat>{LATIN_NAME})|(?P<dom>(?<![\w.-])[A-Za-z][\w-]*{DOMAIN}))\s*$"
)
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

DOMAIN_NAME = re.compile(  # "сообщает Stan.kz", "Paryz.kz", "detector.media": a name, not a URL
    r"(?<![\w./@:-])(?:www\.)?(?P<name>[A-Za-z0-9][\w-]*(?:\.[\w-]+)?\.(?:kz|kg|uz|tj|ru|media|news|pub|info|"
    r"com|org|net|tv|asia|az|su|ua|by))(?![\w/-]|\.\w)"
)


@lru_cache(maxsize=1)
def not_outlets() -> dict:
    return yaml.safe_load((DATA / "not_outlets.yaml").read_text(encoding="utf-8"))


def _credit_line(text: str, start: int) -> bool:
    line = text[text.rfind("\n", 0, start) + 1 : start]
    credits = "|".join(re.escape(c) for c in not_outlets()["credits"])
    return bool(re.search(rf"(?:^|[\s(])(?:{credits})\s*(?:[:/—-]|by\b)", line, re.IGNORECASE))


def domain_outlets(text: str, known: list[Hit]) -> list[Hit]:
    """Outlets written as their domain, outside URLs, e-mail addresses and picture credits."""
    blocked = {d.casefold() for d in not_outlets()["domains"]}
    hits = []
    for m in DOMAIN_NAME.finditer(text):
        name = m.group("name")
        folded = name.casefold()
        if folded in blocked or any(folded.endswith("." + b) for b in blocked):
            continue
        if _credit_line(text, m.start()):
            continue
        hits += _hit(name, m.start("name"), m.end("name"), known)
    return hits


if not Doc.has_extension("outlets"):
    Doc.set_extension("outlets", default=None)


LEADING_CUE = re.compile(r"^" + OUTLET_CUE.pattern + r"\s+(?=[«\"“])", re.IGNORECASE)


def display_name(hit: Hit) -> str:
    """The outlet as the text writes it, without the cue word an alias may carry ("издание
    «Власть»" → "Власть") and without quotes or a hyphenated case ending."""
    return clean_name(LEADING_CUE.sub("", hit.text.strip())) or hit.name


def same_form(a: str, b: str) -> bool:
    """Two written forms of an outlet that are one name up to case endings, script and generic
    words ("«Московского комсомольца»" / "Московский комсомолец", "Orda.kz" / "ORDA KZ"); an
    abbreviation and the full name ("МК" / "Московский комсомолец") are two forms."""
    ta, tb = _form_words(a), _form_words(b)
    short, long_ = sorted((ta, tb), key=len)
    if short and all(any(_word_meets(s, w) for w in long_) for s in short):
        return True
    return len("".join(ta)) >= 4 and _word_meets("".join(ta), "".join(tb))


def reported_forms(hits: list[Hit], text: str) -> list[Hit]:
    """The first mention of each written form of each outlet (:func:`same_form`), leaving out
    an abbreviation defined in parentheses right after another form ("Full Name (FN)")."""
    defined = [
        (b.name, display_name(b))
        for a, b in zip(hits, hits[1:], strict=False)
        if a.name == b.name and re.fullmatch(r"\s*\(\s*", text[a.end : b.start])
    ]
    out: list[Hit] = []
    for h in hits:
        form = display_name(h)
        if any(n == h.name and same_form(d, form) for n, d in defined) or any(
            same_words(display_name(o), form)
            or (o.name == h.name and same_form(display_name(o), form))
            for o in out
        ):
            continue
        out.append(h)
    return out


def same_words(a: str, b: str) -> bool:
    """The same name word for word, up to case endings ("Апрель" / "Апреля")."""
    ta, tb = _form_words(a), _form_words(b)
    return len(ta) == len(tb) and all(_word_meets(x, y) for x, y in zip(ta, tb, strict=True))


def _form_words(name: str) -> list[str]:
    words = [k for w in re.split(r"[\W_]+", name) if (k := key(w))]
    generic = set(not_outlets()["generic_words"])
    return [w for w in words if w not in generic] or words


def _word_meets(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    prefix = len(os.path.commonprefix([a, b]))
    return a == b or (len(short) >= 3 and prefix >= max(3, len(short) - 2))


def clean_name(raw: str) -> str:
    name = raw.strip(" «»\"“”'.,-")
    name = re.sub(r"'s$", "", name)
    return re.sub(rf"-(?:{KK_ENDINGS}|{RU_ENDINGS})$", "", name)


KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")


def _after(
    text: str, end: int, is_role: bool, cyrillic: bool, persons
) -> tuple[str, re.Match] | None:
    m = AFTER_CUE.match(text, end)
    if not m or KK_GENITIVE.search(text, max(0, end - 4), end):
        return None  # "«А» газетінің «Б» бөлімі": Kazakh names its outlet before the word
    group = next((g for g in QUOTE_GROUPS if m.group(g)), "lat")
    if group != "lat" or cyrillic or not is_role or m.group("prep"):
        return group, m
    person = any(m.start(group) < e and s < m.end(group) for s, e in persons or ())
    return (group, m) if m.group("of") and persons is not None and not person else None


def _before(text: str, start: int, is_role: bool, cyrillic: bool) -> tuple[str, re.Match] | None:
    if cyrillic:
        b = BEFORE_CUE.search(text, max(0, start - 80), start)
        return ("q" if b.group("q") else "lat", b) if b else None
    b = EN_BEFORE_ROLE.search(text, max(0, start - 80), start) if is_role else None
    if not b or (b.group("lat") and b.group("lat").split()[-1] in DEMONYMS):
        return None
    return ("lat" if b.group("lat") else "dom"), b


QUOTED_NEXT = re.compile(
    r"\s*(?:,|\bи\b|\band\b|\bжәне\b|\bмен\b)\s*(?:«(?P<q>[^»]{2,60})»|“(?P<q3>[^”]{2,60})”)"
)


def _quoted_list(text: str, end: int, known: list[Hit]) -> list[Hit]:
    """Quoted names that continue a quoted outlet ("телеканалы «А», «Б» и «В»")."""
    hits: list[Hit] = []
    while (m := QUOTED_NEXT.match(text, end)) and len(hits) < 50:
        group = "q" if m.group("q") else "q3"
        hits += _hit(m.group(group), m.start(group), m.end(group), known)
        end = m.end()
    return hits


LATIN_NEXT = re.compile(rf"\s*(?:,\s*and|,|and)\s+(?P<lat>{LATIN_NAME})")


def _latin_list(text: str, end: int, known: list[Hit]) -> list[Hit]:
    """Latin names that continue one after an outlet word ("the stations A, B, and C")."""
    hits: list[Hit] = []
    while (m := LATIN_NEXT.match(text, end)) and len(hits) < 50:
        found = _hit(m.group("lat"), m.start("lat"), m.end("lat"), known)
        if not found:
            break
        hits += found
        end = m.end()
    return hits


def _inside_name(text: str, start: int) -> bool:
    """A capitalised outlet word after a capitalised word is the end of a name ("Astana TV
    Channel Anna Bell"): what follows it is not the outlet."""
    before = re.search(r"([\w-]+)\s+$", text[max(0, start - 40) : start])
    return text[start : start + 1].isupper() and bool(before and before.group(1)[:1].isupper())


def unknown_outlets(
    text: str, known: list[Hit], persons: list[tuple[int, int]] | None = None
) -> list[Hit]:
    """Outlets named next to an outlet cue or a media-role cue, outside the gazetteer.
    ``persons`` (English PERSON entities) lets "editor of Kaspiy Vestnik" count when it is no person."""
    outlet_cues = [(m.start(), m.end(), False) for m in OUTLET_CUE.finditer(text)]
    role_cues = [(c.start, c.end, True) for c in roles.find_cues(text) if c.role]
    cyrillic = bool(re.search("[а-яё]", text[:2000], re.IGNORECASE))
    hits = []
    for start, end, is_role in outlet_cues + role_cues:
        named = not is_role and _inside_name(text, start)
        for found in (
            None if named else _after(text, end, is_role, cyrillic, persons),
            _before(text, start, is_role, cyrillic),
        ):
            if found:
                group, m = found
                hits += _hit(m.group(group), m.start(group), m.end(group), known)
                if group in QUOTE_GROUPS:
                    hits += _quoted_list(text, m.end(), known)
                elif group == "lat" and not is_role and not cyrillic:
                    hits += _latin_list(text, m.end(group), known)
    for m in [*EN_BEFORE.finditer(text), *EN_CALLED.finditer(text)]:
        group = "lat" if m.group("lat") else "q"
        end = m.end() if _kind_in_name(m, group) else m.end(group)
        hits += _hit(text[m.start(group) : end], m.start(group), end, known)
    return hits + domain_outlets(text, known)


PERSON_LIKE = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+ [A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*(?:ov|ova|ev|eva|yev|yeva|in|ina|enko|sky|skaya|uly|kyzy|"
    r"ов|ова|ев|ева|ин|ина|енко|ский|ская|ұлы|қызы|улы|кызы)$"
)


@lru_cache(maxsize=1)
def _blocked_names() -> tuple[frozenset[str], frozenset[str]]:
    """(whole names, first words) that are never a discovered outlet, case-folded."""
    names = frozenset(n.casefold() for n in not_outlets()["names"])
    return names, frozenset(n.casefold() for n in NOT_OUTLET)


def _kind_in_name(m: re.Match, group: str) -> bool:
    """ "Astana National TV Channel": a capitalised kind right after the name is part of it."""
    tail = m.string[m.end(group) : m.end()]
    words = tail.split()
    return group == "lat" and "," not in tail and bool(words) and words[-1][:1].isupper()


NAMED_KIND = re.compile(r"\s(?:TV|Television|Channel|Radio|Newspaper|Agency|Magazine|Weekly)$")


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


def _hit(raw: str, start: int, end: int, known: list[Hit]) -> list[Hit]:
    first_line = raw.split("\n", 1)[0]
    end = start + len(first_line) if first_line != raw else end
    name = clean_name(first_line)
    if not plausible(name) or any(start < k.end and k.start < end for k in known):
        return []
    return [Hit(name, "outlet", start, end, first_line)]


def org_before_role(doc: Doc, known: list[Hit]) -> list[Hit]:
    """English: an ORG entity right before a role cue ("Dala News cameraman Rustem Abilov")."""
    cues = {c.start for c in roles.find_cues(doc.text) if c.role}
    hits = []
    for ent in doc.ents:
        if (
            ent.label_ == "ORG"
            and doc.text[ent.end_char : ent.end_char + 1] == " "
            and ent.end_char + 1 in cues
        ):
            hits += _hit(ent.text, ent.start_char, ent.end_char, known)
    return hits


def find_outlets(
    text: str,
    registry_aliases: tuple = (),
    doc: Doc | None = None,
    holdout: frozenset[str] = frozenset(),
) -> list[Hit]:
    known = outlet_gazetteer(registry_aliases, holdout).find(text)
    if doc is None:
        return longest(known + unknown_outlets(text, known) + _sources(text, known, []))
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    natasha = [(s, e) for s, e, t, _ in (doc._.natasha_spans or []) if t == "PER"]
    return longest(
        known
        + unknown_outlets(text, known, persons if doc.has_annotation("ENT_IOB") else None)
        + org_before_role(doc, known)
        + _sources(text, known, persons + natasha)
    )


def _sources(text: str, known: list[Hit], persons: list[tuple[int, int]]) -> list[Hit]:
    """Outlets named as a source ("сообщает …", "… хабарлайды", "© …")."""
    found = attributed(text, persons, plausible)
    return [h for name, s, e in found for h in _hit(name, s, e, known)]


@Language.factory("presswatch_outlets_v1", default_config={"discover": True})
def make_outlets(nlp: Language, name: str, discover: bool) -> OutletsComponent:
    return OutletsComponent(discover)


class OutletsComponent:
    """Sets ``doc._.outlets`` (list of gazetteer :class:`Hit`, kind "outlet")."""

    def __init__(self, discover: bool = True, registry_aliases: tuple = ()):
        self.discover, self.registry_aliases = discover, registry_aliases
        self.holdout: frozenset[str] = frozenset()  # evaluation: see Settings.outlets_holdout

    def __call__(self, doc: Doc) -> Doc:
        if self.discover:
            doc._.outlets = find_outlets(doc.text, self.registry_aliases, doc, self.holdout)
        else:
            doc._.outlets = outlet_gazetteer(self.registry_aliases, self.holdout).find(doc.text)
        return doc
