"""Instruments made by other people: TextBlob's and VADER's word lexicons and scorers.

``words`` reads their word lexicons (one reader each). Nothing here imports a lens.
"""
