"""Per-site lists from (site, value) pairs, without a pandas group per site."""

from __future__ import annotations

import numpy as np
import pandas as pd


def joined(groups: np.ndarray, values: np.ndarray, n: int, sep: str = ";") -> list[str]:
    """
    For each group ``0 .. n-1``, its distinct values sorted and joined with `sep`.

    Parameters
    ----------
    groups
        The group (site row) of each pair, integers in ``0 .. n-1``.
    values
        The text of each pair; missing values are left out.
    n
        The number of groups.
    sep
        The separator.

    Returns
    -------
    list of str
        ``""`` for a group with no pairs.

    Examples
    --------
    >>> joined(np.array([2, 0, 2, 2]), np.array(["b", "x", "a", "b"]), 3)
    ['x', '', 'a;b']
    """
    out = [""] * n
    codes, names = pd.factorize(np.asarray(values, dtype=object), sort=True)
    keep = codes >= 0
    if not keep.any():
        return out
    width = len(names)
    key = np.unique(np.asarray(groups, dtype=np.int64)[keep] * width + codes[keep])
    group, code = np.divmod(key, width)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], len(group)].tolist()
    text = np.asarray(names, dtype=object)[code].tolist()
    for g, a, b in zip(group[starts].tolist(), starts.tolist(), ends, strict=True):
        out[g] = sep.join(text[a:b])
    return out


def first_smallest(groups: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """
    Each group's row with the smallest `keys` (compared in order), the first such row on
    a tie: what ``np.lexsort((*reversed(keys), groups))`` puts first in each group.

    Rows must be sorted by group (as near-segment pairs are); each key narrows the rows
    still in the running, a linear pass instead of a sort. Keys holding NaN, or groups
    out of order, are sorted as `np.lexsort` sorts them.

    Examples
    --------
    >>> groups = np.array([0, 0, 0, 2, 2])
    >>> first_smallest(groups, np.array([5.0, 1.0, 1.0, 3.0, 3.0]), np.array([9, 7, 7, 1, 0]))
    array([1, 4])
    """
    groups = np.asarray(groups)
    n = len(groups)
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    new = np.r_[True, groups[1:] != groups[:-1]]
    nan = any(np.issubdtype(k.dtype, np.floating) and np.isnan(k).any() for k in keys)
    if nan or (n > 1 and (groups[1:] < groups[:-1]).any()):
        order = np.lexsort((*reversed(keys), groups))
        first = np.r_[True, groups[order][1:] != groups[order][:-1]]
        return order[first]
    starts = np.flatnonzero(new)
    member = np.cumsum(new) - 1  # each row's group, 0 .. groups - 1
    running = np.ones(n, dtype=bool)
    for key in keys:
        key = np.asarray(key)
        top = (np.inf if np.issubdtype(key.dtype, np.floating) else np.iinfo(key.dtype).max)
        least = np.minimum.reduceat(np.where(running, key, top), starts)
        running &= key == least[member]
    rows = np.flatnonzero(running)
    return rows[np.r_[True, member[rows][1:] != member[rows][:-1]]]
