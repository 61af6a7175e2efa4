"""A spaCy component wrapping natasha/slovnet NER (Russian news model): sets
``doc._.natasha_spans`` to ``[(start, end, type, text)]`` (character offsets; PER/LOC/ORG)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("natasha_spans"):
    Doc.set_extension("natasha_spans", default=None)


@lru_cache(maxsize=1)
def natasha_models():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding)


def natasha_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Raw natasha NER over ``text``."""
    from natasha import Doc as NatashaDoc

    segmenter, tagger = natasha_models()
    ndoc = NatashaDoc(text)
    ndoc.segment(segmenter)
    ndoc.tag_ner(tagger)
    return [(s.start, s.stop, s.type, text[s.start : s.stop]) for s in ndoc.spans]


@Language.factory("presswatch_natasha_ner_v1")
def make_natasha_ner(nlp: Language, name: str) -> NatashaNER:
    return NatashaNER()


class NatashaNER:
    """Batches through natasha one document at a time (natasha has no batch API)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.natasha_spans = natasha_spans(doc.text) if doc.text.strip() else []
        return doc
