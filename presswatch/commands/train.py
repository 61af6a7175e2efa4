"""``presswatch train``: fit the incident text classifier and decide, on held-out data, whether
detection should use it."""

from __future__ import annotations

from pathlib import Path

import click

from presswatch.context import db_path, open_db


def _archive_examples(ctx: click.Context) -> list:
    if not Path(db_path(ctx)).exists():
        return []
    from storage.filing import decided_examples

    return decided_examples(open_db(ctx, readonly=True))


def _line(name: str, s: dict) -> str:
    return (
        f"{name:14} micro P={s['micro_precision']:.3f} R={s['micro_recall']:.3f} F1={s['micro_f1']:.3f}  "
        f"any-incident P={s['any_precision']:.3f} R={s['any_recall']:.3f}"
    )


@click.command()
@click.option(
    "--model-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data") / "models" / "textcat",
    show_default=True,
    help="Where to save the model.",
)
@click.option("--epochs", type=int, default=8, show_default=True)
@click.option(
    "--folds", type=int, default=2, show_default=True, help="Held-out folds (split by story)."
)
@click.option(
    "--archive/--no-archive",
    default=True,
    show_default=True,
    help="Also learn from reviewers' accepted/rejected candidates in the archive.",
)
@click.pass_context
def train(ctx: click.Context, model_dir: Path, epochs: int, folds: int, archive: bool) -> None:
    """Train the category classifier (spaCy textcat) on the labelled set and reviewer decisions."""
    from nlp import detection_quality as q
    from nlp import textcat

    items = q.paragraphs() + q.newsroom()
    extra = _archive_examples(ctx) if archive else []
    cv = q.cross_validate(
        items, [q.quick_facts(i) for i in items], k=folds, epochs=epochs, extra=extra
    )
    rules, mixed = cv["rules"], cv["rules+textcat"]
    use = mixed["micro_f1"] > rules["micro_f1"] and mixed["any_recall"] >= rules["any_recall"]
    examples = [(i["text"], i["gold"]) for i in items] + list(extra)
    nlp = textcat.fit(
        examples, textcat.labels_of([(i["text"], i["gold"]) for i in items]), epochs=epochs
    )
    meta = {
        "use": use,
        "examples": len(examples),
        "from_archive": len(extra),
        "epochs": epochs,
        "folds": folds,
        "veto": textcat.VETO,
        "held_out": {k: {x: v[x] for x in v if x != "per_category"} for k, v in cv.items()},
    }
    textcat.save(nlp, model_dir, meta)
    textcat.classifier.cache_clear()
    click.echo(_line("rules", rules))
    click.echo(_line("rules+textcat", mixed))
    click.echo(
        f"saved {model_dir} ({len(examples)} examples, {len(extra)} from reviewer decisions); "
        f"detection {'uses' if use else 'does not use'} it"
    )


def register(cli: click.Group) -> None:
    cli.add_command(train)
