"""Outlet cues: the words that name an outlet's kind ("газеты", "телеканал", "агенттігі",
"newspaper", "TV channel") and the written shapes of an outlet's name around a cue or a media
role — a quoted or Latin name after it, a name before it (Kazakh, English), a domain name, and
the names that continue a list of outlets."""

from __future__ import annotations

import re

OUTLET_CUE = re.compile(
    r"(?<![\w-])(?:(?:YouTube|Telegram|Instagram|TikTok|телеграм|ютуб|ютюб)-(?:канал|арна)\w*|съемочн\w+ групп\w*|"
    r"съёмочн\w+ групп\w*|эфир(?:е|а)?|(?:(?:Telegram|YouTube|Instagram|TikTok|телеграм|ютуб)\s+)?арна(?:сы|сында|сының|сына|сынан)|(?:интернет-)?(?:издани\w*|газет\w*|телеканал\w*|телекомпани\w*|радиостанци\w*|"
    r"радио|сайт\w*|портал\w*|агентств\w*|информагентств\w*|медиахолдинг\w*|(?-i:ИА)|издательств\w*|журнал(?:а|у|ом|е|ы\w*)?|редакци\w*|басылым\w*|телеарна\w*|агенттіг\w*|"
    r"(?:(?:TV|[Tt]elevision|[Rr]adio) )?stations?|newspapers?|outlets?|websites?|(?:TV )?channels?|portals?|agency|magazines?|news sites?|paper|weekly|daily|edition|"
    r"broadcaster))(?![\w-])",
    re.IGNORECASE,
)
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
DOMAIN_NAME = re.compile(  # "сообщает Stan.kz", "Paryz.kz", "detector.media": a name, not a URL
    r"(?<![\w./@:-])(?:www\.)?(?P<name>[A-Za-z0-9][\w-]*(?:\.[\w-]+)?\.(?:kz|kg|uz|tj|ru|media|news|pub|info|"
    r"com|org|net|tv|asia|az|su|ua|by))(?![\w/-]|\.\w)"
)
KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
QUOTED_NEXT = re.compile(
    r"\s*(?:,|\bи\b|\band\b|\bжәне\b|\bмен\b)\s*(?:«(?P<q>[^»]{2,60})»|“(?P<q3>[^”]{2,60})”)"
)
LATIN_NEXT = re.compile(rf"\s*(?:,\s*and|,|and)\s+(?P<lat>{LATIN_NAME})")
