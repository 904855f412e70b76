"""The key of a cached analysis comes from the call itself: every argument, no hand-written string."""

import enum
import functools
import inspect
import subprocess
import sys

import pytest

from vnpress.errors import DataFileError
from vnpress.pipeline.cache.keys import UserFiles, analysis_prefix, argument_key
from vnpress.stats.freq import bundled_stopwords, document_pairs


class Colour(enum.Enum):
    RED = 1
    BLUE = 2


def analysis(
    doc, words, *, n: int, flag: bool = False, name: str = "x", words_out=frozenset(), colour=Colour.RED
):
    """A stand-in analysis with arguments of several types."""


BASE = {"n": 1, "flag": False, "name": "x", "words_out": frozenset({"a", "b"}), "colour": Colour.RED}
CHANGED = {"n": 2, "flag": True, "name": "y", "words_out": frozenset({"a", "c"}), "colour": Colour.BLUE}


@pytest.mark.parametrize("name", list(BASE))
def test_changing_any_argument_changes_the_key(name):
    base = analysis_prefix(functools.partial(analysis, **BASE))
    assert analysis_prefix(functools.partial(analysis, **{**BASE, name: CHANGED[name]})) != base


def test_the_key_is_the_bound_arguments_not_how_they_were_given():
    by_keyword = analysis_prefix(functools.partial(analysis, n=1))
    assert analysis_prefix(functools.partial(analysis, n=1, flag=False)) == by_keyword  # the default
    assert analysis_prefix(functools.partial(functools.partial(analysis), n=1)) == by_keyword
    assert analysis_prefix(functools.partial(analysis, n=1, words_out=frozenset())) == by_keyword
    assert analysis_prefix(functools.partial(analysis, n=True)) != by_keyword  # True is not 1


def test_the_key_names_the_function_and_the_code():
    from vnpress.pipeline.cache.keys import code_digest

    prefix = analysis_prefix(functools.partial(analysis, n=1))
    assert prefix.startswith(f"{__name__}.analysis\0".encode())
    assert prefix.endswith(code_digest().encode())


def test_sets_and_dicts_are_keyed_whatever_their_order():
    assert argument_key({"b", "a", "c"}) == argument_key(frozenset(["c", "a", "b"]))
    assert argument_key({"a": 1, "b": 2}) == argument_key({"b": 2, "a": 1})
    assert argument_key(("a", "b")) != argument_key(("b", "a"))
    assert argument_key(("a",)) != argument_key(["a"]) != argument_key("a")


def test_the_key_is_the_same_in_another_process():
    """No ``hash()`` or ``id()`` in it: str hashes change from one process to the next."""
    code = (
        "from vnpress.pipeline.cache.keys import argument_key;"
        "print(argument_key((frozenset({'bộ', 'đội', 'x', 'y'}), {'k': 1.5}, None)))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout for _ in range(2)
    }
    assert runs == {argument_key((frozenset({"bộ", "đội", "x", "y"}), {"k": 1.5}, None)) + "\n"}


def test_an_argument_the_cache_cannot_name_is_an_error_not_a_shared_key():
    class Opaque:
        pass

    with pytest.raises(TypeError, match="Opaque"):
        analysis_prefix(functools.partial(analysis, n=Opaque()))
    with pytest.raises(TypeError):
        argument_key(lambda: 1)


def test_user_files_are_keyed_by_their_contents(tmp_path):
    rules = tmp_path / "rules.tsv"
    rules.write_text("unit\tSư đoàn 9\tSư đoàn 9\n", encoding="utf-8")
    func = functools.partial(analysis, n=1, words_out=UserFiles([str(rules)]))
    before = analysis_prefix(func)
    assert analysis_prefix(func) == before
    rules.write_text("unit\tSư đoàn 7\tSư đoàn 7\n", encoding="utf-8")
    assert analysis_prefix(func) != before
    assert UserFiles([str(rules)]) == (str(rules),)  # to the function, a tuple of paths
    rules.unlink()
    with pytest.raises(DataFileError, match="no such file"):
        analysis_prefix(func)


def test_every_option_of_freqs_analysis_is_in_its_key():
    """Whatever keyword options document_pairs has, or gains: each one changes the key."""
    base = {"ngram": 1, "keep_case": False, "stopwords": bundled_stopwords(), "keep_boilerplate": False}
    other = {
        "ngram": 2,
        "keep_case": True,
        "stopwords": bundled_stopwords() | {"quân khu"},
        "keep_boilerplate": True,
    }
    options = [
        p.name for p in inspect.signature(document_pairs).parameters.values() if p.kind == p.KEYWORD_ONLY
    ]
    assert sorted(options) == sorted(base)
    key = analysis_prefix(functools.partial(document_pairs, **base))
    for name in options:
        assert analysis_prefix(functools.partial(document_pairs, **{**base, name: other[name]})) != key, name
