"""The shared vocabulary of punctuation: which tokens end a sentence or a clause.

The rule modules (entities, abbreviations) look at tokens (or characters) one at a time and stop at
these. The variants differ on purpose, each named for what it stops at; a module takes the one its
rule needs instead of spelling its own set.
"""

from __future__ import annotations

# the end of a sentence, or of a line
SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})
# the same, and an ellipsis ("…"), which closes a sentence in the press as often as a full stop
SENTENCE_ENDS_AND_ELLIPSIS = SENTENCE_ENDS | {"…"}
# where a clause ends: a full stop, a semicolon or a line break (not "!" or "?", rare in a clause
# about a person's post)
CLAUSE_ENDS = frozenset({".", ";", "\n"})
# a sentence end, or a semicolon or colon: the bounds of a heading and of the list it introduces
SENTENCE_AND_CLAUSE_ENDS = SENTENCE_ENDS | {";", ":"}
