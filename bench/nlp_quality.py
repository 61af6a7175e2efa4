"""NLP quality on the labelled set: precision / recall / F1 per language and field.

Usage: .venv/bin/python bench/nlp_quality.py [--errors]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.entities.evaluation import EVAL_DIR, FIELDS, FLOORS, errors, evaluate_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true", help="List the wrong documents too.")
    show = parser.parse_args().errors
    print("| lang | docs | field | P | R | F1 | floor |")
    print("|---|---|---|---|---|---|---|")
    for lang in ("ru", "kk", "en"):
        path = EVAL_DIR / f"{lang}.jsonl"
        if not path.exists():
            continue
        scores, gold, predicted = evaluate_file(path)
        for field in FIELDS:
            s = scores[field]
            print(
                f"| {lang} | {len(gold)} | {field} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {FLOORS[field]} |"
            )
            if show:
                for doc_id, missed, spurious in errors(gold, predicted, field):
                    print(f"    {doc_id}: missed {missed} spurious {spurious}")


if __name__ == "__main__":
    main()
