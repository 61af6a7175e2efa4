import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

from crawlers.middlewares.address_guard import AddressGuardMiddleware, is_private


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "[::1]", "0.0.0.0"]
)
def test_private_addresses(host):
    assert is_private(host)


def test_public_address():
    assert not is_private("93.184.216.34")


def test_guard_refuses_private_targets_unless_the_source_is_local():
    with pytest.raises(IgnoreRequest, match="private or loopback"):
        AddressGuardMiddleware(False).process_request(Request("http://127.0.0.1:8080/news"))
    assert (
        AddressGuardMiddleware(True).process_request(Request("http://127.0.0.1:8080/news")) is None
    )
    assert AddressGuardMiddleware(False).process_request(Request("http://93.184.216.34/")) is None
