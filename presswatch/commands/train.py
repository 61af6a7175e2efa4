"""``presswatch train``: fit the incident detector on a labelled corpus plus reviewer decisions,
print its cross-validated scores beside the other designs, save the heads and the model card."""

from __future__ import annotations

import os
from pathlib import Path

import click

from presswatch.context import db_path, open_db

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev.jsonl"


def default_corpus() -> Path:
    return Path(os.environ.get("PRESSWATCH_CORPUS", SHARED))


def _decisions(ctx: click.Context) -> list:
    if not Path(db_path(ctx)).exists():
        return []
    from storage.filing import decided_examples

    return decided_examples(open_db(ctx, readonly=True))


def _line(name: str, res: dict) -> str:
    o = res["overall"]
    kk = res["per_language"].get("kk", {}).get("detect", {"f": 0.0})
    return (
        f"{name:34} detect F1={o['detect']['f']:.3f} (kk {kk['f']:.3f})  "
        f"category folded F1={o['category_coarse']['f']:.3f}  exact F1={o['category']['f']:.3f}"
    )


@click.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=default_corpus,
    show_default="$PRESSWATCH_CORPUS or ../shared/corpus/dev.jsonl",
    help="Labelled texts, one JSON object a line (text, categories, source_url, lang).",
)
@click.option(
    "--model-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to save the heads and model card [default: nlp/data/models].",
)
@click.option(
    "--archive/--no-archive",
    default=True,
    show_default=True,
    help="Also learn from reviewers' accepted/rejected candidates in the archive.",
)
@click.option(
    "--compare/--chosen-only",
    default=True,
    show_default=True,
    help="Cross-validate every design (spaCy textcat, rules …) or only the chosen one.",
)
@click.pass_context
def train(
    ctx: click.Context, corpus: Path, model_dir: Path | None, archive: bool, compare: bool
) -> None:
    """Train the incident detector (encoder + calibrated heads) and the journalist-role model,
    and print their cross-validated scores."""
    from nlp.detect import trainer
    from nlp.entities import role_training
    from nlp.pipeline import Analyzer

    decisions = _decisions(ctx) if archive else []
    result = trainer.train(corpus, decisions, model_dir, compare=compare, echo=click.echo)
    for name, res in result.cv.items():
        click.echo(_line(name, res))
    click.echo(
        f"saved {result.model_dir} ({result.examples} examples, {len(decisions)} from reviewer "
        f"decisions); model card {result.model_dir / 'MODEL_CARD.md'}"
    )
    roles_path = result.model_dir / "roles.json"
    _, card = role_training.train(corpus, roles_path, lambda: Analyzer(decide_roles=False))
    click.echo(
        f"role model: {card['journalists']} journalists among {card['candidates']} people, "
        f"cross-validated candidate F1={card['cv_candidate_f1']:.3f}; saved {roles_path}"
    )


def register(cli: click.Group) -> None:
    cli.add_command(train)
