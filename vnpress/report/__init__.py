"""Pictures of the corpus: terminal charts (:mod:`.charts`, for ``--chart``) and the self-contained
HTML report (``vnpress report``)."""
