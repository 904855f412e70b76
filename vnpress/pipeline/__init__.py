"""Many documents at once: batches through the segmenter and an analysis, worker processes, the cache."""
