"""Court portals: case notices and decisions reached from a listing, their fields (court, case
number, date, parties, article cited, decision, text) read with the source's ``court`` selectors."""

from __future__ import annotations

from crawlers.spiders.listing import ListingSpider

FIELDS = ("court", "case_number", "date", "parties", "article", "decision")


def court_fields(response, selectors: dict) -> dict:
    """The case's fields; ``parties`` is a list, the others strings (``None`` when absent)."""
    out: dict = {}
    for name in FIELDS + ("title", "text"):
        css = selectors.get(name)
        values = (
            [" ".join(v.split()) for v in response.css(css).xpath("string()").getall()]
            if css
            else []
        )
        values = [v for v in values if v]
        out[name] = values if name == "parties" else ("\n".join(values) or None)
    return out


class CourtSpider(ListingSpider):
    kind = "court"

    def parse_article(self, response):
        fields = court_fields(response, self.source.get("court") or {})
        yield self.page_item(response, court=fields)
