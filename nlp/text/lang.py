"""Language identification on the text itself: ``ru``, ``kk``, ``en`` or ``other``.

Script counts decide: Cyrillic text is Kazakh when Kazakh-specific letters are frequent or
Kazakh function words outnumber Russian ones (a Russian text quoting one Kazakh name stays
Russian); Latin text is Kazakh when it carries several Kazakh function words in any of the Latin
spellings Kazakh sites use (2018 acute ``jáne``/``úshin``, 2021 umlaut ``jäne``/``üşin``, ASCII
``jane``/``ushin``; see ``nlp/text/translit.py``), English when English function words dominate;
anything else (binary, emoji, other languages and scripts, too little text) is ``other``.

Latin Kazakh needs two distinct Kazakh-only words (``dep``, ``jáne``, ``týraly``…) and three distinct
Kazakh words in all, outnumbering the English ones: an English text quoting a Kazakh name stays
English, and Turkish, Uzbek or Azerbaijani text, which shares only ``bir``/``da``/``men``/``keyin``-
like words, does not become Kazakh. A short headline may pass on one Kazakh-only word plus two words
with letters only Kazakh spellings use (ǵ ń ý ú á ó ä ñ q).
"""

from __future__ import annotations

import re

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH_WORDS = {
    "және",
    "бұл",
    "деп",
    "үшін",
    "мен",
    "бойынша",
    "туралы",
    "жылы",
    "бар",
    "еді",
    "да",
    "де",
    "осы",
    "ол",
    "бір",
    "екен",
    "болып",
    "қарсы",
    "соң",
    "кейін",
    "дейін",
    "жоқ",
    "болды",
    "берді",
}
RUSSIAN_WORDS = {
    "и",
    "в",
    "на",
    "что",
    "не",
    "по",
    "с",
    "из",
    "за",
    "о",
    "от",
    "для",
    "как",
    "это",
    "который",
    "которая",
    "его",
    "ее",
    "её",
    "был",
    "была",
    "к",
    "у",
    "при",
    "после",
    "также",
    "во",
    "со",
}
ENGLISH_WORDS = {
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "was",
    "for",
    "on",
    "that",
    "with",
    "by",
    "said",
    "has",
    "have",
    "from",
    "at",
    "his",
    "her",
    "an",
    "be",
    "it",
    "were",
    "who",
    "will",
    "this",
    "new",
    "not",
    "are",
    "as",
    "but",
    "its",
    "their",
    "after",
    "about",
    "had",
    "been",
    "which",
    "they",
}
# Kazakh-only function words in the Latin spellings (lower case; split at non-letters).
KAZAKH_LATIN_CORE = frozenset(
    """jáne jane jäne úshin ushin üşin ýshin uşin boıynsha boyınşa boyynsha boiynsha týraly
    turaly turalı dep degen osy osı bul búl bûl bwl jyly jılı qarsy qarsı tartty tarttı
    arqyly arqılı emes eken sondaı sonday qazir býgin búgin bügin aıtty aytty aıtqan aytqan
    habarlaıdy habarlaydy habarlaydı bolyp bolıp boldy boldı bolady boladı kerek jóninde
    jöninde joninde biraq olar onyń onıñ onyng bıyl biyl biıl jańa jaña jana keıin""".split()  # noqa: SIM905
)
# Kazakh words that Uzbek, Turkish or Azerbaijani share: they count only beside core words.
KAZAKH_LATIN_SHARED = frozenset("men keyin edi bar berdi ol joq da de bir dedi".split())  # noqa: SIM905
KAZAKH_LATIN_MARK = re.compile(r"[ǵńýúáóäñq]")
SAMPLE = 20_000
WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """``"ru"``, ``"kk"``, ``"en"`` or ``"other"`` from the first 20k characters of ``text``."""
    if not isinstance(text, str):
        return "other"
    sample = text[:SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    visible = sum(not c.isspace() for c in sample)
    if len(letters) < 3 or len(letters) < 0.6 * visible:
        return "other"  # too little text, or mostly symbols / digits / mis-decoded bytes
    words = WORD.findall(sample)
    if len(words) >= 30 and sum(map(len, words)) / len(words) < 3.2:
        return "other"  # letter soup (random bytes), not words
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    latin = sum(c.isascii() for c in letters)
    if cyrillic >= 0.5 * len(letters):
        return _cyrillic_language(sample, cyrillic)
    if latin >= 0.5 * len(letters):
        return _latin_language(sample)
    return "other"


def _cyrillic_language(sample: str, cyrillic: int) -> str:
    ratio = sum(c in KAZAKH_LETTERS for c in sample) / max(cyrillic, 1)
    words = [w.lower() for w in WORD.findall(sample)]
    kk = sum(w in KAZAKH_WORDS for w in words)
    ru = sum(w in RUSSIAN_WORDS for w in words)
    if len(words) >= 30 and (kk + ru) < 0.02 * len(words):
        return "other"  # Cyrillic letters without Russian or Kazakh words: mis-decoded bytes, other languages
    if ratio >= 0.08 or (ratio >= 0.03 and kk >= ru) or (ratio >= 0.005 and kk > ru):
        return "kk"
    return "ru"


def _latin_language(sample: str) -> str:
    words = [w.lower() for w in WORD.findall(sample)]
    if not words:
        return "other"
    hits = sum(w in ENGLISH_WORDS for w in words)
    if _latin_kazakh(words, hits):
        return "kk"
    distinct = len(set(words) & ENGLISH_WORDS)
    return (
        "en"
        if hits >= max(1, 0.05 * len(words)) and distinct >= min(2, len(words) // 4 + 1)
        else "other"
    )


def _latin_kazakh(words: list[str], english_hits: int) -> bool:
    """Several Kazakh words in a Latin spelling, more of them than English ones."""
    core = [w for w in words if w in KAZAKH_LATIN_CORE]
    shared = [w for w in words if w in KAZAKH_LATIN_SHARED]
    distinct_core = len(set(core))
    if len(core) + len(shared) <= english_hits:
        return False
    if distinct_core >= 2 and distinct_core + len(set(shared)) >= 3:
        return True
    marked = sum(bool(KAZAKH_LATIN_MARK.search(w)) for w in words)
    return len(words) <= 12 and distinct_core >= 1 and marked >= 2 and english_hits == 0
