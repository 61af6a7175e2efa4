"""The report's digital-security table (DDoS / hacking / both, month and year to date against
earlier years), fed by the ``cyber_kind`` facet that detection sets and reviewers edit."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from fixtures_reports import build

from nlp.detect.cues import cue_book
from nlp.detect.facets import cyber_kind
from reports.build import draft
from reports.figures import compute
from reports.render import anchor
from review.app import create_app
from storage import incidents
from storage.archive import connect
from storage.reviewers import add_reviewer

TODAY = dt.date(2026, 12, 1)
CONTENT = (
    Path(__file__).resolve().parents[1] / "presswatch/newsroom/content/articles_incidents.yaml"
)


def newsroom_articles() -> list[dict]:
    return yaml.safe_load(CONTENT.read_text(encoding="utf-8"))


KINDS = {  # fixture key → kind set on it (p1, c1, n4: DDoS; p7, c8, n5 hacked; c17 attempted)
    "p1": "ddos",
    "p9": "ddos",
    "c1": "ddos",
    "n4": "ddos",
    "p7": "hacking",
    "c8": "hacking",
    "n5": "hacking",
    "c17": "attempted_hacking",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("security") / "archive.db"
    ids = build(path)
    db = connect(path)
    add_reviewer(db, "erzhan", "erzhan-password", "editor")
    client = create_app(path, "test-secret").test_client()
    login = client.get("/login").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
    origin = {"Origin": "http://localhost"}
    client.post(
        "/login",
        data={"name": "erzhan", "password": "erzhan-password", "csrf_token": csrf},
        headers=origin,
    )
    for key, kind in KINDS.items():  # as a reviewer does it: the incident page's form
        page = client.get(f"/incidents/{ids[key]}").text
        assert 'name="cyber_kind"' in page
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        version = incidents.current(db, ids[key])["version"]
        resp = client.post(
            f"/incidents/{ids[key]}/edit",
            data={"csrf_token": csrf, "version": version, "cyber_kind": kind},
            headers=origin,
        )
        assert resp.status_code == 302
    return db, ids


def cell(figures, column: str, row: str) -> set[int]:
    return set(figures.security[f"{column}.{row}"].ids)


def test_detection_tells_ddos_from_hacking_and_attempts():
    book = cue_book()
    texts = {a["id"]: a["body"] for a in newsroom_articles()}
    assert cyber_kind(texts["inc-001"], "access.cyberattack", book) == "ddos"
    assert cyber_kind(texts["inc-085"], "access.cyberattack", book) == "hacking"
    assert cyber_kind(texts["inc-086"], "access.cyberattack", book) == "hacking"
    tried = "Неизвестные пытались взломать почту редакции, но доступ получить не смогли."
    assert cyber_kind(tried, "access.cyberattack", book) == "attempted_hacking"
    assert cyber_kind(texts["inc-001"], "rights.attack", book) is None


def test_detection_sets_the_kind_on_signals_and_candidates(db):
    from nlp.detect.detection import detect_pending
    from nlp.incidents.grouping import group_and_file
    from nlp.tagging import tag_pending
    from storage.articles import save_articles

    chosen = {"inc-001", "inc-085"}
    save_articles(
        db,
        [
            {
                "url": f"http://t.test/{a['id']}",
                "title": a["title"],
                "text": a["body"],
                "lang": a["lang"],
                "published_at": a["published"],
                "source": "t",
                "outlet": a["outlet"],
            }
            for a in newsroom_articles()
            if a["id"] in chosen
        ],
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PRESSWATCH_DETECTOR", "rules")
        tag_pending(db)
        detect_pending(db)
        group_and_file(db)
    kinds = {
        r["url"]: r["cyber_kind"]
        for r in db.query(
            "SELECT a.url, s.cyber_kind FROM signals s JOIN articles a ON a.id = s.article_id "
            "WHERE s.category = 'access.cyberattack'"
        )
    }
    assert kinds == {"http://t.test/inc-001": "ddos", "http://t.test/inc-085": "hacking"}
    assert {r["cyber_kind"] for r in db.query("SELECT cyber_kind FROM candidates")} >= {
        "ddos",
        "hacking",
    }


def test_a_kind_outside_the_list_is_refused_by_review(archive):
    from werkzeug.datastructures import MultiDict

    from review.forms import facets
    from storage.errors import ReviewError

    with pytest.raises(ReviewError, match="cyberattack kind"):
        facets(MultiDict({"cyber_kind": "phishing"}))


def test_the_table_counts_by_kind_month_and_year_to_date(archive):
    db, ids = archive
    f = compute(db, "2026-11")
    of = lambda *keys: {ids[k] for k in keys}  # noqa: E731
    assert cell(f, "2026-11", "ddos") == of("n4")
    assert cell(f, "2026-11", "hacking") == of("n5")
    assert cell(f, "2026-11", "ab") == of("n4", "n5")
    assert cell(f, "2026-11", "total") == of("n4", "n5", "n7")  # and the fake page
    assert cell(f, "ytd-2026-11", "ddos") == of("c1", "n4")
    assert cell(f, "ytd-2026-11", "hacking") == of("c8", "c17", "n5")  # the attempt included
    assert cell(f, "ytd-2026-11", "total") == of("c1", "c5", "c8", "c12", "c17", "n4", "n5", "n7")
    assert cell(f, "ytd-2025-11", "ddos") == of("p1", "p9")
    assert cell(f, "ytd-2025-11", "ab") == of("p1", "p7", "p9")
    assert cell(f, "ytd-2025-11", "total") == of("p1", "p5", "p7", "p9")
    assert "ytd-2024-11.total" not in f.security  # the archive starts in 2025


def test_october_counts_only_up_to_october(archive):
    db, ids = archive
    f = compute(db, "2026-10")
    assert cell(f, "ytd-2025-10", "ddos") == {ids["p1"]}  # p9 is from November 2025


def test_html_prints_the_table_with_its_chart_and_links_each_number(archive, tmp_path):
    db, ids = archive
    html = draft(db, "2026-11", "html", "ru", tmp_path / "r.html", today=TODAY).body
    section = html.split('id="security"', 1)[1].split("</figure>", 1)[0]
    assert "DDoS-атаки на сайты и аккаунты СМИ" in section and "январь–ноябрь 2025" in section
    links = re.findall(r'<a class="fig" href="#([^"]+)">(\d+)</a>', section)
    assert len(links) == 4 * 3  # four rows by three columns, every one a link
    assert f'href="#{anchor("security.ytd-2026-11.hacking")}">3<' in section
    assert "<svg" in section  # the chart beside the table
    appendix = html.split(f'id="{anchor("security.2026-11.ab")}"', 1)[1].split("</section>")[0]
    assert sorted(map(int, re.findall(r'href="#incident-(\d+)"', appendix))) == sorted(
        [ids["n4"], ids["n5"]]
    )


def test_markdown_prints_it_with_footnotes_and_the_chart(archive, tmp_path):
    db, ids = archive
    md = draft(db, "2026-11", "md", "en", tmp_path / "r.md", today=TODAY)
    text = md.body
    row = next(line for line in text.splitlines() if line.startswith("| a) DDoS"))
    assert re.findall(r"\| (\d+)\[\^\d+\]", row) == ["1", "2", "2"]
    note = re.search(r"\| a\) DDoS[^|]*\| 1\[\^(\d+)\]", text)[1]
    footnote = next(line for line in text.splitlines() if line.startswith(f"[^{note}]:"))
    assert f"#{ids['n4']} " in footnote
    assert "![Digital security threats by year](r-charts/security.png)" in text
    assert (tmp_path / "r-charts" / "security.png").read_bytes()[:4] == b"\x89PNG"


def test_the_pdf_is_printed_from_the_html_with_the_table(archive, tmp_path):
    db, _ = archive
    report = draft(db, "2026-11", "pdf", "en", tmp_path / "r.pdf", today=TODAY)
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    section = report.body.split('id="security"', 1)[1].split("</table>", 1)[0]
    assert len(re.findall(r'<a class="fig" href="#', section)) == 12
