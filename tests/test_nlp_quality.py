"""Quality floors on the labelled set (tests/data/nlp_eval): F1 per field and language.

Floors (issue 4): legal references ≥ 0.95, journalists ≥ 0.85, outlets ≥ 0.85, amounts ≥ 0.9.
The scorer is :mod:`nlp.entities.evaluation` (also used by bench/nlp_quality.py).
"""

from __future__ import annotations

import pytest

from nlp.entities.evaluation import EVAL_DIR, FIELDS, FLOORS, Score, evaluate_file, score

MIN_DOCS = 20
_cache: dict[str, dict] = {}


def _scores(lang: str) -> dict:
    path = EVAL_DIR / f"{lang}.jsonl"
    if (
        not path.exists()
        or sum(1 for line in path.open(encoding="utf-8") if line.strip()) < MIN_DOCS
    ):
        pytest.skip(f"labelled set {path.name} missing or smaller than {MIN_DOCS} paragraphs")
    if lang not in _cache:
        _cache[lang] = evaluate_file(path)[0]
    return _cache[lang]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_f1_floor(lang, field):
    result = _scores(lang)[field]
    assert result.f1 >= FLOORS[field], (
        f"{lang} {field}: F1 {result.f1:.3f} (P {result.precision:.3f}, R {result.recall:.3f}) < {FLOORS[field]}"
    )


def test_scorer_can_fail():
    gold = [
        {
            "journalists": [{"name": "Ёлкина Анна"}],
            "outlets": ["Vlast.kz"],
            "legal_refs": [{"code": "CC", "article": "174", "part": None}],
            "amounts": [{"value": 30, "unit": "MCI"}],
        }
    ]
    perfect = [
        {
            "journalists": ["ёлкина анна "],
            "outlets": ["«Власть»"],
            "legal_refs": [{"code": "CC", "article": "174", "part": None}],
            "amounts": [{"value": 30.0, "unit": "MCI"}],
        }
    ]
    wrong = [
        {
            "journalists": ["Анна Ёлкина"],
            "outlets": ["Orda.kz"],
            "legal_refs": [{"code": "CC", "article": "174", "part": "2"}],
            "amounts": [{"value": 30, "unit": "KZT"}],
        }
    ]
    assert all(s.f1 == 1.0 for s in score(gold, perfect).values())
    assert all(s.f1 == 0.0 for s in score(gold, wrong).values())
    assert Score(tp=1, fp=1, fn=0).f1 == pytest.approx(2 / 3)
