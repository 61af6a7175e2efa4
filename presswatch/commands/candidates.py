"""``presswatch candidates``: the review queue from the command line, for scripting."""

from __future__ import annotations

import json

import click

from presswatch.context import open_db
from storage import candidates as store
from storage import triage
from storage.accounts import open_accounts
from storage.candidates import STATUSES, QueueFilter
from storage.errors import ReviewError
from storage.facets import DEVELOPMENT_STATUSES, dumps
from storage.reviewers import get_reviewer


def _filters(fn):
    for name, help_ in (
        ("--until", "Event date on or before YYYY-MM-DD."),
        ("--since", "Event date on or after YYYY-MM-DD."),
        ("--lang", "Only candidates with an article in this language."),
        ("--outlet", "Only candidates naming this outlet."),
        ("--category", "A category or its block (legal, legal.civil)."),
    ):
        fn = click.option(name, help=help_)(fn)
    return click.option(
        "--status", type=click.Choice([*STATUSES, "all"]), default="pending", show_default=True
    )(fn)


@click.group()
def candidates() -> None:
    """List, show and decide candidate incidents."""


@candidates.command("list")
@_filters
@click.option("--limit", default=50, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def list_(ctx, status, category, outlet, lang, since, until, limit, fmt) -> None:
    """Candidates in queue order (confidence, then event date)."""
    filters = QueueFilter(None if status == "all" else status, category, outlet, lang, since, until)
    rows = store.queue(open_db(ctx, readonly=True), filters, limit=limit)
    if fmt == "json":
        click.echo(dumps(rows))
        return
    for r in rows:
        click.echo(
            f"{r['id']:>6}  {r['confidence'] or 0:.2f}  {r['status']:<13} {r['category']:<22} "
            f"{r['event_date'] or '':<10}  {r['title']}"
        )


@candidates.command("show")
@click.argument("candidate_id", type=int)
@click.pass_context
def show(ctx, candidate_id: int) -> None:
    """One candidate with its articles, evidence and history, as JSON."""
    row = store.get(open_db(ctx, readonly=True), candidate_id)
    if row is None:
        raise ReviewError(f"no candidate {candidate_id}")
    click.echo(json.dumps(row, ensure_ascii=False, indent=1, default=str))


def _who(db, name: str) -> str:
    with open_accounts(db, readonly=True) as accounts:
        user = get_reviewer(accounts, name)
    if user is None or user["disabled"]:
        raise ReviewError(f"no active reviewer {name!r} (presswatch reviewers add)")
    return name


def _version(db, candidate_id: int, version: int | None) -> int:
    row = store.current(db, candidate_id)
    if row is None:
        raise ReviewError(f"no candidate {candidate_id}")
    return version if version is not None else int(row["version"])


def _decision(fn):
    fn = click.option(
        "--version",
        type=int,
        help="Fail with a conflict unless the candidate is "
        "still at this version (default: its current one).",
    )(fn)
    fn = click.option("--reviewer", required=True, help="Account the decision is logged under.")(fn)
    return click.argument("candidate_id", type=int)(fn)


@candidates.command("accept")
@_decision
@click.option("--category")
@click.option("--title")
@click.option("--place")
@click.option("--event-date")
@click.option("--perpetrator")
@click.option("--case-status")
@click.pass_context
def accept(ctx, candidate_id, reviewer, version, **edits) -> None:
    """Accept a candidate as an incident, with optional corrections."""
    db = open_db(ctx)
    edits = {k: v for k, v in edits.items() if v is not None}
    incident_id = triage.accept(
        db,
        candidate_id,
        reviewer=_who(db, reviewer),
        version=_version(db, candidate_id, version),
        edits=edits,
    )
    click.echo(f"accepted candidate {candidate_id} as incident {incident_id}")


@candidates.command("reject")
@_decision
@click.option("--reason", required=True)
@click.pass_context
def reject(ctx, candidate_id, reviewer, version, reason) -> None:
    """Reject a candidate, with a reason."""
    db = open_db(ctx)
    triage.reject(
        db,
        candidate_id,
        reviewer=_who(db, reviewer),
        version=_version(db, candidate_id, version),
        reason=reason,
    )
    click.echo(f"rejected candidate {candidate_id}")


@candidates.command("merge")
@_decision
@click.option("--into", "incident_id", type=int, required=True, help="The incident to merge into.")
@click.option(
    "--development",
    type=click.Choice(DEVELOPMENT_STATUSES),
    help="Also add a development with this status.",
)
@click.option("--date", help="Date of the development (default: the candidate's event date).")
@click.option("--note", default="")
@click.pass_context
def merge(ctx, candidate_id, reviewer, version, incident_id, development, date, note) -> None:
    """Merge a candidate's sources into an existing incident."""
    db = open_db(ctx)
    dev = {"status": development, "date": date, "note": note} if development else None
    triage.merge(
        db,
        candidate_id,
        reviewer=_who(db, reviewer),
        version=_version(db, candidate_id, version),
        incident_id=incident_id,
        development=dev,
    )
    click.echo(f"merged candidate {candidate_id} into incident {incident_id}")


@candidates.command("undo")
@click.option("--reviewer", required=True)
@click.pass_context
def undo(ctx, reviewer) -> None:
    """Undo the reviewer's last decision."""
    db = open_db(ctx)
    done = triage.undo(db, _who(db, reviewer))
    click.echo(
        f"undid {done['undone']} of candidate {done['candidate_id']}" if done else "nothing to undo"
    )


def register(cli: click.Group) -> None:
    cli.add_command(candidates)
