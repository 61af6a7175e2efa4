"""The source registry: ``sources.yaml`` read and validated, entry by entry, with line numbers.

Every entry is checked against the strict schema of :mod:`crawlers.source_schema`, the one place
``presswatch sources check``, ``init``, ``crawl`` and the nightly flow validate it. A problem names
the file, the line, the source and the field; the entry is left out and the other entries still
load (like lemon24/reader's survivable feed problems).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from crawlers.source_schema import KINDS, LANGS, entry_errors
from storage.errors import ConfigError

# libyaml's safe loader when PyYAML has it: reading 5,000 entries took 9.3 s with the pure-Python
# one, 1.5 s with it (the crawl process reads the file at start-up); the nodes keep their lines
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["KINDS", "LANGS", "SourceProblem", "check_entry", "load_sources", "parse_sources"]


@dataclass(frozen=True)
class SourceProblem:
    name: str
    line: int
    message: str
    file: str = "sources"
    field: str = ""

    def __str__(self) -> str:
        where = f"field {self.field}: " if self.field else ""
        return f"{self.file}, line {self.line}: source {self.name!r}, {where}{self.message}"


def _entry_nodes(root: Any) -> list[Any]:
    """The YAML nodes of the entries of the ``sources:`` list."""
    if root is None or not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "sources" and isinstance(value, yaml.SequenceNode):
            return list(value.value)
    return []


def line_of(node: Any, loc: tuple[str | int, ...]) -> int:
    """The 1-based line of the field at ``loc`` inside an entry's node (as deep as it goes)."""
    line = node.start_mark.line + 1
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if k.value == step]
            if not pairs:
                return line
            line, node = pairs[0][0].start_mark.line + 1, pairs[0][1]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def check_entry(entry: Any) -> str | None:
    """Why an entry is invalid (its first problem), or ``None`` when it is fine."""
    errors = entry_errors(entry)
    return f"{_field(errors[0][0])}: {errors[0][1]}".lstrip(": ") if errors else None


def _field(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _problems(entry: Any, node: Any, name: str, file: str) -> list[SourceProblem]:
    return [
        SourceProblem(name, line_of(node, loc) if node is not None else 0, msg, file, _field(loc))
        for loc, msg in entry_errors(entry)
    ]


def parse_sources(
    text: str, file: str = "sources"
) -> tuple[list[dict[str, Any]], list[SourceProblem]]:
    """Valid entries (each with its ``line``) and the problems of the invalid ones."""
    try:
        data = yaml.load(text, Loader=LOADER) or {}
        nodes = _entry_nodes(yaml.compose(text, Loader=LOADER))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{file} is not valid YAML: {exc}".replace("\n", " ")) from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{file} must have a top-level `sources:` list")
    good, problems, seen = [], [], set()
    for i, entry in enumerate(entries):
        node = nodes[i] if i < len(nodes) else None
        line = node.start_mark.line + 1 if node is not None else 0
        raw = entry.get("name") if isinstance(entry, dict) else None
        name = str(raw) if raw not in (None, "") else f"#{i + 1}"
        found = _problems(entry, node, name, file)
        if not found and name in seen:
            found = [SourceProblem(name, line, "duplicate name", file, "name")]
        problems += found
        if not found:
            seen.add(name)
            good.append({**entry, "line": line})
    return good, problems


def load_sources(path: Path | str) -> tuple[list[dict[str, Any]], list[SourceProblem]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read sources file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"sources file {path} is not UTF-8: {exc.reason}") from exc
    return parse_sources(text, str(path))
