"""Input and output: reading a corpus into Documents, the one writer of tables, column specs, progress."""
