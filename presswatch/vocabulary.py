"""Human names of the codes a reader sees (categories, statuses, roles, decisions), as gettext
messages: English here, the other languages in the catalogues."""

from __future__ import annotations

from presswatch.locales import N_, translations

CATEGORIES = {
    "rights": N_("Violations of the rights of journalists and media"),
    "access": N_("Access to and dissemination of information"),
    "legal": N_("Claims against journalists and media for their speech"),
    "rights.obstruction": N_("Obstruction of professional activity"),
    "rights.detention": N_("Detention"),
    "rights.attack": N_("Attack, damage to property"),
    "rights.threat": N_("Threats"),
    "rights.insult": N_("Insult, smear"),
    "rights.impersonation": N_("Impersonation, fake accounts"),
    "rights.privacy": N_("Privacy, doxxing"),
    "rights.summons": N_("Summons"),
    "rights.interference": N_("Interference in editorial work"),
    "rights.copyright": N_("Copyright"),
    "access.refusal": N_("Refusal of information"),
    "access.accreditation": N_("Accreditation"),
    "access.court_openness": N_("Closed courts"),
    "access.closure": N_("Closure or suspension of a media outlet"),
    "access.blocking": N_("Blocking"),
    "access.cyberattack": N_("Cyberattacks (DDoS, hacking)"),
    "legal.criminal": N_("Criminal charges"),
    "legal.civil": N_("Civil claims and lawsuits"),
    "legal.administrative": N_("Administrative charges"),
}
STATUSES = {  # candidates
    "pending": N_("pending"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "merged": N_("merged"),
    "second_source": N_("needs a second source"),
    "skipped": N_("skipped"),
}
CASE_STATUSES = {
    "reported": N_("reported"),
    "investigation": N_("investigation"),
    "court": N_("in court"),
    "decision": N_("decision"),
    "appeal": N_("appeal"),
    "closed": N_("closed"),
}
PERPETRATORS = {
    "state:police": N_("state: police"),
    "state:court": N_("state: court"),
    "state:prosecutor": N_("state: prosecutor"),
    "state:official": N_("state: official"),
    "state:regulator": N_("state: regulator"),
    "state:security": N_("state: security service"),
    "non-state": N_("non-state"),
    "unknown": N_("unknown"),
}
ROLES = {"reviewer": N_("reviewer"), "editor": N_("editor"), "admin": N_("administrator")}
ACTIONS = {
    "accept": N_("accepted"),
    "reject": N_("rejected"),
    "merge": N_("merged"),
    "second_source": N_("needs a second source"),
    "skip": N_("skipped"),
    "undo": N_("undone"),
    "create": N_("created"),
    "edit": N_("edited"),
    "development": N_("new development"),
}
FIELDS = {
    "category": N_("Category"),
    "title": N_("Title"),
    "summary": N_("Summary"),
    "victims": N_("Victims"),
    "outlets": N_("Outlets"),
    "perpetrator": N_("Perpetrator"),
    "legal_refs": N_("Legal refs"),
    "amounts": N_("Amounts"),
    "place": N_("Place"),
    "event_date": N_("Event date"),
    "case_status": N_("Case status"),
    "cyber_kind": N_("Cyberattack kind"),
}
CYBER_KINDS = {
    "ddos": N_("DDoS attack"),
    "hacking": N_("hacking"),
    "attempted_hacking": N_("attempted hacking"),
}
REDACTIONS = {"person": N_("person"), "span": N_("passage")}
SOURCE_STATUSES = {"ok": N_("ok"), "failed": N_("failed")}
STAGES = {
    "config": N_("configuration"),
    "crawl": N_("crawl"),
    "extract": N_("extraction"),
    "tag": N_("tagging"),
    "detect": N_("detection"),
    "group": N_("grouping"),
}
LANGUAGES = {"ru": N_("Russian"), "kk": N_("Kazakh"), "en": N_("English"), "other": N_("other")}
KINDS = {
    "category": CATEGORIES,
    "status": STATUSES,
    "case_status": CASE_STATUSES,
    "perpetrator": PERPETRATORS,
    "role": ROLES,
    "action": ACTIONS,
    "lang": LANGUAGES,
    "field": FIELDS,
    "source_status": SOURCE_STATUSES,
    "cyber_kind": CYBER_KINDS,
    "redaction": REDACTIONS,
    "stage": STAGES,
}


def name(kind: str, code: str | None, lang: str) -> str:
    """The reader's name of ``code`` (a ``kind`` of :data:`KINDS`); an unknown code as it is."""
    if not code:
        return ""
    message = KINDS[kind].get(code)
    return translations(lang).gettext(message) if message else code


def category(code: str | None, lang: str) -> str:
    return name("category", code, lang)
