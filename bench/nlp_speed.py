"""NLP speed: tokens per second, same texts, best of 3 runs.

1. English: the full Presswatch pipeline (Analyzer.analyse) ÷ bare en_core_web_sm nlp.pipe (target ≥ 0.8).
2. Russian: the spaCy-wrapped natasha/slovnet component ÷ raw natasha (target ≥ 0.8).
3. n_process=2 ÷ n_process=1 on 300+ documents, Russian wrapped pipeline (use it only if ≥ 1.6).

Usage: .venv/bin/python bench/nlp_speed.py [--docs 348]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp.components  # noqa: E402,F401
from nlp.entities.natasha_ner import natasha_spans  # noqa: E402
from nlp.pipeline import Analyzer  # noqa: E402
from nlp.settings import Settings  # noqa: E402

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "nlp_eval"


def texts(lang: str, n: int) -> list[str]:
    base = [
        json.loads(line)["text"]
        for line in (EVAL / f"{lang}.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    return [base[i % len(base)] for i in range(n)]


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def english(n: int) -> tuple[float, float]:
    docs = texts("en", n)
    bare = spacy.load(Settings().en_model)
    tokens = sum(len(d) for d in bare.pipe(docs))
    analyzer = Analyzer()
    analyzer.analyse(docs[:5])
    t_bare = best(lambda: list(bare.pipe(docs, batch_size=32)))
    t_full = best(lambda: analyzer.analyse(docs))
    return tokens / t_full, tokens / t_bare


def russian(n: int) -> tuple[float, float, int]:
    docs = texts("ru", n)
    wrapped = spacy.blank("ru")
    wrapped.add_pipe("presswatch_natasha_ner_v1")
    tokens = sum(len(d) for d in wrapped.tokenizer.pipe(docs))
    natasha_spans(docs[0])
    t_raw = best(lambda: [natasha_spans(t) for t in docs])
    t_wrapped = best(lambda: list(wrapped.pipe(docs, batch_size=32)))
    return tokens / t_wrapped, tokens / t_raw, tokens


def processes(n: int) -> tuple[float, float]:
    docs = texts("ru", n)
    wrapped = spacy.blank("ru")
    wrapped.add_pipe("presswatch_natasha_ner_v1")
    one = best(lambda: list(wrapped.pipe(docs, batch_size=32, n_process=1)), runs=2)
    two = best(lambda: list(wrapped.pipe(docs, batch_size=32, n_process=2)), runs=2)
    return one, two


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=348)
    n = parser.parse_args().docs
    full, bare = english(n)
    print(
        f"english  full pipeline {full:,.0f} tok/s  bare en_core_web_sm {bare:,.0f} tok/s  ratio {full / bare:.2f} (target >= 0.8)"
    )
    wrapped, raw, tokens = russian(n)
    print(
        f"russian  spaCy-wrapped slovnet {wrapped:,.0f} tok/s  raw natasha {raw:,.0f} tok/s  ratio {wrapped / raw:.2f} (target >= 0.8)  [{n} docs, {tokens} tokens]"
    )
    one, two = processes(n)
    print(f"n_process  1: {one:.2f}s  2: {two:.2f}s  speed-up {one / two:.2f} (use only if >= 1.6)")


if __name__ == "__main__":
    main()
