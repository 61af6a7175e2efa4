"""Importing this module registers every Presswatch spaCy factory (versioned names):
``presswatch_natasha_ner_v1``, ``presswatch_outlets_v1``, ``presswatch_bodies_v1``,
``presswatch_legal_refs_v1``, ``presswatch_amounts_v1``, ``presswatch_dates_v1``,
``presswatch_people_v1``."""

from __future__ import annotations

from nlp.entities import amounts, bodies, dates, legal, natasha_ner, outlets, people

FACTORIES = {
    "presswatch_natasha_ner_v1": natasha_ner,
    "presswatch_outlets_v1": outlets,
    "presswatch_bodies_v1": bodies,
    "presswatch_legal_refs_v1": legal,
    "presswatch_amounts_v1": amounts,
    "presswatch_dates_v1": dates,
    "presswatch_people_v1": people,
}
