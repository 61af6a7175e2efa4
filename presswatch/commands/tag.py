"""``presswatch tag``: tag texts (JSON lines in, JSON lines out) or the archive's untagged articles.

Both modes run :class:`nlp.pipeline.Analyzer` — the same analysis as the nightly flow.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from presswatch.context import db_path, open_db
from storage.errors import TaggingError

BATCH = 64


def read_records(stream: IO[str]) -> Iterator[dict]:
    """Input lines ``{"id", "text", "lang"?}``; a line that is not a JSON object is an error."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TaggingError(f"input line {number} is not JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise TaggingError(f"input line {number} is not a JSON object")
        yield record


def tag_stream(source: IO[str], sink: IO[str], analyzer) -> int:
    """Tag every input line into one output line, in order, in batches; returns the count."""
    count, batch = 0, []
    for record in read_records(source):
        batch.append(record)
        if len(batch) >= BATCH:
            count += _flush(batch, sink, analyzer)
            batch = []
    return count + (_flush(batch, sink, analyzer) if batch else 0)


def _flush(batch: list[dict], sink: IO[str], analyzer) -> int:
    texts = [r.get("text") if isinstance(r.get("text"), str) else "" for r in batch]
    for analysis in analyzer.analyse(texts, [r.get("id") for r in batch]):
        sink.write(json.dumps(analysis.tag_record(), ensure_ascii=False) + "\n")
    return len(batch)


def _analyzer(ctx: click.Context):
    from nlp.pipeline import Analyzer
    from nlp.tagging import registry_from_db

    path = db_path(ctx)
    registry = registry_from_db(open_db(ctx, readonly=True)) if Path(path).exists() else None
    return Analyzer(registry=registry)


@click.command()
@click.option(
    "--input",
    "input_path",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="JSON lines {id, text, lang?} ('-' for stdin).",
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Where to write one JSON line per input line ('-' or omitted: stdout).",
)
@click.option("--pending", is_flag=True, help="Tag the archive's articles not yet tagged.")
@click.option("--limit", type=int, default=None, help="With --pending: at most this many articles.")
@click.pass_context
def tag(
    ctx: click.Context,
    input_path: Path | None,
    output_path: Path | None,
    pending: bool,
    limit: int | None,
) -> None:
    """Tag journalists, outlets, legal references and amounts (Russian, Kazakh, English)."""
    if pending == bool(input_path):
        raise click.UsageError("give either --input FILE or --pending")
    if pending:
        from nlp.tagging import tag_pending

        counts = tag_pending(open_db(ctx), limit=limit)
        click.echo(" ".join(f"{k}={v}" for k, v in counts.items()))
        return
    analyzer = _analyzer(ctx)
    target = str(output_path or "-")
    with (
        click.open_file(str(input_path), encoding="utf-8", errors="replace") as source,
        click.open_file(target, "w", encoding="utf-8", lazy=True) as sink,
    ):
        count = tag_stream(source, sink, analyzer)
    if target != "-":
        click.echo(f"tagged {count} texts → {output_path}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(tag)
