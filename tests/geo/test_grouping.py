"""Per-site joined lists agree with the plain Python way on random pairs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from asmap.geo.grouping import first_smallest, joined

text = st.sampled_from(["ZP-01", "ZP-02", "ZP-10", "MV-011001", "Өндөр", "b", "a b", None])


@given(st.lists(st.tuples(st.integers(0, 6), text), max_size=40), st.integers(0, 3))
def test_joined_matches_sorted_set_per_group(pairs, extra):
    n = 7 + extra
    expected = [";".join(sorted({v for g, v in pairs if g == i and v is not None}))
                for i in range(n)]
    groups = np.array([g for g, _ in pairs], dtype=np.int64)
    values = np.array([v for _, v in pairs], dtype=object)
    assert joined(groups, values, n) == expected


def test_joined_with_another_separator():
    assert joined(np.array([1, 1]), np.array(["y", "x"]), 2, sep=", ") == ["", "x, y"]


@pytest.mark.parametrize("seed", range(8))
def test_first_smallest_picks_what_lexsort_puts_first(seed):
    """Against `np.lexsort`: ties on every key, infinities, and rows out of group order."""
    rng = np.random.default_rng(seed)
    n = 2000
    groups = np.sort(rng.integers(0, 300, n))
    a = rng.integers(0, 3, n).astype(float)
    a[rng.random(n) < 0.1] = np.inf
    b = rng.integers(0, 2, n)
    c = rng.integers(0, 4, n)
    order = np.lexsort((c, b, a, groups))
    want = order[np.r_[True, groups[order][1:] != groups[order][:-1]]]
    assert first_smallest(groups, a, b, c).tolist() == want.tolist()
    shuffled = rng.permutation(n)  # not sorted by group: sorted as lexsort sorts
    g, keys = groups[shuffled], (a[shuffled], b[shuffled], c[shuffled])
    order = np.lexsort((*reversed(keys), g))
    assert first_smallest(g, *keys).tolist() == order[
        np.r_[True, g[order][1:] != g[order][:-1]]].tolist()
    with_nan = a.copy()
    with_nan[::7] = np.nan  # NaN sorts last, as in lexsort
    order = np.lexsort((c, b, with_nan, groups))
    assert first_smallest(groups, with_nan, b, c).tolist() == order[
        np.r_[True, groups[order][1:] != groups[order][:-1]]].tolist()


def test_first_smallest_of_nothing_is_nothing():
    assert first_smallest(np.array([], dtype=int), np.array([])).tolist() == []
