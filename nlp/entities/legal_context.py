"""Where a legal reference's code comes from when the text never names it next to the article:
the statute's own code ("осы Кодекстің 50-бабы", an article heading "434-1-бап. ..."), the kind
of liability the sentence speaks of ("әкімшілік жауапкершілікке тартылды ... 120 баптың 3
тармағы"), the law a Kazakh text named just before ("«Масс-медиа туралы» Заңында ... 68-бапта").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

CATALOGUE = Path(__file__).resolve().parents[1] / "data" / "legal_catalogue.yaml"
SELF_CODE = (
    re.compile(  # the statute's own code: "осы Кодекстің", "настоящего Кодекса", "this Code"
        r"\b(?:осы\s+[Кк]одекс|настоящ\w+\s+[Кк]одекс|this\s+Code)", re.IGNORECASE
    )
)
HEADING = re.compile(r"\s*[.:]")  # "434-1-бап. Ұсақ бұзақылық", "Статья 274. ..."
LIABILITY = (
    re.compile(  # "әкімшілік жауапкершілікке тартылды", "привлечён к уголовной ответственности"
        r"(?P<CAO>әкімшілік\s+(?:жауапкершілік|айыппұл|құқық\s*бұзушылық)|административн\w+\s+"
        r"(?:ответственност|штраф|правонарушени)|administrative\s+(?:liability|offen[cs]e|fine))"
        r"|(?P<CC>қылмыстық\s+(?:жауапкершілік|іс\b|істі)|уголовн\w+\s+(?:ответственност|дел)"
        r"|criminal\s+(?:liability|case|charges?))",
        re.IGNORECASE,
    )
)
LIABILITY_WINDOW = 400
LAW_WINDOW = 400


def own_code_ref(text: str, m: re.Match) -> bool:
    """ "осы Кодекстің 50-бабы", "статьёй 12 настоящего Кодекса", or an article's own heading
    at the start of a line ("434-1-бап. Ұсақ бұзақылық")."""
    if SELF_CODE.search(text, max(0, m.start() - 25), m.start()):
        return True
    if SELF_CODE.match(text[m.end() : m.end() + 40].lstrip(" ,")):
        return True
    line_start = m.start() == 0 or text[m.start() - 1] == "\n"
    return line_start and bool(HEADING.match(text, m.end())) and m.group("nums").count(",") == 0


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for entry in yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))["articles"]:
        out.setdefault(entry["article"], set()).add(entry["code"])
    return out


def catalogue_code(article: str) -> str | None:
    codes = _catalogue().get(article, set())
    return next(iter(codes)) if len(codes) == 1 else None


def dominant_code(codes: list[str]) -> str | None:
    """The code most of the text's references belong to (a law or treaty never)."""
    counts = Counter(c for c in codes if c != "OTHER").most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def code_from_context(text: str, m: re.Match, kind: str, codes) -> str | None:
    """The liability the text spoke of just before the article, else (Kazakh) the law it named."""
    window = text[max(0, m.start() - LIABILITY_WINDOW) : m.end() + 60]
    hits = list(LIABILITY.finditer(window))
    if hits:
        return hits[-1].lastgroup
    if kind != "kk":
        return None
    laws = [s for s, _, c in codes if c == "OTHER" and m.start() - LAW_WINDOW <= s < m.start()]
    return "OTHER" if laws else None
