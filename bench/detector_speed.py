"""Detector speed and gate recall (docs/BENCHMARKS.md, "Detection: the learned detector").

1. Gate recall on the labelled corpus: the share of incident texts whose excerpt is not empty
   (target ≥ 0.99), and the share of non-incidents the gate lets through.
2. Characters per second: the detect stage (normalise → gate → excerpt → encode → heads → signals)
   over whole articles ÷ the bare encoder over every passage of the same articles (no cache either
   side). Above 1 means the gate and the excerpt save more than the stage costs.
   On the corpus (real texts, most about media) and on the generated bulk-news articles (one in
   ten incident-like, as on a news site).

    .venv/bin/python bench/detector_speed.py [--corpus ../shared/corpus/dev.jsonl] [--bulk 600]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.detect import corpus as labelled  # noqa: E402
from nlp.detect import model  # noqa: E402
from nlp.detect.classifier import Detector  # noqa: E402
from nlp.detect.cues import cue_book  # noqa: E402
from nlp.detect.detection import detect  # noqa: E402
from nlp.detect.encoder import Encoder  # noqa: E402
from nlp.detect.facts import from_analysis  # noqa: E402
from nlp.detect.gate import select  # noqa: E402
from nlp.detect.passages import split  # noqa: E402
from nlp.pipeline import Analyzer  # noqa: E402
from nlp.text import normalise  # noqa: E402
from presswatch.commands.train import default_corpus  # noqa: E402
from presswatch.newsroom.generate import bulk_article  # noqa: E402


def gate_recall(examples) -> dict:
    analyses = Analyzer().analyse([e.text for e in examples], hooks=False)
    shut = [not select(normalise(a.text)) for a in analyses]
    inc = [s for s, e in zip(shut, examples, strict=True) if e.categories]
    neg = [s for s, e in zip(shut, examples, strict=True) if not e.categories]
    return {
        "incidents": len(inc),
        "gate_recall": round(1 - sum(inc) / max(len(inc), 1), 4),
        "non_incidents_passed": round(1 - sum(neg) / max(len(neg), 1), 4),
    }


def speed(texts: list[str]) -> dict:
    facts = [from_analysis(a, a.text) for a in Analyzer().analyse(texts, hooks=False)]
    chars = sum(len(f.text) for f in facts)
    bare = Encoder()
    passages = [p.text for f in facts for p in split(f.text)]
    t0 = time.perf_counter()
    bare.encode(passages)
    bare_s = time.perf_counter() - t0
    detector, book = Detector(model.load(), Encoder()), cue_book()
    t0 = time.perf_counter()
    signals = sum(len(detect(f, book, detector)) for f in facts)
    stage_s = time.perf_counter() - t0
    return {
        "articles": len(facts),
        "chars": chars,
        "bare_encoder_chars_per_s": round(sum(map(len, passages)) / bare_s),
        "detect_stage_chars_per_s": round(chars / stage_s),
        "ratio": round((chars / stage_s) / (sum(map(len, passages)) / bare_s), 2),
        "encoded_chars_share": round(detector.encoder.encoded_chars / chars, 3),
        "signals": signals,
    }


def bulk_texts(n: int) -> list[str]:
    arts = [bulk_article(i) for i in range(n)]
    return [a.title + "\n\n" + "\n\n".join(a.paragraphs) for a in arts]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--bulk", type=int, default=600)
    args = parser.parse_args()
    examples = labelled.read(args.corpus)
    out = {
        "gate": gate_recall(examples),
        "speed_corpus": speed([e.text for e in examples]),
        "speed_bulk_news": speed(bulk_texts(args.bulk)),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
