"""Outlets: the gazetteer (real outlets, demo outlets, registry aliases) plus outlets the
gazetteer does not know, found by cue — "телеканала «Дала Ньюс»", "корреспондент Qostanai Times",
"a reporter for Dala News" — and named as written (quotes and case endings removed)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp import roles
from nlp.gazetteer import SUFFIX, Hit, longest, outlet_gazetteer

OUTLET_CUE = re.compile(
    r"(?<![\w-])(?:интернет-)?(?:издани\w*|газет\w*|телеканал\w*|телекомпани\w*|радиостанци\w*|радио|сайт\w*|портал\w*|"
    r"агентств\w*|журнал(?:а|у|ом|е)?|редакци\w*|басылым\w*|телеарна\w*|агенттіг\w*|newspapers?|outlets?|websites?|"
    r"(?:TV )?channels?|portals?|agency|magazines?|news sites?)(?![\w-])", re.IGNORECASE)
LATIN_NAME = r"[A-Z][\w&'-]*(?:\.(?:kz|media|news|org|com|ru|info|net))?(?:\s+[A-Z][\w&'-]*(?:\.(?:kz|media|news|org|com|ru|info|net))?){0,3}"
AFTER_CUE = re.compile(rf"\s*(?:«(?P<q>[^»]{{2,60}})»|\"(?P<q2>[^\"]{{2,60}})\"|(?:for |of |at |with |from )?(?:the )?(?P<lat>{LATIN_NAME}))")
EN_BEFORE = re.compile(rf"(?P<lat>{LATIN_NAME})\s+(?:newspaper|news site|outlet|website|TV channel|channel|portal|magazine)\b")
NOT_OUTLET = {"Telegram", "WhatsApp", "YouTube", "Facebook", "Instagram", "TikTok", "VPN", "DDoS", "The", "A", "An",
              "Kazakhstan", "Almaty", "Astana", "Part", "Article", "Code", "Criminal", "Court", "Ministry"}

if not Doc.has_extension("outlets"):
    Doc.set_extension("outlets", default=None)


def clean_name(raw: str) -> str:
    name = raw.strip(" «»\"“”'.,")
    name = re.sub(r"'s$", "", name)
    return re.sub(rf"-(?:{SUFFIX[4:]})$", "", name) if "-" in name else name


def unknown_outlets(text: str, known: list[Hit]) -> list[Hit]:
    """Outlets named right after an outlet cue or a media-role cue, outside the gazetteer."""
    starts = [m.end() for m in OUTLET_CUE.finditer(text)]
    starts += [c.end for c in roles.find_cues(text) if c.role]
    cyrillic = bool(re.search("[а-яё]", text[:2000], re.IGNORECASE))
    hits = []
    for pos in starts:
        m = AFTER_CUE.match(text, pos)
        if not m:
            continue
        group = "q" if m.group("q") else "q2" if m.group("q2") else "lat"
        raw = m.group(group)
        if group == "lat" and not cyrillic and not re.search(r"for |of |at |with |from ", m.group(0)):
            continue
        hits += _hit(raw, m.start(group), m.end(group), known)
    for m in EN_BEFORE.finditer(text):
        hits += _hit(m.group("lat"), m.start("lat"), m.end("lat"), known)
    return hits


def _hit(raw: str, start: int, end: int, known: list[Hit]) -> list[Hit]:
    name = clean_name(raw)
    if not name or name.split()[0] in NOT_OUTLET or len(name) < 3 or any(start < k.end and k.start < end for k in known):
        return []
    return [Hit(name, "outlet", start, end, raw)]


def find_outlets(text: str, registry_aliases: tuple = ()) -> list[Hit]:
    known = outlet_gazetteer(registry_aliases).find(text)
    return longest(known + unknown_outlets(text, known))


@Language.factory("presswatch_outlets_v1", default_config={"discover": True})
def make_outlets(nlp: Language, name: str, discover: bool) -> OutletsComponent:
    return OutletsComponent(discover)


class OutletsComponent:
    """Sets ``doc._.outlets`` (list of gazetteer :class:`Hit`, kind "outlet")."""

    def __init__(self, discover: bool = True, registry_aliases: tuple = ()):
        self.discover, self.registry_aliases = discover, registry_aliases

    def __call__(self, doc: Doc) -> Doc:
        if self.discover:
            doc._.outlets = find_outlets(doc.text, self.registry_aliases)
        else:
            doc._.outlets = outlet_gazetteer(self.registry_aliases).find(doc.text)
        return doc
