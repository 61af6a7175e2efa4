import pytest

from crawlers.canonical import canonical_url

CASES = [
    (
        "https://www.Example.kz/news/a/?utm_source=x&b=2&a=1#top",
        "https://example.kz/news/a?a=1&b=2",
    ),
    ("https://example.kz/news/a?fbclid=1&gclid=2&utm_medium=rss", "https://example.kz/news/a"),
    ("https://m.example.kz/news/a", "https://example.kz/news/a"),
    ("https://example.kz/news/a/amp", "https://example.kz/news/a"),
    ("https://example.kz/news/a/amp/", "https://example.kz/news/a"),
    ("https://example.kz/amp/news/a", "https://example.kz/news/a"),
    ("https://example.kz/news/a?amp", "https://example.kz/news/a"),
    ("https://amp.example.kz/news/a.amp.html", "https://example.kz/news/a.html"),
    ("http://example.kz:80/", "http://example.kz/"),
    ("http://example.kz", "http://example.kz/"),
    ("http://127.0.0.1:8080/x/", "http://127.0.0.1:8080/x"),
    ("https://example.kz/news?page=2", "https://example.kz/news?page=2"),
    ("https://m.kz/news", "https://m.kz/news"),  # a two-label host keeps its name
]


@pytest.mark.parametrize(("url", "expected"), CASES)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent():
    for url, _ in CASES:
        once = canonical_url(url)
        assert canonical_url(once) == once


def test_declared_canonical_same_host_only():
    from crawlers.canonical import declared_canonical

    page = '<html><head><link rel="canonical" href="/news/1.html?utm_source=x"></head></html>'
    assert declared_canonical(page, "http://a.test/m/news/1.html") == "http://a.test/news/1.html"
    spoof = '<link href="http://evil.test/x" rel="canonical">'
    assert declared_canonical(spoof, "http://a.test/m/news/1.html") is None
    assert declared_canonical("<p>no link</p>", "http://a.test/x") is None
