"""Page chrome left over after article extraction, removed with the offset map kept.

Every change is an *edit* ``(start, end, replacement, offsets)`` on a text whose characters carry
their raw index in an ``origin`` array; :func:`apply_edits` applies sorted, non-overlapping edits
to both at once (slices of the array, so the cost is linear). ``offsets`` gives, per replacement
character, its position inside ``text[start:end]``; ``None`` means position i for a replacement of
the same length and the edit's start otherwise.

:func:`strip_chrome` looks at one line at a time and removes a whole line (with its newline) only
when it is short chrome: share widgets ("Поделиться", "Facebook Twitter Telegram", "Бөлісу"), view
counters and read times ("283 ret kórsetildi", "7 mın oqý úshin", "Просмотров: 123"), photo
captions and credits ("Фото: …", "Сурет: …"), lines of only punctuation or pipes, and breadcrumbs
(three or more short segments between separators). A line with a sentence of prose (8 or more words
and sentence punctuation) is never removed by these rules; only cookie and subscription banners,
recognised by wording no news sentence uses ("we use cookies", "Подписывайтесь на…"), are removed
regardless. A photo credit at the end of a line and a "1088 0 pikir" counter at its start are cut
out of the line. Blank lines stay (they are paragraph breaks), and so does anything longer than
``MAX_LINE`` characters. Footnote markers ([1], "word[12]", superscript digits) are removed inline.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence

Edit = tuple[int, int, str, Sequence[int] | None]

MAX_LINE = 300
WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")
SHARE = frozenset(
    """поделиться поделитесь share shares tweet facebook twitter telegram whatsapp vk vkontakte
    вконтакте ok одноклассники instagram youtube tiktok x linkedin pinterest reddit viber
    messenger threads email e-mail mail mail.ru print печать распечатать скопировать
    копировать ссылку link copy бөлісу bólisý bölisu bolisu bölisw""".split()  # noqa: SIM905
)
SHARE_FILLER = frozenset(
    """в на во this article story post on via новостью статьей мой мир""".split()  # noqa: SIM905
)
COUNTER = frozenset(
    """просмотров просмотра просмотр просмотры просмотрено прочитано прочтений мин минут минуты
    минута views view min mins minute minutes comments comment рет көрсетілді қаралды
    қаралым пікір пікірлер оқу ret kórsetildi körsetildi korsetildi kórildi pikir pikirler
    mın oqý oqu oqw qaraldy qaraldı комментариев комментария комментарий комментарии""".split()  # noqa: SIM905
)
COUNTER_FILLER = frozenset(
    """время чтения раз read reading time үшін úshin üşin ushin ýshin""".split()  # noqa: SIM905
)
CAPTION_WORDS = r"фото|photo|foto|сурет|sýret|suret|süret|иллюстрация|illustration|скриншот|screenshot|коллаж|collage|изображение|image"
CAPTION = re.compile(rf"^(?:{CAPTION_WORDS})\w{{0,6}}\s*[:：©—–]", re.I)
CAPTION_TAIL = re.compile(rf"\s(?:{CAPTION_WORDS})\s*:\s*\S+(?:\s+\S+){{0,3}}\s*$", re.I)
COUNTER_HEAD = re.compile(r"^\s*\d[\d\s]*\s(?:pikir|пікір)\b\s*", re.I)
BANNER = re.compile(
    r"(?:we use|this (?:web)?site uses|используем|использует|пайдаланамыз|пайдаланады)\b.{0,40}"
    r"(?:cookie|куки)|^(?:подписывайтесь|подпишитесь|subscribe to|sign up for|жазылыңыз|"
    r"jazylyńyz|jazılıñız)\b|ctrl\s*\+\s*enter",
    re.I,
)
SEPARATORS = re.compile(r"\s*[/>»›|→•·]\s*")
SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")
SEPARATOR_SYMBOLS = frozenset("|•·●▪■◆◇★☆*~=_-—–/\\+<>^")
FOOTNOTE = re.compile(
    r"(?<=[^\s\[])\[\d{1,3}\]"  # word[12]
    r"|(?m:^)[ \t]*\[\d{1,3}\][ \t]?"  # [1] at the start of a footnote line
    r"| \[\d{1,3}\](?=[\s.,;:!?)]|$)"  # word [3].
    r"|(?<=[^\W\d_])(?<![mMмМ])[⁰¹²³⁴-⁹]+"  # word¹ (not m², км³)
    r"|(?<=[.,;:!?»\")\]])[⁰¹²³⁴-⁹]+"  # sentence.²
)


def apply_edits(text: str, origin: array[int], edits: Sequence[Edit]) -> tuple[str, array[int]]:
    """``text`` and ``origin`` with sorted, non-overlapping ``edits`` applied."""
    if not edits:
        return text, origin
    parts: list[str] = []
    out = array("q")
    pos = 0
    for start, end, replacement, offsets in edits:
        parts.append(text[pos:start])
        out.extend(origin[pos:start])
        parts.append(replacement)
        if replacement:
            if offsets is None:
                same = len(replacement) == end - start
                offsets = range(len(replacement)) if same else [0] * len(replacement)
            out.extend([origin[start + o] for o in offsets])
        pos = end
    parts.append(text[pos:])
    out.extend(origin[pos:])
    return "".join(parts), out


def strip_chrome(text: str, origin: array[int]) -> tuple[str, array[int]]:
    """``text`` without chrome lines, credits and footnote markers; ``origin`` follows."""
    text, origin = apply_edits(text, origin, list(_line_edits(text)))
    footnotes = [(m.start(), m.end(), "", None) for m in FOOTNOTE.finditer(text)]
    return apply_edits(text, origin, footnotes)


def is_chrome_line(line: str) -> bool:
    """Whether a whole line is page chrome (blank lines are not: they are paragraph breaks)."""
    s = line.strip()
    if not s or len(s) > MAX_LINE:
        return False
    if BANNER.search(s):
        return True
    if is_prose(s):
        return False
    tokens = [t.lower() for t in TOKEN.findall(s)]
    if not tokens:
        return _separators_only(s)
    return _share(tokens) or _counter(tokens) or bool(CAPTION.match(s)) or _crumbs(s)


def is_prose(line: str) -> bool:
    """A sentence of prose: at least 8 words and sentence punctuation."""
    return len(WORD.findall(line)) >= 8 and bool(re.search(r"[.!?…]", line))


def _line_edits(text: str) -> Iterator[Edit]:
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if is_chrome_line(line):
            yield pos, min(end + 1, len(text)), "", None
        elif len(line) <= MAX_LINE:
            yield from _partial_edits(line, pos)
        pos = end + 1


def _partial_edits(line: str, pos: int) -> Iterator[Edit]:
    """A counter at the start of a line and a photo credit at its end."""
    head = COUNTER_HEAD.match(line)
    tail = CAPTION_TAIL.search(line)
    head_end = head.end() if head else 0
    if head and head_end < len(line):
        yield pos, pos + head_end, "", None
    credit = tail is not None and not SENTENCE_END.search(tail.group().rstrip() + " ")
    if tail and credit and tail.start() > head_end and line[: tail.start()].strip():
        yield pos + tail.start(), pos + len(line), "", None


def _separators_only(s: str) -> bool:
    return all(
        c.isspace() or c in SEPARATOR_SYMBOLS or unicodedata.category(c).startswith("P") for c in s
    )


def _share(tokens: list[str]) -> bool:
    if len(tokens) > 12:
        return False
    return all(t in SHARE or t in SHARE_FILLER for t in tokens) and any(t in SHARE for t in tokens)


def _counter(tokens: list[str]) -> bool:
    if len(tokens) > 8:
        return False
    known = all(t in COUNTER or t in COUNTER_FILLER or t.replace(".", "").isdigit() for t in tokens)
    return known and any(t in COUNTER for t in tokens)


def _crumbs(s: str) -> bool:
    """Three or more short segments between separators: "Главная / Новости / Общество"."""
    segments = [seg for seg in SEPARATORS.split(s) if seg]
    if len(segments) < 3 or len(WORD.findall(s)) > 12 or SENTENCE_END.search(s):
        return False
    worded = sum(bool(WORD.search(seg)) for seg in segments)
    return worded >= 2 and all(len(seg.split()) <= 3 for seg in segments)
