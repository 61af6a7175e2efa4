"""From signals to candidates: ``grouping`` files one candidate per incident however many articles
report it; ``merge`` folds the facets of a candidate's signals into one record.
"""
