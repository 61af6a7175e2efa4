"""``presswatch redactions``: people and passages kept out of the report, exports and Datasette."""

from __future__ import annotations

import click

from presswatch.context import open_db
from storage import redactions as marks


@click.group()
def redactions() -> None:
    """Redact people and passages from everything that leaves the desk."""


@redactions.command("add")
@click.option("--person", help="A person's name (every form the tagger saw is hidden too).")
@click.option("--text", "passage", help="A passage, as written.")
@click.option("--article", type=int, help="With --span: the article whose characters to hide.")
@click.option("--span", help="START:END character offsets in --article.")
@click.option("--reviewer", required=True, help="Who marks it (kept in the audit log).")
@click.option(
    "--reason", default="", help="Why (minor, victim of sexual violence, closed hearing)."
)
@click.pass_context
def add(
    ctx: click.Context,
    person: str | None,
    passage: str | None,
    article: int | None,
    span: str | None,
    reviewer: str,
    reason: str,
) -> None:
    """Mark a person (--person) or a passage (--text, or --article with --span) as redacted."""
    if sum(x is not None for x in (person, passage, span)) != 1 or (span and article is None):
        raise click.UsageError("give one of --person NAME, --text TEXT, --article ID --span A:B")
    start, end = (int(x) for x in span.split(":", 1)) if span else (None, None)
    rid = marks.add(
        open_db(ctx),
        "person" if person else "span",
        reviewer=reviewer,
        text=person or passage,
        article_id=article,
        start=start,
        end=end,
        reason=reason,
    )
    click.echo(f"redaction #{rid} saved")


@redactions.command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    """The redactions in force and the forms each hides."""
    for row in marks.active(open_db(ctx, readonly=True)):
        click.echo(
            f"#{row['id']:<4} {row['kind']:<6} {' · '.join(row['forms'])}  ({row['reason'] or ''})"
        )


@redactions.command("remove")
@click.argument("redaction_id", type=int)
@click.option("--reviewer", required=True)
@click.pass_context
def remove(ctx: click.Context, redaction_id: int, reviewer: str) -> None:
    """Lift a redaction (it stays in the archive, marked removed)."""
    marks.remove(open_db(ctx), redaction_id, reviewer=reviewer)
    click.echo(f"redaction #{redaction_id} lifted")


def register(cli: click.Group) -> None:
    cli.add_command(redactions)
