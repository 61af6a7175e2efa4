"""Canned SQL queries for browsing the archive in Datasette (``presswatch archive serve``).

``incidents_by_month_and_category`` counts an incident in the month of its first report, the
same rule as the monthly report (``reports/rules.py``), written here as plain SQL so Datasette
can run it without Python functions: earliest source article, else event date, else creation.
"""

from __future__ import annotations

import re

from presswatch.locales import N_

CANNED: dict[str, dict[str, str]] = {
    "incidents_by_month_and_category": {
        "title": N_("Incidents by month and category"),
        "description": N_(
            "Accepted incidents counted in the month of their first report "
            "(earliest source article, else event date, else creation date); an incident merged "
            "into another counts as that one."
        ),
        "sql": """
WITH counted AS (
  SELECT i.id, i.category, substr(COALESCE(
    (SELECT min(a.published_at) FROM incident_articles ia JOIN articles a ON a.id = ia.article_id
      WHERE ia.incident_id = i.id), i.event_date, i.created_at), 1, 7) AS month
  FROM incidents i WHERE i.merged_into IS NULL
)
SELECT month, category, count(*) AS incidents, group_concat(id) AS incident_ids
FROM counted GROUP BY month, category ORDER BY month DESC, category
""".strip(),
    },
    "articles_mentioning_person": {
        "title": N_("All articles mentioning a person"),
        "description": N_(
            "Articles with a person mention whose text or normalised name contains "
            "the given name (any inflection the tagger normalised)."
        ),
        "sql": """
SELECT a.id, a.published_at, a.outlet, a.title, a.url,
  group_concat(DISTINCT m.norm) AS names, group_concat(DISTINCT m.role) AS roles
FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.kind = 'person' AND (m.norm LIKE '%' || :person || '%' OR m.text LIKE '%' || :person || '%')
GROUP BY a.id ORDER BY a.published_at DESC
""".strip(),
    },
    "legal_references_by_article": {
        "title": N_("Legal references by article of law"),
        "description": N_(
            "News articles citing an article of law (dash form, e.g. 456-2), "
            "optionally of one code (CC, CAO, CPC, CIVIL, CONST, OTHER)."
        ),
        "sql": """
SELECT l.code, l.article, l.part, l.text AS cited_as, a.id AS article_id, a.published_at,
  a.outlet, a.title, a.url
FROM legal_refs l JOIN articles a ON a.id = l.article_id
WHERE l.article = :law_article AND (:code = '' OR l.code = :code)
ORDER BY a.published_at DESC, l.start
""".strip(),
    },
    "silent_sources": {
        "title": N_("Silent sources"),
        "description": N_(
            "Enabled sources with no successful run bringing items in the last :days days."
        ),
        "sql": """
SELECT s.name, s.outlet, s.kind, max(r.finished_at) AS last_items_at
FROM sources s LEFT JOIN source_runs r
  ON r.source = s.name AND r.status = 'ok' AND r.items > 0
WHERE s.enabled = 1
GROUP BY s.name
HAVING last_items_at IS NULL
  OR last_items_at < strftime('%Y-%m-%dT%H:%M:%S', 'now', '-' || CAST(:days AS INTEGER) || ' days')
ORDER BY last_items_at
""".strip(),
    },
}


def articles_fts_key(db) -> str:
    """The ``articles`` column the FTS index's rowid points at (``content_rowid``), for Datasette."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    match = re.search(r"content_rowid\s*=\s*'?(\w+)'?", row[0] if row else "")
    return match.group(1) if match else "id"
