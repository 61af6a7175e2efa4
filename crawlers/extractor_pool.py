"""Extraction in worker processes, answered on the crawl's own event loop.

``ExtractorPool(workers, target)`` runs ``target(job) -> result`` (a ``module:function`` path) in
``workers`` child processes (``python -m crawlers.extractor_pool FD TARGET``), each fed over a
socket pair with length-prefixed pickles. The crawl process gains no thread: sends are buffered by
asyncio streams and one reader task per worker resolves the waiting jobs, so parsing runs on
another core while Scrapy keeps fetching. At most ``IN_FLIGHT`` jobs wait in each worker.

A job that outlives ``timeout`` kills its worker (:class:`ExtractionTimeout`); a worker that dies
fails the job it was running (:class:`ExtractorCrashed`) and the jobs queued behind it run again
on a fresh worker. An exception in the target comes back as :class:`ExtractionError`.
``workers = 0`` runs the target inline, in the calling thread; so does a pool whose workers
keep dying before they answer anything (logged as an error).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import itertools
import logging
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from crawlers.usage import peak_rss_kb
from storage.errors import ExtractionError

IN_FLIGHT = 8  # jobs queued in a worker: it never waits for the reactor between pages
MAX_STILLBORN = 3
HEADER = struct.Struct(">I")
DEFAULT_TARGET = "crawlers.page_job:extract_page"
logger = logging.getLogger(__name__)


class ExtractorCrashed(ExtractionError):
    """The worker process died while extracting this page."""


class ExtractionTimeout(ExtractionError):
    """Extracting this page took longer than the pool's timeout."""


class _Requeue(Exception):
    """The job was waiting in a worker that died; run it again."""


def describe(exc: Exception) -> str:
    """How a failed job is reported, by a worker or inline."""
    return f"{type(exc).__name__}: {exc}"[:500]


def resolve(target: str) -> Callable[[Any], Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def auto_workers(setting: Any) -> int:
    """``EXTRACT_WORKERS``: a number, or ``"auto"``: one per core (at most 4), none on one core.

    One per core, not one per spare core: the crawl process waits on the network part of the
    time, and on the 2-core build machine two workers beat one (docs/BENCHMARKS.md)."""
    if str(setting).lower() == "auto":
        cores = os.cpu_count() or 1
        return 0 if cores < 2 else min(4, cores)
    return max(0, int(setting))


class _Worker:
    """One child process and its socket; ``pending`` maps job ids to their futures."""

    def __init__(self, target: str):
        parent, child = socket.socketpair()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "crawlers.extractor_pool", str(child.fileno()), target],
            pass_fds=[child.fileno()],
            # not the crawl's stdout: a caller reading it to EOF must not wait for a worker
            stdout=subprocess.DEVNULL,
        )
        child.close()
        self.sock = parent
        self.pending: dict[int, asyncio.Future] = {}
        self.running: int | None = None
        self.answered = 0
        self.writer: asyncio.StreamWriter | None = None
        self.connecting: asyncio.Future | None = None
        self.alive = True

    async def connect(self) -> None:
        # one connection per socket, however many jobs ask at once (a second transport on the
        # same socket would close it when garbage-collected)
        if self.connecting is None:
            self.connecting = asyncio.ensure_future(self._open())
        await self.connecting

    async def _open(self) -> None:
        reader, self.writer = await asyncio.open_connection(sock=self.sock)
        self.reading = asyncio.ensure_future(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                size = HEADER.unpack(await reader.readexactly(HEADER.size))[0]
                job_id, kind, value = pickle.loads(await reader.readexactly(size))
                if kind == "started":
                    self.running = job_id
                    continue
                self.answered += 1
                future = self.pending.pop(job_id, None)
                if future is not None and not future.done():
                    future.set_result((kind, value))
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass
        finally:
            self._fail_pending(await self._exit_code())

    async def _exit_code(self, seconds: float = 2.0) -> int | None:
        """The dead worker's exit status: the socket closes a moment before the process is
        reaped, so wait for it briefly (a loaded machine can take a while)."""
        for _ in range(int(seconds / 0.02)):
            code = self.proc.poll()
            if code is not None:
                return code
            await asyncio.sleep(0.02)
        return self.proc.poll()

    def _fail_pending(self, code: int | None = None) -> None:
        self.alive = False
        code = code if code is not None else self.proc.poll()
        for job_id, future in self.pending.items():
            if future.done():
                continue
            if job_id == self.running:
                how = f"exit status {code}" if code is not None else "connection lost"
                future.set_exception(ExtractorCrashed(f"extractor process died ({how})"))
            else:
                future.set_exception(_Requeue())
        self.pending.clear()

    def send(self, job_id: int, job: Any) -> asyncio.Future:
        assert self.writer is not None
        future = asyncio.get_running_loop().create_future()
        self.pending[job_id] = future
        data = pickle.dumps((job_id, job), protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.write(HEADER.pack(len(data)) + data)
        return future

    async def disconnect(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reading.cancel()
            await asyncio.gather(self.reading, return_exceptions=True)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()

    def close(self, wait: float = 5.0) -> int | None:
        """Let the child exit; its peak RSS in KiB (``None`` if unknown)."""
        peak = peak_rss_kb(self.proc.pid) if self.proc.poll() is None else None
        self.sock.close()  # the child reads EOF and exits
        try:
            self.proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self.kill()
            self.proc.wait()
        return peak


class ExtractorPool:
    """``workers`` extraction processes shared by every spider of one crawl process."""

    def __init__(self, workers: int, target: str = DEFAULT_TARGET, timeout: float = 120.0):
        self.size, self.target, self.timeout = workers, target, timeout
        self.function = resolve(target) if not workers else None
        self.workers = [_Worker(target) for _ in range(workers)]  # start-up overlaps Scrapy's
        self.ids = itertools.count()
        self.slots: asyncio.Semaphore | None = None
        self.stillborn = 0  # workers in a row that died before answering a job
        self.peak_rss_kb: int | None = None  # the largest worker's, known once closed

    async def run(self, job: Any) -> Any:
        """The target's result for ``job``; an :class:`ExtractionError` when it cannot be had."""
        if self.function is not None:
            return self._inline(job)
        if self.slots is None:
            self.slots = asyncio.Semaphore(IN_FLIGHT * self.size)
        async with self.slots:
            while self.function is None:
                with contextlib.suppress(_Requeue):
                    return await self._attempt(job)
        return self._inline(job)

    async def _attempt(self, job: Any) -> Any:
        worker = await self._least_busy()
        job_id = next(self.ids)
        try:
            kind, value = await asyncio.wait_for(worker.send(job_id, job), self.timeout)
        except TimeoutError:
            worker.kill()
            raise ExtractionTimeout(
                f"extraction took over {self.timeout:g} s; extractor restarted"
            ) from None
        if kind == "error":
            raise ExtractionError(value)
        return value

    def _inline(self, job: Any) -> Any:
        try:
            return self.function(job)  # type: ignore[misc]
        except Exception as exc:  # the page's problem, as a worker would report it
            raise ExtractionError(describe(exc)) from exc

    async def _least_busy(self) -> _Worker:
        for i, worker in enumerate(self.workers):
            if not worker.alive:
                worker.close(wait=1.0)
                self.stillborn = 0 if worker.answered else self.stillborn + 1
                if self.stillborn >= MAX_STILLBORN:
                    self._fall_back(worker)
                    raise _Requeue()
                self.workers[i] = _Worker(self.target)
        worker = min(self.workers, key=lambda w: len(w.pending))
        await worker.connect()
        return worker

    def _fall_back(self, worker: _Worker) -> None:
        """Workers that die before answering anything (a broken install, no memory) would be
        restarted forever: extract inline instead, and say so."""
        logger.error(
            "extraction workers die on start (exit status %s, %d in a row); extracting inline",
            worker.proc.returncode,
            self.stillborn,
        )
        self.close()
        self.function = resolve(self.target)

    async def aclose(self) -> None:
        """Stop reading from the workers while the event loop still runs."""
        for worker in self.workers:
            await worker.disconnect()

    def close(self) -> None:
        """Let every worker read EOF and exit (killed after a grace period)."""
        peaks = [worker.close() for worker in self.workers]
        self.peak_rss_kb = max([p for p in peaks if p] + [self.peak_rss_kb or 0]) or None
        self.workers = []


def serve(fd: int, target: str) -> None:
    """The worker loop: read a job, say it started, run it, send the result; exit on EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which closes us
    function = resolve(target)
    sock = socket.socket(fileno=fd)
    incoming = sock.makefile("rb")

    def send(message: tuple) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        sock.sendall(HEADER.pack(len(data)) + data)

    while head := incoming.read(HEADER.size):
        job_id, job = pickle.loads(incoming.read(HEADER.unpack(head)[0]))
        send((job_id, "started", None))
        try:
            send((job_id, "ok", function(job)))
        except Exception as exc:  # the page's problem, reported with the job
            send((job_id, "error", describe(exc)))


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2])
