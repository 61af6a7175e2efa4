"""``presswatch reviewers``: accounts of the review app (add, list, disable, enable, language)."""

from __future__ import annotations

from pathlib import Path

import click

from presswatch.context import open_accounts_db
from storage.errors import ReviewError
from storage.reviewers import (
    LANGUAGES,
    ROLES,
    add_reviewer,
    list_reviewers,
    set_disabled,
    set_language,
)


@click.group()
def reviewers() -> None:
    """Manage review-app accounts."""


@reviewers.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@click.option(
    "--password-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the password from this file (first line); otherwise prompt.",
)
@click.pass_context
def add(ctx: click.Context, name: str, role: str, password_file: Path | None) -> None:
    """Add an account, or reset the password and role of an existing one (a reset ends its
    sessions)."""
    if password_file:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        password = lines[0] if lines else ""
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    add_reviewer(open_accounts_db(ctx), name, password, role)
    click.echo(f"saved {name} ({role})")


@reviewers.command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    """List accounts."""
    for row in list_reviewers(open_accounts_db(ctx, readonly=True)):
        state = "disabled" if row["disabled"] else "active"
        lang = row["lang"] or "-"
        click.echo(f"{row['name']:<20} {row['role']:<9} {state:<8} {lang:<3} {row['created_at']}")


@reviewers.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Enable the account again instead.")
@click.pass_context
def disable(ctx: click.Context, name: str, enable: bool) -> None:
    """Disable an account (its sessions stop working at once)."""
    if not set_disabled(open_accounts_db(ctx), name, not enable):
        raise ReviewError(f"no reviewer {name!r}")
    click.echo(f"{name} {'enabled' if enable else 'disabled'}")


@reviewers.command("language")
@click.argument("name")
@click.argument("lang", type=click.Choice([*LANGUAGES, "browser"]))
@click.pass_context
def language(ctx: click.Context, name: str, lang: str) -> None:
    """Set the language NAME reads the review app in (``browser``: the browser's
    Accept-Language, the default). Reviewers can also choose it in the app's header."""
    set_language(open_accounts_db(ctx), name, None if lang == "browser" else lang)
    click.echo(f"{name} reads the review app in {lang}")


def register(cli: click.Group) -> None:
    cli.add_command(reviewers)
