"""vnpress: entities, word frequencies and abbreviations from Vietnamese military and party press.

The library API (the CLI is a thin layer over it):

- :func:`vnpress.corpus.read_corpus` — paths → :class:`~vnpress.corpus.Document` objects
- :func:`vnpress.normalise.normalise` — NFC and tone placement, with offsets back to the original
- :func:`vnpress.segment.segment` — underthesea word segmentation with offsets
- :mod:`vnpress.entities`, :mod:`vnpress.freq`, :mod:`vnpress.kwic`, :mod:`vnpress.abbrev` — the analyses
- :func:`vnpress.render.render` — a :class:`~vnpress.render.Table` in any output format
"""

__version__ = "0.1.0"
