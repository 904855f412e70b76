"""Resolutions and other normative documents (interface; the extractor is being written)."""

from __future__ import annotations

from ..normalise import Normalised
from .model import Mention


def find_resolutions(norm: Normalised) -> list[Mention]:
    """Mentions of type ``resolution`` in a normalised document, offsets into ``norm.original``."""
    return []
