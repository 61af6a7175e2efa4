"""The readers' languages: gettext catalogues (``presswatch/locale``), choosing a language, and
dates and numbers in each language's format (Babel)."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel import Locale, dates, numbers
from babel.support import NullTranslations, Translations

LANGS = ("en", "ru", "kk")
DEFAULT = "en"
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# each language named in itself, for the language menu
AUTONYMS = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
ENV = ("PRESSWATCH_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; translated where it is shown."""
    return message


def supported(lang: str | None) -> str | None:
    """``ru_RU.UTF-8`` / ``kk-KZ`` / ``ru`` -> a language of :data:`LANGS`, else ``None``."""
    if not lang:
        return None
    base = lang.replace("-", "_").split(".")[0].split("_")[0].lower()
    return base if base in LANGS else None


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of ``lang`` (English: the msgids themselves)."""
    if lang == DEFAULT:
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), [lang], DOMAIN)


def gettext(message: str, lang: str, **values) -> str:
    text = translations(lang).gettext(message)
    return text % values if values else text


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The terminal's language: ``PRESSWATCH_LANG``, then the POSIX locale variables."""
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in ENV if environ.get(name)), "")
    return first_supported(value.split(":"))  # the first variable set decides


def first_supported(candidates: Iterable[str | None]) -> str:
    return next((s for s in map(supported, candidates) if s), DEFAULT)


def number(value: float, lang: str, decimals: int = 0) -> str:
    """15,500,000 (en) / 15 500 000 (ru, kk); ``decimals`` digits after the point."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    shown = round(value, decimals) if decimals else round(value)
    return numbers.format_decimal(shown, pattern, locale=lang)


def date(value: str | dt.date | None, lang: str, form: str = "medium") -> str:
    """An ISO date (or datetime) in the language's ``form`` (short, medium, long); empty for
    none."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return dates.format_date(day, form, locale=lang)


def datetime(value: str | None, lang: str) -> str:
    """An ISO timestamp as a short date and time in the language's format."""
    if not value:
        return ""
    try:
        when = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    return dates.format_datetime(when, "short", tzinfo=when.tzinfo, locale=lang)


def month_names(lang: str) -> tuple[str, ...]:
    """The twelve month names as a heading says them: January / январь / қаңтар."""
    names = dates.get_month_names("wide", "stand-alone", locale=lang)
    return tuple(names[m] if lang == "en" else names[m].lower() for m in range(1, 13))


def locale(lang: str) -> Locale:
    return Locale.parse(lang)
