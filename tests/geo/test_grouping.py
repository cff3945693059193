"""Per-site joined lists agree with the plain Python way on random pairs."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from asmap.geo.grouping import joined

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
