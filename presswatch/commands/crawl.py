"""``presswatch crawl``: crawl the sources (each crawl in a fresh process) and print per-source stats."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawlers.registry import load_sources
from crawlers.run import crawl_sources, select
from crawlers.setting_schema import parse_overrides
from presswatch.context import db_path, open_db
from presswatch.interruption import interruptible
from storage.errors import Interrupted
from storage.runs import finish_run, interrupt_run, start_run


def overall(results: dict[str, dict]) -> str:
    states = {r.get("status") for r in results.values()}
    if "interrupted" in states:
        return "interrupted"
    if states <= {"ok"}:
        return "ok"
    return "failed" if states == {"failed"} else "partial"


def summary(results: dict[str, dict]) -> str:
    items = sum(r.get("items", 0) for r in results.values())
    failed = [n for n, r in results.items() if r.get("status") != "ok"]
    line = f"{len(results)} sources, {items} new articles"
    return line + (f"; failed: {', '.join(failed)}" if failed else "")


def table(results: dict[str, dict]) -> list[str]:
    rows = [f"{'source':<28} {'status':<7} {'new':>5} {'pages':>6} {'errors':>6}  reason"]
    for name, r in sorted(results.items()):
        rows.append(
            f"{name:<28} {r.get('status', '?'):<7} {r.get('items', 0):>5} {r.get('pages', 0):>6} "
            f"{r.get('errors', 0):>6}  {r.get('reason') or ''}"
        )
    return rows


@click.command()
@click.option(
    "--source", "names", multiple=True, metavar="NAME", help="Crawl only this source (repeatable)."
)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("sources.yaml"),
    show_default=True,
    help="The sources file.",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a crawl setting (repeatable), e.g. DOWNLOAD_DELAY=2; VALUE is JSON or a "
    "plain string; unknown names and wrong types are refused.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the per-source stats as JSON.")
@click.pass_context
def crawl(
    ctx: click.Context,
    names: tuple[str, ...],
    sources_file: Path,
    sets: tuple[str, ...],
    as_json: bool,
) -> None:
    """Crawl the enabled sources (or the named ones) into the archive, politely and incrementally.

    The crawl runs in a fresh process; its progress is logged on stderr while it runs.
    SIGTERM or SIGHUP stops the crawl (its spiders close and are recorded), records the run
    interrupted and exits with 128 + the signal; the next crawl picks up what was left.
    """
    overrides = parse_overrides(sets)
    db = open_db(ctx)
    sources, problems = load_sources(sources_file)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    chosen = select(sources, list(names) or None)
    run_id = start_run(db, "crawl")
    click.echo(f"crawl #{run_id}: {len(chosen)} sources from {sources_file}", err=True)
    try:
        with interruptible():
            chosen_names = [s["name"] for s in chosen]
            results = crawl_sources(db_path(ctx), sources_file, chosen_names, run_id, overrides)
    except Interrupted as exc:
        interrupt_run(
            db, run_id, f"interrupted by signal {exc.signum}: {summary(exc.results)}", exc.results
        )
        click.echo(
            f"crawl #{run_id} interrupted by signal {exc.signum}: {summary(exc.results)}", err=True
        )
        ctx.exit(128 + exc.signum)
    finish_run(db, run_id, overall(results), summary(results), results)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(table(results)))
    click.echo(f"crawl #{run_id} {overall(results)}: {summary(results)}")


def register(cli: click.Group) -> None:
    cli.add_command(crawl)
