"""Entity quality on the labelled corpus, honestly: journalists, outlets and legal references of
every text predicted by what never learned from its source host, scored by the corpus' own
``score.py``, overall and per language.

Folds are grouped by source host (the role model's folds). For each fold the role model is fitted
on the other folds, and the gazetteer leaves out the outlets learned only from the fold's hosts
(``outlets_corpus.yaml``, ``seen_in``). Used by ``bench/entities.py`` and the quality gate test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from nlp.entities import role_training
from nlp.entities.outlet_forms import display_name
from nlp.pipeline import Analysis, Analyzer
from nlp.settings import Settings

FIELDS = ("legal", "journalists", "outlets")


def _record(row: dict, analysis: Analysis, model) -> dict:
    cands, matrix = analysis.role_candidates or ([], [])
    names = [c.name for c, r in zip(cands, matrix, strict=True) if model.probability(r) >= 0.5]
    return {
        "id": row["id"],
        "lang": analysis.lang,
        "categories": [],
        "journalists": list(dict.fromkeys(names)),
        "outlets": [display_name(h) for h in analysis.outlet_hits()],
        "legal_refs": analysis.legal_keys(),
    }


def predict(rows: list[dict], k: int = 5) -> dict[str, dict]:
    """Out-of-fold ``tag`` records (journalists, outlets, legal refs) for every row."""
    full = Analyzer(decide_roles=False).analyse(
        [r["text"] for r in rows], [r["id"] for r in rows], hooks=False
    )
    texts = role_training.collect(rows, full, role_training.name_match)
    by_id = {str(r["id"]): r for r in rows}
    preds: dict[str, dict] = {}
    for train, test in role_training.folds(texts, k):
        model = role_training.fit(train)
        held = [by_id[t.id] for t in test]
        analyzer = Analyzer(
            Settings(outlets_holdout=frozenset(t.group for t in test)), decide_roles=False
        )
        analyses = analyzer.analyse([r["text"] for r in held], [r["id"] for r in held], hooks=False)
        preds.update(
            {str(r["id"]): _record(r, a, model) for r, a in zip(held, analyses, strict=True)}
        )
    return preds


def score(gold_rows: list[dict], preds: dict[str, dict], scorer: Path) -> dict[str, dict]:
    """``score.py`` on all rows and on each language's rows: {lang|"all": {field: {p, r, f}}}."""
    out = {}
    langs = sorted({str(r.get("lang")) for r in gold_rows})
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ["all", *langs]:
            gold = [r for r in gold_rows if lang == "all" or str(r.get("lang")) == lang]
            out[lang] = _score_file(Path(tmp), lang, gold, preds, scorer)
    return out


def _score_file(tmp: Path, name: str, gold: list[dict], preds: dict, scorer: Path) -> dict:
    gold_path, pred_path, res = tmp / f"{name}.gold", tmp / f"{name}.pred", tmp / f"{name}.json"
    gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), "utf-8")
    lines = [json.dumps(preds[str(r["id"])], ensure_ascii=False) + "\n" for r in gold]
    pred_path.write_text("".join(lines), "utf-8")
    cmd = [
        sys.executable,
        str(scorer),
        str(gold_path),
        str(pred_path),
        "--json",
        str(res),
        "--quiet",
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    overall = json.loads(res.read_text("utf-8"))["overall"]
    return {f: overall[f] for f in FIELDS} | {"n": len(gold)}


def evaluate(corpus: Path, k: int = 5) -> dict[str, dict]:
    rows = role_training.read_rows(corpus)
    return score(rows, predict(rows, k), corpus.parent / "score.py")
