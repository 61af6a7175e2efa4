"""Public Telegram channels through their web preview (``https://t.me/s/<channel>``).

Each post becomes an item with its own markup as the evidence page and its permalink as URL; the
post's fields ride along (``post``) so extraction takes them as they are (the post text is the
article text). The newest page is read every time (an edited post is a new version of its
article); older pages (``?before=<id>``) are followed up to ``max_pages`` and only while the page
holds posts the archive does not have yet. A post without text (a photo alone) is counted, not
stored. A channel without a public preview (private, renamed, deleted) is a source failure.
``429`` with ``Retry-After`` is waited out by the retry middleware.
"""

from __future__ import annotations

import scrapy

from crawlers.canonical import canonical_url
from crawlers.spiders.base import SourceSpider
from crawlers.telegram import ChannelUnavailable, Post, channel_of, page_url, parse_preview
from storage.articles import known_urls

MAX_PAGES = 5
HEADERS = {"Content-Type": "text/html; charset=utf-8"}


class TelegramSpider(SourceSpider):
    kind = "telegram"

    async def start(self):
        for url in self.start_urls:
            yield self.start_request(url, self.parse_preview, start_url=url, page=1)

    def parse_preview(self, response):
        start = response.meta["start_url"]
        try:
            preview = parse_preview(response.body, response.url, channel_of(start))
        except ChannelUnavailable as exc:
            self.fail("channel_unavailable", str(exc)[:500], start)
            if response.meta["page"] == 1:
                self.start_failed += 1
            return
        self.crawler.stats.inc_value("presswatch/telegram_pages")
        # decided before the posts are yielded: Scrapy may store them before the loop resumes
        back = preview.before and self.older(preview.posts, response.meta["page"])
        for post in preview.posts:
            if post.text:
                yield self.post_item(response, post)
            else:
                self.crawler.stats.inc_value("presswatch/posts_without_text")
        if back:
            yield scrapy.Request(
                page_url(start, preview.before),
                callback=self.parse_preview,
                errback=self.on_error,
                meta={"start_url": start, "page": response.meta["page"] + 1},
                dont_filter=True,
            )

    def older(self, posts: list[Post], page: int) -> bool:
        """Whether to page back: under ``max_pages`` and every post here is new to the archive."""
        if page >= int(self.source.get("max_pages") or MAX_PAGES) or not posts:
            return False
        if self.source.get("changes"):
            return True
        urls = [canonical_url(p.url) for p in posts]
        return not known_urls(self.db, urls)

    def post_item(self, response, post: Post) -> dict:
        fields = post.as_dict()
        body = fields.pop("html").encode("utf-8")
        return {
            "source": self.source,
            "url": post.url,
            "body": body,
            "status": 200,
            "headers": dict(HEADERS),
            "hints": {},
            "redirected_from": [],
            "post": {**fields, "title": post.title},
        }
