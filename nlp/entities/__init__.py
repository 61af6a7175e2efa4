"""Entities in normalised text: people with media roles, outlets, legal references, bodies, amounts, dates.

NER candidates (``natasha_ner`` for Cyrillic, spaCy ``PERSON`` for English) and the other spans
that may be names (``name_spans``, English ``pattern_names``) are brought to one form (``names``,
``morph``); ``people`` keeps those the text ties to a media role (``roles`` cues, ``governing_cues``,
``role_candidates`` and ``role_features`` → ``role_model``, trained by ``role_training``);
``outlets`` and ``attribution`` find the outlets (``gazetteer`` plus names next to an ``outlet_cues``
pattern, kept by ``outlet_names``, reported per written form by ``outlet_forms``); ``legal`` reads
article numbers (``legal_anchors``) with their codes (``legal_codes``, ``legal_context``);
``bodies``, ``amounts`` and ``dates`` the rest. ``entity_eval`` scores them on the real corpus,
``evaluation`` on the project's fictional sets.
"""
