"""Courts and state bodies from ``nlp/data/bodies.yaml`` (aliases and patterns); each hit carries
its perpetrator type (``state:court``, ``state:police``…) in ``Hit.info``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities.gazetteer import body_gazetteer

if not Doc.has_extension("bodies"):
    Doc.set_extension("bodies", default=None)


@Language.factory("presswatch_bodies_v1")
def make_bodies(nlp: Language, name: str) -> BodiesComponent:
    return BodiesComponent()


class BodiesComponent:
    """Sets ``doc._.bodies`` (list of :class:`nlp.entities.gazetteer.Hit`; kind "court" or "body")."""

    def __call__(self, doc: Doc) -> Doc:
        hits = body_gazetteer().find(doc.text)
        doc._.bodies = [
            h.__class__(
                h.name,
                "court" if (h.info or "").endswith("court") else "body",
                h.start,
                h.end,
                h.text,
                h.info,
            )
            for h in hits
        ]
        return doc
