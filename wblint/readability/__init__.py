"""The readability formulas of textstat 0.7.8, over sentences that spaCy found.

``measure`` counts what the formulas read in one sentence (words, syllables, letters,
words off the Dale-Chall list of easy words...), exactly as textstat counts it;
``formulas`` turns the counts of a draft's sentences into textstat's figures.  textstat
would also split the sentences itself, at every full stop: wblint lets spaCy split them
(so "Dr." and "U.S." end none) and keeps textstat's rule that a piece of one or two words
is no sentence.  On text where both split alike, every figure is textstat's own.
"""
