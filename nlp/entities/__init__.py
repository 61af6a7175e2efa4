"""Entities in normalised text: people with media roles, outlets, legal references, bodies, amounts, dates.

NER candidates (``natasha_ner`` for Cyrillic, spaCy ``PERSON`` for English) are brought to one form
(``names``, ``morph``); ``people`` keeps those the text ties to a media role (``roles`` cues,
``role_features`` → ``role_model``, trained by ``role_training``); ``outlets`` and ``attribution`` find
the outlets (``gazetteer`` plus names in quotes after a media word); ``legal`` and ``legal_context`` read
article numbers with their codes; ``bodies``, ``amounts`` and ``dates`` the rest. ``entity_eval`` scores
them on the real corpus, ``evaluation`` on the project's fictional sets.
"""
