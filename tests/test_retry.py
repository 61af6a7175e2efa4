from scrapy.http import Request, Response
from scrapy.settings import Settings

from crawlers.middlewares.retry import BackoffRetryMiddleware, retry_after
from crawlers.settings import BASE


def test_retry_after_seconds_and_http_dates():
    assert retry_after(b"7") == 7.0
    assert retry_after("Wed, 21 Oct 2026 07:28:05 GMT", now=1792567680.0) == 5.0
    assert retry_after(b"soon") is None and retry_after(None) is None


def middleware(**extra):
    return BackoffRetryMiddleware(Settings({**BASE, **extra}))


def test_delay_honours_retry_after_on_429_and_503_capped():
    mw = middleware(RETRY_AFTER_MAX=30)
    request = Request("http://example.kz/a")
    assert mw.delay(request, Response(request.url, status=429, headers={"Retry-After": "12"})) == 12
    assert (
        mw.delay(request, Response(request.url, status=503, headers={"Retry-After": "3600"})) == 30
    )


def test_delay_backs_off_exponentially_without_retry_after():
    mw = middleware(RETRY_BACKOFF_BASE=0.5)
    assert mw.delay(Request("http://example.kz/a")) == 0.5
    assert mw.delay(Request("http://example.kz/a", meta={"retry_times": 3})) == 4.0
    assert (
        mw.delay(
            Request("http://example.kz/a"),
            Response("http://example.kz/a", status=500, headers={"Retry-After": "99"}),
        )
        == 0.5
    )
