import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from presswatch.cli import cli

DATA = Path(__file__).parent / "data" / "crawl"


def run(tmp_path, lines):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--input", str(src), "--output", str(out)])
    return result, [
        json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()
    ] if out.exists() else []


def test_one_line_out_per_line_in(tmp_path):
    gz = tmp_path / "kk.html.gz"
    gz.write_bytes(gzip.compress((DATA / "article_kk.html").read_bytes()))
    result, rows = run(
        tmp_path,
        [
            {"id": 1, "path": str(DATA / "article_en.html"), "url": "http://courier.example/1"},
            {"id": "b", "html": (DATA / "article_ru.html").read_text(encoding="utf-8")},
            {"id": 3, "path": str(gz)},
            {"id": 4, "html": ""},
        ],
    )
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in rows] == [1, "b", 3, 4]
    assert set(rows[0]) == {"id", "title", "text", "published", "authors", "lang"}
    assert rows[0]["authors"] == ["Dana Whitfield"] and rows[0]["published"] == "2026-10-14"
    assert (rows[1]["lang"], rows[2]["lang"]) == ("ru", "kk")
    assert rows[3] == {
        "id": 4,
        "title": None,
        "text": "",
        "published": None,
        "authors": [],
        "lang": "other",
    }


def test_unreadable_path_is_reported_on_its_line(tmp_path):
    result, rows = run(tmp_path, [{"id": 1, "path": str(tmp_path / "missing.html")}])
    assert result.exit_code == 0 and rows[0]["error"].startswith("cannot read")


def test_broken_input_line_is_a_one_line_error(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "html": "<p>x</p>"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["extract", "--input", str(src), "--output", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 1 and "input line 2 is not JSON" in result.output
