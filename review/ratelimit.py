"""Login rate limit: at most ``limit`` failures per ``window`` seconds per (name, address)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class FailureLimiter:
    def __init__(self, limit: int = 5, window: float = 60.0):
        self.limit, self.window = limit, window
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, name: str, address: str) -> bool:
        with self._lock:
            return len(self._recent((name.lower(), address), time.monotonic())) >= self.limit

    def fail(self, name: str, address: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent((name.lower(), address), now).append(now)

    def reset(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop((name.lower(), address), None)
