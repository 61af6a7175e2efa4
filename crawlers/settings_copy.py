"""Scrapy settings that copy cheaply: every crawler starts from a copy of the process's settings.

``Crawler.__init__`` copies the runner's settings with ``copy.deepcopy``: some 2,400 objects
(a ``SettingsAttribute`` per setting, the nested component dicts, their memo) for each crawler.
With one crawler per source that was the largest fixed cost of a source (about 9 ms of the
~20 ms it took to set one up, profiled over 1,000 sources). :class:`CheapCopySettings` copies the
structure instead: new ``SettingsAttribute`` objects and nested settings, the same immutable
values, and a deep copy only of mutable values (lists, dicts), so a crawler's changes never
reach the process's settings or another crawler's.
"""

from __future__ import annotations

import copy
from typing import Any

from scrapy.settings import BaseSettings, Settings, SettingsAttribute

IMMUTABLE = (str, bytes, int, float, bool, type(None), type, tuple, frozenset)


def copy_value(value: Any) -> Any:
    if isinstance(value, BaseSettings):
        return copy_settings(value)
    if isinstance(value, IMMUTABLE) or callable(value):
        return value
    return copy.deepcopy(value)


def copy_settings(settings: BaseSettings) -> Any:
    """A copy of ``settings`` (same class, same frozen state) sharing only immutable values."""
    new = settings.__class__.__new__(settings.__class__)
    new.__dict__.update(settings.__dict__)
    attributes = {}
    for name, attribute in settings.attributes.items():
        fresh = SettingsAttribute.__new__(SettingsAttribute)
        fresh.value, fresh.priority = copy_value(attribute.value), attribute.priority
        attributes[name] = fresh
    new.attributes = attributes
    return new


class CheapCopySettings(Settings):
    """Scrapy's ``Settings`` whose :meth:`copy` is :func:`copy_settings` (not a deepcopy)."""

    def copy(self) -> CheapCopySettings:
        return copy_settings(self)  # type: ignore[no-any-return]
