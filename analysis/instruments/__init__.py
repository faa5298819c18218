"""Instruments made by other people: TextBlob's and VADER's word lexicons and scorers.

``words`` reads their word lexicons (one reader each). ``_textblob_fast`` and ``_vader_fast`` are
private, fast copies of their scorers, each headed with its upstream, version and licence (see
NOTICE), used only when the installed version is the one they were checked against. Nothing here
imports a lens; :mod:`analysis.annotate` scores every article with them once, and
:mod:`analysis.tone`'s single-text helpers (``textblob_sentiment``, ``vader_compound``) call them.
"""
