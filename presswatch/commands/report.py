"""``presswatch report``: draft, publish and compare the monthly monitoring report.

``presswatch report --month 2026-11 --format html`` drafts (the group's default action, same as
``presswatch report build``); ``publish`` freezes a month's report with the incident ids behind
every number; ``diff`` compares the published figures with the archive today.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from presswatch.context import open_db
from reports.build import FORMATS, draft
from reports.frozen import describe, diff, publish
from reports.rules import previous_month
from reports.text import LANGS


def _month(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        raise click.BadParameter("use YYYY-MM, e.g. 2026-11")
    return value


MONTH = click.option(
    "--month",
    callback=_month,
    metavar="YYYY-MM",
    help="The month reported on (default: the previous month).",
)
LANG = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Language of the report's text.",
)


def _build(ctx: click.Context, month: str | None, fmt: str, lang: str, output: Path | None) -> None:
    month = month or previous_month()
    if fmt == "pdf" and output is None:
        output = Path(f"report-{month}.pdf")
    report = draft(open_db(ctx, readonly=True), month, fmt, lang, output)
    if output is None:
        click.echo(report.body, nl=False)
        return
    click.echo(
        f"wrote {output} ({len(report.figures.entries)} incidents counted in {month}, "
        f"{len(report.files)} files)",
        err=True,
    )


BUILD_OPTIONS = [
    MONTH,
    click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True),
    LANG,
    click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file (md: charts go to <stem>-charts/ beside it); "
        "default: standard output (pdf: report-YYYY-MM.pdf).",
    ),
]


def _with(options):
    def decorate(func):
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


@click.group(invoke_without_command=True)
@_with(BUILD_OPTIONS)
@click.pass_context
def report(ctx: click.Context, month: str | None, fmt: str, lang: str, output: Path | None) -> None:
    """Draft the monthly report (default action), or publish / diff it."""
    if ctx.invoked_subcommand is None:
        _build(ctx, month, fmt, lang, output)


@report.command("build")
@_with(BUILD_OPTIONS)
@click.pass_context
def build_cmd(
    ctx: click.Context, month: str | None, fmt: str, lang: str, output: Path | None
) -> None:
    """Draft the report for a month (same as `presswatch report --month …`)."""
    _build(ctx, month, fmt, lang, output)


@report.command("publish")
@MONTH
@LANG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("md", "html")),
    default="md",
    show_default=True,
    help="Format of the stored text.",
)
@click.pass_context
def publish_cmd(ctx: click.Context, month: str | None, lang: str, fmt: str) -> None:
    """Freeze the month's report with the incident ids behind every number."""
    month = month or previous_month()
    report_id, created = publish(open_db(ctx), month, lang, fmt)
    state = "published" if created else "unchanged since the last publication"
    click.echo(f"report {month} ({lang}) {state}: reports.id={report_id}")


@report.command("diff")
@MONTH
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="Compare with this language's publication.",
)
@click.pass_context
def diff_cmd(ctx: click.Context, month: str | None, lang: str | None) -> None:
    """Compare the published report of a month with the archive as of today."""
    click.echo(describe(diff(open_db(ctx, readonly=True), month or previous_month(), lang)))


def register(cli: click.Group) -> None:
    cli.add_command(report)
