"""Who in a text is a journalist: a logistic model over :mod:`nlp.entities.role_features`, learned from
the labelled corpus (``presswatch train``), deciding for every person the tagger found.

The rules' own decision (a media role word governing the name) is one feature among the others,
so a name the text ties to a role only through a list, a parenthesis or an earlier sentence can
count, and a byline next to the word "journalist" need not. ``PRESSWATCH_ROLE_MODEL=rules``
keeps the rules' decision; a missing or broken weights file is a :class:`ModelError`.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, replace
from pathlib import Path

from nlp.detect.model import ModelError
from nlp.entities.gazetteer import Hit
from nlp.entities.people import Person
from nlp.entities.role_candidates import Candidate, candidates
from nlp.entities.role_features import NAMES, chains, context, features

DEFAULT = Path(__file__).resolve().parents[1] / "data" / "models" / "roles.json"


@dataclass(frozen=True)
class RoleModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    def probability(self, row: list[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path, card: dict | None = None) -> None:
        data = {"features": list(NAMES), "weights": list(self.weights), "bias": self.bias}
        data |= {"threshold": self.threshold, **(card or {})}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT) -> RoleModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data["features"] != list(NAMES):
                raise ValueError("its features are not this version's")
            return cls(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(
                f"role model {path} cannot be used ({exc}); rebuild it with "
                "`presswatch train --corpus PATH`"
            ) from exc


def default() -> RoleModel | None:
    """The committed model, or None when ``PRESSWATCH_ROLE_MODEL=rules``."""
    if os.environ.get("PRESSWATCH_ROLE_MODEL", "").strip().lower() == "rules":
        return None
    return RoleModel.load(Path(os.environ.get("PRESSWATCH_ROLE_MODEL_PATH", DEFAULT)))


def rows(
    text: str, lang: str, people: list[Person], outlets: list[Hit]
) -> tuple[list[Candidate], list[list[float]]]:
    """The text's candidates and their feature rows."""
    ctx = context(text, lang, outlets)
    cands = candidates(people)
    journalists = {id(p) for p in people if p.role}
    lists = chains(ctx, people)
    return cands, [features(ctx, c, lists, journalists) for c in cands]


def decide(
    model: RoleModel, text: str, lang: str, people: list[Person], outlets: list[Hit]
) -> list[Person]:
    """People with roles as the model decides: a journalist keeps the rules' role word (or
    "journalist"); anyone else loses it; pattern-only names nobody ties to media are dropped."""
    cands, matrix = rows(text, lang, people, outlets)
    verdict: dict[int, bool] = {}
    for cand, row in zip(cands, matrix, strict=True):
        yes = model.probability(row) >= model.threshold
        verdict.update({id(p): yes for p in cand.mentions})
    out = []
    for p in people:
        yes = verdict.get(id(p), False)
        if p.cue == "pattern" and not yes:
            continue
        out.append(replace(p, role=(p.role or "journalist") if yes else None))
    return out
