"""Text, one document at a time: normalising, segmenting into words, word classes, page furniture."""
