"""The SQLite cache of segmentations and analyses: its keys (keys) and its store (store)."""
