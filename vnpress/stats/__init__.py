"""Word statistics over the segmented words: frequencies (freq) and keyword in context (kwic)."""
