"""Party and state documents: the kinds and issuers (rules), number patterns, and the finder
(resolutions)."""
