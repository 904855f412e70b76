"""vnpress: entities, word frequencies and abbreviations from Vietnamese military and party press.

The library API (the CLI is a thin layer over it), one subpackage per layer of the pipeline:

- :mod:`vnpress.io` — :func:`~vnpress.io.corpus.read_corpus` (paths → Documents) and
  :func:`~vnpress.io.render.render` (a Table in any output format)
- :mod:`vnpress.text` — :func:`~vnpress.text.normalise.normalise` (NFC and tone placement, with offsets
  back to the original) and :func:`~vnpress.text.segment.segment` (underthesea's segmenter, with offsets)
- :mod:`vnpress.pipeline` — many documents through the segmenter and an analysis, in batches, in worker
  processes, with the cache
- :mod:`vnpress.entities`, :mod:`vnpress.abbrev`, :mod:`vnpress.stats` — the analyses
"""

__version__ = "0.1.0"
