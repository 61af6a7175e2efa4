"""``presswatch train`` end to end: read, featurise, cross-validate, fit on everything, save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nlp.detect import card, corpus, crossval, model, training, vector
from nlp.detect.classifier import cache_path
from nlp.detect.encoder import Encoder


@dataclass
class Result:
    model_dir: Path
    examples: int
    cv: dict[str, dict]


def train(
    corpus_path: Path,
    decisions: list[tuple[str, set[str]]],
    model_dir: Path | None = None,
    compare: bool = True,
    echo: Callable[[str], None] = print,
) -> Result:
    examples = corpus.read(corpus_path) + corpus.from_decisions(decisions)
    echo(f"featurising {len(examples)} texts (embeddings cached in {cache_path()})")
    m = crossval.featurise(examples, Encoder(cache=cache_path()))
    designs = list(crossval.DESIGNS) if compare else [crossval.CHOSEN]
    cv = crossval.cross_validate(corpus_path, m, designs)
    heads = training.fit(m.X, m.Y, m.groups, m.ruled)
    chosen = cv[crossval.CHOSEN]["overall"]
    heads.meta.update(
        corpus=corpus_path.name,
        corpus_sha256=card.digest(corpus_path),
        reviewer_decisions=len(decisions),
        cv={k: round(v["f"], 4) for k, v in chosen.items()},
        features=vector.sizes(),
    )
    out = model.save(heads, model_dir or model.DEFAULT_DIR)
    card.write(
        out / "MODEL_CARD.md",
        corpus_path,
        len(examples) - len(decisions),
        len(decisions),
        cv,
        crossval.CHOSEN,
    )
    from nlp.detect.classifier import load

    load.cache_clear()
    return Result(out, len(examples), cv)
