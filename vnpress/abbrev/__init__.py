"""Abbreviations: finding them (detect), their in-text definitions (define), the dictionary, and
expanding them over a corpus (expand)."""
