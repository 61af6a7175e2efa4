"""People and outlets across forms: match keys, Cyrillic↔Latin transliteration, Kazakh case
endings, spelling variants, and the registry of known names.

``key("Нұржан Баймолдин") == key("Nurzhan Baimoldin")``; ``same_name("Kozachkov", "Kozachakov")``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

CYR_TO_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ә": "a",
    "ғ": "gh",
    "қ": "q",
    "ң": "ng",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}
LAT_TO_CYR = [
    ("shch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("ye", "е"),
    ("gh", "ғ"),
    ("a", "а"),
    ("b", "б"),
    ("c", "к"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "ж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "қ"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "у"),
    ("x", "кс"),
    ("y", "ы"),
    ("z", "з"),
]
# Simplifications that make the common romanisations meet (BGN, Kazakh Latin 2021, passports).
KEY_RULES = [
    (r"dzh", "j"),
    (r"zh", "j"),
    (r"kh", "h"),
    (r"gh", "g"),
    (r"q", "k"),
    (r"ng", "n"),
    (r"ts", "c"),
    (r"iy\b|yi\b|ii\b", "i"),
    (r"y", "i"),
    (r"w", "u"),
    (r"x", "ks"),
    (r"(.)\1", r"\1"),
]
KAZAKH_LONG = r"ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|ны|ні|ды|ді|ты|ті|нан|нен|дан|ден|тан|тен|мен|бен|пен|ға|ге|на|не|да|де|та|те|нда|нде|ында|інде|ын|ін"
SURNAME_STEM = re.compile(
    r"(ов|ев|ёв|ин|ын|ова|ева|ина|ына|ұлы|улы|қызы|кызы|ская|ский)$", re.IGNORECASE
)
KAZAKH_SAFE = re.compile(
    r"^(?P<stem>.{3,}?)-?(?:ның|нің|дың|дің|тың|тің|мен|бен|пен|нан|нен|дан|ден|тан|тен)$",
    re.IGNORECASE,
)
KAZAKH_ANY = re.compile(rf"^(?P<stem>.{{3,}}?)-?(?:{KAZAKH_LONG})$", re.IGNORECASE)


def fold(text: str) -> str:
    """The evaluation key: casefold, ё→е, collapsed spaces."""
    return re.sub(r"\s+", " ", (text or "").casefold().replace("ё", "е")).strip()


def to_latin(text: str) -> str:
    return "".join(
        CYR_TO_LAT.get(c, c) if c.islower() else CYR_TO_LAT.get(c.lower(), c).capitalize()
        for c in text
    )


def to_cyrillic(text: str) -> str:
    out, low, i = [], text.lower(), 0
    while i < len(text):
        for lat, cyr in LAT_TO_CYR:
            if low.startswith(lat, i):
                out.append(cyr.upper() if text[i].isupper() else cyr)
                i += len(lat)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def key(name: str) -> str:
    """A script-independent match key: "Нұржан Баймолдин" and "Nurzhan Baimoldin" meet."""
    text = to_latin(fold(name))
    text = re.sub(r"[^a-z ]", "", text)
    for pattern, repl in KEY_RULES:
        text = re.sub(pattern, repl, text)
    return text.strip()


def same_name(a: str, b: str, threshold: float = 0.88) -> bool:
    """Spelling variants of one name ("Kozachkov" / "Kozachakov", "Baimuldin" / "Baimoldin")."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return difflib.SequenceMatcher(None, ka, kb).ratio() >= threshold and ka[:1] == kb[:1]


PATRONYMIC_CASE = re.compile(
    r"^(?P<stem>.+(?:қызы|ұлы|улы|кызы))(?:н|на|ның|нан|мен|нда|ға|ны)$", re.IGNORECASE
)
VOWEL_CASE = re.compile(
    r"^(?P<stem>.{3,}[аәеиоөуыіэюя])(?:ға|ге|ны|ні|ның|нің|мен|дан|ден|нан|нен)$", re.IGNORECASE
)
CONSONANT_CASE = re.compile(
    r"^(?P<stem>.{2,}[бвгджзклмнпрстфхцчшщқғңһ])(?:ды|ді|ты|ті|ға|ге|қа|ке)$", re.IGNORECASE
)


def strip_kazakh_case(word: str, surname: bool = False) -> str:
    """ "Баймолдинның" → "Баймолдин", "Қасымоваға" → "Қасымова" (short endings only on surnames)."""
    for regex in (PATRONYMIC_CASE, CONSONANT_CASE, VOWEL_CASE) if surname else (PATRONYMIC_CASE,):
        m = regex.match(word)
        if m:
            return m.group("stem")
    for regex in (KAZAKH_SAFE, KAZAKH_ANY):
        m = regex.match(word)
        if not m:
            continue
        stem = m.group("stem")
        if regex is KAZAKH_SAFE or (surname and SURNAME_STEM.search(stem)):
            return stem
    return word


def kazakh_nominative(tokens: list[str]) -> list[str]:
    return [strip_kazakh_case(t, surname=i == len(tokens) - 1) for i, t in enumerate(tokens)]


@dataclass
class Registry:
    """Known people and outlets: canonical name per kind, aliases by match key, fuzzy fallback."""

    names: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    by_key: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, kind: str, name: str, aliases: Iterable[str] = ()) -> None:
        entry = self.names.setdefault((kind, name), set())
        for alias in [name, *aliases]:
            entry.add(alias)
            self.by_key.setdefault((kind, key(alias)), name)

    def resolve(self, kind: str, name: str, fuzzy: bool = True) -> str | None:
        """The canonical name of a known entity written as ``name``, else None."""
        exact = self.by_key.get((kind, key(name)))
        if exact or not fuzzy:
            return exact
        k = key(name)
        candidates = [
            (difflib.SequenceMatcher(None, k, ak).ratio(), n)
            for (kd, ak), n in self.by_key.items()
            if kd == kind and ak[:1] == k[:1]
        ]
        best = max(candidates, default=(0.0, None))
        return best[1] if best[0] >= 0.88 else None

    def aliases(self, kind: str) -> list[tuple[str, tuple[str, ...]]]:
        return [(n, tuple(sorted(a))) for (k, n), a in self.names.items() if k == kind]
