"""The folds a cluster combines in a tree (freq, entities, expand-abbrev): for every way of cutting a
corpus into consecutive runs of whole files, combining the runs' folds gives exactly the fold of the
whole, order included (ties, first-seen posts and spellings). This is why --scheduler's output is
byte-identical to --jobs 1 whatever the cluster's size and the order in which batches finish."""

import copy
import functools
from functools import partial, reduce

import pytest
from helpers import ROOT, SEEDS

from vnpress.abbrev import expand
from vnpress.entities import _document_mentions, add_entity_totals, entity_totals
from vnpress.io.corpus import read_corpus
from vnpress.pipeline.cache.keys import UserFiles
from vnpress.pipeline.parallel import map_documents
from vnpress.pipeline.run import map_segmented
from vnpress.stats import freq

INPUTS = [
    str(SEEDS),
    str(ROOT / "tests" / "fixtures" / "abbrev"),
    str(ROOT / "tests" / "fixtures" / "entities"),
]


@functools.cache
def _items(kind: str) -> list:
    docs = read_corpus(INPUTS)
    if kind == "freq":
        count = partial(
            freq.document_pairs,
            ngram=1,
            keep_case=False,
            stopwords=freq.load_stopwords(),
            keep_boilerplate=False,
        )
        return list(map_segmented(count, docs, use_cache=False))
    if kind == "entities":
        return list(map_documents(partial(_document_mentions, user_files=UserFiles(()), ner=False), docs))
    return list(map_documents(partial(expand._document_groups, ()), docs))


FOLDS = {
    "freq": (freq.corpus_totals, freq.add_totals),
    "entities": (partial(entity_totals, wanted=None), add_entity_totals),
    "expand-abbrev": (expand.abbreviation_totals, expand.add_abbreviation_totals),
}


def _ordered(value):
    if isinstance(value, tuple):  # freq: (pairs, documents)
        return [list(v.items()) for v in value]
    return list(value.items())


@pytest.mark.parametrize("kind", FOLDS)
def test_combined_runs_of_whole_files_are_the_fold_of_the_whole(kind):
    folded, combine = FOLDS[kind]

    def fold(run):  # on fresh results, as a worker folds what it has just computed
        return folded(iter(copy.deepcopy(list(run))))

    items = _items(kind)
    assert len(items) > 10
    whole = _ordered(fold(iter(items)))
    assert whole
    for size in (1, 2, 3, 7):
        runs = [items[i : i + size] for i in range(0, len(items), size)]
        partials = [fold(iter(run)) for run in runs]
        assert _ordered(reduce(combine, partials)) == whole
        # as the tree combines them: groups of 8 first, then what is left
        tree = [reduce(combine, partials[i : i + 8]) for i in range(0, len(partials), 8)]
        assert _ordered(reduce(combine, tree)) == whole
    # and the inputs of combine are left as they were (a retried task sees them again)
    first, second = fold(iter(items[:3])), fold(iter(items[3:6]))
    before = (_ordered(first), _ordered(second))
    combine(first, second)
    assert (_ordered(first), _ordered(second)) == before
