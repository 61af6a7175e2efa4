"""Entities on real text (docs/BENCHMARKS.md, "Entities on real text").

Journalists, outlets and legal references of the labelled corpus, out of fold (5 folds grouped by
source host: the role model is fitted without the fold's hosts, the gazetteer leaves out outlets
learned only from them), scored by the corpus' own ``score.py``, overall and per language; beside
them the rules' own journalists (the role model switched off, same folds and gazetteer), and the
share of the tagger's time the role decision takes.

    .venv/bin/python bench/entities.py [--corpus ../shared/corpus/dev.jsonl]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.entities import entity_eval, role_training  # noqa: E402
from nlp.pipeline import Analyzer  # noqa: E402
from presswatch.commands.train import default_corpus  # noqa: E402


def table(title: str, scores: dict) -> None:
    print(f"\n{title}\n\n| set | texts | legal P/R/F1 | journalists P/R/F1 | outlets P/R/F1 |")
    print("|---|---|---|---|---|")
    for lang, s in scores.items():
        cells = [
            f"{s[f]['p']:.2f} / {s[f]['r']:.2f} / **{s[f]['f']:.3f}**" for f in entity_eval.FIELDS
        ]
        print(f"| {lang} | {s['n']} | " + " | ".join(cells) + " |")


def rules_journalists(rows: list[dict], preds: dict) -> dict:
    """The same records with journalists as the rules decide them (the role model's feature)."""
    full = Analyzer(decide_roles=False).analyse([r["text"] for r in rows], hooks=False)
    out = {}
    for row, a in zip(rows, full, strict=True):
        names = list(dict.fromkeys(p.norm for p in a.people if p.role and p.cue != "pattern"))
        out[str(row["id"])] = preds[str(row["id"])] | {"journalists": names}
    return out


class TimedAnalyzer(Analyzer):
    """The tagger, counting the time its role decision takes inside the same run."""

    role_seconds = 0.0

    def _roles(self, result):
        start = time.perf_counter()
        try:
            return super()._roles(result)
        finally:
            self.role_seconds += time.perf_counter() - start


def speed(rows: list[dict]) -> None:
    """Share of the tagger's time spent deciding roles (one run: a ratio, not a noisy rate)."""
    texts = [r["text"] for r in rows]
    analyzer = TimedAnalyzer()
    analyzer.analyse(texts[:5], hooks=False)  # build the pipelines first
    analyzer.role_seconds = 0.0
    start = time.perf_counter()
    analyzer.analyse(texts, hooks=False)
    took = time.perf_counter() - start
    print(
        f"tagger: {sum(map(len, texts)) / took:,.0f} chars/s over {len(texts)} texts; role "
        f"decision {analyzer.role_seconds:.2f} s of {took:.1f} s = {analyzer.role_seconds / took:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    corpus = parser.parse_args().corpus
    rows = role_training.read_rows(corpus)
    scorer = corpus.parent / "score.py"
    preds = entity_eval.predict(rows)
    table("out of fold, role model", entity_eval.score(rows, preds, scorer))
    table(
        "out of fold, rules' journalists",
        entity_eval.score(rows, rules_journalists(rows, preds), scorer),
    )
    speed(rows)


if __name__ == "__main__":
    main()
