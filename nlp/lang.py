"""Language identification for the archive: ``ru``, ``kk``, ``en`` or ``other``.

Script first (Cyrillic vs Latin letters), then evidence specific to each language: the letters
only Kazakh uses among Cyrillic alphabets (ә ғ қ ң ө ұ ү һ і) and frequent Kazakh function words
decide Kazakh over Russian, so a Kazakh text full of Russian loanwords is still Kazakh.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KK_STRONG = set("әғқұһӘҒҚҰҺ")  # not in Kyrgyz, Tatar-Cyrillic rarely, never in Russian
UK_LETTERS = set("їєґЇЄҐ")
KK_WORDS = {
    "және", "мен", "бұл", "үшін", "деп", "туралы", "бойынша", "жылы", "болды", "бар", "жоқ",
    "қазақстан", "сот", "осы", "оның", "олар", "біз", "сіз", "ол", "керек", "арқылы", "кейін",
    "дейін", "тиіс", "болып", "жатыр", "алады", "етті", "берді", "jáne", "úshin", "boıynsha",
}
RU_WORDS = {
    "и", "в", "не", "на", "что", "с", "по", "это", "как", "для", "из", "от", "он", "она", "но",
    "был", "была", "были", "также", "который", "которые", "его", "ее", "её", "к", "о", "при",
}
EN_WORDS = {
    "the", "and", "of", "to", "in", "is", "was", "for", "that", "on", "with", "by", "as", "at",
    "from", "his", "her", "it", "are", "were", "has", "have", "said",
}


def _letters(text: str) -> tuple[int, int]:
    cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cyr, lat


def _cyrillic(text: str, words: list[str], cyr: int) -> str:
    kk_letters = sum(1 for ch in text if ch in KK_LETTERS)
    kk_strong = sum(1 for ch in text if ch in KK_STRONG)
    kk_words = sum(1 for w in words if w in KK_WORDS)
    ru_words = sum(1 for w in words if w in RU_WORDS)
    if kk_strong and (kk_letters >= 0.01 * cyr or kk_words > ru_words):
        return "kk"
    if kk_words > max(2, ru_words):
        return "kk"
    if sum(1 for ch in text if ch in UK_LETTERS) > 0.005 * cyr:
        return "other"
    return "ru" if ru_words or cyr >= 5 else "other"


def detect_language(text: str) -> str:
    """``ru``, ``kk``, ``en`` or ``other`` (also for empty or too short text)."""
    sample = (text or "")[:20000]
    cyr, lat = _letters(sample)
    if cyr + lat < 3:
        return "other"
    words = [w.lower() for w in WORD.findall(sample)]
    if cyr >= lat:
        return _cyrillic(sample, words, cyr)
    if sum(1 for w in words if w in KK_WORDS) >= 2:
        return "kk"
    english = sum(1 for w in words if w in EN_WORDS)
    return "en" if english >= max(1, 0.05 * len(words)) else "other"
