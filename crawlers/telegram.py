"""A public Telegram channel's web preview (``https://t.me/s/<channel>``) read as plain data.

The preview page lists the newest posts of a public channel (``?before=<id>`` pages back); each
``div.tgme_widget_message`` is one post: its permalink (the date link), its time, its text, the
links in it, the channel or person it was forwarded from, its photos and whether it was edited.
A private, renamed or deleted channel has no preview: Telegram answers with the channel's
contact page (``div.tgme_page``) instead, which :func:`parse_preview` reports as unavailable.
No Scrapy here: the spider and the tests call these functions on bytes.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

CHANNEL = re.compile(r"/s/([A-Za-z0-9_]{3,64})/?$")
TITLE_CHARS = 120


class ChannelUnavailable(ValueError):
    """The answer is not a channel preview (private, renamed or deleted channel)."""


@dataclass
class Post:
    channel: str
    post_id: int
    url: str  # the permalink: the post's canonical URL
    published: str | None  # ISO 8601 as the page gives it
    text: str
    links: list[str] = field(default_factory=list)
    forwarded_from: str | None = None
    forwarded_url: str | None = None
    photos: int = 0
    edited: bool = False
    html: str = ""  # the post's own markup (kept as its evidence page)

    @property
    def title(self) -> str | None:
        """The first line of the text, cut at a word near :data:`TITLE_CHARS` characters."""
        first = self.text.strip().split("\n", 1)[0].strip() if self.text.strip() else ""
        if len(first) <= TITLE_CHARS:
            return first or None
        return first[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Preview:
    channel: str
    title: str | None
    posts: list[Post]
    before: int | None  # the id to page back from (``?before=``), None on the oldest page


def channel_of(url: str) -> str:
    """The channel name of a preview URL (``…/s/<channel>``); ``ValueError`` otherwise."""
    m = CHANNEL.search(urlsplit(url).path)
    if not m:
        raise ValueError(f"{url} is not a channel preview address (…/s/<channel>)")
    return m[1]


def page_url(start_url: str, before: int) -> str:
    """The preview page of the posts older than ``before``."""
    return f"{start_url.split('?', 1)[0]}?before={before}"


def _text(node) -> str:
    """The text of a message node, ``<br>`` as newlines, spaces collapsed inside lines."""
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in node.text_content().split("\n")]
    return "\n".join(lines).strip()


def _one(node, xpath: str):
    found = node.xpath(xpath)
    return found[0] if found else None


def _forward(node, base: str) -> tuple[str | None, str | None]:
    name = _one(node, ".//*[contains(@class, 'tgme_widget_message_forwarded_from_name')]")
    if name is None:
        return None, None
    href = name.get("href")
    return " ".join(name.text_content().split()) or None, urljoin(base, href) if href else None


def parse_post(node, channel: str, base: str) -> Post | None:
    """One ``div.tgme_widget_message`` as a :class:`Post` (``None`` without a post id)."""
    ref = (node.get("data-post") or "").rsplit("/", 1)
    if len(ref) != 2 or not ref[1].isdigit():
        return None
    date = _one(node, ".//a[contains(@class, 'tgme_widget_message_date')]")
    when = _one(node, ".//a[contains(@class, 'tgme_widget_message_date')]//time/@datetime")
    body = _one(node, ".//div[contains(@class, 'tgme_widget_message_text')]")
    meta = _one(node, ".//*[contains(@class, 'tgme_widget_message_meta')]")
    name, forwarded = _forward(node, base)
    permalink = date.get("href") if date is not None and date.get("href") else None
    return Post(
        channel=channel,
        post_id=int(ref[1]),
        url=urljoin(base, permalink) if permalink else f"https://t.me/{ref[0]}/{ref[1]}",
        published=str(when) if when else None,
        text=_text(body) if body is not None else "",
        links=[urljoin(base, h) for h in body.xpath(".//a/@href")] if body is not None else [],
        forwarded_from=name,
        forwarded_url=forwarded,
        photos=len(node.xpath(".//a[contains(@class, 'tgme_widget_message_photo_wrap')]")),
        edited=meta is not None and "edited" in meta.text_content(),
        html=lxml_html.tostring(node, encoding="unicode"),
    )


def parse_preview(body: bytes | str, url: str, channel: str | None = None) -> Preview:
    """The posts of one preview page of ``channel`` (by default the one ``url`` names), oldest
    first; :class:`ChannelUnavailable` when the page is not that channel's preview (Telegram
    sends a private, renamed or deleted channel's preview to its contact page)."""
    channel = channel or channel_of(url)
    if not CHANNEL.search(urlsplit(url).path):
        raise ChannelUnavailable(f"channel {channel!r} has no public preview (sent to {url})")
    doc = lxml_html.fromstring(body)
    nodes = doc.xpath("//div[@data-post]")
    info = doc.xpath("//*[contains(@class, 'tgme_channel_info')]")
    if not info and not nodes:
        raise ChannelUnavailable(f"channel {channel!r} has no public preview at {url}")
    posts = [p for n in nodes if (p := parse_post(n, channel, url)) is not None]
    more = _one(doc, "//a[contains(@class, 'tme_messages_more')]/@data-before")
    title = _one(doc, "//*[contains(@class, 'tgme_channel_info_header_title')]")
    return Preview(
        channel=channel,
        title=" ".join(title.text_content().split()) if title is not None else None,
        posts=sorted(posts, key=lambda p: p.post_id),
        before=int(more) if more and str(more).isdigit() else None,
    )
