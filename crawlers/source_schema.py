"""The schema of one ``sources.yaml`` entry, checked with pydantic in strict mode.

Strict means no guessing: ``local: "no"`` is an error, not a truthy string (an unquoted
``no``/``false`` is YAML's boolean and fine); ``download_delay: "slow"`` is an error, not a crash
at crawl time; ``name: 123`` is an error, not a traceback. Unknown keys are errors (typos).
:func:`entry_errors` turns pydantic's errors into ``(field path, message)`` pairs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from crawlers.telegram import CHANNEL

KINDS = ("feed", "sitemap", "listing", "court", "telegram")
LANGS = ("ru", "kk", "en")
REQUIRED = ("name", "kind", "start_urls")
STRICT = ConfigDict(strict=True, extra="forbid")


def http_url(value: str) -> str:
    """An absolute http(s) URL with a host (``htp:/x``, ``https:/x``, ``http://`` are not)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or value != value.strip():
        raise ValueError(f"{value!r} is not an http(s) URL with a host")
    try:
        parts.port  # noqa: B018 - raises on a malformed port
        parts.hostname.encode("idna")
    except (ValueError, UnicodeError) as exc:
        raise ValueError(f"{value!r} is not a valid URL ({exc})") from exc
    return value


def domain(value: str) -> str:
    if not value or "/" in value or ":" in value or value != value.strip().lower():
        raise ValueError(f"{value!r} is not a lower-case domain name (no scheme, path or port)")
    return value


HttpUrl = Annotated[str, AfterValidator(http_url)]
Domain = Annotated[str, AfterValidator(domain)]
Selector = Annotated[str, Field(max_length=500)]
Positive = Annotated[float, Field(gt=0)]


class Listing(BaseModel):
    model_config = STRICT
    links: Selector | None = None
    next: Selector | None = None
    max_pages: Annotated[int, Field(ge=1)] | None = None


class ArticleSelectors(BaseModel):
    model_config = STRICT
    title: Selector | None = None
    date: Selector | None = None
    authors: Selector | None = None
    text: Selector | None = None


class CourtSelectors(ArticleSelectors):
    court: Selector | None = None
    case_number: Selector | None = None
    parties: Selector | None = None
    article: Selector | None = None
    decision: Selector | None = None


class Source(BaseModel):
    """One entry of ``sources.yaml``."""

    model_config = STRICT
    name: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^\S(.*\S)?$")]
    kind: Literal["feed", "sitemap", "listing", "court", "telegram"]
    start_urls: Annotated[list[HttpUrl], Field(min_length=1)]
    outlet: Annotated[str, Field(min_length=1)] | None = None
    lang: Literal["ru", "kk", "en"] | None = None
    enabled: bool = True
    verified: bool = False
    local: bool = False
    changes: bool = False
    note: str | None = None
    listing: Listing | None = None
    article: ArticleSelectors | None = None
    court: CourtSelectors | None = None
    rhythm_hours: Positive | None = None
    max_pages: Annotated[int, Field(ge=1)] | None = None
    allowed_domains: list[Domain] | None = None
    download_delay: Annotated[float, Field(ge=0, le=600)] | None = None

    @field_validator("start_urls")
    @classmethod
    def _telegram_channels(cls, urls: list[str], info: ValidationInfo) -> list[str]:
        if info.data.get("kind") == "telegram" and not all(
            CHANNEL.search(urlsplit(u).path) for u in urls
        ):
            raise ValueError(
                "a telegram source's start_urls are channel previews: https://t.me/s/<channel>"
            )
        return urls


NESTED: dict[str, type[BaseModel]] = {
    "listing": Listing,
    "article": ArticleSelectors,
    "court": CourtSelectors,
}


def entry_errors(entry: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """``(field path, message)`` for each problem of an entry; ``[]`` when it is valid."""
    if not isinstance(entry, dict):
        return [((), "an entry must be a mapping with keys " + ", ".join(REQUIRED))]
    try:
        Source.model_validate(entry)
    except ValidationError as exc:
        return [(tuple(e["loc"]), _message(e)) for e in exc.errors()]
    return []


def _message(error: Any) -> str:
    kind, got = error["type"], error.get("input")
    if kind == "missing":
        return f"is missing (required: {', '.join(REQUIRED)})"
    if kind == "extra_forbidden":
        loc = error["loc"]
        model = NESTED.get(str(loc[0]), Source) if len(loc) > 1 else Source
        return f"unknown key {loc[-1]!r}; valid: {', '.join(sorted(model.model_fields))}"
    if kind == "bool_type":
        return f"must be true or false, unquoted (got {got!r})"
    if kind in ("float_type", "int_type", "int_from_float"):
        return f"must be a number, unquoted (got {got!r})"
    if kind == "string_type":
        return f"must be a string (got {got!r}; quote it)"
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace(" or ", ", ").replace("'", "")
        return f"{got!r} is not one of {expected}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return f"{error['msg']} (got {got!r})"
