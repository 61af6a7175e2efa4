"""Public Telegram channels of the demo newsroom, as ``t.me/s/<channel>`` web previews.

``/tg/s/<channel>`` is the preview (the newest :data:`PAGE_SIZE` posts, oldest first, with a
"more" link ``?before=<id>``), ``/tg/<channel>/<id>`` a post's permalink page and ``/tg/<channel>``
the channel's contact page, where an unknown (renamed, private or deleted) channel's preview
redirects, as Telegram does. The posts are in ``content/telegram_channels.yaml``. Two pieces of
state: a channel marked ``rate_limit_once`` answers its first preview request with 429 and
``Retry-After: 1``; a post with ``edited_text`` shows it (marked "edited") from the second read
of its channel on.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from presswatch.newsroom.responses import Request, Response, not_found, redirect
from presswatch.newsroom.responses import html as html_response

CONTENT = Path(__file__).parent / "content" / "telegram_channels.yaml"
PAGE_SIZE = 5
URL = re.compile(r"https?://[^\s<>\"]+")
PREVIEW = re.compile(r"^/tg/s/([A-Za-z0-9_]+)/?$")
POST = re.compile(r"^/tg/([A-Za-z0-9_]+)/(\d+)$")
CONTACT = re.compile(r"^/tg/([A-Za-z0-9_]+)/?$")


@dataclass(frozen=True)
class Channel:
    slug: str
    title: str
    lang: str
    description: str
    posts: tuple[dict, ...]
    rate_limit_once: bool = False


@lru_cache(maxsize=1)
def channels() -> dict[str, Channel]:
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    return {
        c["channel"]: Channel(
            c["channel"],
            c["title"],
            c["lang"],
            c.get("description", ""),
            tuple(sorted(c["posts"], key=lambda p: p["id"])),
            bool(c.get("rate_limit_once")),
        )
        for c in data
    }


def _text_html(text: str) -> str:
    """Escaped text, links as ``<a>``, line breaks as ``<br/>``."""
    out = []
    for line in text.strip().split("\n"):
        parts, last = [], 0
        for m in URL.finditer(line):
            parts.append(html.escape(line[last : m.start()]))
            url = html.escape(m[0])
            parts.append(f'<a href="{url}" target="_blank" rel="noopener">{url}</a>')
            last = m.end()
        parts.append(html.escape(line[last:]))
        out.append("".join(parts))
    return "<br/>".join(out)


def _forward(post: dict, base: str) -> str:
    fwd = post.get("forwarded_from")
    if not fwd:
        return ""
    name = f'<span dir="auto">{html.escape(fwd["name"])}</span>'
    if fwd.get("channel"):
        href = f"{base}/tg/{fwd['channel']}/{fwd.get('post', '')}".rstrip("/")
        name = f'<a class="tgme_widget_message_forwarded_from_name" href="{href}">{name}</a>'
    else:
        name = f'<span class="tgme_widget_message_forwarded_from_name">{name}</span>'
    return (
        f'<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from {name}</div>'
    )


def render_post(channel: Channel, post: dict, base: str, edited: bool) -> str:
    """One post as the preview prints it (``div.tgme_widget_message``)."""
    link = f"{base}/tg/{channel.slug}/{post['id']}"
    photos = "".join(
        f'<a class="tgme_widget_message_photo_wrap" href="{link}?single" style="width:480px;'
        f"background-image:url('{base}/tg/file/{channel.slug}-{post['id']}-{i}.jpg')\"></a>"
        for i in range(int(post.get("photos", 0)))
    )
    text = post.get("edited_text") if edited and post.get("edited_text") else post.get("text")
    body = (
        f'<div class="tgme_widget_message_text js-message_text" dir="auto">{_text_html(text)}</div>'
        if text
        else ""
    )
    mark = "edited " if edited and post.get("edited_text") else ""
    return (
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
        f'<div class="tgme_widget_message text_not_supported_wrap js-widget_message" '
        f'data-post="{channel.slug}/{post["id"]}" data-view="v{post["id"]}">'
        '<div class="tgme_widget_message_bubble">'
        f'<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" '
        f'href="{base}/tg/{channel.slug}"><span dir="auto">{html.escape(channel.title)}</span></a></div>'
        f"{_forward(post, base)}{photos}{body}"
        '<div class="tgme_widget_message_footer compact js-message_footer">'
        '<div class="tgme_widget_message_info short js-message_info">'
        f'<span class="tgme_widget_message_views">{html.escape(str(post.get("views", "")))}</span>'
        f'<span class="copyonly"></span><span class="tgme_widget_message_meta">{mark}'
        f'<a class="tgme_widget_message_date" href="{link}"><time datetime="{post["date"]}" '
        f'class="time">{post["date"][11:16]}</time></a></span></div></div></div></div></div>'
    )


def preview_page(
    channel: Channel, posts: list[dict], before: int | None, base: str, edited: bool
) -> str:
    more = (
        '<div class="tgme_widget_message_centered js-messages_more_wrap">'
        f'<a href="/tg/s/{channel.slug}?before={before}" class="tme_messages_more js-messages_more" '
        f'data-before="{before}"></a></div>'
        if before
        else ""
    )
    items = "".join(render_post(channel, p, base, edited) for p in posts)
    title = html.escape(channel.title)
    return (
        f'<!DOCTYPE html><html lang="{channel.lang}"><head><meta charset="utf-8">'
        f"<title>{title} – Telegram</title>"
        f'<meta property="og:title" content="{title}"></head><body class="widget_frame_base">'
        '<header class="tgme_header"><div class="tgme_channel_info">'
        f'<div class="tgme_channel_info_header"><div class="tgme_channel_info_header_title">'
        f'<span dir="auto">{title}</span></div><div class="tgme_channel_info_header_username">'
        f'<a href="{base}/tg/{channel.slug}">@{channel.slug}</a></div></div>'
        f'<div class="tgme_channel_info_description">{html.escape(channel.description)}</div>'
        '</div></header><main class="tgme_main"><section class="tgme_channel_history '
        f'js-message_history">{more}{items}</section></main></body></html>'
    )


def contact_page(slug: str, channel: Channel | None) -> str:
    """``t.me/<channel>``: what Telegram shows instead of a preview (no posts)."""
    title = html.escape(channel.title if channel else slug)
    extra = (
        f'<a class="tgme_action_button_new" href="/tg/s/{slug}">Preview channel</a>'
        if channel
        else ""
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Telegram: Contact @{html.escape(slug)}'
        f'</title></head><body><div class="tgme_page"><div class="tgme_page_title"><span dir="auto">'
        f'{title}</span></div><div class="tgme_page_description">If you have Telegram, you can '
        f"contact @{html.escape(slug)} right away.</div>{extra}</div></body></html>"
    )


@dataclass
class Telegram:
    """The ``/tg/`` routes and their state (reads per channel, the one 429)."""

    reads: dict[str, int] = field(default_factory=dict)
    limited: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, req: Request) -> Response:
        if m := PREVIEW.match(req.path):
            return self.preview(req, m[1])
        if m := POST.match(req.path):
            return self.permalink(req, m[1], int(m[2]))
        if m := CONTACT.match(req.path):
            return html_response(contact_page(m[1], channels().get(m[1])))
        return not_found()

    def _read(self, channel: Channel, first_page: bool) -> tuple[bool, bool]:
        """(answer 429 now, show edits) for one preview request."""
        with self.lock:
            if channel.rate_limit_once and channel.slug not in self.limited:
                self.limited.add(channel.slug)
                return True, False
            if first_page:
                self.reads[channel.slug] = self.reads.get(channel.slug, 0) + 1
            return False, self.reads.get(channel.slug, 0) >= 2

    def preview(self, req: Request, slug: str) -> Response:
        channel = channels().get(slug)
        if channel is None:
            return redirect(f"/tg/{slug}", 302)
        before = req.query.get("before", "")
        limit, edited = self._read(channel, not before)
        if limit:
            return Response(429, b"Too Many Requests\n", {"Retry-After": "1"})
        older = [p for p in channel.posts if not before.isdigit() or p["id"] < int(before)]
        page = older[-PAGE_SIZE:]
        more = page[0]["id"] if len(older) > len(page) else None
        return html_response(preview_page(channel, page, more, req.base, edited))

    def permalink(self, req: Request, slug: str, post_id: int) -> Response:
        channel = channels().get(slug)
        post = next((p for p in channel.posts if p["id"] == post_id), None) if channel else None
        if channel is None or post is None:
            return html_response(contact_page(slug, channel))
        edited = self.reads.get(slug, 0) >= 2
        return html_response(preview_page(channel, [post], None, req.base, edited))
