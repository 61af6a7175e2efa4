"""A spaCy component wrapping natasha/slovnet NER (Russian news model): sets
``doc._.natasha_spans`` to ``[(start, end, type, text)]`` (character offsets; PER/LOC/ORG).

``nlp.pipe`` hands the component whole batches, which go to slovnet's batched ``map``
(one padded tensor per batch) instead of one natasha ``Doc`` at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

if not Doc.has_extension("natasha_spans"):
    Doc.set_extension("natasha_spans", default=None)


@lru_cache(maxsize=1)
def natasha_models():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding)


def natasha_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Raw natasha over ``text`` (Doc → segment → tag_ner), as natasha's documentation does it."""
    from natasha import Doc as NatashaDoc

    segmenter, tagger = natasha_models()
    ndoc = NatashaDoc(text)
    ndoc.segment(segmenter)
    ndoc.tag_ner(tagger)
    return [(s.start, s.stop, s.type, text[s.start : s.stop]) for s in ndoc.spans]


def batch_spans(texts: list[str]) -> list[list[tuple[int, int, str, str]]]:
    """slovnet NER over a batch of texts in one call."""
    _, tagger = natasha_models()
    out: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
    todo = [i for i, t in enumerate(texts) if t.strip()]
    for i, markup in zip(todo, tagger.map([texts[i] for i in todo]), strict=True):
        out[i] = [(s.start, s.stop, s.type, texts[i][s.start : s.stop]) for s in markup.spans]
    return out


@Language.factory("presswatch_natasha_ner_v1", default_config={"batch_size": 32})
def make_natasha_ner(nlp: Language, name: str, batch_size: int) -> NatashaNER:
    return NatashaNER(batch_size)


class NatashaNER:
    """slovnet NER as a spaCy component; batched in ``pipe``."""

    def __init__(self, batch_size: int = 32):
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        doc._.natasha_spans = batch_spans([doc.text])[0]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            for doc, spans in zip(batch, batch_spans([d.text for d in batch]), strict=True):
                doc._.natasha_spans = spans
                yield doc
