"""The sentence-end and clause-end sets are spelled once, in vnpress/text/vocab.py."""

import ast
from pathlib import Path

from vnpress.text import vocab

PACKAGE = Path(__file__).resolve().parent.parent / "vnpress"


def _punctuation_sets(path: Path) -> list[int]:
    """Lines of set literals or short strings of punctuation alone holding a full stop and a line break
    (a set of words and punctuation, such as the words before a post, is something else)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Set):
            values = {e.value for e in node.elts if isinstance(e, ast.Constant)}
            if {".", "\n"} <= values and all(isinstance(v, str) and not v.isalnum() for v in values):
                found.append(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 8:
            chars = set(node.value)
            if {".", "\n"} <= chars <= set(".!?…;:\n"):
                found.append(node.lineno)
    return found


def test_no_module_spells_its_own_sentence_ends():
    copies = {
        str(p.relative_to(PACKAGE)): lines
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name != "vocab.py" and (lines := _punctuation_sets(p))
    }
    assert copies == {}


def test_the_variants_differ_only_where_they_are_meant_to():
    sentence = vocab.SENTENCE_ENDS
    assert sorted(vocab.SENTENCE_ENDS_AND_ELLIPSIS - sentence) == ["…"]
    assert sorted(vocab.SENTENCE_AND_CLAUSE_ENDS - sentence) == [":", ";"]
    assert sorted(vocab.CLAUSE_ENDS) == ["\n", ".", ";"]
