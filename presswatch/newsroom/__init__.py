"""The demo newsroom: fictional outlets, a court portal and a fault outlet served on loopback."""

from presswatch.newsroom.server import Newsroom, start, write_sources

__all__ = ["Newsroom", "start", "write_sources"]
