"""Stopping a run cleanly on SIGTERM, SIGHUP or SIGINT: the signal goes on to this process's
children (SIGINT from a terminal reaches them by itself) (the crawl subprocesses, which close their spiders and record them), and the main thread
gets :class:`~storage.errors.Interrupted`, so the command records its run ``interrupted`` and exits
with ``128 + signal``. A child still running after ``grace`` seconds is killed."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

import psutil

from storage.errors import Interrupted

SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def forward(signum: int) -> list[psutil.Process]:
    """Send ``signum`` to this process's direct children; returns them."""
    children = psutil.Process().children()
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.send_signal(signum)
    return children


def stop_children(grace: float = 30.0) -> None:
    """SIGTERM every child still running, wait up to ``grace`` s, kill what is left (with its
    own children)."""
    children = forward(signal.SIGTERM)
    _, alive = psutil.wait_procs(children, timeout=grace)
    for proc in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            for grandchild in proc.children(recursive=True):
                grandchild.kill()
            proc.kill()


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, a stop signal is forwarded to the children and raised as
    :class:`Interrupted` in the main thread (once; a second signal is only forwarded)."""
    raised: list[int] = []

    def handler(signum: int, _frame) -> None:
        if signum != signal.SIGINT:  # Ctrl-C reaches the whole process group by itself
            forward(signum)
        if not raised:
            raised.append(signum)
            raise Interrupted(signum)

    previous = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
