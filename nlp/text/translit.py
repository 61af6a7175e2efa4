"""Latin-script Kazakh → Cyrillic Kazakh, with an offset map.

Kazakh sites write Latin Kazakh in one of three spellings, and :func:`detect_scheme` picks one per
text from its letters:

* ``acute`` — the 2018 alphabet: á ǵ ı ń ó ú ý, i = і, y = ы, ı = и or й, u = ұ, ú = ү, ý = у,
  j = ж, sh/ch digraphs (``Jýrnalıster``, ``aıyppul``);
* ``umlaut`` — the 2021 letters ä ö ü ğ ş ç ñ ı: ı = ы, i = і or и, y = й, ü = ү, c = ц. Where the
  site writes ұ as ``w`` (``bwğattaluı``) the scheme is ``umlaut-w`` and u is always у; otherwise u
  is у next to a vowel or in a word with front vowels, else ұ;
* ``ascii`` — an ASCII transliteration with a few accents (abai.kz): gh = ғ, ng = ң, sh ch zh kh,
  y = ы/й, i = і/и/й, ú = ұ, ý = ү, u = у, ya/yu = я/ю.

Ambiguous letters are resolved from the previous output letter (ı, i, y after a vowel is й) and from
vowel harmony (i is и when the nearest unambiguous vowel on either side is a back vowel, і otherwise);
a few loanword stems are then fixed (йа → я, тсия/асия → ция, міністр → министр). Perfect spelling
is not the goal: keyword rules and the encoder must recognise журналист, айыппұл, бұғатталу.

:func:`transliterate` works token by token (a cache local to the call makes repeated words cheap, so
the cost is linear in the text) and leaves URLs, e-mail addresses, domain names, English words and
short all-caps acronyms (IPI, OSCE; not BAQ, which has a Kazakh q) unchanged. Output character i
comes from input character ``offsets[i]``; a digraph's letter maps to its first letter, and the case
follows that source letter. :func:`to_cyrillic` does the same only when the text as a whole is
Latin-script Kazakh.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from nlp.text.lang import ENGLISH_WORDS, detect_language

SAMPLE = 50_000
MAX_WORD = 40  # longer letter runs are not words (base64, hashes): left as they are
VOWELS = frozenset("аәеёиоөұүыіэюяу")
COMMON = dict(zip("abcdefghjklmnopqrstvz", "абцдефгхжклмнопқрствз", strict=True))
COMMON.update({"á": "ә", "ä": "ә", "ə": "ә", "é": "е", "ó": "ө", "ö": "ө", "ü": "ү", "ū": "ұ"})
COMMON.update({"ǵ": "ғ", "ğ": "ғ", "ń": "ң", "ñ": "ң", "ş": "ш", "ș": "ш", "ç": "ч"})
LETTERS = {
    "acute": {**COMMON, "i": "і", "y": "ы", "u": "ұ", "ú": "ү", "ý": "у", "w": "у"},
    "umlaut": {**COMMON, "ı": "ы", "y": "й", "w": "ұ", "ú": "ү", "ý": "у"},
    "ascii": {**COMMON, "ı": "ы", "u": "у", "ú": "ұ", "ý": "ү", "w": "у"},
}
LETTERS["umlaut-w"] = {**LETTERS["umlaut"], "u": "у"}
DIGRAPHS = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "gh": "ғ"}
LATIN_VOWELS = frozenset("aeiouyıáäəéóöúüýūw")
# Vowels that fix a word's harmony (u/у and ascii y are neutral or ambiguous).
BACK = {"umlaut": "aoıwū", "umlaut-w": "aoıwū", "ascii": "aoú"}
FRONT = {"umlaut": "eäöü", "umlaut-w": "eäöü", "ascii": "eáəóý"}
NOT_KAZAKH = re.compile(r"th|ee|oo|ph|w|x|c(?!h)")  # letter patterns Kazakh spelling lacks
NOT_UMLAUT = re.compile(r"th|ee|oo|ph|x")  # the umlaut scheme writes ц as c, ұ as w
FOREIGN = {"acute": NOT_KAZAKH, "ascii": NOT_KAZAKH, "umlaut": NOT_UMLAUT, "umlaut-w": NOT_UMLAUT}
KAZAKH_ONLY = re.compile(r"[qǵńýúáóäöüğşñıū]")
# Same-length fixes of loanword stems the letter rules get wrong.
STEM_FIXES = [("міністр", "министр"), ("інтернет", "интернет"), ("презідент", "президент")]
STEM_FIXES += [("тұралы", "туралы"), ("жұрнал", "журнал"), ("медия", "медиа")]
STEM_FIXES += [("социял", "социал"), ("материял", "материал")]
CLUSTER_FIX = re.compile(
    r"й[ау]|тсиа(?!т)|тс(?=и(?:[яоа]|й[ао]))"
    r"|(?<!анаста)(?<=[аеиоуыэ])(?:сиа(?!т)|с(?=и(?:[яо]|й[ао])))"
)
# cluster → (replacement, which of the cluster's offsets its letters keep)
CLUSTERS: dict[str, tuple[str, tuple[int, ...]]] = {
    "йа": ("я", (0,)),
    "йу": ("ю", (0,)),
    "тс": ("ц", (0,)),
    "с": ("ц", (0,)),
}
CLUSTERS |= {"тсиа": ("ция", (0, 2, 3)), "сиа": ("ция", (0, 1, 2))}
# English words that are also Kazakh words in Latin spelling (іс, он, ат, ас, ит, мен, бар, ол).
COLLIDING = frozenset("is on at as it a an men bar ol al be".split())  # noqa: SIM905
ENGLISH_STRONG = ENGLISH_WORDS - COLLIDING
ENGLISH_NAMES = frozenset(
    """press institute international committee protect journalists journalist reporters without
    borders freedom house watch human rights media news service radio free europe liberty
    foundation union association federation network agency times post daily global world
    forum centre center digital open society amnesty report office council national""".split()  # noqa: SIM905
)
SKIP = r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
DOMAIN = r"(?:[^\W_]+(?:-[^\W_]+)*\.)+(?:kz|ru|com|org|net|info|io|uz|kg|su|tv|me|news|gov|edu|eu|uk|ua|by)\b(?:/\S*)?"
TOKEN = re.compile(rf"(?P<skip>{SKIP}|{DOMAIN})|(?P<word>[^\W_]+(?:[-'’ʼ][^\W_]+)*)", re.I)
PART = re.compile(r"[^\W_]+|[-'’ʼ]")


def detect_scheme(text: str) -> str:
    """``"acute"``, ``"umlaut"``, ``"umlaut-w"`` or ``"ascii"`` from the letters of ``text``."""
    sample = text[:SAMPLE].lower()
    umlaut = sum(sample.count(c) for c in "äöüğşñçū")
    acute = sum(sample.count(c) for c in "ǵńáóúý")
    if umlaut > acute:
        w_words = re.search(r"\b[^\W\d_]*(?:w[^\W\d_]*[äöüğşñıq]|[äöüğşñıq][^\W\d_]*w)", sample)
        return "umlaut-w" if w_words or "ū" in sample else "umlaut"
    if sum(sample.count(c) for c in "ıǵń") >= max(1, sample.count("gh")):
        return "acute"
    return "ascii"


def to_cyrillic(text: str) -> tuple[str, array[int]]:
    """:func:`transliterate` when ``text`` is Latin-script Kazakh, else ``text`` unchanged."""
    sample = text[:SAMPLE]
    latin = sum(c.isalpha() and c < "\u0250" for c in sample)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in sample)
    if latin > cyrillic and detect_language(text) == "kk":
        return transliterate(text)
    return text, array("q", range(len(text)))


def transliterate(text: str, scheme: str | None = None) -> tuple[str, array[int]]:
    """Cyrillic for every Kazakh word of ``text`` and, per output character, its input index."""
    scheme = scheme or detect_scheme(text)
    cache: dict[str, tuple[str, tuple[int, ...]]] = {}
    parts: list[str] = []
    offsets = array("q")
    pos = 0
    for match, english in _tokens(text):
        start = match.start()
        parts.append(text[pos:start])
        offsets.extend(range(pos, start))
        word = match.group()
        if match.lastgroup == "skip" or english:
            cyr, local = word, tuple(range(len(word)))
        else:
            if word not in cache:
                cache[word] = _compound(word, scheme)
            cyr, local = cache[word]
        parts.append(cyr)
        offsets.extend([start + o for o in local])
        pos = match.end()
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(parts), offsets


def _tokens(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Tokens with an "is English" flag (see :func:`_english_kind`)."""
    before = 0
    matches = TOKEN.finditer(text)
    current = next(matches, None)
    while current is not None:
        following = next(matches, None)
        kind, after = _english_kind(current), _english_kind(following)
        if kind == 2:
            english = before >= 2 or after >= 2  # International Press Institute
        else:
            english = kind == 3 or (kind == 1 and 3 in (before, after))  # "on the", not "IPI men"
        yield current, english
        before = kind
        current = following


def _english_kind(match: re.Match[str] | None) -> int:
    """3: an English function word; 2: a word of English names; 1: English and Kazakh (is, men)."""
    if match is None or match.lastgroup != "word":
        return 0
    low = match.group().lower()
    if low in ENGLISH_STRONG:
        return 3
    return 1 if low in COLLIDING else 2 if low in ENGLISH_NAMES else 0


def _compound(word: str, scheme: str) -> tuple[str, tuple[int, ...]]:
    """A hyphenated or apostrophed word, part by part; all-caps acronyms stay as they are."""
    capitals = word.isupper()
    if capitals and sum(c.isalpha() for c in word) <= 5 and not KAZAKH_ONLY.search(word.lower()):
        return word, tuple(range(len(word)))
    out: list[str] = []
    offsets: list[int] = []
    for match in PART.finditer(word):
        part = match.group()
        if len(part) > MAX_WORD or not part.isalpha() or _foreign(part, scheme, not capitals):
            cyr, local = part, tuple(range(len(part)))
        else:
            cyr, local = _word(part, scheme)
        out.append(cyr)
        offsets.extend(match.start() + o for o in local)
    return "".join(out), tuple(offsets)


def _foreign(part: str, scheme: str, acronyms: bool) -> bool:
    """Not Kazakh: no Latin letter, an acronym (IPI-niń), or letters Kazakh spelling lacks."""
    low = part.lower()
    if not any("a" <= c <= "z" or c in LATIN_VOWELS or KAZAKH_ONLY.match(c) for c in low):
        return True  # no Latin letters: Cyrillic or another script
    if acronyms and part.isupper() and len(part) <= 5 and not KAZAKH_ONLY.search(low):
        return True
    return bool(FOREIGN[scheme].search(low))


def _word(word: str, scheme: str) -> tuple[str, tuple[int, ...]]:
    """One word of letters: letter rules, then cluster and stem fixes, then the source's case."""
    low = _lower(word, scheme)
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(low):
        cyr, used = _letter(low, i, chars[-1] if chars else "", scheme)
        chars.extend(cyr)
        offsets.extend([i] * len(cyr))
        i += used
    text, offsets = _fix_clusters("".join(chars), offsets)
    for wrong, right in STEM_FIXES:
        text = text.replace(wrong, right)
    cased = "".join(
        c.upper() if word[o].isupper() else c for c, o in zip(text, offsets, strict=True)
    )
    return cased, tuple(offsets)


def _lower(word: str, scheme: str) -> str:
    """Lower case, one character per character; in the acute scheme a capital I before a vowel is ı."""
    out = []
    for i, c in enumerate(word):
        low = "i" if c == "İ" else c.lower()
        if c == "I" and scheme == "acute" and word[i + 1 : i + 2].lower() in LATIN_VOWELS:
            low = "ı"
        out.append(low if len(low) == 1 else c)
    return "".join(out)


def _letter(low: str, i: int, prev: str, scheme: str) -> tuple[str, int]:
    """Cyrillic for the letter (or digraph) at ``low[i]`` and how many letters it used."""
    pair = low[i : i + 2]
    if pair in DIGRAPHS:
        return DIGRAPHS[pair], 2
    c = low[i]
    after = low[i + 1 : i + 2]
    if scheme == "acute" and c == "ı":
        return ("й" if prev in VOWELS or (not prev and after in LATIN_VOWELS) else "и"), 1
    if scheme == "acute" and c == "a" and prev == "и" and low[i - 1] == "ı":
        return "я", 1  # consonant + ıa: jarıalady, demokratıa (medıa is fixed back)
    if scheme == "ascii" and c in "iyn":
        return _ascii_letter(low, i, prev)
    if scheme.startswith("umlaut") and c == "i":
        return ("и" if _back(low, i, scheme) else "і"), 1
    if scheme == "umlaut" and c == "u":
        near_vowel = prev in VOWELS or after in LATIN_VOWELS or not after
        front = any(v in low for v in "eäöüi")
        return ("у" if near_vowel or front else "ұ"), 1
    return LETTERS[scheme].get(c, c), 1


def _ascii_letter(low: str, i: int, prev: str) -> tuple[str, int]:
    """i, y and n in the ASCII scheme: iy = и, ya/yu = я/ю, ng = ң, i/y after a vowel = й."""
    c, after, third = low[i], low[i + 1 : i + 2], low[i + 2 : i + 3]
    if c == "n":
        if after != "g" or third in ("g", "h"):
            return ("ң" if after == "g" else "н"), 1
        return ("н", 1) if third and third in LATIN_VOWELS else ("ң", 2)
    if c == "y" and after in ("a", "u"):
        return ("я" if after == "a" else "ю"), 2
    if (
        prev in VOWELS
        and prev != "у"
        and not (c == "y" and prev == "и" and after not in LATIN_VOWELS)
    ):
        return "й", 1
    if c == "i" and after == "y":
        if not third:
            return "ий", 2
        short = third in LATIN_VOWELS or not low[i + 3 : i + 4]  # tiyis, biyl: и + ы/й
        return ("и", 1) if short else ("и", 2)
    if c == "y":
        return "ы", 1
    return ("и" if _back(low, i, "ascii") else "і"), 1


def _back(low: str, i: int, scheme: str) -> bool:
    """Whether the nearest harmony vowel before or after ``low[i]`` is a back vowel."""
    back, front = BACK[scheme], FRONT[scheme]
    for side in (reversed(low[:i]), low[i + 1 :]):
        for c in side:
            if c in back:
                return True
            if c in front:
                break
    return False


def _fix_clusters(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """йа → я, йу → ю and the ц of loanwords (тсия, асия, асиа → ция)."""
    if not CLUSTER_FIX.search(text):
        return text, offsets
    out: list[str] = []
    kept: list[int] = []
    pos = 0
    for match in CLUSTER_FIX.finditer(text):
        start, end = match.span()
        replacement, keep = CLUSTERS[match.group()]
        out.append(text[pos:start] + replacement)
        kept.extend(offsets[pos:start])
        kept.extend(offsets[start + k] for k in keep)
        pos = end
    out.append(text[pos:])
    kept.extend(offsets[pos:])
    return "".join(out), kept
