"""The crawl settings an operator may override (``presswatch crawl --set NAME=VALUE``), checked
with pydantic in strict mode, as ``sources.yaml`` is (:mod:`crawlers.source_schema`).

A value is read as JSON (``5``, ``0.5``, ``true``, ``[429, 503]``, ``{"a.B": 1}``) and, when it is
not JSON, as the plain string (``LOG_LEVEL=DEBUG``). Strict means no guessing: ``ROBOTSTXT_OBEY=no``
is an error (a boolean is ``true`` or ``false``), ``DOWNLOAD_DELAY=slow`` is an error, not a crash
at crawl time, and an unknown name (``DOWNLOAD_DELAI``) is an error, not a silently ignored
setting. :func:`parse_overrides` raises :class:`~storage.errors.ConfigError` naming the setting.
"""

from __future__ import annotations

import difflib
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crawlers.source_schema import _message
from storage.errors import ConfigError

Level = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
Count = Annotated[int, Field(ge=0)]
AtLeastOne = Annotated[int, Field(ge=1)]
Seconds = Annotated[float, Field(ge=0)]
Positive = Annotated[float, Field(gt=0)]


class CrawlSettings(BaseModel):
    """Every setting ``--set`` accepts, with its type (see ``crawlers/settings.py`` for defaults)."""

    model_config = ConfigDict(strict=True, extra="forbid")
    USER_AGENT: Annotated[str, Field(min_length=1)] | None = None
    ROBOTSTXT_OBEY: bool | None = None
    LOG_LEVEL: Level | None = None
    SOURCE_LOG_LEVEL: Level | None = None
    LOGSTATS_INTERVAL: Seconds | None = None
    CONCURRENT_SOURCES: AtLeastOne | None = None
    SOURCES_PER_CRAWLER: AtLeastOne | None = None
    CONCURRENT_REQUESTS: AtLeastOne | None = None
    CONCURRENT_REQUESTS_PER_DOMAIN: AtLeastOne | None = None
    DOWNLOAD_DELAY: Annotated[float, Field(ge=0, le=600)] | None = None
    AUTOTHROTTLE_ENABLED: bool | None = None
    AUTOTHROTTLE_START_DELAY: Seconds | None = None
    AUTOTHROTTLE_MAX_DELAY: Seconds | None = None
    AUTOTHROTTLE_TARGET_CONCURRENCY: Positive | None = None
    DOWNLOAD_TIMEOUT: Positive | None = None
    DOWNLOAD_MAXSIZE: Count | None = None
    DOWNLOAD_WARNSIZE: Count | None = None
    REDIRECT_MAX_TIMES: Count | None = None
    RETRY_ENABLED: bool | None = None
    RETRY_TIMES: Count | None = None
    RETRY_HTTP_CODES: list[Annotated[int, Field(ge=100, le=599)]] | None = None
    RETRY_BACKOFF_BASE: Seconds | None = None
    RETRY_AFTER_MAX: Seconds | None = None
    LINKS_MAX_PER_PAGE: Count | None = None
    SITEMAP_MAX_DEPTH: Count | None = None
    SITEMAP_MAX_CHILDREN: Count | None = None
    SITEMAP_MAX_SITEMAPS: Count | None = None
    XML_MAX_BYTES: AtLeastOne | None = None
    EXTRACT_WORKERS: Literal["auto"] | Count | None = None
    EXTRACT_TIMEOUT: Positive | None = None
    ARCHIVE_BATCH_SIZE: AtLeastOne | None = None
    ARCHIVE_BATCH_DELAY: Seconds | None = None
    CLOSESPIDER_TIMEOUT: Seconds | None = None  # seconds a source may take (0: no limit)
    EXTENSIONS: dict[str, int | None] | None = None  # extra Scrapy extensions (tests, probes)


def parse_value(raw: str) -> Any:
    """``raw`` read as JSON, or the string itself when it is not JSON."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def check_settings(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` if every name is known and every value has its type; else ConfigError."""
    try:
        CrawlSettings.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ConfigError(f"--set {error['loc'][0]}: {_problem(error)}") from None
    return values


def _problem(error: Any) -> str:
    name, kind = str(error["loc"][0]), error["type"]
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name.upper(), CrawlSettings.model_fields, n=1)
        if close:
            return f"unknown setting; did you mean {close[0]}?"
        return f"unknown setting; known: {', '.join(CrawlSettings.model_fields)}"
    if kind in ("int_type", "int_from_float"):
        return f"must be a whole number (got {error.get('input')!r})"
    if name == "EXTRACT_WORKERS":
        return f"must be auto or a whole number (got {error.get('input')!r})"
    return _message(error)


def parse_overrides(pairs: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """``["NAME=VALUE", ...]`` → ``{NAME: value}``, checked by :func:`check_settings`."""
    values = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--set {pair!r}: expected NAME=VALUE")
        values[name.strip()] = parse_value(raw)
    return check_settings(values)
